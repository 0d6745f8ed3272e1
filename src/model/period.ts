/**
 * Periods of the financial year (April to March): quarters and months, ordered by the month they end, then the year
 * end: the provisional outturn and the final outturn, after March.
 */
import { MONTHS, QUARTERS, YEAR_END, type PeriodId } from "./types";

export const PERIODS: readonly PeriodId[] = [...QUARTERS, ...MONTHS, ...YEAR_END];

/** The year-end periods' place after March: the provisional outturn 13, the final outturn 14. */
const YEAR_END_ORDER: Record<(typeof YEAR_END)[number], number> = { PO: 13, FO: 14 };

/** The month of the financial year (1 = April .. 12 = March) the period ends in; 13 and 14 for the year end's two outturns. */
export function endMonth(p: PeriodId): number {
  if (p === "PO" || p === "FO") return YEAR_END_ORDER[p];
  return p.startsWith("Q") ? Number(p.slice(1)) * 3 : Number(p.slice(1));
}

/** Months of the financial year elapsed at the period's end: its end month, and all twelve at the year end. */
export function monthsElapsed(p: PeriodId): number {
  return Math.min(endMonth(p), 12);
}

const MONTH_NAMES = ["April", "May", "June", "July", "August", "September", "October", "November", "December", "January", "February", "March"];

/** "Quarter 2", "September (month 6)", "Provisional outturn" or "Final outturn". */
export function periodLabel(p: PeriodId): string {
  if (p === "PO") return "Provisional outturn";
  if (p === "FO") return "Final outturn";
  return p.startsWith("Q") ? `Quarter ${p.slice(1)}` : `${MONTH_NAMES[endMonth(p) - 1]} (month ${endMonth(p)})`;
}

export function isPeriodId(value: string): value is PeriodId {
  return (PERIODS as readonly string[]).includes(value);
}
