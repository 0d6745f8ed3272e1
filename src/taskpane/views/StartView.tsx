/** Start: who and when the monitoring is for, which sheets to insert, and Insert. */
import * as React from "react";
import { Body1, Button, Checkbox, Field, Input, Radio, RadioGroup, Select, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { PeriodId, Units } from "../../model/types";
import { PERIODS, periodLabel } from "../../model/period";
import type { SheetKind } from "../../workbook/gateway";
import { FORM_SHEETS, SHEET_WORDS, type StartErrors, type StartForm, validateStart } from "../start-form";
import { ViewHeading } from "./ViewHeading";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  pair: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(130px, 1fr))", alignItems: "start", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalM },
  group: {
    display: "flex", flexDirection: "column", margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalXS },
  error: { color: tokens.colorPaletteRedForeground1, margin: 0, paddingInline: tokens.spacingHorizontalS },
  note: { color: tokens.colorNeutralForeground2, margin: 0 },
  field: { minWidth: 0 },
  input: { width: "100%", minWidth: 0 },
});

export interface StartViewProps {
  initial: StartForm;
  /** Outturn sheets already in the workbook (the user will be asked what to do with them). */
  existing: SheetKind[];
  busy: boolean;
  onInsert: (form: StartForm) => void;
}

export function StartView({ initial, existing, busy, onInsert }: StartViewProps): React.JSX.Element {
  const s = useStyles();
  const [form, setForm] = React.useState(initial);
  const [errors, setErrors] = React.useState<StartErrors>({});
  const [tried, setTried] = React.useState(false);
  const set = (p: Partial<StartForm>) => {
    const next = { ...form, ...p };
    setForm(next);
    if (tried) setErrors(validateStart(next));
  };
  const toggle = (sheet: SheetKind, on: boolean) =>
    set({ sheets: FORM_SHEETS.filter((k) => (k === sheet ? on : form.sheets.includes(k))) });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setTried(true);
    const found = validateStart(form);
    setErrors(found);
    const first = (["organisation", "financialYear", "sheets"] as const).find((k) => found[k]);
    if (first) {
      document.getElementById(first === "sheets" ? `sheet-${FORM_SHEETS[0]}` : `start-${first}`)?.focus();
      return;
    }
    onInsert(form);
  };

  return (
    <section className={s.root} aria-labelledby="start-heading">
      <ViewHeading id="start-heading">Insert the monitoring sheets</ViewHeading>
      <Body1 as="p" className={s.note}>
        Outturn adds the sheets of the quarterly report to this workbook: revenue, capital, reserves and savings, with their totals, variances and RAG worked out for you.
      </Body1>
      <form className={s.form} onSubmit={submit} noValidate aria-labelledby="start-heading">
        <Field label="Organisation" required validationMessage={errors.organisation} validationState={errors.organisation ? "error" : "none"}>
          <Input id="start-organisation" value={form.organisation} onChange={(_, d) => set({ organisation: d.value })} placeholder="e.g. Dorset Police and Crime Commissioner" autoComplete="organization" />
        </Field>
        <div className={s.pair}>
          <Field className={s.field} label="Financial year" required validationMessage={errors.financialYear} validationState={errors.financialYear ? "error" : "none"} hint="e.g. 2024/25">
            <Input className={s.input} id="start-financialYear" value={form.financialYear} onChange={(_, d) => set({ financialYear: d.value })} autoComplete="off" />
          </Field>
          <Field className={s.field} label="Period">
            <Select className={s.input} id="start-period" value={form.period} onChange={(_, d) => set({ period: d.value as PeriodId })}>
              {PERIODS.map((p) => (
                <option key={p} value={p}>
                  {periodLabel(p)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field label="Units">
          <RadioGroup layout="horizontal" value={form.units} onChange={(_, d) => set({ units: d.value as Units })}>
            <Radio value="£000" label="£ thousands (£000)" />
            <Radio value="£" label="£ (pounds)" />
          </RadioGroup>
        </Field>
        <Field label="Sheet password (optional)" hint="Formulas are locked, inputs are not. Without a password, Review > Unprotect Sheet lifts the protection. Outturn never stores the password: give it again after reopening the pane.">
          <Input id="start-password" type="password" value={form.password ?? ""} onChange={(_, d) => set({ password: d.value })} autoComplete="new-password" />
        </Field>
        <fieldset className={s.group} aria-describedby={errors.sheets ? "start-sheets-note start-sheets-error" : "start-sheets-note"}>
          <legend className={s.legend}>Sheets to insert</legend>
          <Body1 as="p" className={s.note} id="start-sheets-note">
            The sheets refer to each other (all read Settings; Summary reads the rest): untick one only when it is in the workbook already.
          </Body1>
          {FORM_SHEETS.map((sheet) => (
            <Checkbox
              key={sheet}
              id={`sheet-${sheet}`}
              checked={form.sheets.includes(sheet)}
              onChange={(_, d) => toggle(sheet, d.checked === true)}
              label={existing.includes(sheet) ? `${SHEET_WORDS[sheet]} (already in the workbook)` : SHEET_WORDS[sheet]}
            />
          ))}
          {errors.sheets && (
            <Body1 as="p" id="start-sheets-error" className={s.error} role="alert">
              {errors.sheets}
            </Body1>
          )}
        </fieldset>
        {existing.length > 0 && (
          <Body1 as="p" className={s.note}>
            This workbook already has Outturn sheets: you will be asked whether to add the new ones alongside or upgrade the existing ones in place.
          </Body1>
        )}
        <div>
          <Button type="submit" appearance="primary" disabledFocusable={busy} icon={busy ? <Spinner size="extra-tiny" /> : undefined}>
            {busy ? "Inserting…" : "Insert"}
          </Button>
        </div>
      </form>
    </section>
  );
}
