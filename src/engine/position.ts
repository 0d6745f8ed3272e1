/**
 * The position of a period: every figure of the report, its RAG, the movement since the previous period,
 * and the checks. Pure: a model in, a position out.
 */
import type { Decimal, MonitoringPeriod, PeriodSnapshot, Rag } from "../model/types";
import { endMonth } from "../model/period";
import { type CapitalPosition, computeCapital } from "./capital";
import { type Check, budgetSplitChecks, capitalFundingChecks, commentaryCheck, controlTotalChecks, otherMissingChecks, reserveClosingChecks, reservesBandChecks, settingScaleChecks, revenueLineMissing, sortChecks } from "./checks";
import { favourableVariance, inConvention } from "./convention";
import { computeMonthly, keepMonthly } from "./monthly";
import { monthlyLineChecks } from "./monthly-checks";
import { type ReservesPosition, computeReserves } from "./reserves";
import { type RevenuePosition, computeRevenue } from "./revenue";
import { type SavingsPosition, computeSavings } from "./savings";
import { type WorkforcePosition, workforcePositionOf } from "./workforce";

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
  /** Null when the period has no workforce figures. */
  workforce: WorkforcePosition | null;
  /** Null when there is no earlier period in the history. */
  movement: Movement | null;
  /** Reserves: null when no general fund was entered (the band is not judged). */
  rag: { revenue: Rag; capital: Rag; reserves: Rag | null; savings: Rag };
  checks: Check[];
}

/** The latest closed period before this one. */
export function previousSnapshot(model: MonitoringPeriod): PeriodSnapshot | null {
  const before = model.history.filter((h) => endMonth(h.period) < endMonth(model.period));
  return before.sort((a, b) => endMonth(a.period) - endMonth(b.period)).at(-1) ?? null;
}

/** The movement of the revenue variance since the latest earlier closed period, or null. */
export function movementOf(model: MonitoringPeriod, revenue: RevenuePosition): Movement | null {
  const previous = previousSnapshot(model);
  if (!previous) return null;
  const convention = model.settings.signConvention;
  const before = favourableVariance(previous.revenue.revisedBudget, previous.revenue.forecastOutturn);
  const favourable = revenue.netBudget.favourable.minus(before);
  return { previous, favourable, revenueVariance: inConvention(favourable, convention), previousRevenueVariance: inConvention(before, convention) };
}

/**
 * The checks of a position, kept in parts so an edit of one revenue line can replace only its own (src/engine/
 * incremental.ts). Line parts are in the order of the revenue lines: each group's lines, then the transfers.
 */
export interface CheckParts {
  revenueMissing: Check[][];
  otherMissing: Check[];
  control: Check[];
  funding: Check[];
  band: Check[];
  /** Amount settings larger than the whole Net Budget (pounds typed into a £000 file). */
  scale: Check[];
  revenueCommentary: Check[][];
  capitalCommentary: Check[];
  netBudgetCommentary: Check[];
  /** Per line of the groups (not the transfers): its profile, its pace against the profile, forecast assist. */
  monthly: Check[][];
}

/** Every check, in the order the report lists them: errors first, each severity in the order of the parts. */
export function assembleChecks(parts: CheckParts, workforce: Check[] = []): Check[] {
  return sortChecks([
    ...parts.revenueMissing.flat(), ...parts.otherMissing, ...parts.control, ...parts.funding, ...parts.band, ...parts.scale,
    ...parts.revenueCommentary.flat(), ...parts.capitalCommentary, ...parts.netBudgetCommentary, ...parts.monthly.flat(), ...workforce,
  ]);
}

/** The check parts of each position computed, for the incremental path; kept apart so a Position stays plain data. */
export const checkPartsOf = new WeakMap<Position, CheckParts>();

export function computePosition(model: MonitoringPeriod): Position {
  const revenue = computeRevenue(model);
  const capital = computeCapital(model);
  const reserves = computeReserves(model, revenue.netBudget.revisedBudget, revenue.netBudget.favourable);
  const savings = computeSavings(model);
  const ctx = { model, units: model.units };
  const monthly = computeMonthly(model);
  const revenueLines = [...revenue.groups.flatMap((g) => g.lines), ...revenue.transfers];
  const parts: CheckParts = {
    revenueMissing: revenueLines.map((l) => [...revenueLineMissing(model.settings, l.line), ...budgetSplitChecks(ctx, l.line)]),
    otherMissing: [...otherMissingChecks(ctx), ...reserveClosingChecks(ctx, reserves)],
    control: controlTotalChecks(ctx, revenue, capital, reserves, savings),
    funding: capitalFundingChecks(ctx, capital),
    band: reservesBandChecks(ctx, reserves),
    scale: settingScaleChecks(ctx, revenue.netBudget.revisedBudget),
    revenueCommentary: revenueLines.map((l) => commentaryCheck(ctx, "revenue", l.line.name, l.favourable, l.line.commentary)),
    capitalCommentary: capital.lines.flatMap((l) => commentaryCheck(ctx, "capital", l.line.name, l.favourable, l.line.commentary)),
    netBudgetCommentary: commentaryCheck(ctx, "revenue", "Net Budget", revenue.netBudget.favourable, model.revenue.netBudgetCommentary),
    monthly: monthly.lines.map((l) => monthlyLineChecks(ctx, l)),
  };
  const position = positionOf({ model, revenue, capital, reserves, savings }, parts);
  keepMonthly(position, model, monthly);
  return position;
}

/** The position of computed parts: the movement, the RAG of each area, the checks in order (their parts kept for edits). */
export function positionOf(p: Pick<Position, "model" | "revenue" | "capital" | "reserves" | "savings">, parts: CheckParts): Position {
  const { model, revenue, capital, reserves, savings } = p;
  // The workforce is small and depends on no revenue line: computed whole each time, on the incremental path too.
  const workforce = workforcePositionOf(model);
  const position: Position = {
    model, revenue, capital, reserves, savings, workforce, movement: movementOf(model, revenue),
    rag: { revenue: revenue.netBudget.rag, capital: capital.rag, reserves: reserves.generalFundPolicy?.rag ?? null, savings: savings.rag },
    checks: assembleChecks(parts, workforce?.checks),
  };
  checkPartsOf.set(position, parts);
  return position;
}
