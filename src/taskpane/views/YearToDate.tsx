/**
 * The year to date under the Position: each revenue line's budget profiled to date, actual and variance to date with its
 * RAG, and forecast assist's notes (prompts to look at a forecast again; nothing here changes one). Loaded with the
 * Position when first shown, not at start-up (its figures come from src/report/year-to-date.ts). While the period has
 * errors its figures are incomplete, so it says so instead of showing them.
 */
import * as React from "react";
import { Body1, Button, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Position } from "../../engine/position";
import { bracketed, pctFigure, pctPlaces } from "../../engine/format";
import { yearToDateJson } from "../../report/year-to-date";
import { RagBadge } from "./RagBadge";
import { TakeProjection, type TakeProjectionProps } from "./TakeProjection";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
  list: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column" },
  item: {
    display: "grid", gridTemplateColumns: "1fr auto", columnGap: tokens.spacingHorizontalS, alignItems: "center",
    paddingBlock: tokens.spacingVerticalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  notes: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});

export interface YearToDateProps {
  position: Position;
  /** The period has errors: its figures leave out what the cells in error hold. */
  incomplete: boolean;
  /** Taking a projection into the forecast; absent in review mode (nothing there writes). */
  take?: Pick<TakeProjectionProps, "busy" | "canUndo" | "onTake" | "onUndo">;
}

export function YearToDate({ position, incomplete, take }: YearToDateProps): React.JSX.Element {
  const s = useStyles();
  const ytd = React.useMemo(() => yearToDateJson(position), [position]);
  const { settings, units } = position.model;
  const money = (d: Parameters<typeof bracketed>[0] | null) => (d === null ? "–" : bracketed(d.toDecimalPlaces(0), 0, settings.negativeStyle));
  const pct = (d: Parameters<typeof bracketed>[0] | null) => (d === null ? "" : pctFigure(d, pctPlaces(settings), settings.negativeStyle));
  const lines = ytd.rows.filter((r) => r.kind === "line");
  const total = ytd.rows.find((r) => r.kind === "total");
  const notes = lines.flatMap((r) => (r.assist ? [r.assist] : []));
  return (
    <section className={s.root} aria-labelledby="ytd-heading" data-testid="year-to-date">
      <Subtitle2 as="h3" id="ytd-heading" className={s.heading}>Year to date ({ytd.months} month{ytd.months === 1 ? "" : "s"})</Subtitle2>
      {incomplete ? (
        <>
          <Body1 as="p" className={s.muted}>Figures incomplete: correct the errors first.</Body1>
          {/* A take can itself raise an error (a check on the new forecast): its undo stays on offer. */}
          {take?.canUndo && <Button appearance="secondary" disabledFocusable={take.busy.undo} onClick={take.onUndo}>{take.busy.undo ? "Undoing…" : "Undo the take"}</Button>}
        </>
      ) : (
        <>
          <Caption1 as="p" className={s.muted}>
            Budget profiled to date against the actual, in {units === "£000" ? "£000's" : "£"}; variance to date in the body&apos;s sign convention.
            {total?.budgetToDate ? ` All lines: budget ${money(total.budgetToDate)}, actual ${money(total.actualToDate)}, variance ${money(total.varianceToDate)}, ${pct(total.varianceToDatePct)}.` : ""}
          </Caption1>
          <ul className={s.list} aria-label="Revenue lines to date">
            {lines.map((r) => (
              <li key={r.path} className={s.item}>
                <span>
                  <Body1 block>{r.name}</Body1>
                  <Caption1 block className={s.muted}>
                    budget {money(r.budgetToDate)}, actual {money(r.actualToDate)}, variance {money(r.varianceToDate)}{r.varianceToDatePct ? `, ${pct(r.varianceToDatePct)}` : ""}
                  </Caption1>
                </span>
                {r.rag ? <RagBadge rag={r.rag} /> : <span />}
              </li>
            ))}
          </ul>
          <Subtitle2 as="h3" className={s.heading}>Forecast assist</Subtitle2>
          {notes.length === 0 ? (
            <Body1 as="p" className={s.muted}>Every forecast is within the assist materiality of its projections.</Body1>
          ) : (
            <ul className={s.notes} aria-label="Forecasts to look at again" data-testid="assist-notes">
              {notes.map((n) => <li key={n}><Body1>{n}</Body1></li>)}
            </ul>
          )}
          {take && <TakeProjection model={position.model} lines={lines} money={money} {...take} />}
        </>
      )}
    </section>
  );
}
