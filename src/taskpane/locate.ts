/**
 * Where an engine check's figure is shown in the workbook. The read-back knows (readWorkbook's `locate`, which
 * follows rows the user inserted); a gateway that does not pass it on gets the cell of the sheet plans instead.
 * Loaded with the gateway (it needs the plans), not in the pane's first load.
 */
import type { Place } from "../engine/checks";
import type { WorkbookRead } from "../workbook/gateway";
import { buildWorkbookPlan } from "../plans/workbook";
import { sheetPrefix } from "../plans/a1";

export type Locate = (place: Place) => string | null;

/** A WorkbookRead that may carry the read-back's locate (src/plans/read.ts WorkbookReadResult). */
type LocatableRead = WorkbookRead & { locate?: Locate };

const key = (p: Place) => `${p.area}|${p.row ?? ""}|${p.column ?? ""}`;

export function locatorFor(read: WorkbookRead): Locate {
  const given = (read as LocatableRead).locate;
  if (typeof given === "function") return given;
  if (!read.model) return () => null;
  const cells = new Map<string, string>();
  for (const sheet of buildWorkbookPlan(read.model).sheets) {
    for (const cell of sheet.cells) {
      if (cell.place && !cells.has(key(cell.place))) cells.set(key(cell.place), `${sheetPrefix(sheet.name)}${cell.address}`);
    }
  }
  return (place) => cells.get(key(place)) ?? null;
}
