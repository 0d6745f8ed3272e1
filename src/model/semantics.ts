/**
 * Problems a schema cannot see: a period that cannot be computed or contradicts itself. Kept apart from the
 * JSON loader so code that reads workbooks (and the task pane) does not pull in the schema validator.
 */
import { sum } from "./amount";
import { endMonth } from "./period";
import type { MonitoringPeriod } from "./types";

export interface Problem {
  /** Where, as a path into the file, e.g. revenue.groups[0].lines[1].forecastOutturn ("Pay & Employment costs"). */
  field: string;
  message: string;
}

/**
 * Problems that make the period impossible to compute or contradict themselves. Also used on workbook input. The
 * settings are checked by each way in with the settings registry (src/model/settings/validate.ts).
 */
export function semanticProblems(model: MonitoringPeriod): Problem[] {
  const problems: Problem[] = [];
  const netBudget = sum([...model.revenue.groups.flatMap((g) => g.lines), ...model.revenue.transfers].map((l) => l.revisedBudget));
  if (netBudget.isZero()) {
    problems.push({ field: "revenue", message: "the Net Budget (revised budget column) adds up to zero, so the variance % and the general fund % of the net budget cannot be worked out; enter the revised budget of each revenue line" });
  }
  const funds = model.reserves.filter((r) => r.kind === "generalFund");
  // None is allowed (revenue-only or capital-only monitoring): the band is then not judged. Two cannot be told apart.
  if (funds.length > 1) {
    problems.push({ field: "reserves", message: `has ${funds.length} reserves of kind "generalFund"; there is one General Fund Balance` });
  }
  for (const [i, s] of model.history.entries()) {
    // The period itself may be in the history once it is closed; a later one may not.
    if (endMonth(s.period) > endMonth(model.period)) problems.push({ field: `history[${i}].period`, message: `is ${s.period}, later than the period being monitored (${model.period}); history holds this and earlier periods of the year only` });
  }
  return problems;
}

