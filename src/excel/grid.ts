/**
 * The reader's grid (src/plans/grid.ts) from what Office.js returns for a used range: its address, `values`,
 * `formulas` and `valueTypes`. Pure, so it is tested without Excel (but for `loadUsed`, which queues the load).
 */
import { gridSheetFromArrays, type GridSheet } from "../plans/grid";
import { parseA1 } from "../plans/a1";

/** "Revenue!C5:K40", "'Revenue (2)'!A1", "Sheet1!B2" -> the 1-based top-left cell. */
export function topLeftOf(address: string): { row: number; col: number } {
  const bang = address.lastIndexOf("!");
  const local = bang >= 0 ? address.slice(bang + 1) : address;
  const first = local.split(":")[0] ?? "A1";
  return parseA1(first);
}

/**
 * A text cell that happens to start with "=" ("=SUM(A1)" typed as commentary and stored as text) reads back with
 * the same string in `values` and `formulas`; a real formula's value is its result, never its own text. So a
 * `formulas` entry equal to the cell's string value is text, not a formula.
 */
export function gridSheetFromRange(name: string, address: string, values: unknown[][], formulas: unknown[][], valueTypes?: string[][]): GridSheet {
  const { row, col } = topLeftOf(address);
  const realFormulas = formulas.map((line, r) => line.map((f, c) => (typeof f === "string" && f === values[r]?.[c] ? null : f)));
  return gridSheetFromArrays(name, row, col, values, realFormulas, valueTypes);
}

/**
 * Queues the load of a sheet's used range as the reader needs it (address, values, formulas, value types); with
 * `valuesOnly`, formats alone do not extend it. The one place a used range is read: the seam for splitting reads.
 */
export function loadUsed(ws: Excel.Worksheet, valuesOnly = true): Excel.Range {
  const range = ws.getUsedRangeOrNullObject(valuesOnly);
  range.load("address, values, formulas, valueTypes");
  return range;
}

/** The reader's grid of a used range loaded by `loadUsed` and synced (an empty sheet is an empty grid). */
export function gridOf(name: string, range: Excel.Range): GridSheet {
  return range.isNullObject ? gridSheetFromRange(name, "A1", [], []) : gridSheetFromRange(name, range.address, range.values, range.formulas, range.valueTypes);
}
