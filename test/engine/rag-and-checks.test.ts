/** RAG rules as data, and each check firing where it should (and not where it should not). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { D } from "../../src/model/amount";
import { parseMonitoringJson } from "../../src/model/load";
import type { MonitoringPeriod, VarianceRagRule } from "../../src/model/types";
import { bandPosition, capitalRag, generalFundRag, savingsRag, varianceRag } from "../../src/engine/rag";
import { computePosition } from "../../src/engine/position";
import { defaultSettings } from "../../src/model/defaults";

const seed = () => parseMonitoringJson(readFileSync(join(__dirname, "..", "..", "seeds", "q2-2024-25.json"), "utf8"));
const d = (n: number | string) => new D(n);

describe("variance RAG rules", () => {
  const rule = (combine: "lower" | "higher", favourableIsGreen = true): VarianceRagRule => ({
    amber: { amount: d(250), pct: d(1) }, red: { amount: d(500), pct: d(2) }, combine, favourableIsGreen,
  });
  test("whichever is higher: a £1,000k line needs £250k to be Amber (1% would be £10k)", () => {
    expect(varianceRag(rule("higher"), d(-249), d(1000))).toBe("Green");
    expect(varianceRag(rule("higher"), d(-250), d(1000))).toBe("Amber");
    expect(varianceRag(rule("higher"), d(-500), d(1000))).toBe("Red");
  });
  test("whichever is lower: the same line is Amber from £10k", () => {
    expect(varianceRag(rule("lower"), d(-9), d(1000))).toBe("Green");
    expect(varianceRag(rule("lower"), d(-10), d(1000))).toBe("Amber");
    expect(varianceRag(rule("lower"), d(-20), d(1000))).toBe("Red");
  });
  test("favourable variances are Green unless set otherwise", () => {
    expect(varianceRag(rule("lower"), d(5000), d(1000))).toBe("Green");
    expect(varianceRag(rule("lower", false), d(5000), d(1000))).toBe("Red");
  });
  test("the revenue total default: Amber from 0.5% of the net budget, Red from 1%", () => {
    const total = defaultSettings("£000").rag.revenueTotal;
    expect(varianceRag(total, d("-859.37"), d(171875))).toBe("Green"); // 0.49998%
    expect(varianceRag(total, d("-859.375"), d(171875))).toBe("Amber"); // exactly 0.5%
    expect(varianceRag(total, d("-1718.75"), d(171875))).toBe("Red"); // exactly 1%
  });
  test("absolute defaults follow the units: £250k is 250 in a £000 file and 250000 in a £ file", () => {
    expect(defaultSettings("£000").rag.revenueLine.amber.amount!.toFixed()).toBe("250");
    expect(defaultSettings("£").rag.revenueLine.amber.amount!.toFixed()).toBe("250000");
  });
});

describe("band, capital and savings RAG", () => {
  const band = { minimumPct: d(3), maximumPct: d(5) };
  test("general fund: Red below the minimum, Amber in the margin or above the maximum, Green within", () => {
    const margin = { warningMarginPct: d("0.5") };
    expect(generalFundRag(d("2.99"), band, margin)).toBe("Red");
    expect(generalFundRag(d("3.00"), band, margin)).toBe("Amber");
    expect(generalFundRag(d("3.49"), band, margin)).toBe("Amber");
    expect(generalFundRag(d("3.50"), band, margin)).toBe("Green");
    expect(generalFundRag(d("5.00"), band, margin)).toBe("Green");
    expect(generalFundRag(d("5.01"), band, margin)).toBe("Amber");
    expect(bandPosition(d("5.01"), band.minimumPct, band.maximumPct)).toBe("above the maximum");
  });
  test("capital: overspend and slippage", () => {
    const rules = defaultSettings("£000").rag.capital;
    expect(capitalRag(d(0), d("9.99"), rules)).toBe("Green");
    expect(capitalRag(d(0), d(10), rules)).toBe("Amber");
    expect(capitalRag(d(0), d(20), rules)).toBe("Red");
    expect(capitalRag(d("0.1"), d(0), rules)).toBe("Amber");
    expect(capitalRag(d(2), d(0), rules)).toBe("Red");
  });
  test("savings by % achieved", () => {
    const rules = defaultSettings("£000").rag.savings;
    expect(savingsRag(d(95), rules)).toBe("Green");
    expect(savingsRag(d(80), rules)).toBe("Amber");
    expect(savingsRag(d("79.99"), rules)).toBe("Red");
  });
  test("the minimum at 2% takes the worked example's general fund from Red (2.08% is within 2%–5%)", () => {
    const m = seed();
    m.settings.reservesBand.minimumPct = d(2);
    const p = computePosition(m);
    expect(p.reserves.generalFundPolicy!.rag).not.toBe("Red");
    expect(p.checks.find((c) => c.id === "reserves-below-minimum")).toBeUndefined();
  });
});

describe("checks", () => {
  const checksOf = (edit: (m: MonitoringPeriod) => void) => {
    const m = seed();
    edit(m);
    return computePosition(m).checks;
  };
  test("the worked example: no errors; the band breach and the uncommented slippage line are warnings", () => {
    const checks = checksOf(() => {});
    expect(checks.filter((c) => c.severity === "error")).toEqual([]);
    expect(checks.filter((c) => c.severity === "warning").map((c) => c.id).sort()).toEqual(["commentary-missing", "reserves-below-minimum"]);
  });
  test("capital funding not equal to the programme, in the column concerned", () => {
    const checks = checksOf((m) => { m.capital.financing[4]!.forecastOutturn = d(6750); });
    const c = checks.filter((k) => k.id === "capital-funding");
    expect(c.map((k) => [k.severity, k.place.column])).toEqual([["error", "forecastOutturn"]]);
    expect(c[0]!.message).toMatch(/programme £12,322k, funding £12,318k \(a gap of £4k\)/);
  });
  test("a reserve whose published closing balance is not opening + movements", () => {
    const checks = checksOf((m) => { m.controlTotals!.reserves!["Workforce Change Reserve"] = { forecastClosing: d(353) }; });
    const c = checks.find((k) => k.id === "reserve-closing");
    expect(c?.severity).toBe("error");
    expect(c?.message).toMatch(/Workforce Change Reserve: the forecast closing balance given is £353k, but opening £643k \+ commitments −£300k \+ actual transfer £0k = £343k/);
  });
  test("a control total off by more than rounding is an error, not rounding", () => {
    const checks = checksOf((m) => { m.revenue.groups[0]!.lines[2]!.actualToDate = d(23112); });
    const errors = checks.filter((k) => k.id === "control-total");
    expect(errors.map((k) => k.place.row)).toEqual(["Total Chief Constable", "Total Net Revenue Expenditure", "Net Budget"]);
    expect(errors.every((k) => k.severity === "error" && k.place.column === "actualToDate")).toBe(true);
  });
  test("a material variance with no commentary; materiality is a setting", () => {
    expect(checksOf((m) => { m.revenue.groups[0]!.lines[0]!.commentary = null; }).some((k) => k.id === "commentary-missing" && k.place.row === "Income")).toBe(true);
    expect(checksOf((m) => { m.settings.materiality = d(500); }).some((k) => k.id === "commentary-missing")).toBe(false);
  });
  test("a blank input is an error naming the line and column", () => {
    const c = checksOf((m) => { m.revenue.groups[0]!.lines[3]!.forecastOutturn = null; }).find((k) => k.id === "missing-input");
    expect(c?.message).toBe("Capital Financing has no forecast outturn. Enter a figure (0 if there is none).");
  });
  test("above the maximum is flagged", () => {
    const checks = checksOf((m) => { m.reserves.find((r) => r.kind === "generalFund")!.openingBalance = d(12000); });
    expect(checks.some((k) => k.id === "reserves-above-maximum")).toBe(true);
  });
});
