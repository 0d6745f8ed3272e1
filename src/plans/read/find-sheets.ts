/** Finding Outturn's sheets in a workbook: by name, else by their title (a renamed sheet), each with its row markers intact. */
import { colLetter, sheetPrefix } from "../a1";
import type { Grid } from "../grid";
import type { SheetNames } from "../context";
import type { SheetKind } from "../types";
import { READ_SHEETS } from "../sheets";
import { COMMON_MARKERS } from "../sheets/markers";
import { type Reader, SheetView } from "./reader";

export function findSheets(grid: Grid, names: SheetNames, r: Reader): Partial<Record<SheetKind, SheetView>> {
  const views: Partial<Record<SheetKind, SheetView>> = {};
  const claimed = new Set<string>();
  for (const entry of READ_SHEETS) {
    const sheet = grid.sheets.find((s) => s.name === names[entry.kind]);
    if (sheet) { views[entry.kind] = new SheetView(entry.kind, sheet.name, sheet, entry.keyColumn); claimed.add(sheet.name); }
  }
  for (const { kind, keyColumn, titleStart, required, addedWhenNeeded } of READ_SHEETS) {
    if (views[kind]) continue;
    const start = titleStart ?? "\u0000";
    const renamed = grid.sheets.find((s) => !claimed.has(s.name) && typeof s.get(1, 1)?.value === "string" && (s.get(1, 1)?.value as string).startsWith(start));
    if (renamed) {
      claimed.add(renamed.name);
      views[kind] = new SheetView(kind, renamed.name, renamed, keyColumn);
      r.add("sheet-renamed", "warning", `${sheetPrefix(renamed.name)}A1`,
        `The ${names[kind]} sheet has been renamed "${renamed.name}". Outturn read it, but rename it back to "${names[kind]}" so Outturn and the task pane find it.`);
    } else if (!addedWhenNeeded) {
      r.add("sheet-missing", "error", names[kind],
        `The ${names[kind]} sheet is missing (deleted or renamed).${required ? " Outturn cannot read the period without it." : ""} Insert it again from the Outturn pane, or undo the deletion.`);
    }
  }
  for (const [kind, view] of Object.entries(views) as Array<[SheetKind, SheetView]>) {
    if (view.findMarker(COMMON_MARKERS.header) === null) {
      r.add("sheet-layout", "error", `${sheetPrefix(view.name)}A1`,
        `The ${view.name} sheet's layout has changed so Outturn cannot find its rows: its hidden column ${colLetter(view.keyCol)} of row markers has moved or been cleared (were columns inserted or deleted?). Undo the change, or insert the sheet again.`);
      delete views[kind];
    }
  }
  return views;
}
