/**
 * The monthly view of the revenue lines: the budget profiled to date, the variance to date, and projections of the
 * outturn to set beside the treasurer's forecast (forecast assist). Exact decimals throughout.
 *
 * Blank inputs count as zero, as in the annual variance (the missing-input check reports them), so the sheet's formulas
 * and the engine agree on a half-filled template.
 *
 * Only the lines of the groups are profiled: transfers to and from reserves are usually made at the year end, so a
 * to-date comparison of them would flag every month for nothing.
 *
 * The variance to date is budget to date − actual to date, favourable positive, and presented in the body's sign
 * convention like the annual variance; its % is of the absolute budget to date and its RAG follows its own rule
 * (Settings: yearToDate), because a variance to date is mostly timing and is flagged later than the annual one.
 */
import type { Decimal, MonitoringPeriod, Rag, RevenueLine } from "../model/types";
import { HUNDRED, ZERO, pctOf, sum } from "../model/amount";
import { monthsElapsed } from "../model/period";
import { inConvention } from "./convention";
import { MONTHS_IN_YEAR, budgetToDate, profileWeights, shareToDate } from "./profiles";
import { varianceRag } from "./rag";
import { revenueLinePath } from "./rows";

export type ProjectionMethod = "straightLine" | "profiled" | "lastYear";
export const PROJECTION_METHODS: readonly ProjectionMethod[] = ["straightLine", "profiled", "lastYear"];
export const PROJECTION_WORDS: Record<ProjectionMethod, string> = {
  straightLine: "straight-line",
  profiled: "profiled",
  lastYear: "last year's pattern",
};

export type Projections = Record<ProjectionMethod, Decimal | null>;

export interface LineToDate {
  /** Where the line is in the monitoring file, as in the report's lines: revenue.groups[g].lines[l]. */
  path: string;
  group: number;
  index: number;
  line: RevenueLine;
  /** The profile's kind (flat when the line has none). */
  profile: string;
  /** Why the line's profile cannot be used (then there is no budget to date), or null. */
  profileProblem: string | null;
  budgetToDate: Decimal | null;
  /** Budget to date − actual to date, favourable positive; null without a budget to date or an actual. */
  favourableToDate: Decimal | null;
  /** The same in the body's sign convention. */
  varianceToDate: Decimal | null;
  /** The variance to date as a % of the absolute budget to date, in the body's convention. */
  varianceToDatePct: Decimal | null;
  rag: Rag | null;
  projections: Projections;
}

export interface ToDateTotal {
  budgetToDate: Decimal | null;
  actualToDate: Decimal;
  varianceToDate: Decimal | null;
  varianceToDatePct: Decimal | null;
}

export interface MonthlyPosition {
  /** Months of the financial year elapsed at the period's end (April = 1). */
  months: number;
  lines: LineToDate[];
  /** All profiled lines together (Total Net Revenue Expenditure to date); the budget to date is null when a line has none. */
  total: ToDateTotal;
}

/** The figures to date and the projections of one line of group `group`. */
export function lineToDate(model: MonitoringPeriod, group: number, index: number, line: RevenueLine, months: number): LineToDate {
  const { weights, problem } = profileWeights(line);
  const annual = line.revisedBudget ?? ZERO;
  const btd = weights ? budgetToDate(annual, weights, months) : null;
  const actual = line.actualToDate ?? ZERO;
  const favourable = btd !== null ? btd.minus(actual) : null;
  const convention = model.settings.signConvention;
  const variance = favourable === null ? null : inConvention(favourable, convention);
  return {
    path: revenueLinePath(group, index), group, index, line,
    profile: line.profile?.kind ?? "flat", profileProblem: problem,
    budgetToDate: btd,
    favourableToDate: favourable,
    varianceToDate: variance,
    varianceToDatePct: variance === null || btd === null ? null : pctOf(variance, btd.abs()),
    rag: favourable === null || btd === null ? null : varianceRag(model.settings.rag.yearToDate, favourable, btd),
    projections: projections(line, btd, months),
  };
}

/**
 * Projections of the year's outturn from the actual to date:
 * - straight-line: actual to date ÷ months elapsed × 12;
 * - profiled: actual to date ÷ profiled budget to date × annual budget;
 * - last year's pattern: actual to date ÷ the share of last year's spending made by the same month.
 * Each is null where it cannot be worked out (a budget to date or last year's share of nothing); a blank actual is zero.
 */
export function projections(line: RevenueLine, btd: Decimal | null, months: number): Projections {
  const actual = line.actualToDate ?? ZERO;
  if (months < 1) return { straightLine: null, profiled: null, lastYear: null };
  const lastYear = line.lastYearMonthly?.length === MONTHS_IN_YEAR ? shareToDate(line.lastYearMonthly, months) : null;
  return {
    straightLine: actual.div(months).times(MONTHS_IN_YEAR),
    profiled: btd !== null && !btd.isZero() ? actual.div(btd).times(line.revisedBudget ?? ZERO) : null,
    lastYear: lastYear !== null && !lastYear.isZero() ? actual.div(lastYear) : null,
  };
}

export function computeMonthly(model: MonitoringPeriod): MonthlyPosition {
  const months = monthsElapsed(model.period);
  const lines = model.revenue.groups.flatMap((g, gi) => g.lines.map((l, li) => lineToDate(model, gi, li, l, months)));
  return { months, lines, total: totalToDate(model, lines) };
}

/**
 * The monthly view computePosition worked out for its checks, kept beside the position (as checkPartsOf, so a
 * Position stays plain data): the Profiles sheet, planned from that position, need not work every line out again.
 */
const monthlyOfPosition = new WeakMap<object, { model: MonitoringPeriod; monthly: MonthlyPosition }>();

export function keepMonthly(position: object, model: MonitoringPeriod, monthly: MonthlyPosition): void {
  monthlyOfPosition.set(position, { model, monthly });
}

/** The monthly view of `model`: the one kept with `position` when that position was computed from this model, else worked out. */
export function monthlyOf(position: object, model: MonitoringPeriod): MonthlyPosition {
  const kept = monthlyOfPosition.get(position);
  return kept && kept.model === model ? kept.monthly : computeMonthly(model);
}

export function totalToDate(model: MonitoringPeriod, lines: readonly LineToDate[]): ToDateTotal {
  const complete = lines.every((l) => l.budgetToDate !== null);
  const btd = complete ? sum(lines.map((l) => l.budgetToDate)) : null;
  const actual = sum(lines.map((l) => l.line.actualToDate));
  const variance = btd === null ? null : inConvention(btd.minus(actual), model.settings.signConvention);
  return { budgetToDate: btd, actualToDate: actual, varianceToDate: variance, varianceToDatePct: variance === null || btd === null ? null : pctOf(variance, btd.abs()) };
}

/** How far the actual to date is from the budget to date, as a % of the budget to date (positive: ahead of the profile). */
export function paceOffPct(l: LineToDate): Decimal | null {
  if (l.budgetToDate === null || l.line.actualToDate === null || l.budgetToDate.isZero()) return null;
  return l.line.actualToDate.minus(l.budgetToDate).div(l.budgetToDate.abs()).times(HUNDRED);
}

/** Equal to six places (a ratio of exact decimals may differ in its 40th digit from the same ratio taken another way). */
const sameTo6 = (a: Decimal | null, b: Decimal) => a !== null && a.toDecimalPlaces(6).equals(b.toDecimalPlaces(6));

/**
 * The projections a line's forecast is at least `materiality` away from, with the gap (forecast − projection). A
 * projection equal to one before it (the profiled one of a flat profile is the straight line) is not repeated.
 */
export function forecastGaps(l: LineToDate, materiality: Decimal): Array<{ method: ProjectionMethod; projection: Decimal; gap: Decimal }> {
  const forecast = l.line.forecastOutturn;
  if (forecast === null) return [];
  return PROJECTION_METHODS.flatMap((method, i) => {
    const projection = l.projections[method];
    if (projection === null || PROJECTION_METHODS.slice(0, i).some((m) => sameTo6(l.projections[m], projection))) return [];
    const gap = forecast.minus(projection);
    return gap.abs().greaterThanOrEqualTo(materiality) && !gap.isZero() ? [{ method, projection, gap }] : [];
  });
}

