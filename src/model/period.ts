/** Periods of the financial year (April to March): quarters and months, ordered by the month they end. */
import { MONTHS, QUARTERS, type PeriodId } from "./types";

export const PERIODS: readonly PeriodId[] = [...QUARTERS, ...MONTHS];

/** The month of the financial year (1 = April .. 12 = March) the period ends in. */
export function endMonth(p: PeriodId): number {
  return p.startsWith("Q") ? Number(p.slice(1)) * 3 : Number(p.slice(1));
}

const MONTH_NAMES = ["April", "May", "June", "July", "August", "September", "October", "November", "December", "January", "February", "March"];

/** "Quarter 2" or "September (month 6)". */
export function periodLabel(p: PeriodId): string {
  return p.startsWith("Q") ? `Quarter ${p.slice(1)}` : `${MONTH_NAMES[endMonth(p) - 1]} (month ${endMonth(p)})`;
}

export function isPeriodId(value: string): value is PeriodId {
  return (PERIODS as readonly string[]).includes(value);
}
