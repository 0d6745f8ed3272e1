/** Reading the Virements sheet back: one entry per row between the headings and the total (rows the user inserted included). */
import type { Virement } from "../../../engine/virements";
import type { Reader, SheetView } from "../../read/reader";
import { COMMON_MARKERS } from "../markers";
import { VIREMENTS_COLS as C, VIREMENTS_MARKERS, VIREMENTS_ROWS } from "./markers";

export function readVirements(s: SheetView, r: Reader): { log: Virement[]; rows: number[] } {
  const keys = r.keys("Virements");
  const log: Virement[] = [];
  const rows: number[] = [];
  let state: "top" | "rows" | "after" = "top";
  for (let row = 1; row <= s.sheet.maxRow; row++) {
    const m = s.marker(row);
    if (([COMMON_MARKERS.title, COMMON_MARKERS.subtitle, COMMON_MARKERS.header] as string[]).includes(m)) { keys[m] = row; continue; }
    if (m === COMMON_MARKERS.units) { keys[m] = row; state = "rows"; continue; }
    if (m === VIREMENTS_MARKERS.total || m === COMMON_MARKERS.note) { keys[m] = row; state = "after"; continue; }
    if (state !== "rows" || !(m === VIREMENTS_MARKERS.entry || (!m && s.hasContent(row)))) continue;
    const line = r.text(s, row, C.line, "line");
    if (line === null) {
      if (s.hasContent(row)) r.add("missing-input", "warning", s.where(row, C.line), `${s.where(row, C.line)} (line) is blank: name the line the virement changes, as "Group > Line", or clear the row.`);
      continue;
    }
    keys[VIREMENTS_ROWS.entry(log.length)] = row;
    if (!m) r.inserted.add(`Virements|${row}`);
    const on = s.value(row, C.approvedOn);
    rows.push(row);
    log.push({
      line: line.trim(),
      amount: r.amount(s, row, C.amount, "amount"),
      counterpart: r.text(s, row, C.counterpart, "from / to"),
      reason: r.text(s, row, C.reason, "reason"),
      approvedBy: r.text(s, row, C.approvedBy, "approved by"),
      // A date typed into the cell is a serial number: shown as YYYY-MM-DD.
      approvedOn: typeof on === "number" ? new Date(Math.round((on - 25569) * 86400000)).toISOString().slice(0, 10) : r.text(s, row, C.approvedOn, "approved on"),
    });
  }
  return { log, rows };
}
