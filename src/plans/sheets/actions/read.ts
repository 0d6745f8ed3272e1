/** Reading the Actions sheet back: one action per row between the headings and the note (rows the user inserted included). */
import { type BoardAction, ACTION_STATUSES, type ActionStatus } from "../../../engine/actions";
import type { Reader, SheetView } from "../../read/reader";
import { COMMON_MARKERS } from "../markers";
import { ACTIONS_COLS as C, ACTIONS_MARKERS, ACTIONS_ROWS } from "./markers";

export function readActions(s: SheetView, r: Reader): BoardAction[] {
  const keys = r.keys("Actions");
  const out: BoardAction[] = [];
  let state: "top" | "rows" | "after" = "top";
  for (let row = 1; row <= s.sheet.maxRow; row++) {
    const m = s.marker(row);
    if (([COMMON_MARKERS.title, COMMON_MARKERS.subtitle, COMMON_MARKERS.header] as string[]).includes(m)) { keys[m] = row; continue; }
    if (m === COMMON_MARKERS.units) { keys[m] = row; state = "rows"; continue; }
    if (m === COMMON_MARKERS.note) { keys[m] = row; state = "after"; continue; }
    if (state !== "rows" || !(m === ACTIONS_MARKERS.action || (!m && s.hasContent(row)))) continue;
    const item = r.text(s, row, C.item, "item");
    if (item === null) {
      if (s.hasContent(row)) r.add("missing-input", "warning", s.where(row, C.item), `${s.where(row, C.item)} (item) is blank: say which item the action answers (e.g. "Revenue line: Pay & Employment costs"), or clear the row.`);
      continue;
    }
    keys[ACTIONS_ROWS.action(out.length)] = row;
    if (!m) r.inserted.add(`Actions|${row}`);
    const due = s.value(row, C.due);
    out.push({
      item: item.trim(),
      action: r.text(s, row, C.action, "action agreed"),
      owner: r.text(s, row, C.owner, "owner"),
      // A date typed into the cell is a serial number: shown as YYYY-MM-DD.
      due: typeof due === "number" ? new Date(Math.round((due - 25569) * 86400000)).toISOString().slice(0, 10) : r.text(s, row, C.due, "due date"),
      status: r.choice<ActionStatus>(s, row, C.status, "status", ACTION_STATUSES, null),
      effect: r.amount(s, row, C.effect, "expected effect"),
      meeting: r.text(s, row, C.meeting, "board meeting"),
    });
  }
  return out;
}
