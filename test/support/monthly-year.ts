/**
 * A generated council year in pounds with a known seasonal pattern, for the monthly view's tests: pay with a 4% award
 * from August, winter gritting on a custom profile, utilities shaped like last year, supplies flat (no profile).
 */
import { parseMonitoringJson } from "../../src/model/load";
import type { MonitoringPeriod } from "../../src/model/types";

export const GRITTING_PCT = [0, 0, 0, 0, 0, 0, 10, 20, 25, 25, 15, 5];
export const UTILITIES_LAST_YEAR = [9000, 8000, 7000, 6000, 6000, 7000, 9000, 11000, 13000, 12000, 10000, 9500];

/** A council-style year in pounds: pay with an award from August, winter gritting, utilities like last year, supplies flat. */
export function year(period: string, extra: Record<string, unknown> = {}, lines: Array<Record<string, unknown>> | null = null): MonitoringPeriod {
  const line = (name: string, budget: number, actual: number, forecast: number, more: Record<string, unknown> = {}) => ({
    name, ref: null, originalBudget: budget, revisedBudget: budget, actualToDate: actual, forecastOutturn: forecast, commentary: "explained", ...more,
  });
  return parseMonitoringJson(JSON.stringify({
    schemaVersion: 1, organisation: "Generated Council", financialYear: "2025/26", period, units: "£",
    settings: {
      rag: { yearToDate: { amber: { amount: 10000, pct: 5 }, red: { amount: 20000, pct: 10 }, combine: "higher" } },
      yearToDate: { paceWarningPct: 15 }, assist: { materialityAmount: 25000 },
      ...extra,
    },
    revenue: {
      groups: [{
        name: "Services", lines: lines ?? [
          line("Pay", 1200000, 820000, 1200000, { profile: { kind: "payLike", awardFromMonth: 5, awardPct: 4 } }),
          line("Gritting", 200000, 71000, 200000, { profile: { kind: "custom", monthlyPct: GRITTING_PCT } }),
          line("Utilities", 110000, 66000, 110000, { profile: { kind: "lastYear" }, lastYearMonthly: UTILITIES_LAST_YEAR }),
          line("Supplies", 120000, 90000, 130000),
        ],
      }],
      transfers: [line("Transfer to reserves", 50000, 0, 50000)],
    },
    capital: { lines: [], financing: [] },
    reserves: [{ name: "General Fund", kind: "generalFund", openingBalance: 80000, budgetedTransfer: 0, commitments: 0, actualTransfer: 0 }],
    savings: [],
  }));
}

