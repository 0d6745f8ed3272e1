/**
 * The acceptance data: every figure of the published Q2 2024/25 report that the engine computes,
 * read from the published tables themselves (seeds/q2-2024-25-figures.md), against the engine's output
 * for seeds/q2-2024-25.json.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseMonitoringJson } from "../../src/model/load";
import { computePosition, type Position } from "../../src/engine/position";
import { reportJson } from "../../src/report/json";
import type { TotalResult } from "../../src/engine/rows";
import type { ReserveBalances } from "../../src/engine/reserves";
import type { Decimal } from "../../src/model/types";
import { label, publishedNumber, tableAfter } from "../support/published-tables";

const SEED = join(__dirname, "..", "..", "seeds", "q2-2024-25.json");
const position: Position = computePosition(parseMonitoringJson(readFileSync(SEED, "utf8"), SEED));
const COLUMNS = ["originalBudget", "revisedBudget", "actualToDate", "forecastOutturn"] as const;

const text = (d: Decimal | null | undefined) => (d === null || d === undefined ? null : d.toFixed());

/** A published total that the rounded lines do not add up to must be reported as rounding (info) at that place. */
function expectTotal(total: TotalResult, published: Array<string | null>, area: string) {
  COLUMNS.forEach((c, i) => {
    const want = published[i];
    const got = total[c].toFixed();
    if (got === want) return;
    const note = position.checks.find((k) => k.place.area === area && k.place.row === total.label && k.place.column === c);
    expect({ total: total.label, column: c, got, want, severity: note?.severity, id: note?.id }).toEqual({
      total: total.label, column: c, got, want, severity: "info", id: "rounding",
    });
    expect(Math.abs(Number(got) - Number(want))).toBeLessThanOrEqual(1);
  });
  expect(total.variance.toFixed()).toBe(published[4]);
}

describe("revenue budget monitoring, every published figure", () => {
  const rows = tableAfter("## Revenue budget monitoring");
  const lines = new Map(position.revenue.groups.flatMap((g) => g.lines).concat(position.revenue.transfers).map((l) => [l.line.name, l]));
  const totals = new Map<string, TotalResult>([
    ...position.revenue.groups.map((g) => [g.total.label, g.total] as [string, TotalResult]),
    ["Total Net Revenue Expenditure", position.revenue.totalNetRevenueExpenditure],
    ["Net Budget", position.revenue.netBudget],
  ]);
  test.each(rows.map((r) => [label(r[1] || r[0]!), r] as const))("%s", (_name, r) => {
    const published = r.slice(2, 7).map(publishedNumber);
    const total = totals.get(label(r[0]!));
    if (total) return expectTotal(total, published, "revenue");
    const line = lines.get(label(r[1]!));
    expect(line).toBeDefined();
    COLUMNS.forEach((c, i) => expect(text(line!.line[c])).toBe(published[i]));
    expect(line!.variance.toFixed()).toBe(published[4]);
    expect(line!.line.ref ?? "").toBe(r[7] ?? "");
  });

  test("the table is all there: 6 lines and 3 totals", () => expect(rows).toHaveLength(9));

  test("the variance is 1.34% of the net budget, adverse, Red", () => {
    const json = reportJson(position);
    expect(json.revenue.variance.toFixed()).toBe("-2307");
    expect(json.revenue.variancePct!.toFixed()).toBe("-1.34");
    expect(json.revenue.rag).toBe("Red");
  });

  test("Q1 was adverse by £3.664m: an improvement of £1.357m since Q1", () => {
    expect(position.movement!.previous.period).toBe("Q1");
    expect(position.movement!.previousRevenueVariance.toFixed()).toBe("-3664");
    expect(position.movement!.revenueVariance.toFixed()).toBe("1357");
  });

  test("headline: forecast £174.2m against a budget of £171.9m", () => {
    expect(position.revenue.netBudget.forecastOutturn.div(1000).toFixed(1)).toBe("174.2");
    expect(position.revenue.netBudget.revisedBudget.div(1000).toFixed(1)).toBe("171.9");
  });

  test("the only differences from the published totals are the one-unit roundings of the original budget", () => {
    const notes = position.checks.filter((c) => c.id === "rounding");
    expect(notes.map((n) => `${n.place.row}/${n.place.column}`).sort()).toEqual(
      ["Net Budget/originalBudget", "Total Chief Constable/originalBudget", "Total Net Revenue Expenditure/originalBudget"]);
    expect(notes.every((n) => n.severity === "info")).toBe(true);
    expect(position.checks.filter((c) => c.severity === "error")).toEqual([]);
  });
});

describe("capital budget monitoring and financing, every published figure", () => {
  const programme = tableAfter("## Capital budget monitoring", 0);
  const financing = tableAfter("## Capital budget monitoring", 1);

  test.each(programme.map((r) => [label(r[0]!), r] as const))("programme: %s", (name, r) => {
    const published = r.slice(1, 6).map(publishedNumber);
    if (name === "Total Capital Programme") return expectTotal(position.capital.programme, published, "capital");
    const line = position.capital.lines.find((l) => name.startsWith(l.line.name));
    expect(line).toBeDefined();
    COLUMNS.forEach((c, i) => expect(text(line!.line[c])).toBe(published[i]));
    expect(line!.variance.toFixed()).toBe(published[4]);
  });

  test.each(financing.map((r) => [label(r[0]!), r] as const))("financing: %s", (name, r) => {
    const published = r.slice(1, 6).map(publishedNumber);
    if (name === "Total Capital Funding") return expectTotal(position.capital.funding, published, "financing");
    const line = position.capital.financing.find((l) => l.line.name === name);
    expect(line).toBeDefined();
    COLUMNS.forEach((c, i) => expect(text(line!.line[c])).toBe(published[i]));
    expect(line!.variance.toFixed()).toBe(published[4]);
  });

  test("the variance of £5.637m is slippage of £4.701m and underspends of £0.936m", () => {
    expect(position.capital.programme.variance.toFixed()).toBe("5637");
    expect(position.capital.slippage!.toFixed()).toBe("4701");
    expect(position.capital.underspend!.toFixed()).toBe("936");
  });

  test("total funding equals the programme in every column: no capital-funding check", () => {
    expect(position.checks.filter((c) => c.id === "capital-funding")).toEqual([]);
  });
});

describe("usable reserves, every published figure", () => {
  const rows = tableAfter("## Usable reserves");
  const r = position.reserves;
  const totals = new Map<string, ReserveBalances>([
    ["Total Earmarked Reserves", r.earmarked], ["General Fund Balance", r.generalFund!], ["Total Revenue Reserves", r.totalRevenue],
    ["Capital Receipts Reserve", r.capitalReceipts], ["Total Usable Reserves", r.totalUsable],
  ]);
  const KEYS = ["openingBalance", "budgetedTransfer", "commitments", "actualTransfer", "forecastClosing"] as const;
  test.each(rows.map((row) => [label(row[0]!), row] as const))("%s", (name, row) => {
    const published = row.slice(1, 6).map(publishedNumber);
    const got = totals.get(name) ?? r.reserves.find((x) => x.reserve.name === name);
    expect(got).toBeDefined();
    KEYS.forEach((k, i) => expect(`${k}=${got![k].toFixed()}`).toBe(`${k}=${published[i]}`));
  });

  test("general fund: budgeted £5.878m = 3.42%, within the band; after the forecast £3.571m = 2.08%, below the minimum, Red", () => {
    const gf = reportJson(position).reserves.generalFund!;
    expect([gf.budgetedClosing.toFixed(), gf.budgetedPct.toFixed()]).toEqual(["5878", "3.42"]);
    expect(r.generalFundPolicy!.budgetedBand).toBe("within");
    expect([gf.forecastClosing.toFixed(), gf.forecastPct.toFixed(), gf.band, gf.rag]).toEqual(["3571", "2.08", "below the minimum", "Red"]);
    expect(r.generalFundPolicy!.netBudget.toFixed()).toBe("171875");
  });
});

describe("delivery of savings, every published figure", () => {
  const rows = tableAfter("## Delivery of savings");
  const categories = new Map(position.savings.categories.map((c) => [c.category, c]));
  test.each(rows.map((row) => [label(row[0]!), row] as const))("%s", (name, row) => {
    const [planned, achieved, unachieved] = row.slice(1, 4).map(publishedNumber);
    if (name === "Total") {
      expect([position.savings.planned, position.savings.achieved, position.savings.unachieved].map((d) => d.toFixed())).toEqual([planned, achieved, unachieved]);
      return;
    }
    const c = name.startsWith("New savings") ? categories.get("New savings") : categories.get(name);
    expect(c).toBeDefined();
    expect(c!.planned.toFixed()).toBe(planned ?? "0");
    expect(c!.achieved.toFixed()).toBe(achieved);
    if (unachieved !== null) expect(c!.planned.minus(c!.achieved).toFixed()).toBe(unachieved);
  });
});

describe("report --json fields of the issue", () => {
  test("all present with the published values", () => {
    const j = reportJson(position);
    const t = (d: Decimal | null) => d?.toFixed() ?? null;
    expect({
      "revenue.revisedBudget": t(j.revenue.revisedBudget), "revenue.forecastOutturn": t(j.revenue.forecastOutturn),
      "revenue.variance": t(j.revenue.variance), "revenue.variancePct": t(j.revenue.variancePct), "revenue.rag": j.revenue.rag,
      "revenue.movementSincePrevious": t(j.revenue.movementSincePrevious),
      "capital.revisedBudget": t(j.capital.revisedBudget), "capital.forecastOutturn": t(j.capital.forecastOutturn),
      "capital.variance": t(j.capital.variance), "capital.slippage": t(j.capital.slippage), "capital.underspend": t(j.capital.underspend),
      "reserves.generalFund.budgetedClosing": t(j.reserves.generalFund!.budgetedClosing), "reserves.generalFund.budgetedPct": t(j.reserves.generalFund!.budgetedPct),
      "reserves.generalFund.forecastClosing": t(j.reserves.generalFund!.forecastClosing), "reserves.generalFund.forecastPct": t(j.reserves.generalFund!.forecastPct),
      "reserves.generalFund.rag": j.reserves.generalFund!.rag, "reserves.totalUsableClosing": t(j.reserves.totalUsableClosing),
      "savings.planned": t(j.savings.planned), "savings.achieved": t(j.savings.achieved), "savings.unachieved": t(j.savings.unachieved),
    }).toEqual({
      "revenue.revisedBudget": "171875", "revenue.forecastOutturn": "174182", "revenue.variance": "-2307", "revenue.variancePct": "-1.34",
      "revenue.rag": "Red", "revenue.movementSincePrevious": "1357",
      "capital.revisedBudget": "17959", "capital.forecastOutturn": "12322", "capital.variance": "5637", "capital.slippage": "4701", "capital.underspend": "936",
      "reserves.generalFund.budgetedClosing": "5878", "reserves.generalFund.budgetedPct": "3.42",
      "reserves.generalFund.forecastClosing": "3571", "reserves.generalFund.forecastPct": "2.08", "reserves.generalFund.rag": "Red",
      "reserves.totalUsableClosing": "12492",
      "savings.planned": "4500", "savings.achieved": "3600", "savings.unachieved": "900",
    });
    for (const c of j.checks) expect(Object.keys(c).sort()).toEqual(["id", "message", "severity", "where"]);
  });
});
