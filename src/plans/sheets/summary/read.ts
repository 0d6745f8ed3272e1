/** The Summary sheet shows only: its rows are found (for the formula checks), nothing is read into the model. */
import type { Reader, SheetView } from "../../read/reader";
import { SUMMARY_MARKERS } from "./markers";

export function readSummaryKeys(s: SheetView, r: Reader): void {
  const keys = r.keys("Summary");
  for (let row = 1; row <= s.sheet.maxRow; row++) {
    const m = s.marker(row);
    if (m && m !== SUMMARY_MARKERS.check && keys[m] === undefined) keys[m] = row;
  }
}
