/**
 * A generated council year in pounds with a known seasonal pattern, for the monthly view's tests: pay with a 4% award
 * from August, winter gritting on a custom profile, utilities shaped like last year, supplies flat (no profile).
 */
import { parseMonitoringJson } from "../../src/model/load";
import type { MonitoringPeriod } from "../../src/model/types";
import { D } from "../../src/model/amount";
import { closePeriod, rollForward } from "../../src/engine/history";
import { computePosition } from "../../src/engine/position";

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


/**
 * The forecasts of a monthly year, M01 to M06, in pounds: each line's forecast outturn as the treasurer revised it
 * month by month (the budgets stay the year's). Three lines join the four of `year` (Fuel, Insurance, Grants income),
 * so the bridge has more changes than it shows on its own; the transfer to reserves is cut in M06.
 */
export const MONTHLY_FORECASTS: Record<string, number[]> = {
  Pay: [1200000, 1212500, 1212500, 1230000, 1236000, 1251750],
  Gritting: [200000, 200000, 200000, 195000, 185500, 188250],
  Utilities: [110000, 110000, 104250, 104250, 101000, 99500],
  Supplies: [130000, 130000, 127400, 127400, 126000, 121650],
  Fuel: [60000, 61800, 61800, 63400, 63400, 64150],
  Insurance: [45000, 45000, 45000, 45000, 45000, 45600],
  "Grants income": [-80000, -80000, -82500, -82500, -84000, -84300],
  "Transfer to reserves": [50000, 50000, 50000, 50000, 50000, 44000],
};

const MONTHLY_BUDGETS: Record<string, number> = {
  Pay: 1200000, Gritting: 200000, Utilities: 110000, Supplies: 120000, Fuel: 60000, Insurance: 45000, "Grants income": -80000, "Transfer to reserves": 50000,
};

/** Month `m` (1..6) of the generated year, with its forecasts and a plain actual to date (the budget's twelfths). */
export function monthOfYear(m: number): MonitoringPeriod {
  const period = `M${String(m).padStart(2, "0")}`;
  const at = (name: string) => {
    const f = MONTHLY_FORECASTS[name]?.[m - 1];
    if (f === undefined) throw new Error(`no forecast for ${name} in ${period}`);
    return f;
  };
  const line = (name: string, more: Record<string, unknown> = {}) => {
    const budget = MONTHLY_BUDGETS[name] ?? 0;
    return { name, ref: null, originalBudget: budget, revisedBudget: budget, actualToDate: Math.round((budget * m) / 12), forecastOutturn: at(name), commentary: "explained", ...more };
  };
  const base = year(period, {}, [
    line("Pay", { profile: { kind: "payLike", awardFromMonth: 5, awardPct: 4 } }),
    line("Gritting", { profile: { kind: "custom", monthlyPct: GRITTING_PCT }, actualToDate: 0 }),
    line("Utilities", { profile: { kind: "lastYear" }, lastYearMonthly: UTILITIES_LAST_YEAR }),
    line("Supplies"), line("Fuel"), line("Insurance"), line("Grants income"),
  ]);
  const transfer = base.revenue.transfers[0];
  if (transfer) transfer.forecastOutturn = new D(at("Transfer to reserves"));
  return base;
}

/**
 * Months 1 to `last` of the generated year closed one after another as a treasurer would (close the month, roll
 * forward, update the forecasts), through the real engine: the model of month `last`, open, with M01.. closed before it.
 */
export function closedMonths(last: number, closeLast = false): MonitoringPeriod {
  let history: MonitoringPeriod["history"] = [];
  let model = monthOfYear(1);
  for (let m = 1; m <= last; m++) {
    const fresh = monthOfYear(m);
    model = m === 1 ? fresh : { ...rollForward(model, fresh.period), revenue: fresh.revenue };
    if (m < last || closeLast) {
      model = closePeriod(model, computePosition(model), `2025-${String(m + 4).padStart(2, "0")}-05`);
      history = model.history;
    }
  }
  return { ...model, history };
}
