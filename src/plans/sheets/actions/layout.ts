/**
 * Actions: what the Resource Control Board agreed for each Red or materially adverse item (the item, the action,
 * owner, due date, status, expected £ effect, the meeting that agreed it). Every cell of a row is an input. Each item
 * needing an action (src/engine/actions.ts) without a row gets one, its item filled in, so the board sees what is owed.
 */
import { type BoardAction, ACTION_STATUSES, itemsNeedingAction } from "../../../engine/actions";
import { SheetBuilder } from "../../builder";
import type { PlanContext } from "../../context";
import type { SheetPlan } from "../../types";
import { titleRows, unitsCell } from "../common";
import { COMMON_MARKERS } from "../markers";
import { ACTIONS_COLS as C, ACTIONS_MARKERS, ACTIONS_ROWS, ACTIONS_TITLE } from "./markers";

export const ACTIONS_HEADINGS = ["Item", "Action agreed", "Owner", "Due date", "Status", "Expected effect on the forecast", "Board meeting"];

/** The actions, then a row for each item needing one that has none. */
export function actionRows(ctx: PlanContext, actions: readonly BoardAction[]): BoardAction[] {
  const have = new Set(actions.map((a) => a.item.trim().toLowerCase()));
  const owed = itemsNeedingAction(ctx.position).filter((i) => !have.has(i.item.toLowerCase()));
  return [...actions, ...owed.map((i) => ({ item: i.item, action: null, owner: null, due: null, status: null, effect: null, meeting: null }))];
}

export function actionsSheet(ctx: PlanContext, actions: readonly BoardAction[]): SheetPlan {
  const b = new SheetBuilder("Actions", ctx.names.Actions, [{ width: 40 }, { width: 60 }, { width: 18 }, { width: 12 }, { width: 12 }, { width: 14 }, { width: 18 }, { width: 10, hidden: true }], C.key);
  b.freeze = { rows: 5, columns: 1 };
  titleRows(b, ctx, ACTIONS_TITLE, "G");
  ACTIONS_HEADINGS.forEach((h, i) => b.label(4, String.fromCharCode(65 + i), h, "header"));
  b.key(4, COMMON_MARKERS.header);
  b.label(5, C.due, "YYYY-MM-DD", "headerUnits");
  unitsCell(b, ctx, 5, C.effect);
  b.fill(5, 1, 7, "headerUnits");
  b.key(5, COMMON_MARKERS.units);
  let row = 6;
  actionRows(ctx, actions).forEach((a, i) => {
    b.inputText(row, C.item, a.item);
    b.inputText(row, C.action, a.action);
    b.inputText(row, C.owner, a.owner);
    b.inputText(row, C.due, a.due);
    b.inputText(row, C.status, a.status);
    b.inputAmount(row, C.effect, a.effect, ctx.amount);
    b.inputText(row, C.meeting, a.meeting);
    b.key(row, ACTIONS_MARKERS.action, ACTIONS_ROWS.action(i));
    row++;
  });
  const last = Math.max(row - 1, 6);
  b.validations.push({ range: `E6:E${last}`, values: [...ACTION_STATUSES] });
  b.note(row + 1, "One row per action. A Red revenue line, the General Fund below the reserves band or a Red savings scheme without an open action (Open or In progress) is flagged in the checks. Insert rows above this note for more actions.", "G");
  return b.build();
}
