/**
 * Sign off, in the Review view: the treasurer, then the board, record their name and role; the date and time come
 * from the clock and the fingerprint of every input and setting from the workbook as it is (src/engine/signoff.ts).
 * While Checks lists errors it says why it cannot be signed off; in review mode it says to turn review mode off
 * (the gateway refuses the write too: ../review.ts).
 */
import * as React from "react";
import { Body1, Button, Field, Input, Radio, RadioGroup, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { SignOffRole, SignOffStatus } from "../../engine/signoff";
import type { SignOffRequest } from "../../workbook/gateway";
import { plural } from "../notices";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  p: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
});

export interface SignOffFormProps {
  signoff: SignOffStatus | null;
  /** Errors Checks lists now: while there is one, the figures are incomplete and are not signed off. */
  errorCount: number;
  /** Null in review mode (nothing is written then). */
  action: { busy: boolean; onSignOff: (request: SignOffRequest) => Promise<boolean> } | null;
}

/** Who signs next: the board once the treasurer has signed these figures. */
function nextRole(s: SignOffStatus | null): SignOffRole {
  return s?.state === "signed" && s.records.some((r) => r.role === "Treasurer" && r.fingerprint === s.fingerprint) ? "Board" : "Treasurer";
}

export function SignOffForm({ signoff, errorCount, action }: SignOffFormProps): React.JSX.Element {
  const s = useStyles();
  const [name, setName] = React.useState("");
  const [role, setRole] = React.useState<SignOffRole>(() => nextRole(signoff));
  const [missing, setMissing] = React.useState(false);

  if (!action) {
    return <Body1 as="p" className={s.muted} data-testid="signoff-review-mode">Signing off writes to the workbook: turn review mode off to sign off.</Body1>;
  }
  if (errorCount > 0) {
    return (
      <Body1 as="p" className={s.p} data-testid="signoff-errors">
        Not ready to sign off: {plural(errorCount, "error")} in the workbook {errorCount === 1 ? "means" : "mean"} the figures are incomplete. Correct them (Checks takes you to each cell), then sign off.
      </Body1>
    );
  }
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setMissing(true);
      return;
    }
    if (await action.onSignOff({ name: name.trim(), role })) setName("");
  };
  return (
    <form className={s.form} onSubmit={(e) => void submit(e)} noValidate aria-label="Sign off" data-testid="signoff-form">
      <Body1 as="p" className={s.muted}>
        Records your name and role, the date and time now, and a fingerprint of every input and setting on a protected Sign-off sheet. The treasurer signs first, then the board, on the same figures.
      </Body1>
      <RadioGroup layout="horizontal" value={role} onChange={(_, d) => setRole(d.value as SignOffRole)} aria-label="Signing off as">
        <Radio value="Treasurer" label="Treasurer" />
        <Radio value="Board" label="Board" />
      </RadioGroup>
      <Field label="Your name" required validationMessage={missing ? "Give the name of the person signing off." : undefined} validationState={missing ? "error" : "none"}>
        <Input id="signoff-name" value={name} autoComplete="name" onChange={(_, d) => { setName(d.value); setMissing(false); }} />
      </Field>
      <div className={s.row}>
        <Button appearance="primary" type="submit" disabled={action.busy} data-testid="signoff-button">Sign off as {role.toLowerCase()}</Button>
        {action.busy && <Spinner size="tiny" label="Signing off…" />}
      </div>
    </form>
  );
}
