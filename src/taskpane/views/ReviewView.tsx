/**
 * Review: what the board looks at beside the Position and the Checks (issue 15): the sign-off and every input changed
 * since, and Sign off (the one write here, hidden behind words in review mode), the actions agreed, and the commentary
 * on the lines.
 */
import * as React from "react";
import { Body1, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { MonitoringPeriod } from "../../model/types";
import { type SignOffStatus, describeRecord, describeStatus } from "../../engine/signoff";
import type { BoardAction } from "../../engine/actions";
import { money } from "../../engine/format";
import { ViewHeading } from "./ViewHeading";
import { SignOffForm, type SignOffFormProps } from "./SignOffForm";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  p: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  changed: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface ReviewViewProps {
  model: MonitoringPeriod | null;
  signoff: SignOffStatus | null;
  actions: BoardAction[] | null;
  /** The Sign off form (absent: not shown, e.g. in a printout); its action null in review mode. */
  signOff?: Omit<SignOffFormProps, "signoff">;
}

/** Each line with commentary, by group. */
function commentaryOf(model: MonitoringPeriod): Array<{ line: string; text: string }> {
  const lines = model.revenue.groups.flatMap((g) => g.lines.map((l) => ({ line: `${g.name}: ${l.name}`, text: l.commentary ?? "" })));
  const capital = model.capital.lines.map((l) => ({ line: `Capital: ${l.name}`, text: l.commentary ?? "" }));
  return [...lines, ...capital].filter((c) => c.text.trim() !== "");
}

export function ReviewView({ model, signoff, actions, signOff }: ReviewViewProps): React.JSX.Element {
  const s = useStyles();
  const comments = model ? commentaryOf(model) : [];
  return (
    <section className={s.root} aria-labelledby="review-heading" data-testid="review">
      <ViewHeading id="review-heading">Review</ViewHeading>

      <Subtitle2 as="h3" id="review-signoff">Sign-off and what changed</Subtitle2>
      {signoff ? (
        <>
          <Body1 as="p" className={signoff.state === "signed" ? s.p : `${s.p} ${s.changed}`} data-testid="review-signoff">{describeStatus(signoff)}</Body1>
          {signoff.records.length > 0 && (
            <ul className={s.list} aria-labelledby="review-signoff">
              {signoff.records.map((r, i) => <li key={i}><Caption1>{describeRecord(r)}</Caption1></li>)}
            </ul>
          )}
          {signoff.changes.length > 0 && (
            <ul className={s.list} aria-label="Inputs changed since sign-off" data-testid="review-changes">
              {signoff.changes.map((c) => (
                <li key={c.key}>
                  <Body1>{c.where ?? "(removed)"}: {c.what}, {c.before === "" ? "blank" : c.before} → {c.after === "" ? "blank" : c.after}</Body1>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <Body1 as="p" className={`${s.p} ${s.muted}`} data-testid="review-signoff">Not signed off.</Body1>
      )}
      {/* Keyed on what was signed: after a sign-off (or a change) the form starts afresh, with the role that signs next. */}
      {signOff && model && <SignOffForm key={signoff ? `${signoff.fingerprint}|${signoff.records.length}` : "none"} signoff={signoff} {...signOff} />}

      <Subtitle2 as="h3" id="review-actions">Actions agreed</Subtitle2>
      {actions && actions.some((a) => a.action) ? (
        <ul className={s.list} aria-labelledby="review-actions" data-testid="review-actions">
          {actions.filter((a) => a.action).map((a, i) => (
            <li key={i}>
              <Body1>{a.item}: {a.action}</Body1>
              <Caption1 className={s.muted}> ({[a.status ?? "Open", a.owner && `owner ${a.owner}`, a.due && `due ${a.due}`,
                a.effect && model && `effect ${money(a.effect, model.units)}`, a.meeting].filter(Boolean).join(", ")})</Caption1>
            </li>
          ))}
        </ul>
      ) : (
        <Body1 as="p" className={`${s.p} ${s.muted}`}>No actions recorded (the Actions sheet lists them).</Body1>
      )}

      <Subtitle2 as="h3" id="review-commentary">Commentary</Subtitle2>
      {comments.length > 0 ? (
        <ul className={s.list} aria-labelledby="review-commentary" data-testid="review-commentary">
          {comments.map((c, i) => <li key={i}><Body1><strong>{c.line}.</strong> {c.text}</Body1></li>)}
        </ul>
      ) : (
        <Body1 as="p" className={`${s.p} ${s.muted}`}>No commentary on the lines.</Body1>
      )}
    </section>
  );
}

export default ReviewView;
