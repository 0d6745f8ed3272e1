/**
 * Locked formulas in the .xlsx files Outturn writes (issue 15): every sheet protected, every formula, label and
 * marker cell locked and every input unlocked (the same cells the add-in locks: src/plans/protection.ts), without a
 * password unless the user gives one, which is kept only as Excel's salted hash, never as text.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { writeWorkbookFile } from "../../src/xlsx/write";
import { seedModel } from "../plans/support";

const dir = mkdtempSync(join(tmpdir(), "outturn-protect-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function written(password?: string) {
  const plan = buildWorkbookPlan(seedModel());
  const file = join(dir, `${password ?? "none"}.xlsx`);
  await writeWorkbookFile(plan, file, { password });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return { plan, wb, bytes: readFileSync(file) };
}

type Protected = ExcelJS.Worksheet & { sheetProtection?: { sheet?: boolean; hashValue?: string; insertRows?: boolean; objects?: boolean } };

describe("the .xlsx writer protects the templates", () => {
  test("every sheet protected; formulas and labels locked, inputs unlocked; rows may be inserted", async () => {
    const { plan, wb } = await written();
    for (const sp of plan.sheets) {
      const ws = wb.getWorksheet(sp.name) as Protected;
      expect([sp.name, ws.sheetProtection?.sheet]).toEqual([sp.name, true]);
      expect(ws.sheetProtection?.hashValue).toBeUndefined();
      const wrong = sp.cells.filter((c) => (ws.getCell(c.address).protection?.locked !== false) !== (!c.input || sp.kind === "History"));
      expect(wrong.map((c) => `${sp.name}!${c.address}`)).toEqual([]);
    }
    const revenue = plan.sheets.find((s) => s.kind === "Revenue")!;
    expect(revenue.cells.filter((c) => c.content.kind === "formula").length).toBeGreaterThan(20);
    expect(revenue.cells.filter((c) => c.input).length).toBeGreaterThan(20);
    // Inserting rows stays allowed on the templates (a line added inside a section), not on the Period history.
    expect((wb.getWorksheet("Revenue") as Protected).sheetProtection?.insertRows).toBe(true);
    expect((wb.getWorksheet("Period history") as Protected).sheetProtection?.insertRows).toBeUndefined();
  });

  test("with the user's password: a salted hash in the file, never the password itself", async () => {
    const { wb, bytes } = await written("Board-2024!");
    expect((wb.getWorksheet("Revenue") as Protected).sheetProtection?.hashValue).toMatch(/^[A-Za-z0-9+/=]{40,}$/);
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(bytes);
    for (const name of Object.keys(zip.files)) expect([name, (await zip.file(name)?.async("string"))?.includes("Board-2024!")]).toEqual([name, false]);
  });
});
