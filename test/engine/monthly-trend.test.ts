/**
 * Issue 13's trend: a generated monthly year (test/support/monthly-year.ts) closed month by month, M01 to M05, through
 * the real engine (close, roll forward, update the forecasts), with M06 open. The trend of the year, the movement by
 * line since M05 and the bridge from M05's forecast variance to M06's equal figures worked out by hand from the
 * forecasts in MONTHLY_FORECASTS (Python's decimal module as the calculator, not this code):
 *
 *   net budget 1,705,000 = 1,200,000 + 200,000 + 110,000 + 120,000 + 60,000 + 45,000 − 80,000 + 50,000 (transfer)
 *   period  forecast    variance  movement  GF closing (80,000 + variance)  GF % (closing ÷ 1,705,000)
 *   M01     1,715,000   (10,000)  –         70,000                          4.1056 (4 dp, as closed)
 *   M02     1,729,300   (24,300)  (14,300)  55,700                          3.2669
 *   M03     1,718,450   (13,450)  10,850    66,550                          3.9032
 *   M04     1,732,550   (27,550)  (14,100)  52,450                          3.0762
 *   M05     1,722,900   (17,900)  9,650     62,100                          3.6422
 *   M06     1,730,600   (25,600)  (7,700)   54,400                          3.190615835777126099706744868... (exact, open)
 *
 *   M05 → M06 by line (favourable positive = −Δ forecast): Pay −15,750; Transfer +6,000; Supplies +4,350;
 *   Gritting −2,750; Utilities +1,500; Fuel −750; Insurance −600; Grants income +300; total −7,700 = −25,600 − (−17,900).
 */
import { closedMonths } from "../support/monthly-year";
import { computePosition } from "../../src/engine/position";
import { trendOf } from "../../src/engine/trend";
import { lineMovements } from "../../src/engine/line-movements";
import { bridgeOf } from "../../src/engine/bridge";
import { reportJson } from "../../src/report/json";
import { textReport } from "../../src/report/text";
import { toJsonText } from "../../src/model/json-text";
import { D, sum } from "../../src/model/amount";
import { bridgeTable, bridgeWaterfall, trendTable } from "../../src/slides/trend";
import type { MonitoringPeriod } from "../../src/model/types";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { seedModel } from "../plans/support";
import { reportSchemaErrors } from "../support/report-schema";

const m06 = closedMonths(6);
const p = computePosition(m06);
const minus = (m: MonitoringPeriod): MonitoringPeriod => ({ ...m, settings: { ...m.settings, signConvention: "forecast-minus-budget" } });

describe("the trend of a monthly year: M01 to M05 closed, M06 open", () => {
  test("the real close-and-roll-forward leaves five closed months with their lines, and no errors", () => {
    expect(m06.history.map((s) => [s.period, s.lines?.length])).toEqual([["M01", 7], ["M02", 7], ["M03", 7], ["M04", 7], ["M05", 7]]);
    expect(p.checks.filter((c) => c.severity === "error")).toEqual([]);
  });

  test("every period's forecast variance, movement, General Fund and RAG equals the hand calculation", () => {
    const t = trendOf(p);
    expect(t.map((x) => [x.period, x.closed, x.forecastOutturn.toFixed(), x.forecastVariance.toFixed(), x.movement?.toFixed() ?? null, x.generalFundClosing?.toFixed(), x.revenueRag])).toEqual([
      ["M01", true, "1715000", "-10000", null, "70000", "Amber"], // 0.59% adverse: Amber from 0.5% of the net budget
      ["M02", true, "1729300", "-24300", "-14300", "55700", "Red"], // 1.43%: Red from 1%
      ["M03", true, "1718450", "-13450", "10850", "66550", "Amber"],
      ["M04", true, "1732550", "-27550", "-14100", "52450", "Red"],
      ["M05", true, "1722900", "-17900", "9650", "62100", "Red"],
      ["M06", false, "1730600", "-25600", "-7700", "54400", "Red"],
    ]);
    expect(t.slice(0, 5).map((x) => x.generalFundPct?.toFixed())).toEqual(["4.1056", "3.2669", "3.9032", "3.0762", "3.6422"]);
    expect(t[5]?.generalFundPct?.toFixed(24)).toBe("3.190615835777126099706745");
  });

  test("in report --json: every earlier period, not only the last, percentages to the body's places, valid against the schema", () => {
    const json = reportJson(p);
    expect(json.trend.map((x) => [x.period, x.forecastVariance.toFixed(), x.variancePct?.toFixed(), x.generalFundPct?.toFixed()])).toEqual([
      ["M01", "-10000", "-0.59", "4.11"], ["M02", "-24300", "-1.43", "3.27"], ["M03", "-13450", "-0.79", "3.9"],
      ["M04", "-27550", "-1.62", "3.08"], ["M05", "-17900", "-1.05", "3.64"], ["M06", "-25600", "-1.5", "3.19"],
    ]);
    expect(reportSchemaErrors(JSON.parse(toJsonText(json)))).toEqual([]);
  });

  test("the text report lists the year so far", () => {
    const text = textReport(p);
    expect(text).toContain("Trend of the year");
    expect(text).toMatch(/\n {2}M03 {2}\(13,450\) {4}10,850 {9}3\.90% {2}Amber\n/);
    expect(text).toMatch(/\n {2}M06 {2}\(25,600\) {3}\(7,700\) {9}3\.19% {4}Red {2}this period\n/);
  });

  test("in the other convention every variance and movement changes sign, nothing else", () => {
    const t = trendOf(computePosition(minus(m06)));
    expect(t.map((x) => [x.forecastVariance.toFixed(), x.movement?.toFixed() ?? null])).toEqual([
      ["10000", null], ["24300", "14300"], ["13450", "-10850"], ["27550", "14100"], ["17900", "-9650"], ["25600", "7700"],
    ]);
  });

  test("this period's own snapshot (M06 closed) and a later closed period (M03 reopened with M04.. closed) are not earlier periods", () => {
    const closed = closedMonths(6, true);
    expect(trendOf(computePosition(closed)).map((x) => [x.period, x.closed])).toEqual([["M01", true], ["M02", true], ["M03", true], ["M04", true], ["M05", true], ["M06", true]]);
    const m3 = { ...closedMonths(3), history: closed.history };
    expect(trendOf(computePosition(m3)).map((x) => x.period)).toEqual(["M01", "M02", "M03"]);
  });
});

describe("the movement by line and the bridge, M05 to M06", () => {
  test("the movement by line, largest first (the transfers are not a line)", () => {
    expect(lineMovements(p)?.lines.map((l) => [l.name, l.movement?.toFixed()])).toEqual([
      ["Pay", "-15750"], ["Supplies", "4350"], ["Gritting", "-2750"], ["Utilities", "1500"], ["Fuel", "-750"], ["Insurance", "-600"], ["Grants income", "300"],
    ]);
  });

  test("the bridge: the six largest changes, the transfers among them, and the rest in one remainder; it adds up exactly", () => {
    const b = bridgeOf(p)!;
    expect([b.since, b.from.toFixed(), b.to.toFixed()]).toEqual(["M05", "-17900", "-25600"]);
    expect(b.steps.map((s) => [s.name, s.kind, s.movement.toFixed()])).toEqual([
      ["Pay", "line", "-15750"], ["Transfers to/(from) reserves", "transfers", "6000"], ["Supplies", "line", "4350"],
      ["Gritting", "line", "-2750"], ["Utilities", "line", "1500"], ["Fuel", "line", "-750"],
    ]);
    expect(b.other && [b.other.count, b.other.transfers, b.other.movement.toFixed()]).toEqual([2, false, "-300"]); // Insurance −600 + Grants +300
    expect(b.from.plus(sum(b.steps.map((s) => s.movement))).plus(b.other!.movement).equals(b.to)).toBe(true);
    expect(reportJson(p).bridge?.other).toEqual({ count: 2, movement: b.other!.movement });
  });

  test("it adds up exactly however many are shown, lines added and removed included, in either convention", () => {
    for (const model of [m06, minus(m06)]) {
      const changed: MonitoringPeriod = { ...model, revenue: { ...model.revenue, groups: model.revenue.groups.map((g) => ({ ...g, lines: [...g.lines] })) } };
      const lines = changed.revenue.groups[0]!.lines;
      const removed = lines.splice(5, 1)[0]!; // Insurance removed since M05 (its variance then was 0: no change)
      lines.splice(1, 1); // Gritting removed: it had a favourable 14,500 at M05
      lines.push({ ...removed, name: "New grant", revisedBudget: removed.revisedBudget, forecastOutturn: removed.revisedBudget!.plus(1234) });
      const position = computePosition(changed);
      for (const shown of [0, 1, 3, 6, 20]) {
        const b = bridgeOf(position, shown)!;
        const total = b.from.plus(sum(b.steps.map((s) => s.movement))).plus(b.other?.movement ?? 0);
        expect(total.equals(b.to)).toBe(true);
        expect(b.steps.length).toBe(Math.min(shown, 8)); // 8 changes: 5 lines, 1 added, 1 removed, the transfers
      }
      const all = bridgeOf(position, 20)!;
      expect(all.steps.find((s) => s.name === "Gritting")).toMatchObject({ kind: "removed", path: null });
      expect(all.steps.find((s) => s.name === "New grant")).toMatchObject({ kind: "added", path: "revenue.groups[0].lines[5]" });
      expect(all.steps.find((s) => s.name === "Gritting")?.favourable.toFixed()).toBe("-14500");
      expect(all.steps.find((s) => s.name === "New grant")?.favourable.toFixed()).toBe("-1234");
    }
  });

  test("no bridge without an earlier period closed with its lines", () => {
    expect(bridgeOf(computePosition(closedMonths(1)))).toBeNull();
    const old = closedMonths(2);
    delete old.history[0]!.lines;
    expect(bridgeOf(computePosition(old))).toBeNull();
  });
});

describe("the slides' figures (£000)", () => {
  test("the bridge table: each figure rounded once; the rounded figures happen to add here, so no rounding note", () => {
    const t = bridgeTable(p, bridgeOf(p)!);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ["Forecast variance at M05", "(18)", ""],
      ["Pay", "(16)", "deterioration"],
      ["Transfers to/(from) reserves", "6", "improvement"],
      ["Supplies", "4", "improvement"],
      ["Gritting", "(3)", "deterioration"],
      ["Utilities", "2", "improvement"], // 1.5 rounds half away from zero
      ["Fuel", "(1)", "deterioration"],
      ["Other lines (2)", "0", "deterioration"],
      ["Forecast variance at M06", "(26)", ""],
    ]);
    expect(t.note).not.toMatch(/may not add/);
  });

  test("where the figures rounded one by one do not add, the table says so", () => {
    const b = bridgeOf(p)!;
    const step = { ...b.steps[0]!, movement: new D(400), favourable: new D(400) };
    const t = bridgeTable(p, { ...b, from: new D(0), to: new D(800), steps: [step, step], other: null });
    expect(t.rows.map((r) => r.cells[1])).toEqual(["0", "0", "0", "1"]);
    expect(t.note).toMatch(/rounded to £000 on its own, so they may not add exactly/);
  });

  test("the waterfall: each step floats on the running total, drawn from the exact figures", () => {
    const w = bridgeWaterfall(p, bridgeOf(p)!, { total: "T", improvement: "G", deterioration: "R" });
    expect(w.labels).toEqual(["Variance at M05", "Pay", "Transfers to/(from) reserves", "Supplies", "Gritting", "Utilities", "Fuel", "Other lines (2)", "Variance at M06"]);
    const [base, total, upAbove, upBelow, downAbove, downBelow] = w.series.map((s) => s.values);
    expect(w.series.map((s) => s.colour)).toEqual(["transparent", "T", "G", "G", "R", "R"]);
    const near = (xs: number[] | undefined, want: number[]) => want.forEach((v, i) => expect(xs?.[i]).toBeCloseTo(v, 9));
    // Running totals: −17.9, −33.65, −27.65, −23.3, −26.05, −24.55, −25.3, −25.6 (all below zero: bars hang from the base).
    near(base, [0, -17.9, -27.65, -23.3, -23.3, -24.55, -24.55, -25.3, 0]);
    near(total, [-17.9, 0, 0, 0, 0, 0, 0, 0, -25.6]);
    near(upBelow, [0, 0, -6, -4.35, 0, -1.5, 0, 0, 0]);
    near(downBelow, [0, -15.75, 0, 0, -2.75, 0, -0.75, -0.3, 0]);
    expect([...upAbove!, ...downAbove!].every((v) => v === 0)).toBe(true);
  });

  test("a step crossing zero is drawn in two pieces, one each side", () => {
    const b = { ...bridgeOf(p)!, from: bridgeOf(p)!.from.plus(30000), to: bridgeOf(p)!.to.plus(30000) };
    const w = bridgeWaterfall(p, b, { total: "T", improvement: "G", deterioration: "R" });
    // From 12.1: Pay −15.75 crosses zero to −3.65.
    expect(w.series[0]?.values[1]).toBe(0);
    expect(w.series[4]?.values[1]).toBeCloseTo(12.1, 9);
    expect(w.series[5]?.values[1]).toBeCloseTo(-3.65, 9);
  });

  test("the trend table, one column a period", () => {
    const t = trendTable(p, trendOf(p));
    expect(t.header).toEqual(["", "M01", "M02", "M03", "M04", "M05", "M06 (now)"]);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ["Forecast variance £000", "(10)", "(24)", "(13)", "(28)", "(18)", "(26)"],
      ["Movement £000", "–", "(14)", "11", "(14)", "10", "(8)"],
      ["General Fund % of net budget", "4.11%", "3.27%", "3.90%", "3.08%", "3.64%", "3.19%"],
      ["Revenue RAG", "Amber", "Red", "Amber", "Red", "Red", "Red"],
    ]);
  });
});

describe("the movement by line on the Summary sheet", () => {
  const expected = (model: MonitoringPeriod, col: string) => {
    const plan = buildWorkbookPlan(model).sheets.find((s) => s.kind === "Summary")!;
    const rows = Object.entries(plan.rowKeys).filter(([k]) => k.startsWith("line-movement:")).map(([, r]) => r);
    return rows.map((r) => {
      const c = plan.cells.find((x) => x.address === `${col}${r}`)?.content;
      return c?.kind === "formula" ? (typeof c.expected === "string" ? c.expected : c.expected.toFixed()) : null;
    });
  };

  test("each line's movement since M05, largest first, live formulas on Revenue and Period history", () => {
    expect(expected(m06, "A")).toEqual(["Pay", "Supplies", "Gritting", "Utilities", "Fuel", "Insurance", "Grants income"]);
    expect(expected(m06, "B")).toEqual(["-15750", "4350", "-2750", "1500", "-750", "-600", "300"]);
    expect(expected(m06, "D")).toEqual(["a deterioration", "an improvement", "a deterioration", "an improvement", "a deterioration", "a deterioration", "an improvement"]);
    const plan = buildWorkbookPlan(m06).sheets.find((s) => s.kind === "Summary")!;
    const b = plan.cells.find((x) => x.address === `B${plan.rowKeys["line-movement:0"]}`)?.content;
    expect(b?.kind === "formula" && b.formula).toMatch(/^=IF\(\$F\$6="","",IF\(COUNTIFS\('Period history'!\$A:\$A,\$F\$6,/);
  });

  test("not shown until a period is closed with its lines (the worked example's Q1 kept none)", () => {
    expect(expected(closedMonths(1), "A")).toEqual([]);
    expect(expected(seedModel(), "A")).toEqual([]);
  });
});
