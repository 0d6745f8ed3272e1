/** Reading the rows most sheets share: a monitored line (name, amounts, ref, commentary), control totals, a line out of place. */
import type { Decimal, MonitoredLine } from "../../model/types";
import { type Area, COLUMN_WORDS } from "../../engine/checks";
import { AMOUNT_COLUMNS } from "../sheets/revenue/markers";
import type { Reader, SheetView } from "./reader";

export function monitoredLine(s: SheetView, r: Reader, row: number, cols: { name: string; ref: string; commentary: string }, area: Area): MonitoredLine {
  let name = r.text(s, row, cols.name, "line name");
  if (name === null) {
    r.add("line-unnamed", "error", s.where(row, cols.name), `${s.where(row, cols.name)}: the line in row ${row} has figures but no name; type its name.`, { area });
    name = `(row ${row})`;
  }
  const line: MonitoredLine = { name, ref: r.text(s, row, cols.ref, "ref"), commentary: r.text(s, row, cols.commentary, "commentary"), originalBudget: null, revisedBudget: null, actualToDate: null, forecastOutturn: null };
  for (const [col, letter] of AMOUNT_COLUMNS) line[col] = r.amount(s, row, letter, `${name}, ${COLUMN_WORDS[col]}`, { area, row: name, column: col });
  return line;
}


export function columnTotals(s: SheetView, r: Reader, row: number, columns: ReadonlyArray<readonly [string, string]>, label: string): Record<string, Decimal> | null {
  const out: Record<string, Decimal> = {};
  for (const [col, letter] of columns) {
    const v = r.amount(s, row, letter, `control total ${label}, ${COLUMN_WORDS[col] ?? col}`);
    if (v !== null) out[col] = v;
  }
  return Object.keys(out).length ? out : null;
}

/** A control row's published variance (F) and variance % (G, a % cell: 1.34% is read as 1.34), with its amounts. */
export function withControlVariance(s: SheetView, r: Reader, row: number, amounts: Record<string, Decimal> | null, label: string): Record<string, Decimal> | null {
  const out: Record<string, Decimal> = { ...amounts };
  const variance = r.amount(s, row, "F", `control total ${label}, variance`);
  const pct = r.amount(s, row, "G", `control total ${label}, variance %`);
  if (variance !== null) out.variance = variance;
  if (pct !== null) out.variancePct = pct.times(100);
  return Object.keys(out).length ? out : null;
}

/** Marks a line found outside its section. */
export function outside(s: SheetView, r: Reader, row: number, area: Area, hint: string): void {
  const name = s.value(row, 1);
  r.add("line-outside-section", "error", s.where(row, "A"),
    `${s.where(row, "A")}: the line${typeof name === "string" && name ? ` "${name}"` : ""} in row ${row} is outside its section (${hint}), so no total adds it. Move it back between its section's heading and total.`, { area });
}
