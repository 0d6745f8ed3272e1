/** Position: the headline figures with their RAG, the general fund on the reserves band, and the movement since last period. */
import * as React from "react";
import { Body1, Button, Caption1, Link, Spinner, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { PositionSummary } from "../headline";
import { RagBadge } from "./RagBadge";
import { ReservesBand } from "./ReservesBand";
import { RefreshIcon } from "./icons";
import { ViewHeading } from "./ViewHeading";

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
  busy: boolean;
  updatedAt: Date | null;
  /** How many checks there are (shown with a way to them when there is no position). */
  checkCount: number;
  onRecalculate(): void;
  onShowChecks(): void;
}

export function PositionView({ summary, problem, busy, updatedAt, checkCount, onRecalculate, onShowChecks }: PositionViewProps): React.JSX.Element {
  const s = useStyles();
  const counts = summary?.counts;
  return (
    <section className={s.root} aria-labelledby="position-heading">
      <ViewHeading id="position-heading">
        Position
      </ViewHeading>
      <div className={s.toolbar}>
        <Button appearance="primary" icon={busy ? <Spinner size="extra-tiny" /> : <RefreshIcon />} onClick={onRecalculate} disabledFocusable={busy} aria-describedby="position-updated">
          {busy ? "Recalculating…" : "Recalculate"}
        </Button>
        <Caption1 id="position-updated" className={s.muted} aria-live="polite">
          {busy ? "Reading the workbook…" : updatedAt ? `Updated at ${updatedAt.toLocaleTimeString("en-GB")}` : ""}
        </Caption1>
      </div>
      {!summary ? (
        <>
          <Body1 as="p" className={s.detail} data-testid="position-problem">
            {problem ?? (busy ? "Reading the workbook…" : "Nothing read yet: use Recalculate.")}
          </Body1>
          {checkCount > 0 && (
            <Body1 as="p" className={s.detail}>
              {`${checkCount} ${checkCount === 1 ? "check lists" : "checks list"} what is missing: `}
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
              <li key={h.key} data-testid={`headline-${h.key}`}>
                <div className={s.card}>
                  <div className={s.cardHead}>
                    <Subtitle2 as="h3" block className={s.heading}>
                      {h.title}
                    </Subtitle2>
                    <RagBadge rag={h.rag} />
                  </div>
                  <Text block className={s.figureText}>{h.figure}</Text>
                  {h.detail.map((d) => (
                    <Body1 as="p" key={d} className={s.detail}>
                      {d}
                    </Body1>
                  ))}
                  {h.key === "reserves" && <ReservesBand band={summary.band} />}
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
                    <td className={s.cell} data-when="now"><RagBadge rag={r.now} /></td>
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
          {counts && (
            <Body1 as="p" className={s.detail}>
              {counts.error + counts.warning + counts.info === 0 ? (
                "No checks to look at."
              ) : (
                <>
                  {`${counts.error} error${counts.error === 1 ? "" : "s"}, ${counts.warning} warning${counts.warning === 1 ? "" : "s"} and ${counts.info} note${counts.info === 1 ? "" : "s"}: `}
                  <Link as="button" onClick={onShowChecks}>
                    see Checks
                  </Link>
                </>
              )}
            </Body1>
          )}
        </>
      )}
    </section>
  );
}
