/**
 * Percentages to the body's places (Settings: pctDecimals, 0 to 3), each rounded once from the exact figure: at 1
 * place 1.2451% is 1.2%, never 1.25% rounded again to 1.3%. The same in the JSON, the text report, the narrative, the
 * slides' tables, the pane's headline and the sheets' number formats.
 */
import { D } from "../../src/model/amount";
import type { MonitoringPeriod } from "../../src/model/types";
import { computePosition } from "../../src/engine/position";
import { reportJson } from "../../src/report/json";
import { textReport } from "../../src/report/text";
import { narrative } from "../../src/narrative/narrative";
import { revenueLinesRagTable } from "../../src/slides/tables";
import { summarise } from "../../src/taskpane/headline";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { settingProblems } from "../../src/model/settings/validate";
import { seedModel } from "../plans/support";

/** The worked example with the Net Budget's forecast moved so its variance is exactly 1.2451% adverse. */
function atPlaces(places: number): MonitoringPeriod {
  const model = seedModel();
  const nb = computePosition(model).revenue.netBudget;
  const target = nb.revisedBudget.times(new D("1.012451"));
  const pay = model.revenue.groups[0]!.lines[1]!;
  const forecast = pay.forecastOutturn!.plus(target.minus(nb.forecastOutturn));
  return {
    ...model,
    settings: { ...model.settings, pctDecimals: new D(places) },
    revenue: { ...model.revenue, groups: model.revenue.groups.map((g, gi) => (gi !== 0 ? g : { ...g, lines: g.lines.map((l, li) => (li === 1 ? { ...l, forecastOutturn: forecast } : l)) })) },
  };
}

test("the figure sits where rounding twice would go wrong: exactly -1.2451%", () => {
  expect(computePosition(atPlaces(2)).revenue.netBudget.variancePct?.toFixed()).toBe("-1.2451");
});

test.each([[0, "1"], [1, "1.2"], [2, "1.25"], [3, "1.245"]])("at %i places, 1.2451%% shows as %s%% everywhere", (places, shown) => {
  const p = computePosition(atPlaces(places));
  expect(reportJson(p).revenue.variancePct?.toFixed()).toBe(`-${shown}`);
  expect(reportJson(p).lines.revenue.find((r) => r.path === "revenue")?.variancePct?.toFixed()).toBe(`-${shown}`);
  expect(textReport(p)).toContain(`, (${shown}%)`);
  expect(narrative(p)[0]).toContain(` or ${shown}%`);
  expect(JSON.stringify(summarise(p).headlines[0])).toContain(`${shown}% adverse`);
  const netBudgetRow = revenueLinesRagTable(p).rows.find((r) => r.cells[0] === "Pay & Employment costs");
  expect(netBudgetRow?.cells[3]).toMatch(/^\([0-9]+(\.[0-9]+)?%\)$/);
  const pctCells = buildWorkbookPlan(p.model, { position: p }).sheets.find((s) => s.kind === "Revenue")!.cells.filter((c) => c.address.startsWith("G") && c.content.kind === "formula" && c.numberFormat);
  const format = places === 0 ? "0%" : `0.${"0".repeat(places)}%`;
  expect(new Set(pctCells.map((c) => c.numberFormat))).toEqual(new Set([`${format};(${format});${format}`]));
});

test("the places are a setting like any other: 4 or 1.5 is refused, naming the setting", () => {
  expect(() => reportJson(computePosition(atPlaces(2)))).not.toThrow();
  for (const bad of ["4", "1.5", "-1"]) {
    const problems = settingProblems((k) => (k === "pctDecimals" ? new D(bad) : null), new Set());
    expect(problems.find((x) => x.key === "pctDecimals")?.message).toMatch(/whole number of decimal places from 0 to 3/);
  }
});
