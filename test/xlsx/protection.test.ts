/**
 * Locked formulas in the .xlsx files Outturn writes (issue 15): every sheet protected, every formula, label and
 * marker cell locked and every input unlocked (the same cells the add-in locks: src/plans/protection.ts), without a
 * password unless the user gives one, which is kept only as Excel's salted hash, never as text.
 */
import { createHash } from "node:crypto";
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

interface SheetProtection { sheet?: boolean; hashValue?: string; saltValue?: string; spinCount?: number; algorithmName?: string; insertRows?: boolean; objects?: boolean }
type Protected = ExcelJS.Worksheet & { sheetProtection?: SheetProtection };

const excelHashOf = (ws: Protected) => {
  const { algorithmName, saltValue, spinCount, hashValue } = ws.sheetProtection ?? {};
  return { algorithmName, saltValue, spinCount, hashValue };
};

/**
 * The hash Excel compares a typed password with (ECMA-376 Part 4, 14.7.1 sheetProtection's hashValue; MS-OFFCRYPTO
 * 2.3.7.1): SHA-512 of the salt and the password in UTF-16LE, then spinCount rounds of SHA-512 of the last hash and
 * the round's number (4 bytes, little-endian). Written here from the specification, not with ExcelJS's code.
 */
function excelPasswordHash(password: string, p: SheetProtection): string {
  expect(p.algorithmName).toBe("SHA-512");
  let hash = createHash("sha512").update(Buffer.from(p.saltValue!, "base64")).update(Buffer.from(password, "utf16le")).digest();
  const round = Buffer.alloc(4);
  for (let i = 0; i < p.spinCount!; i++) {
    round.writeUInt32LE(i, 0);
    hash = createHash("sha512").update(hash).update(round).digest();
  }
  return hash.toString("base64");
}

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
    // Every sheet holds the password's hash as Excel checks it (worked out once for the file, given to each sheet).
    const hashes = new Set(wb.worksheets.map((ws) => JSON.stringify(excelHashOf(ws as Protected))));
    expect(hashes.size).toBe(1);
    const [only] = wb.worksheets as Protected[];
    expect(excelPasswordHash("Board-2024!", only!.sheetProtection!)).toBe(only!.sheetProtection!.hashValue);
    expect(excelPasswordHash("board-2024!", only!.sheetProtection!)).not.toBe(only!.sheetProtection!.hashValue);
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(bytes);
    for (const name of Object.keys(zip.files)) expect([name, (await zip.file(name)?.async("string"))?.includes("Board-2024!")]).toEqual([name, false]);
  });
});
