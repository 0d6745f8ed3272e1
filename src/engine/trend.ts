/**
 * The trend of the year: the forecast variance and the general fund % at every earlier closed period (months and
 * quarters, from Period history), then at this period, oldest first. Pure: a position in, points out.
 *
 * An earlier period is one whose snapshot ends in an earlier month (as the movement since the previous period);
 * a snapshot of this period or a later one is left out (this period is the position itself, exact; a later one
 * belongs to a period reopened after it). The closed periods' general fund % is the snapshot's (kept to
 * SNAPSHOT_PCT_DP places); this period's is exact.
 */
import type { Decimal, PeriodId, Rag, SnapshotWorkforce } from "../model/types";
import { PERIODS, endMonth } from "../model/period";
import { pctOf } from "../model/amount";
import { favourableVariance, inConvention } from "./convention";
import type { Position } from "./position";

/** A trend is drawn (chart, slide) from three points: with one earlier period, the movement since it says it all. */
export const TREND_MIN_POINTS = 3;

export interface TrendPoint {
  period: PeriodId;
  /** True for a closed period's snapshot, and for this period when it is closed. */
  closed: boolean;
  /** The Net Budget's revised budget and forecast outturn at the period. */
  revisedBudget: Decimal;
  forecastOutturn: Decimal;
  /** Revised budget − forecast outturn: favourable positive. */
  favourable: Decimal;
  /** The forecast variance in the body's convention. */
  forecastVariance: Decimal;
  /** As a % of the absolute net budget, in the body's convention; null for a zero budget. */
  variancePct: Decimal | null;
  /** The change in the forecast variance since the point before, in the body's convention; null for the first. */
  movement: Decimal | null;
  /** The general fund after the forecast variance, and as a % of the net budget; null where none was recorded. */
  generalFundClosing: Decimal | null;
  generalFundPct: Decimal | null;
  revenueRag: Rag | null;
  /** The workforce's totals (FTE) at the period: establishment, strength then, forecast at the year end; null where none was kept. */
  workforce: SnapshotWorkforce | null;
}

export function trendOf(p: Position): TrendPoint[] {
  const { model, revenue, reserves } = p;
  const convention = model.settings.signConvention;
  // Ordered as history.ts orders snapshots (by the month they end, a quarter before its month), without importing it:
  // the sheet plans use this module, and history.ts would join the task pane's start-up (scripts/bundle-size.js).
  const earlier = model.history.filter((s) => endMonth(s.period) < endMonth(model.period))
    .sort((a, b) => endMonth(a.period) - endMonth(b.period) || PERIODS.indexOf(a.period) - PERIODS.indexOf(b.period));
  const raw = [
    ...earlier.map((s) => ({
      period: s.period, closed: true, revisedBudget: s.revenue.revisedBudget, forecastOutturn: s.revenue.forecastOutturn,
      generalFundClosing: s.generalFund?.forecastClosing ?? null, generalFundPct: s.generalFund?.forecastPct ?? null, revenueRag: s.revenue.rag,
      workforce: s.workforce ?? null,
    })),
    {
      period: model.period, closed: model.history.some((s) => s.period === model.period), revisedBudget: revenue.netBudget.revisedBudget, forecastOutturn: revenue.netBudget.forecastOutturn,
      generalFundClosing: reserves.generalFundPolicy?.forecastClosing ?? null, generalFundPct: reserves.generalFundPolicy?.forecastPct ?? null,
      revenueRag: revenue.netBudget.rag,
      workforce: p.workforce ? { establishmentFte: p.workforce.establishmentFte, actualFte: p.workforce.actualFte, forecastFte: p.workforce.forecastFte } : null,
    },
  ];
  let before: Decimal | null = null;
  return raw.map((r) => {
    const favourable = favourableVariance(r.revisedBudget, r.forecastOutturn);
    const forecastVariance = inConvention(favourable, convention);
    const movement: Decimal | null = before === null ? null : inConvention(favourable.minus(before), convention);
    before = favourable;
    return { ...r, favourable, forecastVariance, variancePct: pctOf(forecastVariance, r.revisedBudget.abs()), movement };
  });
}
