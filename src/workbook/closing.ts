/**
 * Closing and reopening a period on a workbook, the part both gateways share (pure): from what was read to the model
 * whose History sheet is to be written, or null when nothing changes. The gateways then write only the History sheet:
 * the Summary looks the previous period up there by formula, so nothing else depends on the number of closed periods.
 */
import type { MonitoringPeriod, PeriodId } from "../model/types";
import { closePeriod, reopenPeriod } from "../engine/history";
import { computePosition } from "../engine/position";
import type { SheetPlan, WorkbookPlan } from "../plans/types";
import type { CloseResult, WorkbookRead } from "./gateway";
import type { PlanPort } from "./plan-port";
import { WorkbookError } from "./errors";
import { SHEET_NAMES } from "./names";

/** Today as YYYY-MM-DD in the user's time zone (the date a period is closed on). */
export function isoToday(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

function readable(read: WorkbookRead, action: string): MonitoringPeriod {
  if (!read.model) {
    const why = read.checks.filter((c) => c.severity === "error").slice(0, 2).map((c) => `${c.where}: ${c.message}`).join(" ");
    throw new WorkbookError(`Outturn cannot ${action}: the workbook cannot be read into a period. Correct what Checks lists, then try again. Nothing was changed. ${why}`.trim(), "Unreadable");
  }
  return read.model;
}

const historyText = (m: MonitoringPeriod) => JSON.stringify(m.history);

export interface ClosingPlan {
  /** The model to write the History sheet for; null when nothing changes. */
  model: MonitoringPeriod | null;
  result: CloseResult;
}

/** The workbook's period closed on `closedOn`: a snapshot of its position replaces any older one of that period. */
export function planClose(read: WorkbookRead, closedOn: string): ClosingPlan {
  const model = readable(read, "close the period");
  const position = computePosition(model);
  if (position.revenue.netBudget.revisedBudget.isZero()) {
    throw new WorkbookError(`There are no figures to close yet: type the revised budgets and forecasts of ${model.period} first. Nothing was changed.`, "Invalid");
  }
  const closed = closePeriod(model, position, closedOn);
  return outcome(model, closed, model.period);
}

/** The workbook with `period`'s snapshot removed. */
export function planReopen(read: WorkbookRead, period: PeriodId): ClosingPlan {
  const model = readable(read, `reopen ${period}`);
  return outcome(model, reopenPeriod(model, period), period);
}

function outcome(before: MonitoringPeriod, after: MonitoringPeriod, period: PeriodId): ClosingPlan {
  // Unchanged when the rows are the same, in the same order (a sheet typed out of order is rewritten sorted).
  const changed = historyText(after) !== historyText(before);
  return { model: changed ? after : null, result: { period, changed, history: after.history.map((s) => s.period) } };
}

/** The History sheet's plan for the model to write. Written protected, every cell locked (Excel: unprotect, write, protect). */
export function historyPlan(plans: PlanPort, model: MonitoringPeriod): { sheet: SheetPlan; styles: WorkbookPlan["styles"] } {
  const plan = plans.build(model, ["History"], {});
  const sheet = plan.sheets.find((s) => s.kind === "History");
  if (!sheet) throw new Error("the plans made no History sheet");
  return { sheet, styles: plan.styles };
}

/** A History sheet to be added to a workbook whose structure is protected: refused, saying what to do. */
export function refuseHistoryWrite(hasHistory: boolean, structureProtected: boolean): void {
  if (hasHistory || !structureProtected) return;
  const name = SHEET_NAMES.History;
  throw new WorkbookError(`There is no ${name} sheet and the workbook's structure is protected, so Outturn cannot add it. Unprotect the workbook (Review > Protect Workbook), then try again. Nothing was changed.`, "Protected");
}
