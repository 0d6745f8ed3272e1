/**
 * The position of a period: every figure of the report, its RAG, the movement since the previous period,
 * and the checks. Pure: a model in, a position out.
 */
import type { Decimal, MonitoringPeriod, PeriodSnapshot, Rag } from "../model/types";
import { endMonth } from "../model/period";
import { type CapitalPosition, computeCapital } from "./capital";
import { type Check, capitalFundingChecks, commentaryChecks, controlTotalChecks, missingInputChecks, reservesBandChecks, sortChecks } from "./checks";
import { favourableVariance, inConvention } from "./convention";
import { type ReservesPosition, computeReserves } from "./reserves";
import { type RevenuePosition, computeRevenue } from "./revenue";
import { type SavingsPosition, computeSavings } from "./savings";

export interface Movement {
  previous: PeriodSnapshot;
  /** Change in the revenue variance since the previous period, favourable positive (an improvement is positive). */
  favourable: Decimal;
  /** The same in the body's sign convention. */
  revenueVariance: Decimal;
  previousRevenueVariance: Decimal;
}

export interface Position {
  model: MonitoringPeriod;
  revenue: RevenuePosition;
  capital: CapitalPosition;
  reserves: ReservesPosition;
  savings: SavingsPosition;
  /** Null when there is no earlier period in the history. */
  movement: Movement | null;
  rag: { revenue: Rag; capital: Rag; reserves: Rag; savings: Rag };
  checks: Check[];
}

/** The latest closed period before this one. */
export function previousSnapshot(model: MonitoringPeriod): PeriodSnapshot | null {
  const before = model.history.filter((h) => endMonth(h.period) < endMonth(model.period));
  return before.sort((a, b) => endMonth(a.period) - endMonth(b.period)).at(-1) ?? null;
}

export function computePosition(model: MonitoringPeriod): Position {
  const revenue = computeRevenue(model);
  const capital = computeCapital(model);
  const reserves = computeReserves(model, revenue.netBudget.revisedBudget, revenue.netBudget.favourable);
  const savings = computeSavings(model);
  const convention = model.settings.signConvention;
  const previous = previousSnapshot(model);
  let movement: Movement | null = null;
  if (previous) {
    const before = favourableVariance(previous.revenue.revisedBudget, previous.revenue.forecastOutturn);
    const favourable = revenue.netBudget.favourable.minus(before);
    movement = { previous, favourable, revenueVariance: inConvention(favourable, convention), previousRevenueVariance: inConvention(before, convention) };
  }
  const ctx = { model, units: model.units };
  const checks = sortChecks([
    ...missingInputChecks(ctx),
    ...controlTotalChecks(ctx, revenue, capital, reserves, savings),
    ...capitalFundingChecks(ctx, capital),
    ...reservesBandChecks(ctx, reserves),
    ...commentaryChecks(ctx, revenue, capital),
  ]);
  return {
    model, revenue, capital, reserves, savings, movement,
    rag: { revenue: revenue.netBudget.rag, capital: capital.rag, reserves: reserves.generalFundPolicy.rag, savings: savings.rag },
    checks,
  };
}
