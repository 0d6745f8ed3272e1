/**
 * Issue 11 item 3: published variances and % as control totals (lines, groups, totals), reconciled with the same
 * rounding allowance as the other columns: a one-unit difference from rounding is info, more is an error.
 */
import { computePosition } from "../../src/engine/position";
import type { Check } from "../../src/engine/checks";
import { parseMonitoringJson } from "../../src/model/load";
import { modelToDocument } from "../../src/model/save";
import { toJsonText } from "../../src/model/json-text";
import { label, publishedNumber, tableAfter } from "../support/published-tables";
import { gridFromPlan, seedModel } from "../plans/support";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { readWorkbook } from "../../src/plans/read";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

const about = (checks: Check[], row: string, column: string) => checks.filter((c) => c.place.row === row && c.place.column === column).map((c) => [c.id, c.severity]);

/** The worked example with every published revenue variance (lines, groups, totals) and the published 1.34%. */
function withPublished(edit: (doc: Doc) => void = () => undefined) {
  return seedModel((doc: Doc) => {
    const lines: Doc = {};
    for (const r of tableAfter("## Revenue budget monitoring")) {
      const name = label(r[1] || r[0]!), variance = publishedNumber(r[6]!);
      if (name.startsWith("Total ") || name === "Net Budget") continue;
      lines[name] = { variance: Number(variance) };
    }
    doc.controlTotals.revenue.lines = lines;
    doc.controlTotals.revenue.groups["Chief Constable"].variance = -2307;
    doc.controlTotals.revenue.totalNetRevenueExpenditure.variance = -2307;
    Object.assign(doc.controlTotals.revenue.netBudget, { variance: -2307, variancePct: -1.34 });
    edit(doc);
  });
}

test("the worked example's published variances and 1.34% reconcile exactly: no check on any variance or %", () => {
  const checks = computePosition(withPublished()).checks;
  expect(checks.filter((c) => c.place.column === "variance" || c.place.column === "variancePct")).toEqual([]);
});

test("a line's published variance one unit off is rounding (info); two units off is an error naming the line", () => {
  const one = computePosition(withPublished((d) => { d.controlTotals.revenue.lines["Overheads"].variance = 60; })).checks;
  expect(about(one, "Overheads", "variance")).toEqual([["rounding", "info"]]);
  const two = computePosition(withPublished((d) => { d.controlTotals.revenue.lines["Overheads"].variance = 61; })).checks;
  expect(about(two, "Overheads", "variance")).toEqual([["control-total", "error"]]);
  expect(two.find((c) => c.place.row === "Overheads")?.message).toBe("Overheads, variance: the figures give £59k, the control total says £61k, a difference of −£2k, more than rounding can explain. Check the lines against the ledger or the published table.");
});

test("a total's published variance gets the allowance of its lines, as its other columns do", () => {
  // Total Chief Constable adds 4 lines: up to (4 + 1) / 2 = 2.5 units is rounding.
  const near = computePosition(withPublished((d) => { d.controlTotals.revenue.groups["Chief Constable"].variance = -2305; })).checks;
  expect(about(near, "Total Chief Constable", "variance")).toEqual([["rounding", "info"]]);
  const far = computePosition(withPublished((d) => { d.controlTotals.revenue.groups["Chief Constable"].variance = -2300; })).checks;
  expect(about(far, "Total Chief Constable", "variance")).toEqual([["control-total", "error"]]);
});

test("a published % is compared at the places it is shown: one unit of the last place is rounding, more an error", () => {
  // Exact: -2307 / 171875 = -1.34225...%.
  const pct = (v: number, places?: number) => computePosition(withPublished((d) => {
    d.controlTotals.revenue.netBudget.variancePct = v;
    if (places !== undefined) d.settings.pctDecimals = places;
  })).checks;
  expect(about(pct(-1.3, 1), "Net Budget", "variancePct")).toEqual([]);
  expect(about(pct(-1.4, 1), "Net Budget", "variancePct")).toEqual([["rounding", "info"]]);
  expect(about(pct(-1.5, 1), "Net Budget", "variancePct")).toEqual([["control-total", "error"]]);
  expect(about(pct(-1.35), "Net Budget", "variancePct")).toEqual([["rounding", "info"]]);
  expect(about(pct(1.34), "Net Budget", "variancePct")).toEqual([["control-total", "error"]]);
});

test("the published variance is in the body's sign convention", () => {
  const fmb = computePosition(withPublished((d) => {
    d.settings.signConvention = "forecast-minus-budget";
    d.controlTotals.revenue.netBudget.variance = 2307;
    d.controlTotals.revenue.netBudget.variancePct = 1.34;
    for (const l of Object.values(d.controlTotals.revenue.lines) as Doc[]) l.variance = -l.variance;
    d.controlTotals.revenue.groups["Chief Constable"].variance = 2307;
    d.controlTotals.revenue.totalNetRevenueExpenditure.variance = 2307;
  })).checks;
  expect(fmb.filter((c) => c.place.column === "variance" || c.place.column === "variancePct")).toEqual([]);
});

test("a capital line's published variance, and a line control for a line that does not exist is refused by name", () => {
  const capital = computePosition(seedModel((d: Doc) => { d.controlTotals.capital.lines = { Vehicles: { variance: 100 } }; })).checks;
  expect(about(capital, "Vehicles", "variance")).toEqual([["control-total", "error"]]);
  expect(() => seedModel((d: Doc) => { d.controlTotals.revenue.lines = { Overheeds: { variance: 59 } }; }))
    .toThrow('controlTotals.revenue.lines["Overheeds"]: is a control total for a line that does not exist');
});

test("saved and loaded again unchanged", () => {
  const model = withPublished();
  const save = (m: typeof model) => toJsonText(modelToDocument(m));
  const text = save(model);
  expect(save(parseMonitoringJson(text))).toBe(text);
  expect(text).toMatch(/"variancePct": ?-1\.34/);
});

test("on the sheets, the control rows carry the published variance (F) and % (G), and read back the same", () => {
  const model = withPublished((d) => { d.controlTotals.capital.programme.variance = 5637; d.controlTotals.capital.programme.variancePct = 31.39; });
  const plan = buildWorkbookPlan(model);
  const read = readWorkbook(gridFromPlan(plan));
  const ct = read.model!.controlTotals!;
  expect([ct.revenue!.netBudget!.variance!.toFixed(), ct.revenue!.netBudget!.variancePct!.toFixed()]).toEqual(["-2307", "-1.34"]);
  expect(ct.revenue!.groups["Chief Constable"]!.variance!.toFixed()).toBe("-2307");
  expect([ct.capital!.programme!.variance!.toFixed(), ct.capital!.programme!.variancePct!.toFixed()]).toEqual(["5637", "31.39"]);
  const checks = computePosition(read.model!).checks.filter((c) => c.place.column === "variancePct");
  expect(checks.map((c) => [c.place.row, c.id, c.severity, read.locate(c.place)])).toEqual([]);
});
