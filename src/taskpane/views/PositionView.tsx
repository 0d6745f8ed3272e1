/**
 * Position: the headline figures with their RAG, the general fund on the reserves band, and the movement since last
 * period. While checks list errors, the errors come first and the figures are shown greyed, marked incomplete, with
 * no RAG: a period with errors never shows a clean headline.
 */
import * as React from "react";
import { Body1, Button, Caption1, Link, Spinner, Subtitle2, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { CellRef } from "../../workbook/gateway";
import { NOT_YET_ENTERED, type PositionSummary } from "../headline";
import { type CheckItem, errorsOf, severityWords } from "../check-items";
import { incomplete } from "../notices";
import { RagBadge } from "./RagBadge";
import { ReservesBand } from "./ReservesBand";
import { TargetBar } from "./TargetBar";
import { ErrorIcon, RefreshIcon } from "./icons";
import { GoToCell } from "./GoToCell";
import { ViewHeading } from "./ViewHeading";

/** How many errors the Position view lists before sending the user to Checks for the rest. */
export const ERRORS_SHOWN = 3;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  toolbar: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: "none" },
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  /** Greyed: the figures leave out what the errors concern. */
  cardIncomplete: {
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
  },
  figureIncomplete: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
  marker: { color: tokens.colorNeutralForeground2, fontStyle: "italic", margin: 0 },
  /** In place of the RAG badge (incomplete, or not yet entered): no colour, nothing to read a status from. */
  incompleteTag: {
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    whiteSpace: "nowrap",
  },
  errors: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorPaletteRedBackground1,
  },
  errorsHead: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, color: tokens.colorPaletteRedForeground1 },
  errorItem: { display: "flex", flexDirection: "column", alignItems: "flex-start", rowGap: tokens.spacingVerticalXS },
  cardHead: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  figureText: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  detail: { color: tokens.colorNeutralForeground2, margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  heading: { margin: 0 },
  table: { borderCollapse: "collapse", width: "100%" },
  cell: { textAlign: "left", padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
});

export interface PositionViewProps {
  summary: PositionSummary | null;
  /** Why there is no position (e.g. the workbook cannot be read), when there is none. */
  problem: string | null;
  /** The workbook is being read (a refresh after a change, or Recalculate). */
  busy: boolean;
  /**
   * A Recalculate the user asked for is running: the button waits for it. While only a refresh after a change runs
   * (it may be waiting for a cell edit to end), Recalculate can still be clicked and reads again after it.
   */
  recalculating?: boolean;
  updatedAt: Date | null;
  /** Every check, errors first: any error makes the figures incomplete. */
  checks: CheckItem[];
  /** A cell being selected, while it is. */
  selecting: boolean;
  onRecalculate: () => void;
  onShowChecks: () => void;
  onSelect: (ref: CellRef) => void;
}

/** The errors, first: how many, the first few with the way to their cell, and the way to the rest in Checks. */
function ErrorsFirst({ errors, selecting, onSelect, onShowChecks }: { errors: CheckItem[]; selecting: boolean; onSelect: (ref: CellRef) => void; onShowChecks: () => void }): React.JSX.Element {
  const s = useStyles();
  const more = errors.length - ERRORS_SHOWN;
  return (
    <section className={s.errors} aria-labelledby="position-errors-heading" data-testid="position-errors">
      <div className={s.errorsHead}>
        <ErrorIcon />
        <Subtitle2 as="h3" block className={s.heading} id="position-errors-heading">
          {incomplete.heading(errors.length)}
        </Subtitle2>
      </div>
      <Body1 as="p" className={s.detail}>{incomplete.explanation}</Body1>
      <ul className={s.list} aria-labelledby="position-errors-heading">
        {errors.slice(0, ERRORS_SHOWN).map(({ check, target }, i) => (
          <li key={`${check.id}-${i}`} className={s.errorItem} data-check={check.id}>
            <Body1 as="p" className={s.heading}>{check.message}</Body1>
            {target ? <GoToCell target={target} selecting={selecting} onSelect={onSelect} /> : <Caption1 className={s.muted}>{check.where}</Caption1>}
          </li>
        ))}
      </ul>
      <Body1 as="p" className={s.heading}>
        {more > 0 ? incomplete.more(more) : ""}
        <Link as="button" onClick={onShowChecks}>
          {more > 0 ? "see them all in Checks" : "see Checks"}
        </Link>
      </Body1>
    </section>
  );
}

export function PositionView({ summary, problem, busy, recalculating = busy, updatedAt, checks, selecting, onRecalculate, onShowChecks, onSelect }: PositionViewProps): React.JSX.Element {
  const s = useStyles();
  const errors = errorsOf(checks);
  const complete = errors.length === 0;
  return (
    <section className={s.root} aria-labelledby="position-heading">
      <ViewHeading id="position-heading">
        Position
      </ViewHeading>
      <div className={s.toolbar}>
        <Button appearance="primary" icon={busy ? <Spinner size="extra-tiny" /> : <RefreshIcon />} onClick={onRecalculate} disabledFocusable={recalculating} aria-describedby="position-updated">
          {busy ? "Recalculating…" : "Recalculate"}
        </Button>
        <Caption1 id="position-updated" className={s.muted} aria-live="polite">
          {busy ? "Reading the workbook…" : updatedAt ? `Updated at ${updatedAt.toLocaleTimeString("en-GB")}` : ""}
        </Caption1>
      </div>
      {!complete && <ErrorsFirst errors={errors} selecting={selecting} onSelect={onSelect} onShowChecks={onShowChecks} />}
      {!summary ? (
        <>
          <Body1 as="p" className={s.detail} data-testid="position-problem">
            {problem ?? (busy ? "Reading the workbook…" : "Nothing read yet: use Recalculate.")}
          </Body1>
          {complete && checks.length > 0 && (
            <Body1 as="p" className={s.detail}>
              {`${checks.length} ${checks.length === 1 ? "check lists" : "checks list"} what is missing: `}
              <Link as="button" onClick={onShowChecks}>
                see Checks
              </Link>
            </Body1>
          )}
        </>
      ) : (
        <>
          <ul className={s.list} aria-label="Headline figures">
            {summary.headlines.map((h) => (
              <li key={h.key} data-testid={`headline-${h.key}`} data-incomplete={complete ? undefined : "true"}>
                <div className={complete ? s.card : mergeClasses(s.card, s.cardIncomplete)}>
                  <div className={s.cardHead}>
                    <Subtitle2 as="h3" block className={s.heading}>
                      {h.title}
                    </Subtitle2>
                    {!complete ? <Caption1 className={s.incompleteTag}>{incomplete.badge}</Caption1>
                      : h.rag ? <RagBadge rag={h.rag} /> : <Caption1 className={s.incompleteTag} data-testid={`headline-${h.key}-not-entered`}>{NOT_YET_ENTERED}</Caption1>}
                  </div>
                  <Text block className={complete ? s.figureText : mergeClasses(s.figureText, s.figureIncomplete)}>{h.figure}</Text>
                  {!complete && <Body1 as="p" className={s.marker}>{incomplete.marker}</Body1>}
                  {h.detail.map((d) => (
                    <Body1 as="p" key={d} className={s.detail}>
                      {d}
                    </Body1>
                  ))}
                  {h.key === "reserves" && summary.band && <ReservesBand band={summary.band} incomplete={!complete} />}
                  {h.key === "workforce" && summary.target && <TargetBar target={summary.target} incomplete={!complete} />}
                </div>
              </li>
            ))}
          </ul>
          <section aria-labelledby="rag-heading">
            <Subtitle2 as="h3" block className={s.heading} id="rag-heading">
              RAG this period and last
            </Subtitle2>
            <table className={s.table} aria-labelledby="rag-heading" data-testid="rag-table">
              <thead>
                <tr>
                  <th scope="col" className={s.cell}>Area</th>
                  <th scope="col" className={s.cell}>{`This period (${summary.period})`}</th>
                  <th scope="col" className={s.cell}>{summary.lastPeriod ? `Last period (${summary.lastPeriod})` : "Last period"}</th>
                </tr>
              </thead>
              <tbody>
                {summary.ragRows.map((r) => (
                  <tr key={r.key} data-testid={`rag-${r.key}`}>
                    <th scope="row" className={s.cell}>{r.title}</th>
                    <td className={s.cell} data-when="now">
                      {complete && r.now ? <RagBadge rag={r.now} /> : complete ? <Caption1 className={s.muted}>{r.unjudged ?? "not judged"}</Caption1> : <Caption1 className={s.muted}>{incomplete.badge}</Caption1>}
                    </td>
                    <td className={s.cell} data-when="last">
                      {r.last ? <RagBadge rag={r.last} /> : <Caption1 className={s.muted}>{summary.lastPeriod ? "not recorded" : "none closed"}</Caption1>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="movement-heading">
            <Subtitle2 as="h3" block className={s.heading} id="movement-heading">
              Movement since the previous period
            </Subtitle2>
            <Body1 as="p" className={s.detail} data-testid="movement">
              {summary.movement}
            </Body1>
          </section>
          <Body1 as="p" className={s.detail}>
            {checks.length === 0 ? (
              "No checks to look at."
            ) : (
              <>
                {`${severityWords(checks)}: `}
                <Link as="button" onClick={onShowChecks}>
                  see Checks
                </Link>
              </>
            )}
          </Body1>
        </>
      )}
    </section>
  );
}
