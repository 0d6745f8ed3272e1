/** Invariants of the engine on random periods (fast-check). */
import fc from "fast-check";
import Decimal from "decimal.js";
import { computePosition, type Position } from "../../src/engine/position";
import type { MonitoringPeriod, SignConvention } from "../../src/model/types";
import { sum } from "../../src/model/amount";
import { period } from "../support/arbitrary-period";

const withConvention = (m: MonitoringPeriod, signConvention: SignConvention): MonitoringPeriod => ({ ...m, settings: { ...m.settings, signConvention } });

/** Keys that hold a variance (or a movement in one) in the body's sign convention. */
const VARIANCE_KEYS = new Set(["variance", "variancePct", "revenueVariance", "previousRevenueVariance"]);

/** Compares two positions: variance keys must be negated, everything else equal. Returns the differences found. */
function compare(a: unknown, b: unknown, path: string, out: string[]): void {
  if (Decimal.isDecimal(a) || Decimal.isDecimal(b)) {
    const key = path.split(".").pop() ?? "";
    const x = a as Decimal, y = b as Decimal;
    const ok = VARIANCE_KEYS.has(key) ? x.negated().equals(y) : x.equals(y);
    if (!ok) out.push(`${path}: ${x} vs ${y}`);
    return;
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (path === "" && k === "model") continue; // the input itself (settings differ by the convention)
      compare((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k, out);
    }
    return;
  }
  if (a !== b) out.push(`${path}: ${String(a)} vs ${String(b)}`);
}

describe("engine invariants on random data", () => {
  test("switching the sign convention negates every variance and nothing else", () => {
    fc.assert(fc.property(period, (m) => {
      const a = computePosition(withConvention(m, "budget-minus-forecast"));
      const b = computePosition(withConvention(m, "forecast-minus-budget"));
      const diffs: string[] = [];
      compare(a, b, "", diffs);
      expect(diffs).toEqual([]);
      // and the variance really changes sign where it is not zero
      if (!a.revenue.netBudget.variance.isZero()) expect(a.revenue.netBudget.variance.isNegative()).not.toBe(b.revenue.netBudget.variance.isNegative());
    }), { numRuns: 150 });
  });

  test("a total's variance is the sum of its lines' variances, and its columns the sums of theirs", () => {
    fc.assert(fc.property(period, (m) => {
      const p: Position = computePosition(m);
      for (const g of p.revenue.groups) {
        expect(g.total.variance.equals(sum(g.lines.map((l) => l.variance)))).toBe(true);
        expect(g.total.forecastOutturn.equals(sum(g.lines.map((l) => l.line.forecastOutturn)))).toBe(true);
      }
      const allRevenue = [...p.revenue.groups.flatMap((g) => g.lines), ...p.revenue.transfers];
      expect(p.revenue.netBudget.variance.equals(sum(allRevenue.map((l) => l.variance)))).toBe(true);
      expect(p.revenue.netBudget.variance.equals(p.revenue.totalNetRevenueExpenditure.variance.plus(sum(p.revenue.transfers.map((l) => l.variance))))).toBe(true);
      expect(p.capital.programme.variance.equals(sum(p.capital.lines.map((l) => l.variance)))).toBe(true);
      expect(p.capital.funding.variance.equals(sum(p.capital.financing.map((l) => l.variance)))).toBe(true);
      // slippage + underspend = the favourable variance, line by line and in total
      for (const l of p.capital.lines) expect(l.slippage!.plus(l.underspend!).equals(l.favourable)).toBe(true);
      expect(p.capital.slippage!.plus(p.capital.underspend!).equals(p.capital.programme.favourable)).toBe(true);
    }), { numRuns: 150 });
  });

  test("closing = opening + movements, for every reserve and every total", () => {
    fc.assert(fc.property(period, (m) => {
      const r = computePosition(m).reserves;
      for (const row of [...r.reserves, r.earmarked, r.totalRevenue, r.capitalReceipts, r.totalUsable]) {
        expect(row.forecastClosing.equals(row.openingBalance.plus(row.commitments).plus(row.actualTransfer))).toBe(true);
        expect(row.budgetedClosing.equals(row.openingBalance.plus(row.budgetedTransfer))).toBe(true);
      }
      expect(r.totalUsable.forecastClosing.equals(sum(r.reserves.map((x) => x.forecastClosing)))).toBe(true);
      expect(r.totalRevenue.forecastClosing.equals(r.earmarked.forecastClosing.plus(r.generalFund!.forecastClosing))).toBe(true);
    }), { numRuns: 150 });
  });

  test("the % base is the net budget: the general fund % times the net budget is the balance", () => {
    fc.assert(fc.property(period, (m) => {
      const p = computePosition(m);
      const gf = p.reserves.generalFundPolicy!;
      const nb = p.revenue.netBudget.revisedBudget;
      expect(gf.netBudget.equals(nb)).toBe(true);
      expect(gf.forecastPct.times(nb).div(100).minus(gf.forecastClosing).abs().lessThan("1e-20")).toBe(true);
      expect(gf.budgetedPct.times(nb).div(100).minus(gf.budgetedClosing).abs().lessThan("1e-20")).toBe(true);
      // the general fund after the forecast moves one for one with the revenue variance
      expect(gf.forecastClosing.equals(p.reserves.generalFund!.forecastClosing.plus(p.revenue.netBudget.favourable))).toBe(true);
      // revenue variance % of the net budget
      expect(p.revenue.netBudget.variancePct!.times(nb.abs()).div(100).minus(p.revenue.netBudget.variance).abs().lessThan("1e-20")).toBe(true);
    }), { numRuns: 150 });
  });

  test("savings: achieved = delivered + forecast; unachieved = planned − achieved, never negative", () => {
    fc.assert(fc.property(period, (m) => {
      const s = computePosition(m).savings;
      expect(s.achieved.equals(s.deliveredToDate.plus(s.forecastFurtherDelivery))).toBe(true);
      expect(s.unachieved.equals(Decimal.max(0, s.planned.minus(s.achieved)))).toBe(true);
    }), { numRuns: 100 });
  });
});
