/**
 * The Slides sheet's native charts, drawn by ExcelGateway.insertSheets on the recording fake with the REAL plans: in
 * the same request as the cells (two syncs for a fresh insert, three for an upgrade), with the planned ranges, titles,
 * series names, positions and 16:9 sizes; an upgrade deletes the old charts before drawing new ones.
 */
import { ExcelGateway, OUTTURN_SHEETS } from "../../src/excel/gateway";
import { cellPosition } from "../../src/excel/charts";
import { widthToPoints } from "../../src/excel/render";
import type { MonitoringPeriod } from "../../src/model/types";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import type { SheetPlan } from "../../src/plans/types";
import type { InsertRequest } from "../../src/workbook/gateway";
import { FakeExcel } from "../support/fake-excel";
import { expectedValues, seed } from "./plan-values";
import { closedMonths } from "../support/monthly-year";



const request = (model: MonitoringPeriod, over: Partial<InsertRequest> = {}): InsertRequest => ({
  organisation: model.organisation, financialYear: model.financialYear, period: model.period, units: model.units,
  sheets: [...OUTTURN_SHEETS], onExisting: "ask", model, ...over,
});

function setup(model: MonitoringPeriod) {
  const fake = new FakeExcel({ calculate: expectedValues(model) });
  return { fake, gateway: new ExcelGateway({ host: fake, now: () => 0 }) };
}

/** "B20:B20" as the fake (and Excel) gives a one-cell range's address: "B20". */
const localRange = (a: string) => a.split(":").filter((p, i, all) => i === 0 || p !== all[0]).join(":");

const slidesPlan = (model: MonitoringPeriod): SheetPlan => buildWorkbookPlan(model).sheets.find((s) => s.kind === "Slides") as SheetPlan;

describe("the Slides sheet's charts in Excel", () => {
  it("draws the three planned charts in the insert's second (last) sync, with their ranges, titles, series and 16:9 size", async () => {
    const model = seed();
    const plan = slidesPlan(model);
    expect(plan.charts?.map((c) => c.type)).toEqual(["bar", "column", "line"]);
    const { fake, gateway } = setup(model);
    await gateway.insertSheets(request(model));
    expect(fake.syncs).toHaveLength(2);
    expect(fake.unsyncedAtRunEnd).toBe(0);
    // Every chart command travels in the last request, after the cells.
    const chartOps = fake.syncs.flatMap((s, i) => s.ops.filter((o) => o.member.startsWith("chart")).map((o) => ({ sync: i + 1, o })));
    expect(chartOps.length).toBeGreaterThan(0);
    expect(new Set(chartOps.map((c) => c.sync))).toEqual(new Set([2]));
    const last = fake.syncs[1]!.ops;
    const firstChart = last.findIndex((o) => o.member === "charts.add");
    const lastValues = last.map((o) => o.member).lastIndexOf("values");
    expect(firstChart).toBeGreaterThan(lastValues);

    const charts = fake.sheet("Slides")!.charts;
    expect(charts).toHaveLength(3);
    plan.charts!.forEach((spec, i) => {
      const c = charts[i]!;
      expect(c.type).toBe({ bar: "BarClustered", column: "ColumnClustered", line: "LineMarkers" }[spec.type]);
      // Series given explicitly (no reliance on Excel detecting categories): created over the first series' values,
      // every series with its planned name, values and the categories.
      expect(c.source).toBe(localRange(spec.series[0]!.values));
      expect(c.seriesBy).toBe("Columns");
      expect(c.title).toBe(spec.title);
      expect(c.name).toBe(`Outturn: ${spec.title}`);
      expect(c.seriesCount).toBe(spec.series.length);
      expect(c.seriesNames).toEqual(Object.fromEntries(spec.series.map((s, j) => [j, s.name])));
      expect(c.seriesValues).toEqual(Object.fromEntries(spec.series.slice(1).map((s, j) => [j + 1, localRange(s.values)])));
      expect(c.seriesCategories).toEqual(Object.fromEntries(spec.series.map((_, j) => [j, localRange(spec.categories)])));
      expect(`${spec.categories.split(":")[0]}:${spec.series[spec.series.length - 1]!.values.split(":")[1]}`).toBe(spec.data);
      expect({ width: c.width, height: c.height }).toEqual({ width: 720, height: 405 });
      expect({ top: c.top, left: c.left }).toEqual(cellPosition(plan, spec.topLeft));
    });
    // The data blocks hold live formulas into the other sheets.
    expect(charts[2]!.seriesNames).toEqual({ 0: "General Fund", 1: "Band minimum", 2: "Band maximum" });
    const firstRow = /^A(\d+)/.exec(plan.charts![0]!.data)![1];
    expect(fake.cell("Slides", `B${firstRow}`)!.formula).toMatch(/^=Revenue!\$F\$\d+$/);
  });

  it("places charts right of the data, below one another, from the plan's column widths", () => {
    const plan = slidesPlan(seed());
    const [a, b, c] = plan.charts!.map((s) => cellPosition(plan, s.topLeft));
    const dataWidth = [34, 14, 14, 14].reduce((n, w) => n + widthToPoints(w), 0);
    expect(a!.left).toBeGreaterThan(dataWidth);
    expect(b!.top - a!.top).toBeGreaterThanOrEqual(405);
    expect(c!.top - b!.top).toBeGreaterThanOrEqual(405);
  });

  it("an upgrade deletes the old charts and draws them again, still three syncs", async () => {
    const model = seed();
    const { fake, gateway } = setup(model);
    await gateway.insertSheets(request(model));
    const before = fake.sheet("Slides")!.charts.map((c) => c.id);
    fake.resetRecords();
    await gateway.insertSheets(request(model, { onExisting: "upgrade" }));
    expect(fake.syncs).toHaveLength(3);
    expect(fake.unsyncedAtRunEnd).toBe(0);
    // The charts' collection is loaded with the used ranges (sync 2), not in a sync of its own.
    expect(fake.syncs[1]!.ops.some((o) => o.member === "charts.items/name")).toBe(true);
    const after = fake.sheet("Slides")!.charts;
    expect(after).toHaveLength(3);
    expect(after.some((c) => before.includes(c.id))).toBe(false);
    expect(fake.syncs[2]!.ops.filter((o) => o.member === "chart.delete")).toHaveLength(3);
  });

  it("an upgrade leaves a chart the user made on the Slides sheet", async () => {
    const model = seed();
    const { fake, gateway } = setup(model);
    await gateway.insertSheets(request(model));
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Slides");
      ws.charts.add("Pie" as Excel.ChartType, ws.getRange("B6:B8"), "Columns" as Excel.ChartSeriesBy).name = "My pie";
      await context.sync();
    });
    await gateway.insertSheets(request(model, { onExisting: "upgrade" }));
    const names = fake.sheet("Slides")!.charts.map((c) => c.name);
    expect(names).toContain("My pie");
    expect(names.filter((n) => n.startsWith("Outturn: "))).toHaveLength(3);
  });

  it("sets the planned row heights, so positions computed from them match Excel's rows", async () => {
    const model = seed();
    const { fake, gateway } = setup(model);
    await gateway.insertSheets(request(model));
    const plans = buildWorkbookPlan(model).sheets.filter((p) => Object.keys(p.rowHeights ?? {}).length > 0);
    expect(plans.length).toBeGreaterThan(0);
    for (const p of plans) {
      expect(Object.fromEntries(fake.sheet(p.name)!.rowHeights)).toEqual(Object.fromEntries(Object.entries(p.rowHeights!).map(([r, h]) => [Number(r), h])));
    }
  });

  it("inserting only the Slides sheet (others present) draws its charts; without charts nothing chart-related is sent", async () => {
    const model = seed();
    const { fake, gateway } = setup(model);
    await gateway.insertSheets(request(model, { sheets: OUTTURN_SHEETS.filter((k) => k !== "Slides") }));
    expect(fake.ops.some((o) => o.member.startsWith("chart"))).toBe(false);
    fake.resetRecords();
    await gateway.insertSheets(request(model, { sheets: ["Slides"] }));
    expect(fake.syncs).toHaveLength(2);
    expect(fake.sheet("Slides")!.charts).toHaveLength(3);
  });

  it("reading the period back ignores the Slides sheet", async () => {
    const model = seed();
    const { gateway } = setup(model);
    await gateway.insertSheets(request(model));
    const read = await gateway.readPeriod();
    expect(read.checks.filter((c) => c.severity === "error")).toEqual([]);
    expect(read.checks.some((c) => c.where.startsWith("Slides"))).toBe(false);
    expect(read.model).not.toBeNull();
  });
});

describe("the trend chart (issue 13), once two earlier periods are closed", () => {
  it("M06 of a monthly year with M01 to M05 closed: a last chart, forecast variance and the General Fund % on the secondary axis", async () => {
    const model = closedMonths(6);
    const plan = slidesPlan(model);
    const spec = plan.charts?.at(-1);
    // The generated year has no capital programme, so no capital chart.
    expect(plan.charts?.map((c) => c.type)).toEqual(["bar", "line", "line"]);
    expect(spec?.series.map((s) => [s.name, s.axis ?? "primary"])).toEqual([["Forecast variance", "primary"], ["General Fund % of net budget", "secondary"]]);
    const { fake, gateway } = setup(model);
    await gateway.insertSheets(request(model));
    const chart = fake.sheet("Slides")!.charts[2]!;
    expect(chart.title).toBe("Trend: forecast variance and General Fund % by period");
    expect(chart.type).toBe("LineMarkers");
    expect(chart.seriesAxes).toEqual({ 1: "Secondary" });
    // Six periods: M01..M05 from Period history, then this period from the Revenue and Reserves sheets.
    const [from, to] = spec!.categories.split(":").map((a) => Number(a.slice(1)));
    expect(to! - from! + 1).toBe(6);
    expect(fake.cell("Slides", `B${from}`)!.formula).toBe("=IF(Settings!$B$9=\"forecast-minus-budget\",'Period history'!$D$6-'Period history'!$C$6,'Period history'!$C$6-'Period history'!$D$6)");
    expect(fake.cell("Slides", `C${from}`)!.formula).toBe("='Period history'!$K$6");
    expect(fake.cell("Slides", `B${to}`)!.formula).toMatch(/^=Revenue!\$F\$\d+$/);
  });

  it("no trend chart with one earlier period (the worked example: Q1 closed, Q2 open)", () => {
    expect(slidesPlan(seed()).charts).toHaveLength(3);
    expect(slidesPlan(closedMonths(2)).charts?.map((c) => c.title.split(":")[0])).toEqual(["Revenue", "General Fund"]);
    expect(slidesPlan(closedMonths(3)).charts?.map((c) => c.title.split(":")[0])).toEqual(["Revenue", "General Fund", "Trend"]);
  });
});
