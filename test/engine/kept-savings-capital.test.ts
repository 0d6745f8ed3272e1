/**
 * Issue 11: inputs a body does not keep, beyond the revenue original budget and actual to date. A savings scheme's
 * delivered to date (or forecast further delivery), capital slippage and capital financing may each be "not kept"
 * (Settings: inputs.*): the column is hidden and never asked for, and its blank stays blank (never a false 0), in
 * the checks, the report, the sheets read back and the narrative.
 */
import { computePosition } from "../../src/engine/position";
import { withReadChecks } from "../../src/engine/checks";
import { reportJson } from "../../src/report/json";
import { textReport } from "../../src/report/text";
import { toJsonText } from "../../src/model/json-text";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { readWorkbook } from "../../src/plans/read";
import type { MonitoringPeriod } from "../../src/model/types";
import { gridFromPlan, seedModel } from "../plans/support";
import { reportSchemaErrors } from "../support/report-schema";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

const withInputs = (inputs: Doc, edit: (doc: Doc) => void = () => {}) =>
  seedModel((doc: Doc) => { doc.settings = { ...doc.settings, inputs }; edit(doc); });
const validJson = (m: MonitoringPeriod) => {
  const json = JSON.parse(toJsonText(reportJson(computePosition(m)))) as Doc;
  expect(reportSchemaErrors(json)).toEqual([]);
  return json;
};
/** The engine's checks after the model went through its workbook and back, each with its cell. */
function readBack(m: MonitoringPeriod) {
  const plan = buildWorkbookPlan(m);
  const read = readWorkbook(gridFromPlan(plan));
  expect(read.model).not.toBeNull();
  return { plan, model: read.model!, checks: withReadChecks(read.checks, computePosition(read.model!).checks) };
}

describe("savings delivered to date not kept", () => {
  // The published "achieved" entered in the forecast column, delivered to date blank (as Brighton & Hove publish it).
  const notKept = () => withInputs({ deliveredToDate: false }, (doc) => {
    for (const s of doc.savings) { s.forecastFurtherDelivery = String(Number(s.deliveredToDate ?? 0) + Number(s.forecastFurtherDelivery ?? 0)); s.deliveredToDate = null; }
  });

  test("no error for the blank, achieved is the forecast column, and the rows say delivered to date null, not 0", () => {
    const kept = computePosition(seedModel());
    const p = computePosition(notKept());
    expect(p.checks.filter((c) => c.severity === "error")).toEqual([]);
    expect(p.checks.filter((c) => c.place.column === "deliveredToDate")).toEqual([]);
    expect([p.savings.achieved.toFixed(), p.savings.unachieved.toFixed(), p.rag.savings]).toEqual([kept.savings.achieved.toFixed(), kept.savings.unachieved.toFixed(), kept.rag.savings]);
    const json = validJson(notKept());
    expect(json.lines.savings.map((r: Doc) => r.deliveredToDate)).toEqual(json.lines.savings.map(() => null));
    expect(textReport(p, true)).toMatch(/Total savings +[0-9,]+ +– /);
  });

  test("a figure left in a column not kept is not counted: the column is hidden, so it is not the body's figure", () => {
    const p = computePosition(withInputs({ deliveredToDate: false }));
    expect(p.savings.deliveredToDate.toFixed()).toBe("0");
    expect(p.savings.achieved.equals(p.savings.forecastFurtherDelivery)).toBe(true);
  });

  test("on the Savings sheet the column is hidden; read back, the setting holds and nothing is asked for", () => {
    const { plan, model, checks } = readBack(notKept());
    const cols = plan.sheets.find((s) => s.name === "Savings")!.columns;
    expect([cols[3]?.hidden, cols[4]?.hidden]).toEqual([true, false]);
    expect(model.settings.inputs.deliveredToDate).toBe(false);
    expect(checks.filter((c) => c.severity === "error")).toEqual([]);
  });

  test("a blank in a kept savings column is still an error naming the scheme (achieved depends on it)", () => {
    const m = seedModel((doc: Doc) => { doc.savings[0].deliveredToDate = null; });
    const c = computePosition(m).checks.filter((k) => k.id === "missing-input");
    expect(c.map((k) => [k.severity, k.place.column])).toEqual([["error", "deliveredToDate"]]);
  });

  test("keeping neither delivered to date nor forecast further delivery is refused, naming the setting", () => {
    expect(() => withInputs({ deliveredToDate: false, forecastFurtherDelivery: false })).toThrow(/forecastFurtherDelivery.*keep at least one of the two/s);
  });
});

describe("capital slippage not kept", () => {
  const notKept = () => withInputs({ slippage: false }, (doc) => { for (const l of doc.capital.lines) l.slippage = null; });

  test("the variance is not split: slippage and underspend null (not 0 and the whole variance), and the narrative says no split", () => {
    const p = computePosition(notKept());
    expect([p.capital.slippage, p.capital.underspend, p.capital.slippagePct]).toEqual([null, null, null]);
    expect(p.capital.lines.every((l) => l.slippage === null && l.underspend === null)).toBe(true);
    const json = validJson(notKept());
    expect([json.capital.slippage, json.capital.underspend]).toEqual([null, null]);
    expect(json.lines.capital.map((r: Doc) => [r.slippage, r.underspend])).toEqual(json.lines.capital.map(() => [null, null]));
    const capital = json.narrative.find((s: string) => s.startsWith("The Capital Programme")) as string;
    expect(capital).not.toMatch(/slippage|underspend/);
    expect(textReport(p)).toMatch(/variance 5,637 \(slippage not kept, so not split\)/);
  });

  test("the capital RAG judges the overspend only (Dorset's 26% slippage would be Red)", () => {
    expect(computePosition(seedModel()).rag.capital).toBe("Red");
    expect(computePosition(notKept()).rag.capital).toBe("Green");
  });

  test("on the Capital sheet slippage and underspend are hidden and hold nothing; the Summary says not kept", () => {
    const { plan, model, checks } = readBack(notKept());
    const capital = plan.sheets.find((s) => s.name === "Capital")!;
    expect([capital.columns[7]?.hidden, capital.columns[8]?.hidden]).toEqual([true, true]);
    expect(capital.cells.filter((c) => /^[HI](?:[7-9]|1[0-2])$/.test(c.address))).toEqual([]);
    const summary = plan.sheets.find((s) => s.name === "Summary")!;
    expect(summary.cells.some((c) => c.content.kind === "text" && /^Not kept by the body/.test(c.content.text))).toBe(true);
    expect(model.settings.inputs.slippage).toBe(false);
    expect(checks.filter((c) => c.severity === "error")).toEqual([]);
    expect(computePosition(model).capital.slippage).toBeNull();
  });
});

describe("capital financing not kept", () => {
  const notKept = () => withInputs({ capitalFinancing: false }, (doc) => {
    doc.capital.financing = [];
    delete doc.controlTotals.capital.financing;
  });

  test("no capital-funding error, and the report's funding is null rather than a gap of the whole programme", () => {
    const kept = computePosition(withInputs({}, (doc) => { doc.capital.financing = []; delete doc.controlTotals.capital.financing; }));
    expect(kept.checks.filter((c) => c.id === "capital-funding")).toHaveLength(4);
    const p = computePosition(notKept());
    expect(p.checks.filter((c) => c.id === "capital-funding")).toEqual([]);
    expect(p.checks.filter((c) => c.severity === "error")).toEqual([]);
    expect(validJson(notKept()).capital.funding).toBeNull();
  });

  test("on the Capital sheet no funding gap is worked out; read back, no error", () => {
    const { plan, checks } = readBack(notKept());
    const capital = plan.sheets.find((s) => s.name === "Capital")!;
    expect(capital.cells.some((c) => c.content.kind === "text" && /^Funding not checked: the body does not keep its capital financing/.test(c.content.text))).toBe(true);
    expect(capital.cells.some((c) => c.content.kind === "text" && /^Funding gap/.test(c.content.text))).toBe(false);
    expect(checks.filter((c) => c.severity === "error")).toEqual([]);
  });
});
