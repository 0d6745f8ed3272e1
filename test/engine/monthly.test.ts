/**
 * The monthly view on a generated year with a known seasonal pattern: every budget to date, variance to date and
 * projection equals a hand calculation (the expected figures below were worked out by hand, with Python's decimal
 * module as the calculator, not by this code), the checks fire where they should, and forecast assist changes no
 * forecast unless a projection is taken, and undo puts it back.
 */
import { parseMonitoringJson } from "../../src/model/load";
import { GRITTING_PCT, year } from "../support/monthly-year";
import type { MonitoringPeriod } from "../../src/model/types";
import * as fc from "fast-check";
import { D } from "../../src/model/amount";
import { computePosition } from "../../src/engine/position";
import { computeMonthly } from "../../src/engine/monthly";
import { budgetToDate, profileWeights } from "../../src/engine/profiles";
import { previewTake, takeProjections, undoTake } from "../../src/engine/take-projection";
import { reportJson } from "../../src/report/json";
import { modelToDocument } from "../../src/model/save";
import { toJsonText } from "../../src/model/json-text";
import { closePeriod } from "../../src/engine/history";
import { lineMovements } from "../../src/engine/line-movements";
import { narrative } from "../../src/narrative/narrative";
import { yearToDateJson } from "../../src/report/year-to-date";

const fixed = (d: { toFixed(dp: number): string } | null) => (d === null ? null : d.toFixed(6));

describe("budget profiles and the year to date (November, month 8)", () => {
  const m = computeMonthly(year("M08"));
  const row = (name: string) => {
    const r = m.lines.find((l) => l.line.name === name);
    if (!r) throw new Error(name);
    return r;
  };

  test("eight months elapsed; transfers are not profiled", () => {
    expect(m.months).toBe(8);
    expect(m.lines.map((l) => l.line.name)).toEqual(["Pay", "Gritting", "Utilities", "Supplies"]);
  });

  test.each([
    // name, budget to date, variance to date (favourable positive), %, RAG
    ["Pay", "794805.194805", "-25194.805195", "-3.17", "Green"], // 1,200,000 × (4 + 4 × 1.04) ÷ (4 + 8 × 1.04); Amber from 5% = 39,740
    ["Gritting", "60000.000000", "-11000.000000", "-18.33", "Amber"], // 200,000 × 30%; Amber from £10,000 (higher than 5% = 3,000)
    ["Utilities", "64465.116279", "-1534.883721", "-2.38", "Green"], // 110,000 × 63,000 ÷ 107,500 (last year's months to November)
    ["Supplies", "80000.000000", "-10000.000000", "-12.50", "Amber"], // 120,000 × 8 ÷ 12
  ])("%s: budget to date %s, variance %s (%s%%), %s", (name, btd, variance, pct, rag) => {
    const r = row(name);
    expect(fixed(r.budgetToDate)).toBe(btd);
    expect(fixed(r.varianceToDate)).toBe(variance);
    expect(r.varianceToDatePct?.toFixed(2)).toBe(pct);
    expect(r.rag).toBe(rag);
  });

  test.each([
    // name, straight-line (actual ÷ 8 × 12), profiled (actual ÷ budget to date × budget), last year's pattern
    ["Pay", "1230000.000000", "1238039.215686", null],
    ["Gritting", "106500.000000", "236666.666667", null],
    ["Utilities", "99000.000000", "112619.047619", "112619.047619"],
    ["Supplies", "135000.000000", "135000.000000", null],
  ])("%s: projections %s / %s / %s", (name, straight, profiled, lastYear) => {
    const p = row(name).projections;
    expect([fixed(p.straightLine), fixed(p.profiled), fixed(p.lastYear)]).toEqual([straight, profiled, lastYear]);
  });

  test("the total to date adds every line exactly", () => {
    expect(fixed(m.total.budgetToDate)).toBe("999270.311084");
    expect(m.total.actualToDate.toFixed()).toBe("1047000");
    expect(fixed(m.total.varianceToDate)).toBe("-47729.688916");
    expect(m.total.varianceToDatePct?.toFixed(2)).toBe("-4.78");
  });

  test("the report JSON carries them, in the body's convention and places", () => {
    const json = yearToDateJson(computePosition(year("M08", { signConvention: "forecast-minus-budget", pctDecimals: 1 })));
    const pay = json.rows.find((r) => r.name === "Pay");
    expect(pay?.budgetToDate?.toFixed()).toBe("794805.194805");
    expect(pay?.varianceToDate?.toFixed()).toBe("25194.805195"); // overspend positive
    expect(pay?.varianceToDatePct?.toFixed()).toBe("3.2");
    expect(json.rows.at(-1)).toMatchObject({ kind: "total", name: "Total Net Revenue Expenditure" });
    expect(reportJson(computePosition(year("M08"))).yearToDate.months).toBe(8);
  });
});

describe("profiles month by month", () => {
  test.each(Array.from({ length: 12 }, (_, i) => i + 1))("month %i: flat is budget × n ÷ 12, custom the %s to date, pay-like the award from August", (n) => {
    const flat = profileWeights({ profile: null }).weights ?? [];
    expect(budgetToDate(new D(120000), flat, n).toFixed(6)).toBe(new D(120000).times(n).div(12).toFixed(6));
    const custom = profileWeights({ profile: { kind: "custom", monthlyPct: GRITTING_PCT.map((p) => new D(p)) } }).weights ?? [];
    const cumPct = GRITTING_PCT.slice(0, n).reduce((a, b) => a + b, 0);
    expect(budgetToDate(new D(200000), custom, n).toFixed(6)).toBe(new D(2000).times(cumPct).toFixed(6));
    const pay = profileWeights({ profile: { kind: "payLike", awardFromMonth: 5, awardPct: new D(4) } }).weights ?? [];
    const paid = new D(Math.min(n, 4)).plus(new D(Math.max(n - 4, 0)).times("1.04"));
    expect(budgetToDate(new D(1200000), pay, n).toFixed(6)).toBe(new D(1200000).times(paid).div("12.32").toFixed(6));
  });
  test("to every digit, the budget to date is annual × weights to date ÷ weights of the year (one division), whatever the weights", () => {
    const amount = fc.tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 6 })).map(([n, dp]) => new D(n.toString()).div(10 ** dp));
    const weights = fc.oneof(
      fc.constant(profileWeights({ profile: null }).weights!),
      fc.array(fc.integer({ min: 0, max: 400 }).map((w) => new D(w).div(4)), { minLength: 12, maxLength: 12 }),
      fc.array(fc.constantFrom(...[1, 2, 3, 5, 8, 10, 25, 12.5, 7].map((w) => new D(w))), { minLength: 12, maxLength: 12 }),
    );
    fc.assert(fc.property(amount, weights, fc.integer({ min: 0, max: 12 }), (annual, w, n) => {
      const toDate = w.slice(0, n).reduce((a, b) => a.plus(b), new D(0));
      const year = w.reduce((a, b) => a.plus(b), new D(0));
      const expected = year.isZero() ? new D(0) : annual.times(toDate).div(year);
      expect(budgetToDate(annual, w, n).toFixed()).toBe(expected.toFixed());
    }), { numRuns: 2000 });
  });
  test("at the year end every profile has the whole budget to date", () => {
    const m = computeMonthly(year("M12"));
    for (const l of m.lines) expect(l.budgetToDate?.toFixed(6)).toBe(l.line.revisedBudget?.toFixed(6));
  });
});

describe("checks of the monthly view", () => {
  const checks = (p: MonitoringPeriod) => computePosition(p).checks;
  test("a custom profile not adding up to 100 is an error naming the line and the sum", () => {
    const bad = year("M08", {}, [{ name: "Bad", ref: null, originalBudget: 100, revisedBudget: 100, actualToDate: 50, forecastOutturn: 100, commentary: null, profile: { kind: "custom", monthlyPct: Array(12).fill(10) } }]);
    const c = checks(bad).filter((x) => x.id === "profile-unusable");
    expect(c).toHaveLength(1);
    expect(c[0]?.severity).toBe("error");
    expect(c[0]?.message).toContain("Bad: its custom profile's twelve %s add up to 120, not 100");
    expect(computeMonthly(bad).total.budgetToDate).toBeNull();
  });
  test("a last-year profile without last year's months is an error", () => {
    const bad = year("M08", {}, [{ name: "Rates", ref: null, originalBudget: 100, revisedBudget: 100, actualToDate: 50, forecastOutturn: 100, commentary: null, profile: { kind: "lastYear" } }]);
    expect(checks(bad).find((x) => x.id === "profile-unusable")?.message).toContain("last year's twelve monthly actuals are not given");
  });
  test("an actual off its profile by the setting or more is a warning; a line without a profile is not judged", () => {
    const c = checks(year("M08")).filter((x) => x.id === "actual-off-profile");
    // Gritting is 18.33% above its profile (setting 15%); Supplies is 12.5% above a flat budget it never chose.
    expect(c.map((x) => x.place.row)).toEqual(["Gritting"]);
    expect(c[0]?.message).toBe("Gritting: the actual to date (£71,000) is 18% above the budget profiled to date (£60,000), past the 15% the settings allow; check the line's profile or the coding of its actuals.");
    expect(checks(year("M08", { yearToDate: { paceWarningPct: null } })).filter((x) => x.id === "actual-off-profile")).toEqual([]);
  });
  test("a forecast a projection differs from by the assist materiality or more gets forecast assist's note, not a check", () => {
    const rows = yearToDateJson(computePosition(year("M08"))).rows;
    expect(rows.filter((r) => r.assist).map((r) => r.name)).toEqual(["Pay", "Gritting"]);
    expect(rows[0]?.assist).toBe("Pay: the forecast (£1,200,000) is £30,000 below the straight-line projection (£1,230,000) and £38,039 below the profiled projection (£1,238,039); check the profile and the forecast.");
    expect(rows[1]?.assist).toBe("Gritting: the forecast (£200,000) is £93,500 above the straight-line projection (£106,500) and £36,667 below the profiled projection (£236,667); check the profile and the forecast.");
    expect(checks(year("M08")).map((c) => c.message).filter((m) => m.includes("projection"))).toEqual([]);
  });
  test("a blank assist materiality falls back to the commentary materiality", () => {
    const rows = yearToDateJson(computePosition(year("M08", { assist: { materialityAmount: null }, materiality: 35000 }))).rows;
    expect(rows.filter((r) => r.assist).map((r) => r.name)).toEqual(["Pay", "Gritting"]);
    expect(rows[0]?.assist).not.toContain("straight-line"); // £30,000 is under £35,000
  });
});

describe("taking a projection into the forecast", () => {
  const base = year("M08");
  const forecasts = (p: MonitoringPeriod) => p.revenue.groups[0]?.lines.map((l) => l.forecastOutturn?.toFixed() ?? null);

  test("nothing changes a forecast unless the take action runs; preview changes nothing", () => {
    const before = forecasts(base);
    computePosition(base);
    yearToDateJson(computePosition(base));
    const preview = previewTake(base, [{ path: "revenue.groups[0].lines[0]", method: "profiled" }]);
    expect(preview).toEqual([expect.objectContaining({ name: "Pay", method: "profiled" })]);
    expect(preview[0]?.forecastBefore?.toFixed()).toBe("1200000");
    expect(preview[0]?.forecastAfter.toFixed()).toBe("1238039");
    expect(forecasts(base)).toEqual(before);
  });

  test("take changes only the chosen lines, rounded to the file's unit; undo restores every one", () => {
    const { model, record } = takeProjections(base, [
      { path: "revenue.groups[0].lines[0]", method: "profiled" },
      { path: "revenue.groups[0].lines[1]", method: "straightLine" },
    ]);
    expect(forecasts(model)).toEqual(["1238039", "106500", "110000", "130000"]);
    expect(forecasts(base)).toEqual(["1200000", "200000", "110000", "130000"]);
    expect(forecasts(undoTake(model, record))).toEqual(["1200000", "200000", "110000", "130000"]);
  });

  test("undo refuses when a taken forecast was changed again, rather than lose that change", () => {
    const { model, record } = takeProjections(base, [{ path: "revenue.groups[0].lines[0]", method: "straightLine" }]);
    const edited = takeProjections(model, [{ path: "revenue.groups[0].lines[0]", method: "profiled" }]).model;
    expect(() => undoTake(edited, record)).toThrow("Pay's forecast has changed since the projection was taken");
  });

  test("a projection that cannot be worked out, or a wrong path, is refused in words", () => {
    expect(() => previewTake(base, [{ path: "revenue.groups[0].lines[3]", method: "lastYear" }])).toThrow("Supplies has no last year's pattern projection");
    expect(() => previewTake(base, [{ path: "revenue.groups[9].lines[0]", method: "straightLine" }])).toThrow("is not a revenue line of the period");
  });
});

test("profiles and last year's months are saved with the period and read back the same", () => {
  const m = year("M08");
  const again = parseMonitoringJson(toJsonText(modelToDocument(m)));
  expect(again.revenue.groups[0]?.lines.map((l) => [l.profile ?? null, l.lastYearMonthly?.map(String) ?? null])).toEqual(
    m.revenue.groups[0]?.lines.map((l) => [l.profile ?? null, l.lastYearMonthly?.map(String) ?? null]));
  expect(again.revenue.groups[0]?.lines[3]).not.toHaveProperty("profile");
});

describe("the movement by line since the last closed period", () => {
  // M07 closed with its lines; in M08 Pay's forecast rises by 30,000 and Gritting's falls by 5,000.
  const closed = () => {
    const m7 = year("M07");
    const closedM7 = closePeriod(m7, computePosition(m7), "2025-11-05");
    return { ...year("M08"), history: closedM7.history };
  };
  const m8 = () => {
    const m = closed();
    const lines = m.revenue.groups[0]!.lines;
    lines[0]!.forecastOutturn = new D(1230000);
    lines[1]!.forecastOutturn = new D(195000);
    return m;
  };

  test("a closed period keeps each line's budget and forecast", () => {
    expect(closed().history[0]?.lines?.map((l) => [l.group, l.name, l.forecastOutturn.toFixed()])).toEqual([
      ["Services", "Pay", "1200000"], ["Services", "Gritting", "200000"], ["Services", "Utilities", "110000"], ["Services", "Supplies", "130000"],
    ]);
  });

  test("largest first, in the body's convention, in the JSON and the narrative", () => {
    const p = computePosition(m8());
    const moves = lineMovements(p);
    expect(moves?.since).toBe("M07");
    expect(moves?.lines.map((l) => [l.name, l.movement?.toFixed()])).toEqual([["Pay", "-30000"], ["Gritting", "5000"], ["Utilities", "0"], ["Supplies", "0"]]);
    expect(reportJson(p).movementsByLine?.lines[0]).toEqual({ path: "revenue.groups[0].lines[0]", group: "Services", name: "Pay", previousVariance: new D(0), variance: new D(-30000), movement: new D(-30000) });
    expect(narrative(p)[0]).toContain("The largest changes by line since October (month 7) are Pay (a deterioration of £0.030m) and Gritting (an improvement of £0.005m).");
    const over = computePosition({ ...m8(), settings: { ...m8().settings, signConvention: "forecast-minus-budget" } });
    expect(lineMovements(over)?.lines[0]?.movement?.toFixed()).toBe("30000");
  });

  test("a line added since is listed last without a movement; no lines kept means no movement by line", () => {
    const m = m8();
    m.revenue.groups[0]!.lines.push({ name: "New grant", ref: null, originalBudget: null, revisedBudget: new D(-5000), actualToDate: new D(0), forecastOutturn: new D(-5000), commentary: null });
    expect(lineMovements(computePosition(m))?.lines.at(-1)).toMatchObject({ name: "New grant", movement: null, previousVariance: null });
    const old = m8();
    delete old.history[0]!.lines;
    expect(lineMovements(computePosition(old))).toBeNull();
    expect(reportJson(computePosition(old)).movementsByLine).toBeNull();
  });

  test("the lines survive the file: saved, read back, closed again unchanged", () => {
    const m = closed();
    const again = parseMonitoringJson(toJsonText(modelToDocument(m)));
    expect(again.history[0]?.lines?.length).toBe(4);
    const m7 = year("M07");
    expect(closePeriod({ ...m7, history: again.history }, computePosition(m7), "2025-12-01").history[0]?.closedOn).toBe("2025-11-05");
  });
});
