/**
 * Integrity checks on workbooks a user has damaged (edited with ExcelJS, then recalculated in LibreOffice as a
 * spreadsheet would): each is reported at its sheet and cell, through the reader and through `outturn report`.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import { recalculateManyXlsx, sofficeAvailable } from "../support/libreoffice";
import { runCli } from "../support/cli";
import { type WorkbookReadResult, readWorkbook } from "../../src/plans/read";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { writeWorkbookFile } from "../../src/xlsx/write";
import { readGridFile } from "../../src/xlsx/read";
import { reportOf, seedModel } from "../plans/support";
import { describeWithEngines } from "../support/engines";
import { computePosition } from "../../src/engine/position";

const describeIfSoffice = describeWithEngines({ LibreOffice: sofficeAvailable() });

type Edit = (wb: ExcelJS.Workbook) => void;
const ws = (wb: ExcelJS.Workbook, name: string) => wb.getWorksheet(name) as ExcelJS.Worksheet;

const withNewLine = () => seedModel((d) => {
  (d.revenue as { groups: Array<{ lines: unknown[] }> }).groups[0]?.lines.splice(2, 0,
    { name: "Seized assets", ref: null, originalBudget: 0, revisedBudget: 10, actualToDate: 5, forecastOutturn: 12, commentary: null });
});

const CASES: Record<string, { base?: () => ReturnType<typeof seedModel>; edit: Edit }> = {
  "typed-number": { edit: (wb) => { ws(wb, "Revenue").getCell("F7").value = 2052; } },
  "text-with-commas": { edit: (wb) => { ws(wb, "Revenue").getCell("E8").value = "153,797"; } },
  "text-abc": { edit: (wb) => { ws(wb, "Capital").getCell("B8").value = "abc"; } },
  "ref-error": { edit: (wb) => { ws(wb, "Revenue").getCell("F8").value = { formula: "C8-#REF!" } as ExcelJS.CellFormulaValue; } },
  "short-sum": { edit: (wb) => { ws(wb, "Revenue").getCell("B11").value = { formula: "SUM(B6:B9)" } as ExcelJS.CellFormulaValue; } },
  "deleted-capital": { edit: (wb) => { wb.removeWorksheet(ws(wb, "Capital").id); } },
  "deleted-history": { edit: (wb) => { wb.removeWorksheet(ws(wb, "Period history").id); } },
  // As Excel leaves a row the user inserted inside the Chief Constable group: in the SUMs, no marker, no formulas.
  "inserted-line": { base: withNewLine, edit: (wb) => { for (const a of ["F9", "G9", "H9", "K9"]) ws(wb, "Revenue").getCell(a).value = null; } },
};

describeIfSoffice("a damaged workbook", () => {
  let dir: string;
  const files = new Map<string, string>();
  const reads = new Map<string, WorkbookReadResult>();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "outturn-integrity-"));
    for (const [name, c] of Object.entries(CASES)) {
      const original = path.join(dir, `${name}-original.xlsx`);
      await writeWorkbookFile(buildWorkbookPlan((c.base ?? seedModel)()), original);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(original);
      c.edit(wb);
      const edited = path.join(dir, "edited", `${name}.xlsx`);
      fs.mkdirSync(path.dirname(edited), { recursive: true });
      await wb.xlsx.writeFile(edited);
      files.set(name, edited);
    }
    // One LibreOffice start for all the damaged workbooks.
    const recalculated = await recalculateManyXlsx([...files.values()], path.join(dir, "recalculated"));
    for (const [i, name] of [...files.keys()].entries()) {
      files.set(name, recalculated[i] as string);
      reads.set(name, readWorkbook(await readGridFile(recalculated[i] as string)));
    }
  }, 180_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const summary = (name: string) => reads.get(name)!.checks.map((c) => `${c.severity} ${c.id} ${c.where}`);

  test("a formula replaced by a typed number is an error at its cell", () => {
    expect(summary("typed-number")).toEqual(["error formula-overwritten Revenue!F7"]);
  });

  test("text in an amount cell is an error naming the cell and what to type", () => {
    expect(summary("text-with-commas")).toEqual(["error text-in-amount Revenue!E8"]);
    expect(reads.get("text-with-commas")!.checks[0]!.message).toMatch(/holds the text "153,797", not a number.*Type 153797/);
    expect(summary("text-abc")).toEqual(["error text-in-amount Capital!B8"]);
  });

  test("the Summary shows no RAG this period, but says to check the errors, while an amount cell holds text", async () => {
    const summary = (await readGridFile(files.get("text-with-commas")!)).sheets.find((s) => s.name === "Summary")!;
    const rag = [5, 6, 7, 8].map((row) => summary.get(row, 2)?.value);
    expect(rag).toEqual(["check the errors", "check the errors", "check the errors", "check the errors"]);
    expect(String(summary.get(9, 1)?.value)).toMatch(/An amount cell holds text or an error \(1 in all\)/);
    const clean = (await readGridFile(files.get("typed-number")!)).sheets.find((s) => s.name === "Summary")!;
    const { rag: r } = computePosition(seedModel());
    expect([5, 6, 7, 8].map((row) => clean.get(row, 2)?.value)).toEqual([r.revenue, r.capital, r.reserves, r.savings]);
    expect(clean.get(9, 1)?.value ?? "").toBe("");
  });

  test("a #REF! is an error at the cell showing it", () => {
    expect(summary("ref-error")).toContain("error formula-error Revenue!F8");
    expect(summary("ref-error").every((s) => s.startsWith("error formula-error Revenue!"))).toBe(true);
  });

  test("a total whose SUM leaves out a line is an error at the total, not at every cell downstream", () => {
    expect(summary("short-sum")).toEqual(["error sum-range Revenue!B11"]);
  });

  test("a deleted template sheet is an error; without Capital the period cannot be read", () => {
    expect(reads.get("deleted-capital")!.model).toBeNull();
    expect(summary("deleted-capital")).toContain("error sheet-missing Capital");
    const history = reads.get("deleted-history")!;
    expect(history.model).not.toBeNull();
    expect(summary("deleted-history")[0]).toBe("error sheet-missing Period history");
    expect(summary("deleted-history").slice(1).every((s) => s.startsWith("error formula-error Summary!"))).toBe(true);
  });

  test("a row inserted inside a section is read as a new line, with a warning for its missing formulas", () => {
    const read = reads.get("inserted-line")!;
    expect(summary("inserted-line")).toEqual(["warning formula-missing Revenue!F9", "warning formula-missing Revenue!G9", "warning formula-missing Revenue!H9"]);
    expect(reportOf(read.model!)).toEqual(reportOf(withNewLine()));
  });

  test("outturn report names the damaged cell, and refuses a workbook it cannot read without a stack trace", () => {
    const r = runCli(["report", files.get("typed-number")!, "--json"]);
    expect(r.status).toBe(2); // computed with errors (issue 9: exit codes 0 clean, 1 refused, 2 with errors)
    expect(JSON.parse(r.stdout).complete).toBe(false);
    const checks = JSON.parse(r.stdout).checks as Array<{ id: string; severity: string; where: string }>;
    expect(checks[0]).toMatchObject({ id: "formula-overwritten", severity: "error", where: "Revenue!F7" });
    const bad = runCli(["report", files.get("deleted-capital")!]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toMatch(/cannot be read as a monitoring period:\n- Capital: The Capital sheet is missing/);
    expect(bad.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
