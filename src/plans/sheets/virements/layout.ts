/**
 * Virements: the log of every change from a revenue line's original budget to its revised budget (issue 15): the line,
 * the amount, where from or to, the reason, who approved it and when. A sheet of its own rather than a table on the
 * Revenue sheet: the log grows by entries, not by lines (a line may have several virements, or one may move budget
 * between two lines), so it cannot share the Revenue sheet's rows, and a table below the Revenue lines would move
 * whenever a line is inserted. Started with one entry per line whose budget changed, its amount the difference; the
 * reason and the approval are inputs left to fill in. The engine reconciles the log to the budgets
 * (src/engine/virements.ts); a total row adds the log up (live formula) beside the change in the whole budget.
 */
import { type Virement, budgetChanges } from "../../../engine/virements";
import { D } from "../../../model/amount";
import { SheetBuilder } from "../../builder";
import type { PlanContext } from "../../context";
import type { SheetPlan } from "../../types";
import { titleRows, unitsCell } from "../common";
import { COMMON_MARKERS } from "../markers";
import { VIREMENTS_COLS as C, VIREMENTS_MARKERS, VIREMENTS_ROWS, VIREMENTS_TITLE } from "./markers";

export const VIREMENTS_HEADINGS = ["Line (Group > Line)", "Amount added to the line's budget", "From / to", "Reason", "Approved by", "Approved on"];

export function virementsSheet(ctx: PlanContext, log: readonly Virement[]): SheetPlan {
  const b = new SheetBuilder("Virements", ctx.names.Virements, [{ width: 40 }, { width: 16 }, { width: 28 }, { width: 50 }, { width: 22 }, { width: 12 }, { width: 10, hidden: true }], C.key);
  b.freeze = { rows: 5, columns: 1 };
  titleRows(b, ctx, VIREMENTS_TITLE, "F");
  VIREMENTS_HEADINGS.forEach((h, i) => b.label(4, String.fromCharCode(65 + i), h, "header"));
  b.key(4, COMMON_MARKERS.header);
  unitsCell(b, ctx, 5, C.amount);
  b.label(5, C.approvedOn, "YYYY-MM-DD", "headerUnits");
  b.fill(5, 1, 6, "headerUnits");
  b.key(5, COMMON_MARKERS.units);
  let row = 6;
  log.forEach((v, i) => {
    b.inputText(row, C.line, v.line, "lineName");
    b.inputAmount(row, C.amount, v.amount, ctx.amount);
    b.inputText(row, C.counterpart, v.counterpart);
    b.inputText(row, C.reason, v.reason);
    b.inputText(row, C.approvedBy, v.approvedBy);
    b.inputText(row, C.approvedOn, v.approvedOn);
    b.key(row, VIREMENTS_MARKERS.entry, VIREMENTS_ROWS.entry(i));
    row++;
  });
  const total = log.reduce((s, v) => s.plus(v.amount ?? 0), new D(0));
  b.label(row, C.line, "Total of the virements logged", "totalLabel");
  b.formula(row, C.amount, log.length > 0 ? `=SUM(${C.amount}6:${C.amount}${row - 1})` : "=0", total, "total", { numberFormat: ctx.amount });
  b.fill(row, 3, 6, "total");
  b.key(row, VIREMENTS_MARKERS.total);
  const change = budgetChanges(ctx.model).reduce((s, c) => s.plus(c.difference), new D(0));
  b.note(row + 2, `The revised budgets differ from the original by ${change.toString()} in all (the lines' changes added up). Each line's virements must add up to its change, and each needs who approved it: the checks list any that do not. Insert rows above the total for more virements.`, "F");
  return b.build();
}
