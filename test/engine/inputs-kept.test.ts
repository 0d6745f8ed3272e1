/**
 * Issue 11 items 4 and 5: only the inputs the body keeps, and a period without a general fund.
 * - Which optional input columns the body keeps is a setting (inputs.originalBudget, inputs.actualToDate): a column not
 *   kept is hidden on the sheets and never asked for; a blank in a kept one is a warning naming the cell.
 * - Without a general fund the reserves band is not judged (no RAG, no "below the minimum", no narrative about the
 *   balance), and the checks say so once.
 */
import { computePosition } from "../../src/engine/position";
import { narrative } from "../../src/narrative/narrative";
import { reportJson } from "../../src/report/json";
import { textReport } from "../../src/report/text";
import { toJsonText } from "../../src/model/json-text";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { readWorkbook } from "../../src/plans/read";
import { withReadChecks } from "../../src/engine/checks";
import { gridFromPlan, seedModel } from "../plans/support";
import { reportSchemaErrors } from "../support/report-schema";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

/** Every revenue and capital line with no original budget and no actual to date. */
function blankOptional(doc: Doc): void {
  const lines = [...doc.revenue.groups.flatMap((g: Doc) => g.lines), ...doc.revenue.transfers, ...doc.capital.lines, ...doc.capital.financing];
  for (const l of lines) { l.originalBudget = null; l.actualToDate = null; }
}

describe("only the inputs the body keeps", () => {
  test("columns not kept: blank original budgets and actuals are not asked for, and the figures are the same", () => {
    const kept = computePosition(seedModel());
    const model = seedModel((doc: Doc) => { blankOptional(doc); doc.settings = { ...doc.settings, inputs: { originalBudget: false, actualToDate: false } }; });
    const p = computePosition(model);
    expect(p.checks.filter((c) => c.id === "missing-input")).toEqual([]);
    expect(p.checks.filter((c) => c.severity === "error")).toEqual([]);
    expect(p.revenue.netBudget.variance.toFixed()).toBe(kept.revenue.netBudget.variance.toFixed());
    expect(p.rag).toEqual(kept.rag);
  });

  test("a blank in a kept column is a warning (not an error) that says how to stop keeping the column", () => {
    const model = seedModel((doc: Doc) => { doc.revenue.groups[0].lines[1].originalBudget = null; });
    const c = computePosition(model).checks.filter((k) => k.id === "missing-input");
    expect(c.map((k) => [k.severity, k.place])).toEqual([["warning", { area: "revenue", row: "Pay & Employment costs", column: "originalBudget" }]]);
    expect(c[0]?.message).toMatch(/has no original budget\. .*set "The body keeps an original budget" to No/);
    expect(reportJson(computePosition(model)).errors.filter((e) => e.id === "missing-input")).toEqual([]);
  });

  test("a blank kept capital actual is a warning too; the revised budget and forecast are still required (errors)", () => {
    const model = seedModel((doc: Doc) => { doc.capital.lines[0].actualToDate = null; doc.capital.lines[1].forecastOutturn = null; });
    const c = computePosition(model).checks.filter((k) => k.id === "missing-input").map((k) => [k.severity, k.place.row, k.place.column]);
    expect(c).toEqual(expect.arrayContaining([["warning", "Vehicles", "actualToDate"], ["error", "Estates Works", "forecastOutturn"]]));
  });

  test("on the sheets a column not kept is hidden; a blank kept cell is named by its cell when read back", () => {
    const notKept = buildWorkbookPlan(seedModel((doc: Doc) => { doc.settings = { ...doc.settings, inputs: { originalBudget: false } }; }));
    for (const name of ["Revenue", "Capital"]) {
      const cols = notKept.sheets.find((s) => s.name === name)!.columns;
      expect([cols[1]?.hidden, cols[2]?.hidden, cols[3]?.hidden]).toEqual([true, undefined, false]);
    }
    const model = seedModel((doc: Doc) => { doc.revenue.groups[0].lines[1].actualToDate = null; });
    const read = readWorkbook(gridFromPlan(buildWorkbookPlan(model)));
    expect(read.model).not.toBeNull();
    const checks = withReadChecks(read.checks, computePosition(read.model!).checks).filter((k) => k.id === "missing-input");
    expect(checks.map((k) => read.locate(k.place))).toEqual(["Revenue!D8"]);
  });

  test("the setting is on the Settings sheet and read back from it", () => {
    const model = seedModel((doc: Doc) => { doc.settings = { ...doc.settings, inputs: { actualToDate: false } }; });
    const read = readWorkbook(gridFromPlan(buildWorkbookPlan(model)));
    expect(read.model?.settings.inputs).toEqual({ originalBudget: true, actualToDate: false, deliveredToDate: true, forecastFurtherDelivery: true, slippage: true, capitalFinancing: true, capitalOriginalBudget: null, capitalActualToDate: null });
  });
});

describe("a period without a general fund", () => {
  const noFund = () => seedModel((doc: Doc) => {
    doc.reserves = doc.reserves.filter((r: Doc) => r.kind !== "generalFund");
    delete doc.controlTotals.reserves["General Fund Balance"];
    delete doc.controlTotals.reserves["Total Revenue Reserves"];
    delete doc.controlTotals.reserves["Total Usable Reserves"];
  });

  test("loads, and the reserves band is not judged: no RAG, no below-minimum, one check saying no general fund was entered", () => {
    const p = computePosition(noFund());
    expect(p.rag.reserves).toBeNull();
    expect(p.reserves.generalFundPolicy).toBeNull();
    expect(p.checks.filter((c) => c.id.startsWith("reserves-"))).toEqual([]);
    const said = p.checks.filter((c) => /general fund/i.test(c.message));
    expect(said.map((c) => [c.id, c.severity])).toEqual([["no-general-fund", "info"]]);
    expect(said[0]?.message).toMatch(/^No general fund was entered, so the reserves policy band \(3% to 5% of the net budget\) is not judged/);
  });

  test("the narrative says nothing of a General Fund Balance; the report says not judged; the JSON has generalFund null and meets its schema", () => {
    const p = computePosition(noFund());
    expect(narrative(p).join(" ")).not.toMatch(/General Fund|below the minimum/);
    expect(textReport(p)).toMatch(/Reserves {5}\[–\] {2}no general fund entered, so the reserves policy band is not judged/);
    const json = JSON.parse(toJsonText(reportJson(p))) as Doc;
    expect(json.reserves.generalFund).toBeNull();
    expect(reportSchemaErrors(json)).toEqual([]);
  });

  test("a General Fund row left blank on the sheet is no general fund: not judged on the Reserves sheet, and read back as such", () => {
    const plan = buildWorkbookPlan(noFund());
    const ragCell = plan.sheets.find((s) => s.name === "Reserves")!.cells.find((c) => c.content.kind === "formula" && c.content.expected === "not judged" && /"Red"/.test(c.content.formula));
    expect(ragCell).toBeDefined();
    const read = readWorkbook(gridFromPlan(plan));
    const p = computePosition(read.model!);
    expect(p.rag.reserves).toBeNull();
    expect(withReadChecks(read.checks, p.checks).filter((c) => c.severity === "error")).toEqual([]);
  });

  test("a revenue-only period (no capital, reserves or savings) is valid: no errors, nothing judged that was not entered", () => {
    const model = seedModel((doc: Doc) => { doc.capital = { lines: [], financing: [] }; doc.reserves = []; doc.savings = []; doc.controlTotals = null; });
    const p = computePosition(model);
    expect(p.checks.filter((c) => c.severity === "error")).toEqual([]);
    expect(p.rag.reserves).toBeNull();
    expect(reportJson(p).complete).toBe(true);
    expect(narrative(p).join(" ")).not.toMatch(/General Fund|usable reserves/);
  });

  test("with a general fund nothing changes (the worked example keeps its Red and its paragraph)", () => {
    const p = computePosition(seedModel());
    expect(p.rag.reserves).toBe("Red");
    expect(p.checks.some((c) => c.id === "no-general-fund")).toBe(false);
    expect(narrative(p)[1]).toMatch(/General Fund Balance/);
  });
});
