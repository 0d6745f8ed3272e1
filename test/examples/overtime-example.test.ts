/**
 * The overtime worked example (issue 14): Cambridgeshire Police Authority's police officer overtime to the end of
 * August 2009/10 (seeds/cambridgeshire-pa-2009-10-m05-overtime*). Every figure in the figures file's "Published
 * figures reproduced" table comes out of `outturn report --json`, run on the seed and on the workbook Outturn writes
 * for it after LibreOffice recalculated every formula.
 *
 * The seed's main overtime line takes its budget and forecast from the Revenue line "Police officer overtime": the
 * Workforce sheet's cells are references to the Revenue sheet's. LibreOffice proves it: with the Revenue line's
 * budget and forecast changed (and nothing else), the Workforce sheet's figures follow; with the Workforce cell typed
 * over, reading the workbook warns and uses the Revenue line's figure.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import { D } from "../../src/model/amount";
import { parseMonitoringJson } from "../../src/model/load";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { readWorkbook } from "../../src/plans/read";
import type { Grid } from "../../src/plans/grid";
import type { WorkbookPlan } from "../../src/plans/types";
import { OVERTIME_COLS } from "../../src/plans/sheets/workforce/markers";
import { REVENUE_COLS } from "../../src/plans/sheets/revenue/markers";
import { computePosition } from "../../src/engine/position";
import { reportJson } from "../../src/report/json";
import { toJsonText } from "../../src/model/json-text";
import { writeWorkbookFile } from "../../src/xlsx/write";
import { readGridFile } from "../../src/xlsx/read";
import { ROOT } from "../support/cli";
import { describeWithEngines } from "../support/engines";
import { fieldAt, publishedRows, reportJsonOf } from "./published-figures";
import { recalculateManyXlsx, sofficeAvailable } from "../support/libreoffice";
import { formulaMismatches } from "../xlsx/support";

const SEED = path.join(ROOT, "seeds", "cambridgeshire-pa-2009-10-m05-overtime.json");
const FIGURES = fs.readFileSync(path.join(ROOT, "seeds", "cambridgeshire-pa-2009-10-m05-overtime-figures.md"), "utf8");

/** The figures file's table rows: [figure, published, field, value, allowance]. */
const published = () => publishedRows(FIGURES) as Array<[string, string, string, string, string]>;

/** Each published figure, as [figure, true when the value is within the allowance]. */
function reproduced(json: unknown): Array<[string, string, boolean]> {
  return published().map(([figure, , field, value, allowance]) => {
    const got = fieldAt(json, field);
    const ok = typeof got === "number" && new D(got).minus(value).abs().lessThanOrEqualTo(allowance || 0);
    return [figure, String(got), ok];
  });
}

describeWithEngines({ LibreOffice: sofficeAvailable() })("the Cambridgeshire 2009/10 overtime worked example", () => {
  let dir: string;
  let plan: WorkbookPlan;
  const grids = new Map<string, Grid>();
  let recalculated = "";
  let rows: { revenue: number; overtime: number };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "outturn-ot-example-"));
    plan = buildWorkbookPlan(parseMonitoringJson(fs.readFileSync(SEED, "utf8")));
    rows = {
      revenue: plan.sheets.find((s) => s.kind === "Revenue")!.rowKeys["line:0:0"]!,
      overtime: plan.sheets.find((s) => s.kind === "Workforce")!.rowKeys["overtime:0"]!,
    };
    const written = path.join(dir, "as-written.xlsx");
    await writeWorkbookFile(plan, written);
    // Two edits a user could make, saved by ExcelJS with the formulas as they were (LibreOffice recalculates on load).
    const edited = async (name: string, edit: (book: ExcelJS.Workbook) => void) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(written);
      edit(book);
      const file = path.join(dir, `${name}.xlsx`);
      await book.xlsx.writeFile(file);
      return file;
    };
    const revenueChanged = await edited("revenue-changed", (book) => {
      book.getWorksheet("Revenue")!.getCell(`${REVENUE_COLS.revisedBudget}${rows.revenue}`).value = 3_100_000;
      book.getWorksheet("Revenue")!.getCell(`${REVENUE_COLS.forecastOutturn}${rows.revenue}`).value = 3_500_000;
    });
    const typedOver = await edited("typed-over", (book) => {
      book.getWorksheet("Workforce")!.getCell(`${OVERTIME_COLS.budget}${rows.overtime}`).value = 2_900_000;
    });
    const out = await recalculateManyXlsx([written, revenueChanged, typedOver], path.join(dir, "recalculated"));
    recalculated = out[0] as string;
    for (const [i, name] of ["as-written", "revenue-changed", "typed-over"].entries()) grids.set(name, await readGridFile(out[i] as string));
  }, 180_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("has a table of published figures to reproduce", () => {
    expect(published().length).toBeGreaterThanOrEqual(10);
  });

  it.each([["the seed"], ["the workbook recalculated by LibreOffice"]])("reproduces every published figure from %s through report --json", (from) => {
    const json = reportJsonOf(from === "the seed" ? SEED : recalculated);
    expect(json.complete).toBe(true);
    for (const [figure, got, ok] of reproduced(json)) expect([figure, got, ok]).toEqual([figure, got, true]);
  });

  it("has every formula of the recalculated workbook equal to the engine's value", () => {
    expect(formulaMismatches(plan, grids.get("as-written")!)).toEqual([]);
  });

  it("has the linked overtime budget and forecast as references to the Revenue line's cells", () => {
    const sheet = grids.get("as-written")!.sheets.find((s) => s.name === "Workforce")!;
    const budget = sheet.get(rows.overtime, 3), forecast = sheet.get(rows.overtime, 5);
    expect(budget?.formula?.replace(/^=/, "")).toBe(`Revenue!$${REVENUE_COLS.revisedBudget}$${rows.revenue}`);
    expect(forecast?.formula?.replace(/^=/, "")).toBe(`Revenue!$${REVENUE_COLS.forecastOutturn}$${rows.revenue}`);
    expect([budget?.value, forecast?.value]).toEqual([3_000_000, 3_420_000]);
  });

  it("follows a change of the Revenue line: the Workforce sheet's budget and forecast move with it, and read back without a warning", () => {
    const grid = grids.get("revenue-changed")!;
    const sheet = grid.sheets.find((s) => s.name === "Workforce")!;
    expect([sheet.get(rows.overtime, 3)?.value, sheet.get(rows.overtime, 5)?.value]).toEqual([3_100_000, 3_500_000]);
    const read = readWorkbook(grid);
    const position = computePosition(read.model!);
    expect([...read.checks, ...position.checks].filter((c) => c.severity === "error" || c.id.startsWith("overtime-link")).map((c) => `${c.id} ${c.where}`)).toEqual([]);
    const json = JSON.parse(toJsonText(reportJson(position))) as { workforce: { overtime: { byGroup: Array<Record<string, number>> } } };
    const officers = json.workforce.overtime.byGroup[0]!;
    expect([officers.budget, officers.forecast, officers.variance]).toEqual([3_100_000, 3_500_000, 400_000]);
  });

  it("warns when the reference is typed over, and uses the Revenue line's figure", () => {
    const read = readWorkbook(grids.get("typed-over")!);
    const position = computePosition(read.model!);
    const link = position.checks.filter((c) => c.id === "overtime-link-copy");
    expect(link.map((c) => c.severity)).toEqual(["warning"]);
    expect(link[0]!.message).toContain("£2,900,000 typed, not the £3,000,000 of the Revenue line \"Police officer overtime\"");
    const json = JSON.parse(toJsonText(reportJson(position))) as { workforce: { overtime: { byGroup: Array<Record<string, number>> } } };
    expect(json.workforce.overtime.byGroup[0]!.budget).toBe(3_000_000);
  });
});
