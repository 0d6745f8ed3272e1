/** Reading the Savings sheet back: each scheme with its status and replacement flag, and the control totals. */
import type { ControlTotals, SavingsScheme, SavingsStatus } from "../../../model/types";
import { SAVINGS_STATUSES } from "../../../model/types";
import { sheetPrefix } from "../../a1";
import type { Reader, SheetView } from "../../read/reader";
import { COLUMN_WORDS } from "../../../engine/checks";
import type { Section } from "../../read/integrity";
import { outside } from "../../read/lines";
import { COMMON_MARKERS, HEADING_MARKERS } from "../markers";
import { SAVINGS_COLS, SAVINGS_INPUTS, SAVINGS_MARKERS as M, SAVINGS_ROWS } from "./markers";

export interface SavingsRead {
  schemes: SavingsScheme[];
  control: ControlTotals["savings"];
}

export function readSavings(s: SheetView, r: Reader): SavingsRead | null {
  const keys = r.keys("Savings");
  const C = SAVINGS_COLS;
  const schemes: SavingsScheme[] = [];
  let control: ControlTotals["savings"] = null;
  let state: "top" | "schemes" | "after" = "top";
  for (let row = 1; row <= s.sheet.maxRow; row++) {
    const m = s.marker(row);
    if ([...HEADING_MARKERS, M.achievedPct, COMMON_MARKERS.controls].includes(m)) { keys[m] = row; if (m === COMMON_MARKERS.controls) state = "after"; continue; }
    if (m === M.schemesSection) { keys[m] = row; state = "schemes"; }
    else if (m === M.total) { keys[m] = row; state = "after"; }
    else if (m === M.controlSavings) {
      keys[m] = row;
      const planned = r.amount(s, row, "C", "control total, planned savings"), achieved = r.amount(s, row, "F", "control total, achieved savings");
      control = planned === null && achieved === null ? null : { planned, achieved };
    } else if (m === M.scheme || (!m && s.hasContent(row) && state !== "after")) {
      if (state !== "schemes") { if (m) outside(s, r, row, "savings", "below the total"); else r.add("row-ignored", "warning", s.where(row, "A"), `${s.where(row, "A")}: row ${row} is outside the savings table, so Outturn ignores it.`, { area: "savings" }); continue; }
      keys[SAVINGS_ROWS.scheme(schemes.length)] = row;
      if (!m) r.inserted.add(`Savings|${row}`);
      let scheme = r.text(s, row, C.scheme, "scheme");
      if (scheme === null) {
        r.add("line-unnamed", "error", s.where(row, C.scheme), `${s.where(row, C.scheme)}: the saving in row ${row} has no scheme name; type one.`, { area: "savings" });
        scheme = `(row ${row})`;
      }
      const category = r.text(s, row, C.category, "category") ?? scheme;
      const status = r.choice<SavingsStatus>(s, row, C.status, `${scheme}, status`, SAVINGS_STATUSES, null);
      if (status === null && r.text(s, row, C.status, "status") === null) {
        r.add("bad-choice", "error", s.where(row, C.status), `${s.where(row, C.status)} (${scheme}, status) is blank; choose one of ${SAVINGS_STATUSES.join(", ")}.`, { area: "savings", row: scheme, column: "status" });
      }
      const item: SavingsScheme = {
        category, scheme, status: status ?? "At risk", planned: null, deliveredToDate: null, forecastFurtherDelivery: null, expectedNextYear: null,
        replacement: r.choice(s, row, C.replacement, `${scheme}, replacement saving`, ["Yes", "No"] as const, "No") === "Yes",
        commentary: r.text(s, row, C.commentary, "commentary"),
      };
      for (const [col, letter] of SAVINGS_INPUTS) item[col] = r.amount(s, row, letter, `${scheme}, ${COLUMN_WORDS[col]}`, { area: "savings", row: scheme, column: col });
      schemes.push(item);
    }
  }
  if (keys[M.total] === undefined) {
    r.add("structure", "error", `${sheetPrefix(s.name)}A1`, `The ${s.name} sheet is missing its Total row (deleted?). Undo the deletion or insert the sheet again.`, { area: "savings" });
    return null;
  }
  return { schemes, control };
}

export function savingsSections(): Section[] {
  return [{ kind: "Savings", header: M.schemesSection, lines: SAVINGS_ROWS.schemePrefix, total: M.total, columns: ["C", "D", "E", "F", "H"], label: "the savings total" }];
}
