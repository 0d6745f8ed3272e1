/**
 * One revenue input changed: the position updated from the previous one without computing the period again. Only the
 * changed line, its group's total, Total Net Revenue Expenditure, the Net Budget, the general fund (which depends on
 * the Net Budget) and the checks those concern are worked out; everything else is the previous position's. A property
 * test (test/engine/incremental.test.ts) holds the result equal to computePosition of the edited model.
 *
 * Totals move by the change in the one cell (exact decimals, so the sum is the same as adding every line again). Any
 * other edit (capital, reserves, savings, settings, a line added or removed) goes through computePosition.
 */
import type { Decimal, MonitoredColumn, MonitoringPeriod, RevenueLine } from "../model/types";
import { ZERO } from "../model/amount";
import { budgetSplitChecks, commentaryCheck, controlTotalChecks, reservesBandChecks, revenueLineMissing, settingScaleChecks } from "./checks";
import { lineToDate } from "./monthly";
import { monthlyLineChecks } from "./monthly-checks";
import { monthsElapsed } from "../model/period";
import { type CheckParts, type Position, checkPartsOf, computePosition, positionOf } from "./position";
import { computeReserves } from "./reserves";
import type { RevenuePosition } from "./revenue";
import { type TotalResult, decimalsOf, lineResult, varianceFigures } from "./rows";

export interface RevenueEdit {
  /** The group's index, or "transfers". */
  group: number | "transfers";
  /** The line's index in its group (or among the transfers). */
  line: number;
  column: MonitoredColumn;
  value: Decimal | null;
}

const dp = (v: Decimal | null) => v?.decimalPlaces() ?? 0;

/** A total with one line's value in `column` changed from `before` to `after`; `lines` only when the decimals must be counted again. */
function moved(t: TotalResult, column: MonitoredColumn, before: Decimal | null, after: Decimal | null, lines: () => readonly RevenueLine[], position: Position, rule: Parameters<typeof varianceFigures>[3]): TotalResult {
  const cols = { ...t, [column]: t[column].minus(before ?? ZERO).plus(after ?? ZERO) };
  // The most decimals any line has: only when the changed value held the most and now has fewer must every line be seen.
  const decimals = dp(after) >= t.decimals ? dp(after) : dp(before) < t.decimals ? t.decimals : decimalsOf(lines());
  return { ...cols, ...varianceFigures(cols.revisedBudget, cols.forecastOutturn, position.model.settings.signConvention, rule), decimals };
}

export function editRevenue(previous: Position, edit: RevenueEdit): Position {
  const m = previous.model;
  const inGroup = edit.group !== "transfers";
  const list = inGroup ? m.revenue.groups[edit.group as number]?.lines : m.revenue.transfers;
  const old = list?.[edit.line];
  if (!list || !old) throw new RangeError(`no revenue line ${String(edit.group)}:${edit.line} in the period`);
  const line: RevenueLine = { ...old, [edit.column]: edit.value };
  const lines = list.map((l, i) => (i === edit.line ? line : l));
  const model: MonitoringPeriod = {
    ...m,
    revenue: inGroup
      ? { ...m.revenue, groups: m.revenue.groups.map((g, i) => (i === edit.group ? { ...g, lines } : g)) }
      : { ...m.revenue, transfers: lines },
  };
  const parts = checkPartsOf.get(previous);
  if (!parts) return computePosition(model);

  const { signConvention: convention, rag } = model.settings;
  const before = old[edit.column], after = edit.value;
  const expenditure = () => model.revenue.groups.flatMap((g) => g.lines);
  const prev = previous.revenue;
  const result = lineResult(line, convention, rag.revenueLine);
  const revenue: RevenuePosition = {
    groups: inGroup
      ? prev.groups.map((g, i) => (i !== edit.group ? g : {
          group: model.revenue.groups[i] as NonNullable<(typeof model.revenue.groups)[number]>,
          lines: g.lines.map((l, j) => (j === edit.line ? result : l)),
          total: moved(g.total, edit.column, before, after, () => lines, previous, rag.revenueGroup),
        }))
      : prev.groups,
    totalNetRevenueExpenditure: inGroup ? moved(prev.totalNetRevenueExpenditure, edit.column, before, after, expenditure, previous, rag.revenueGroup) : prev.totalNetRevenueExpenditure,
    transfers: inGroup ? prev.transfers : prev.transfers.map((l, j) => (j === edit.line ? result : l)),
    netBudget: moved(prev.netBudget, edit.column, before, after, () => [...expenditure(), ...model.revenue.transfers], previous, rag.revenueTotal),
  };
  const reserves = computeReserves(model, revenue.netBudget.revisedBudget, revenue.netBudget.favourable);
  const { capital, savings } = previous;
  const ctx = { model, units: model.units };
  // The line's place among all revenue lines (each group's, then the transfers), as in the check parts.
  const index = inGroup ? m.revenue.groups.slice(0, edit.group as number).reduce((n, g) => n + g.lines.length, 0) + edit.line
    : m.revenue.groups.reduce((n, g) => n + g.lines.length, 0) + edit.line;
  const next: CheckParts = {
    ...parts,
    revenueMissing: parts.revenueMissing.map((c, i) => (i === index ? [...revenueLineMissing(model.settings, line), ...budgetSplitChecks(ctx, line)] : c)),
    control: controlTotalChecks(ctx, revenue, capital, reserves, savings),
    band: reservesBandChecks(ctx, reserves),
    scale: settingScaleChecks(ctx, revenue.netBudget.revisedBudget),
    revenueCommentary: parts.revenueCommentary.map((c, i) => (i === index ? commentaryCheck(ctx, "revenue", line.name, result.favourable, line.commentary) : c)),
    netBudgetCommentary: commentaryCheck(ctx, "revenue", "Net Budget", revenue.netBudget.favourable, model.revenue.netBudgetCommentary),
    // Transfers are not profiled (src/engine/monthly.ts): the group lines' monthly checks are indexed like them.
    monthly: inGroup ? parts.monthly.map((c, i) => (i === index ? monthlyLineChecks(ctx, lineToDate(model, edit.group as number, edit.line, line, monthsElapsed(model.period))) : c)) : parts.monthly,
  };
  return positionOf({ model, revenue, capital, reserves, savings }, next);
}

