/** Reading the Capital sheet back: the programme's lines with slippage, the sources of finance, control totals. */
import type { CapitalLine, ControlTotals, MonitoredLine } from "../../../model/types";
import { sheetPrefix } from "../../a1";
import type { Reader, SheetView } from "../../read/reader";
import type { Section } from "../../read/integrity";
import { columnTotals, monitoredLine, outside, withControlVariance } from "../../read/lines";
import { COMMON_MARKERS, HEADING_MARKERS } from "../markers";
import { AMOUNT_COLUMNS } from "../revenue/markers";
import { CAPITAL_COLS, CAPITAL_MARKERS as M, CAPITAL_ROWS } from "./markers";

export interface CapitalRead {
  lines: CapitalLine[];
  financing: MonitoredLine[];
  control: NonNullable<ControlTotals["capital"]>;
}

export function readCapital(s: SheetView, r: Reader): CapitalRead | null {
  const keys = r.keys("Capital");
  const C = CAPITAL_COLS;
  const lines: CapitalLine[] = [];
  const financing: MonitoredLine[] = [];
  const control: CapitalRead["control"] = { programme: null, financing: null };
  let state: "top" | "programme" | "financing" | "between" | "controls" = "top";
  let found = 0;
  for (let row = 1; row <= s.sheet.maxRow; row++) {
    const m = s.marker(row);
    if ([...HEADING_MARKERS, M.gap, COMMON_MARKERS.controls].includes(m)) { keys[m] = row; if (m === COMMON_MARKERS.controls) state = "controls"; continue; }
    if (m === M.programmeSection) { keys[m] = row; state = "programme"; }
    else if (m === M.financingSection) { keys[m] = row; state = "financing"; }
    else if (m === M.programme || m === M.funding) { keys[m] = row; state = "between"; found++; }
    else if (m === M.controlProgramme) { keys[m] = row; control.programme = withControlVariance(s, r, row, columnTotals(s, r, row, AMOUNT_COLUMNS, "Total Capital Programme"), "Total Capital Programme"); }
    else if (m === M.controlFinancing) { keys[m] = row; control.financing = withControlVariance(s, r, row, columnTotals(s, r, row, AMOUNT_COLUMNS, "Total Capital Funding"), "Total Capital Funding"); }
    else if (m === M.line || (!m && s.hasContent(row) && state !== "controls")) {
      if (state === "programme") {
        keys[CAPITAL_ROWS.line(lines.length)] = row;
        if (!m) r.inserted.add(`Capital|${row}`);
        const line = monitoredLine(s, r, row, C, "capital");
        lines.push({ ...line, slippage: r.amount(s, row, C.slippage, `${line.name}, slippage`, { area: "capital", row: line.name, column: "slippage" }) });
      } else if (state === "financing") {
        keys[CAPITAL_ROWS.source(financing.length)] = row;
        if (!m) r.inserted.add(`Capital|${row}`);
        financing.push(monitoredLine(s, r, row, C, "financing"));
      } else if (m === M.line) outside(s, r, row, "capital", "below its total");
      else r.add("row-ignored", "warning", s.where(row, "A"), `${s.where(row, "A")}: row ${row} is outside the table's sections, so Outturn ignores it.`, { area: "capital" });
    }
  }
  if (found < 2) {
    r.add("structure", "error", `${sheetPrefix(s.name)}A1`, `The ${s.name} sheet is missing its Total Capital Programme or Total Capital Funding row (deleted?). Undo the deletion or insert the sheet again.`, { area: "capital" });
    return null;
  }
  return { lines, financing, control };
}

export function capitalSections(): Section[] {
  return [
    { kind: "Capital", header: M.programmeSection, lines: CAPITAL_ROWS.linePrefix, total: M.programme, columns: ["B", "C", "D", "E", "H"], label: "Total Capital Programme" },
    { kind: "Capital", header: M.financingSection, lines: CAPITAL_ROWS.sourcePrefix, total: M.funding, columns: ["B", "C", "D", "E"], label: "Total Capital Funding" },
  ];
}
