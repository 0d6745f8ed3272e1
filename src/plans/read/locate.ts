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

/** Places to something, by area, row and column (nested maps: no key text built for each of a million cells). */
class PlaceMap<T> {
  private readonly byArea = new Map<string, Map<string, Map<string, T>>>();
  get(p: Place): T | undefined {
    return this.byArea.get(p.area)?.get(p.row ?? "")?.get(p.column ?? "");
  }
  set(p: Place, value: T): void {
    let rows = this.byArea.get(p.area);
    if (!rows) this.byArea.set(p.area, (rows = new Map<string, Map<string, T>>()));
    let columns = rows.get(p.row ?? "");
    if (!columns) rows.set(p.row ?? "", (columns = new Map<string, T>()));
    columns.set(p.column ?? "", value);
  }
}

/**
 * @param rowFound the row a planned row is found at in the workbook (by the plan's logical row key), or undefined when
 *   it is not there; without it, the planned rows are taken as they are.
 * @param only the places to be asked for, when known (a period's checks): the others are not kept (a 100,000-line
 *   period's plans show about a million figures).
 */
export function locator(sheets: readonly SheetPlan[], rowFound?: (sheet: SheetPlan, plannedRow: number) => number | undefined, sheetName?: (sheet: SheetPlan) => string, only?: readonly Place[]): Locate {
  const located = new PlaceMap<string>();
  let wanted: PlaceMap<true> | undefined;
  if (only) {
    wanted = new PlaceMap<true>();
    for (const p of only) wanted.set(p, true);
  }
  for (const sp of sheets) {
    const prefix = sheetPrefix(sheetName?.(sp) ?? sp.name);
    for (const c of planCells(sp)) {
      const place = c.place;
      if (!place || located.get(place) !== undefined || (wanted && !wanted.get(place))) continue;
      if (!rowFound) { located.set(place, `${prefix}${c.address}`); continue; }
      const at = parseA1(c.address);
      const row = rowFound(sp, at.row);
      if (row !== undefined) located.set(place, `${prefix}${colLetter(at.col)}${row}`);
    }
  }
  return (place) => located.get(place) ?? null;
}
