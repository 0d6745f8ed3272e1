/**
 * Issue 11: each revenue row's variance at the latest earlier closed period (`lines.revenue[].previousVariance`), for a
 * report that prints last period's variance beside this one's by line. Lines are matched by group and name, transfers
 * by name; a group total is the sum of its lines then; the Net Budget is that period's headline; a row with nothing to
 * match is null, never a made-up zero. The History sheet keeps transfers' lines (group left blank), so a workbook gives
 * the same.
 */
import { D } from "../../src/model/amount";
import type { MonitoringPeriod } from "../../src/model/types";
import { computePosition } from "../../src/engine/position";
import { closePeriod, rollForward } from "../../src/engine/history";
import { reportJson } from "../../src/report/json";
import { toJsonText } from "../../src/model/json-text";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { readWorkbook } from "../../src/plans/read";
import { gridFromPlan, seedModel } from "../plans/support";
import { reportSchemaErrors } from "../support/report-schema";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

/** Each revenue row's name and previous variance, as exact text (null stays null). */
const previous = (m: MonitoringPeriod) =>
  Object.fromEntries(reportJson(computePosition(m)).lines.revenue.map((r) => [r.name, r.previousVariance === null ? null : r.previousVariance.toFixed()]));

/** Q2 closed, then Q3 with Pay's forecast 1,000 higher, the Reserves transfer 50 lower, Overheads gone and a new line. */
function q3AfterQ2(): MonitoringPeriod {
  const q2 = seedModel((doc: Doc) => { doc.history = []; });
  const rolled = rollForward(closePeriod(q2, computePosition(q2), "2024-10-31"), "Q3");
  const g = rolled.revenue.groups[0]!;
  const pay = g.lines[1]!;
  return {
    ...rolled,
    revenue: {
      ...rolled.revenue,
      groups: [{ ...g, lines: [g.lines[0]!, { ...pay, forecastOutturn: pay.forecastOutturn!.plus(1000) }, g.lines[3]!, { ...pay, name: "Digital", revisedBudget: D(10), forecastOutturn: D(12) }] }, ...rolled.revenue.groups.slice(1)],
      transfers: rolled.revenue.transfers.map((t) => ({ ...t, forecastOutturn: t.forecastOutturn!.minus(50) })),
    },
  };
}

describe("each revenue row's previous-period variance", () => {
  test("lines by group and name, groups as the sum of their lines then (a line since removed included), transfers by name, the Net Budget the headline", () => {
    // Q2 (budget − forecast): Income 2,052, Pay (5,191), Overheads 59, Capital Financing 773, Total Chief Constable
    // (2,307), OPCC 0, Total Net Revenue Expenditure (2,307), Reserves 0, Net Budget (2,307).
    expect(previous(q3AfterQ2())).toEqual({
      Income: "2052", "Pay & Employment costs": "-5191", "Capital Financing": "773", Digital: null,
      "Total Chief Constable": "-2307", OPCC: "0", "Total OPCC": "0", "Total Net Revenue Expenditure": "-2307",
      Reserves: "0", "Net Budget": "-2307",
    });
  });

  test("in the body's convention: overspend positive negates every one, and the Net Budget's equals revenue.previousVariance", () => {
    const m = q3AfterQ2();
    const flipped = { ...m, settings: { ...m.settings, signConvention: "forecast-minus-budget" as const } };
    expect(previous(flipped)).toMatchObject({ Income: "-2052", "Total Chief Constable": "2307", "Net Budget": "2307" });
    expect(reportJson(computePosition(flipped)).revenue.previousVariance?.toFixed()).toBe("2307");
  });

  test("a period closed before lines were kept (the Dorset Q1 snapshot): only the Net Budget has a figure, the rest null", () => {
    const rows = previous(seedModel());
    expect(rows["Net Budget"]).toBe("-3664");
    expect(Object.entries(rows).filter(([, v]) => v !== null).map(([k]) => k)).toEqual(["Net Budget"]);
  });

  test("no earlier period: every row null; the report still meets its JSON Schema", () => {
    const m = seedModel((doc: Doc) => { doc.history = []; });
    expect(Object.values(previous(m)).every((v) => v === null)).toBe(true);
    for (const model of [m, q3AfterQ2()]) expect(reportSchemaErrors(JSON.parse(toJsonText(reportJson(computePosition(model)))))).toEqual([]);
  });

  test("closing a period keeps its transfers beside its lines, and the History sheet gives them back (their group blank)", () => {
    const m = q3AfterQ2();
    const closed = m.history.at(-1)!;
    expect(closed.transfers?.map((l) => [l.name, l.revisedBudget.toFixed(), l.forecastOutturn.toFixed()])).toEqual([["Reserves", "-657", "-657"]]);
    expect(closed.lines?.map((l) => l.name)).toEqual(["Income", "Pay & Employment costs", "Overheads", "Capital Financing", "OPCC"]);
    const read = readWorkbook(gridFromPlan(buildWorkbookPlan(m)));
    expect(read.checks.filter((c) => c.severity !== "info")).toEqual([]);
    const back = read.model?.history.at(-1);
    expect([back?.lines?.map((l) => [l.group, l.name]), back?.transfers?.map((l) => l.name)]).toEqual([closed.lines?.map((l) => [l.group, l.name]), ["Reserves"]]);
    expect(previous(read.model!)).toEqual(previous(m));
  });
});
