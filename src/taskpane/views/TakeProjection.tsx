/**
 * Forecast assist's explicit action (issue 13 item 3): tick lines, choose a projection for each, preview each forecast
 * before → after, take them into the forecasts, and undo. Nothing changes before "Take into the forecast"; the write
 * goes through the gateway (./take-actions), which refuses a forecast typed since the preview and, in review mode,
 * every write (this panel is not offered then). Part of the year-to-date chunk.
 */
import * as React from "react";
import { Body1, Button, Caption1, Checkbox, Select, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { MonitoringPeriod } from "../../model/types";
import { type ProjectionMethod, PROJECTION_METHODS as METHODS, PROJECTION_WORDS } from "../../engine/monthly";
import { type TakeChoice, type TakeRow, previewTake } from "../../engine/take-projection";
import type { YearToDateRow } from "../../report/year-to-date";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  line: { display: "grid", gridTemplateColumns: "1fr auto", columnGap: tokens.spacingHorizontalS, alignItems: "center" },
  buttons: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  table: { borderCollapse: "collapse", width: "100%" },
  cell: { textAlign: "start", padding: tokens.spacingHorizontalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  num: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  problem: { color: tokens.colorPaletteRedForeground1, margin: 0 },
});

export interface TakeProjectionProps {
  model: MonitoringPeriod;
  /** The year-to-date lines, with their projections. */
  lines: readonly YearToDateRow[];
  money: (d: YearToDateRow["forecastOutturn"]) => string;
  busy: { take: boolean; undo: boolean };
  canUndo: boolean;
  onTake: (model: MonitoringPeriod, rows: readonly TakeRow[]) => Promise<boolean>;
  onUndo: () => void;
}

/** A preview worked out from the choices: its rows, or the sentence saying why a projection cannot be taken. */
export function takePreview(model: MonitoringPeriod, choices: readonly TakeChoice[]): { rows: TakeRow[] } | { problem: string } {
  try {
    return { rows: previewTake(model, choices) };
  } catch (e) {
    if (e instanceof RangeError) return { problem: e.message };
    throw e;
  }
}

export function TakeProjection({ model, lines, money, busy, canUndo, onTake, onUndo }: TakeProjectionProps): React.JSX.Element {
  const s = useStyles();
  const offered = lines.filter((l) => l.projections && METHODS.some((m) => l.projections![m] !== null));
  const [chosen, setChosen] = React.useState<ReadonlyMap<string, ProjectionMethod>>(new Map());
  const [made, setPreview] = React.useState<{ of: MonitoringPeriod; preview: ReturnType<typeof takePreview> } | null>(null);
  // A preview is of the workbook as it was read: a new reading (an edit, a take) withdraws it.
  const preview = made && made.of === model ? made.preview : null;
  const choose = (path: string, method: ProjectionMethod | null) => {
    const next = new Map(chosen);
    if (method) next.set(path, method);
    else next.delete(path);
    setChosen(next);
    setPreview(null);
  };
  const choices: TakeChoice[] = [...chosen].map(([path, method]) => ({ path, method }));
  const rows = preview && "rows" in preview ? preview.rows : null;
  return (
    <section className={s.root} aria-labelledby="take-heading" data-testid="take-projection">
      <Subtitle2 as="h4" id="take-heading" className={s.heading}>Take a projection into the forecast</Subtitle2>
      <Caption1 as="p" className={s.heading}>Tick the lines, choose a projection, preview, then take it. Nothing changes until you do; undo puts the forecasts back.</Caption1>
      {offered.map((l) => {
        const first = METHODS.find((m) => l.projections![m] !== null)!;
        const method = chosen.get(l.path);
        return (
          <div key={l.path} className={s.line}>
            <Checkbox label={l.name} checked={method !== undefined} onChange={(_, d) => choose(l.path, d.checked ? first : null)} />
            <Select aria-label={`Projection for ${l.name}`} size="small" value={method ?? first} disabled={method === undefined}
              onChange={(_, d) => choose(l.path, d.value as ProjectionMethod)}>
              {METHODS.filter((m) => l.projections![m] !== null).map((m) => <option key={m} value={m}>{PROJECTION_WORDS[m]}</option>)}
            </Select>
          </div>
        );
      })}
      <div className={s.buttons}>
        <Button appearance="secondary" disabled={choices.length === 0} onClick={() => setPreview({ of: model, preview: takePreview(model, choices) })}>Preview</Button>
        <Button appearance="primary" disabledFocusable={!rows || busy.take}
          onClick={() => { if (rows) void onTake(model, rows).then((ok) => { if (ok) { setChosen(new Map()); setPreview(null); } }); }}>
          {busy.take ? "Taking…" : "Take into the forecast"}
        </Button>
        {canUndo && <Button appearance="secondary" disabledFocusable={busy.undo} onClick={onUndo}>{busy.undo ? "Undoing…" : "Undo the take"}</Button>}
      </div>
      {preview && "problem" in preview && <Body1 as="p" role="alert" className={s.problem}>{preview.problem}</Body1>}
      {rows && <TakePreviewTable rows={rows} money={money} />}
    </section>
  );
}

/** Each chosen line's forecast now and after the take. */
export function TakePreviewTable({ rows, money }: { rows: readonly TakeRow[]; money: TakeProjectionProps["money"] }): React.JSX.Element {
  const s = useStyles();
  return (
    <table className={s.table} aria-label="Forecasts before and after the take" data-testid="take-preview">
      <thead>
        <tr><th className={s.cell} scope="col">Line</th><th className={s.cell} scope="col">Projection</th><th className={`${s.cell} ${s.num}`} scope="col">Forecast now</th><th className={`${s.cell} ${s.num}`} scope="col">After</th></tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.path}>
            <th className={s.cell} scope="row">{r.name}</th>
            <td className={s.cell}>{PROJECTION_WORDS[r.method]}</td>
            <td className={`${s.cell} ${s.num}`}>{money(r.forecastBefore)}</td>
            <td className={`${s.cell} ${s.num}`}>{money(r.forecastAfter)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
