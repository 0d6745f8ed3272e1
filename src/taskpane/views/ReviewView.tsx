/**
 * Review: what the board looks at beside the Position and the Checks (issue 15): the sign-off and every input changed
 * since, and Sign off (the one write here, hidden behind words in review mode); what changed since the last closed
 * period; the actions agreed; and the commentary on the lines.
 */
import * as React from "react";
import { Body1, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { MonitoringPeriod } from "../../model/types";
import { type InputChange, type SignOffStatus, describeRecord, describeStatus } from "../../engine/signoff";
import { KEPT_WHEN_CLOSED, type SinceClosed, changesSinceClosed } from "../../engine/since-closed";
import type { Place } from "../../engine/checks";
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
  /** The cell showing a figure now (the read-back's), for "since the last closed period"; absent: not shown. */
  locate?: ((place: Place) => string | null) | null;
  /** The Sign off form (absent: not shown, e.g. in a printout); its action null in review mode. */
  signOff?: Omit<SignOffFormProps, "signoff">;
}

/** Inputs changed, each at its cell: "Revenue!E8: Revenue, Pay, forecast outturn, 153797 → 153900". */
function ChangeList({ changes, label, testId }: { changes: readonly InputChange[]; label: string; testId: string }): React.JSX.Element {
  const s = useStyles();
  return (
    <ul className={s.list} aria-label={label} data-testid={testId}>
      {changes.map((c) => (
        <li key={c.key}>
          <Body1>{c.where ?? "(removed)"}: {c.what}, {c.before === "" ? "blank" : c.before} → {c.after === "" ? "blank" : c.after}</Body1>
        </li>
      ))}
    </ul>
  );
}

/** What changed since the latest earlier closed period, as far as the Period history keeps it (src/engine/since-closed.ts). */
function SinceClosedSection({ since }: { since: SinceClosed | null }): React.JSX.Element {
  const s = useStyles();
  if (!since) return <Body1 as="p" className={`${s.p} ${s.muted}`} data-testid="review-since-closed">No earlier period has been closed (Pack › Close the period keeps it on the Period history sheet).</Body1>;
  const closed = `${since.since}${since.closedOn ? `, closed ${since.closedOn}` : ""}`;
  if (!since.comparable) {
    return <Body1 as="p" className={`${s.p} ${s.muted}`} data-testid="review-since-closed">{since.since} was closed before Outturn kept each line on the Period history sheet, so its lines cannot be compared (only its totals are kept: see the Position&apos;s movement).</Body1>;
  }
  return (
    <>
      <Body1 as="p" className={s.p} data-testid="review-since-closed">
        {since.changes.length === 0 ? `Nothing changed since ${closed}` : `${since.changes.length} change(s) since ${closed}`} in {KEPT_WHEN_CLOSED}, the figures the Period history keeps of a closed period.
      </Body1>
      {since.changes.length > 0 && <ChangeList changes={since.changes} label={`Changed since ${since.since}`} testId="review-since-closed-changes" />}
    </>
  );
}

/** Each line with commentary, by group. */
function commentaryOf(model: MonitoringPeriod): Array<{ line: string; text: string }> {
  const lines = model.revenue.groups.flatMap((g) => g.lines.map((l) => ({ line: `${g.name}: ${l.name}`, text: l.commentary ?? "" })));
  const capital = model.capital.lines.map((l) => ({ line: `Capital: ${l.name}`, text: l.commentary ?? "" }));
  return [...lines, ...capital].filter((c) => c.text.trim() !== "");
}

export function ReviewView({ model, signoff, actions, signOff, locate }: ReviewViewProps): React.JSX.Element {
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
          {signoff.changes.length > 0 && <ChangeList changes={signoff.changes} label="Inputs changed since sign-off" testId="review-changes" />}
        </>
      ) : (
        <Body1 as="p" className={`${s.p} ${s.muted}`} data-testid="review-signoff">Not signed off.</Body1>
      )}
      {/* Keyed on what was signed: after a sign-off (or a change) the form starts afresh, with the role that signs next. */}
      {signOff && model && <SignOffForm key={signoff ? `${signoff.fingerprint}|${signoff.records.length}` : "none"} signoff={signoff} {...signOff} />}

      {model && locate && (
        <>
          <Subtitle2 as="h3" id="review-closed">Since the last closed period</Subtitle2>
          <SinceClosedSection since={changesSinceClosed(model, locate)} />
        </>
      )}

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
