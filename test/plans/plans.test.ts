/** Sheet plans (pure): layout, formulas, and reading a grid back with its integrity checks. */
import fc from "fast-check";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { readWorkbook } from "../../src/plans/read";
import { colIndex, parseA1 } from "../../src/plans/a1";
import { blankPeriod } from "../../src/model/template";
import { computePosition } from "../../src/engine/position";
import type { WorkbookPlan } from "../../src/plans/types";
import { MapGridSheet } from "../../src/plans/grid";
import { period } from "../support/arbitrary-period";
import { gridFromPlan, modelJson, planCell, reportOf, seedModel } from "./support";

// LEFT..INDEX: the Summary's look-up of the previous period on the History sheet (evaluated by LibreOffice in test/xlsx/libreoffice.test.ts).
const ALLOWED_FUNCTIONS = new Set(["SUM", "IF", "ABS", "AND", "OR", "MIN", "MAX", "ROUND", "FALSE", "LEFT", "MID", "VALUE", "TEXT", "MOD", "COUNTIF", "MATCH", "INDEX", "SUMPRODUCT", "ISTEXT", "ISERROR", "ISLOGICAL"]);

function formulas(plan: WorkbookPlan) {
  return plan.sheets.flatMap((s) => s.cells.flatMap((c) => (c.content.kind === "formula" ? [{ sheet: s.name, address: c.address, formula: c.content.formula, expected: c.content.expected }] : [])));
}

describe("the plan of the worked example", () => {
  const model = seedModel();
  const plan = buildWorkbookPlan(model);

  test("has the nine sheets in tab order, each with its markers", () => {
    expect(plan.sheets.map((s) => s.name)).toEqual(["Summary", "Revenue", "Capital", "Reserves", "Savings", "Profiles", "Period history", "Settings", "Slides"]);
    for (const s of plan.sheets) {
      expect(s.rowKeys.header).toBeDefined();
      if (s.kind !== "Revenue") expect(s.columns[s.columns.length - 1]?.hidden).toBe(true);
      // The Revenue sheet's commitments came after its key column, so older workbooks keep their markers where they were.
      expect(s.columns[colIndex(s.keyColumn) - 1]?.hidden).toBe(true);
    }
  });

  test("formulas use only functions Excel and LibreOffice evaluate alike, absolute references into other sheets", () => {
    const all = formulas(plan);
    expect(all.length).toBeGreaterThan(200);
    for (const f of all) {
      expect(f.formula.startsWith("=")).toBe(true);
      const withoutStrings = f.formula.replace(/"(?:[^"]|"")*"/g, '""');
      for (const m of withoutStrings.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) expect(ALLOWED_FUNCTIONS).toContain(m[1]);
      for (const m of withoutStrings.matchAll(/(?:'[^']+'|[A-Za-z]+)!(\$?)[A-Z]+(\$?)[0-9]+/g)) {
        expect(`${m[1]}${m[2]}`).toBe("$$");
      }
    }
  });

  test("every calculated figure of the published tables is a live formula with the engine's value", () => {
    const cell = (sheet: string, address: string) => planCell(plan, sheet, address);
    expect(cell("Revenue", "B11")?.content).toMatchObject({ kind: "formula", formula: "=SUM(B6:B10)" });
    const nb = cell("Revenue", "F18")?.content;
    expect(nb?.kind === "formula" && String(nb.expected)).toBe("-2307");
    const pct = cell("Revenue", "G18")?.content;
    expect(pct?.kind === "formula" && (pct.expected as { toFixed(n: number): string }).toFixed(4)).toBe("-0.0134");
    expect(cell("Revenue", "H18")?.content).toMatchObject({ kind: "formula", expected: "Red" });
    expect(cell("Revenue", "A11")?.content).toMatchObject({ kind: "formula", formula: '="Total "&A6', expected: "Total Chief Constable" });
    const reserves = plan.sheets.find((s) => s.name === "Reserves");
    const forecastRow = reserves?.rowKeys["policy:forecast"] as number;
    const gf = cell("Reserves", `B${forecastRow}`)?.content;
    expect(gf?.kind === "formula" && String(gf.expected)).toBe("3571");
    const gfPct = cell("Reserves", `C${forecastRow}`)?.content;
    expect(gfPct?.kind === "formula" && (gfPct.expected as { toFixed(n: number): string }).toFixed(4)).toBe("0.0208");
    expect(cell("Capital", "F12")?.content).toMatchObject({ kind: "formula" });
    expect(String((cell("Capital", "I12")?.content as { expected: unknown }).expected)).toBe("936");
    expect(String((cell("Capital", "H12")?.content as { expected: unknown }).expected)).toBe("4701");
  });

  test("inputs are typed values, not formulas; blanks stay blank", () => {
    expect(planCell(plan, "Revenue", "C7")).toMatchObject({ input: true, style: "input", content: { kind: "amount" } });
    expect(planCell(plan, "Capital", "B15")).toMatchObject({ input: true, content: { kind: "blank" } });
    expect(planCell(plan, "Revenue", "J7")?.content).toMatchObject({ kind: "text" });
  });

  test("variance and its heading follow the sign convention", () => {
    const fmb = buildWorkbookPlan(seedModel((d) => { (d.settings as Record<string, unknown>).signConvention = "forecast-minus-budget"; }));
    expect(String((planCell(fmb, "Revenue", "F18")?.content as { expected: unknown }).expected)).toBe("2307");
    expect(planCell(fmb, "Revenue", "F4")?.content).toMatchObject({ expected: "Variance over / (under)" });
    expect(planCell(plan, "Revenue", "F4")?.content).toMatchObject({ expected: "Variance fav / (adverse)" });
  });

  test("sheet names other than the kinds' are quoted in formulas", () => {
    const p = buildWorkbookPlan(model, { names: { Revenue: "Revenue (2)" } });
    const refs = formulas(p).filter((f) => f.formula.includes("Revenue (2)"));
    expect(refs.length).toBeGreaterThan(3);
    for (const f of refs) expect(f.formula).toContain("'Revenue (2)'!$");
  });

  test("a blank template plans without figures", () => {
    const blank = blankPeriod({ organisation: "Wessex PCC", financialYear: "2025/26", period: "Q1", units: "£" });
    const p = buildWorkbookPlan(blank);
    expect(planCell(p, "Revenue", "C7")?.content.kind).toBe("blank");
    expect(planCell(p, "Revenue", "G18")?.content).toMatchObject({ kind: "formula", expected: "" });
  });
});

describe("reading a grid back", () => {
  const model = seedModel();
  const plan = buildWorkbookPlan(model);
  const sheet = (g: ReturnType<typeof gridFromPlan>, name: string) => g.sheets.find((s) => s.name === name) as MapGridSheet;
  const ids = (checks: Array<{ id: string; severity: string; where: string }>) => checks.map((c) => `${c.severity} ${c.id} ${c.where}`);

  test("gives back the same model, with no checks", () => {
    const read = readWorkbook(gridFromPlan(plan));
    expect(read.checks).toEqual([]);
    expect(modelJson(read.model)).toEqual(modelJson(model));
    expect(read.locate({ area: "revenue", row: "Net Budget", column: "variance" })).toBe("Revenue!F18");
    expect(read.locate({ area: "reserves", row: "General Fund Balance", column: "forecastClosing" })).toBe("Reserves!F18");
  });

  test("round-trips random periods exactly", () => {
    fc.assert(fc.property(period, (m) => {
      const read = readWorkbook(gridFromPlan(buildWorkbookPlan(m)));
      expect(read.checks.filter((c) => c.severity !== "info")).toEqual([]);
      expect(modelJson(read.model)).toEqual(modelJson(m));
    }), { numRuns: 40 });
  });

  test("a formula overwritten by a typed number is an error naming the cell", () => {
    const g = gridFromPlan(plan);
    sheet(g, "Revenue").set(7, 6, { value: 2052, formula: null });
    const read = readWorkbook(g);
    expect(ids(read.checks)).toEqual(["error formula-overwritten Revenue!F7"]);
    expect(read.checks[0]?.message).toMatch(/overwritten with 2052/);
  });

  test("text in an amount cell is an error naming the cell and what to type", () => {
    const g = gridFromPlan(plan);
    sheet(g, "Revenue").set(8, 5, { value: "153,797", formula: null });
    sheet(g, "Capital").set(8, 2, { value: "abc", formula: null });
    const read = readWorkbook(g);
    const text = read.checks.filter((c) => c.id === "text-in-amount");
    expect(text.map((c) => c.where)).toEqual(["Revenue!E8", "Capital!B8"]);
    expect(text[0]?.message).toMatch(/holds the text "153,797".*Type 153797/);
    expect(text[1]?.message).toMatch(/Type a number such as 1234/);
  });

  test("an error value (#REF!) is reported at its cell", () => {
    const g = gridFromPlan(plan);
    sheet(g, "Revenue").set(8, 6, { value: { error: "#REF!" }, formula: "=C8-#REF!" });
    const read = readWorkbook(g);
    expect(ids(read.checks)).toEqual(["error formula-error Revenue!F8"]);
  });

  test("a formula changed to refer elsewhere is an error at that cell", () => {
    const g = gridFromPlan(plan);
    sheet(g, "Revenue").set(7, 6, { value: 0, formula: "=C7-C7" });
    const read = readWorkbook(g);
    expect(ids(read.checks)).toEqual(["error formula-changed Revenue!F7"]);
    expect(read.checks[0]?.message).toMatch(/shows 0, but the figures give 2052/);
  });

  test("a deleted sheet is an error, and the period cannot be read without it", () => {
    const g = gridFromPlan(plan);
    g.sheets = g.sheets.filter((s) => s.name !== "Capital");
    const read = readWorkbook(g);
    expect(read.model).toBeNull();
    expect(ids(read.checks)).toContain("error sheet-missing Capital");
  });

  test("a renamed sheet is found by its title and reported", () => {
    const g = gridFromPlan(plan);
    const res = sheet(g, "Reserves");
    (res as { name: string }).name = "Reserves old";
    const read = readWorkbook(g);
    expect(ids(read.checks)).toEqual(["warning sheet-renamed 'Reserves old'!A1"]);
    expect(modelJson(read.model)).toEqual(modelJson(model));
  });

  test("a row inserted inside a section is read as a new line", () => {
    // The workbook as Excel leaves it after the user inserts a row in the Chief Constable group and types a line:
    // the SUM ranges grew to include it, the row has no marker and no formulas.
    const withLine = seedModel((d) => {
      const groups = (d.revenue as { groups: Array<{ lines: unknown[] }> }).groups;
      groups[0]?.lines.splice(2, 0, { name: "Seized assets", ref: null, originalBudget: 0, revisedBudget: 10, actualToDate: 5, forecastOutturn: 12, commentary: null });
    });
    const g = gridFromPlan(buildWorkbookPlan(withLine));
    const rev = sheet(g, "Revenue");
    for (const col of [6, 7, 8, 11]) rev.delete(9, col);
    const read = readWorkbook(g);
    expect(read.model?.revenue.groups[0]?.lines.map((l) => l.name)).toEqual(["Income", "Pay & Employment costs", "Seized assets", "Overheads", "Capital Financing"]);
    expect(ids(read.checks)).toEqual(["warning formula-missing Revenue!F9", "warning formula-missing Revenue!G9", "warning formula-missing Revenue!H9"]);
    expect(read.checks[0]?.message).toMatch(/line you inserted/);
    expect(reportOf(read.model!)).toEqual(reportOf(withLine));
  });

  test("a total's SUM that leaves out a line is an error at the total", () => {
    const g = gridFromPlan(plan);
    const rev = sheet(g, "Revenue");
    rev.set(11, 2, { value: 169191 - 6030, formula: "=SUM(B6:B9)" });
    // What the spreadsheet then shows downstream; those formulas are right, so only the total is reported.
    rev.set(15, 2, { value: 172458 - 6030, formula: "=B11+B14" });
    rev.set(18, 2, { value: 171876 - 6030, formula: "=B15+SUM(B16:B17)" });
    const read = readWorkbook(g);
    expect(ids(read.checks)).toEqual(["error sum-range Revenue!B11"]);
    expect(read.checks[0]?.message).toMatch(/leaves out row 10 \("Capital Financing"\).*SUM\(B6:B10\)/);
  });

  test("a line moved below its total is an error", () => {
    const g = gridFromPlan(plan);
    const rev = sheet(g, "Revenue");
    rev.set(19, 1, { value: "Moved line", formula: null });
    rev.set(19, 3, { value: 100, formula: null });
    rev.set(19, 11, { value: "line", formula: null });
    const read = readWorkbook(g);
    expect(ids(read.checks)).toEqual(["error line-outside-section Revenue!A19"]);
  });

  test("a setting that is not one of its choices is an error and stops the read", () => {
    const g = gridFromPlan(plan);
    const settings = plan.sheets.find((s) => s.name === "Settings");
    const row = settings?.rowKeys["set:signConvention"] as number;
    sheet(g, "Settings").set(row, 2, { value: "sideways", formula: null });
    const read = readWorkbook(g);
    expect(read.model).toBeNull();
    expect(ids(read.checks)).toContain(`error bad-choice Settings!B${row}`);
  });

  test("a sheet whose marker column was cleared cannot be read", () => {
    const g = gridFromPlan(plan);
    const sav = sheet(g, "Savings");
    for (let row = 1; row <= sav.maxRow; row++) sav.delete(row, 13);
    const read = readWorkbook(g);
    expect(read.model).toBeNull();
    expect(ids(read.checks)).toContain("error sheet-layout Savings!A1");
  });

  test("user text starting with =, + or @ is planned as text and read back as text", () => {
    const m = seedModel((d) => {
      const line = (d.revenue as { groups: Array<{ lines: Array<Record<string, unknown>> }> }).groups[0]?.lines[0] as Record<string, unknown>;
      line.name = "=cmd|' /C calc'!A0";
      line.ref = "+44";
      line.commentary = "@risk: =SUM(A1:A2)";
    });
    const p = buildWorkbookPlan(m);
    expect(planCell(p, "Revenue", "A7")?.content).toEqual({ kind: "text", text: "=cmd|' /C calc'!A0" });
    expect(planCell(p, "Revenue", "I7")?.content).toEqual({ kind: "text", text: "+44" });
    const read = readWorkbook(gridFromPlan(p));
    expect(read.model?.revenue.groups[0]?.lines[0]).toMatchObject({ name: "=cmd|' /C calc'!A0", ref: "+44", commentary: "@risk: =SUM(A1:A2)" });
  });

  test("the position read back equals the position of the model", () => {
    const read = readWorkbook(gridFromPlan(plan));
    expect(reportOf(read.model!)).toEqual(reportOf(model));
    expect(computePosition(read.model!).checks.length).toBe(computePosition(model).checks.length);
  });

  test("addresses parse", () => {
    expect(parseA1("$AB$12")).toEqual({ row: 12, col: 28 });
  });
});
