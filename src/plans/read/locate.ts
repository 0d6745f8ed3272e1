/**
 * The figure-to-cell map: for each model figure a sheet plan shows (a cell's `place`), the cell showing it, e.g.
 * Revenue / "Pay & Employment costs" / forecastOutturn -> "Revenue!E9". Built from the plans, with their planned rows
 * moved to the rows found in a workbook when one was read (rows the user inserted are followed).
 */
import type { Place } from "../../engine/checks";
import { parseA1, sheetPrefix } from "../a1";
import type { SheetPlan } from "../types";

export type Locate = (place: Place) => string | null;

const placeKey = (p: Place) => `${p.area}|${p.row ?? ""}|${p.column ?? ""}`;

/**
 * @param rowFound the row a planned row is found at in the workbook (by the plan's logical row key), or undefined when
 *   it is not there; without it, the planned rows are taken as they are.
 */
export function locator(sheets: readonly SheetPlan[], rowFound?: (sheet: SheetPlan, plannedRow: number) => number | undefined, sheetName?: (sheet: SheetPlan) => string): Locate {
  const located = new Map<string, string>();
  for (const sp of sheets) {
    const name = sheetName?.(sp) ?? sp.name;
    for (const c of sp.cells) {
      if (!c.place) continue;
      const at = parseA1(c.address);
      const row = rowFound ? rowFound(sp, at.row) : at.row;
      const k = placeKey(c.place);
      if (row !== undefined && !located.has(k)) located.set(k, `${sheetPrefix(name)}${c.address.replace(/[0-9]+$/, String(row))}`);
    }
  }
  return (place) => located.get(placeKey(place)) ?? null;
}
