/**
 * The figure-to-cell map: for each model figure a sheet plan shows (a cell's `place`), the cell showing it, e.g.
 * Revenue / "Pay & Employment costs" / forecastOutturn -> "Revenue!E9". Built from the plans, with their planned rows
 * moved to the rows found in a workbook when one was read (rows the user inserted are followed).
 */
import type { Place } from "../../engine/checks";
import { colLetter, parseA1, sheetPrefix } from "../a1";
import type { SheetPlan } from "../types";
import { planCells } from "../builder";

export type Locate = (place: Place) => string | null;

const placeKey = (p: Place) => `${p.area}|${p.row ?? ""}|${p.column ?? ""}`;

/**
 * @param rowFound the row a planned row is found at in the workbook (by the plan's logical row key), or undefined when
 *   it is not there; without it, the planned rows are taken as they are.
 * @param only the places to be asked for, when known (a period's checks): the others are not kept (a 100,000-line
 *   period's plans show about a million figures).
 */
export function locator(sheets: readonly SheetPlan[], rowFound?: (sheet: SheetPlan, plannedRow: number) => number | undefined, sheetName?: (sheet: SheetPlan) => string, only?: readonly Place[]): Locate {
  const located = new Map<string, string>();
  const wanted = only && new Set(only.map(placeKey));
  for (const sp of sheets) {
    const prefix = sheetPrefix(sheetName?.(sp) ?? sp.name);
    for (const c of planCells(sp)) {
      if (!c.place) continue;
      const k = placeKey(c.place);
      if (located.has(k) || (wanted && !wanted.has(k))) continue;
      if (!rowFound) { located.set(k, `${prefix}${c.address}`); continue; }
      const at = parseA1(c.address);
      const row = rowFound(sp, at.row);
      if (row !== undefined) located.set(k, `${prefix}${colLetter(at.col)}${row}`);
    }
  }
  return (place) => located.get(placeKey(place)) ?? null;
}
