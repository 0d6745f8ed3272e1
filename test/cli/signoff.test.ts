/**
 * `outturn signoff` (issue 15): the treasurer then the board sign the workbook; a cell changed afterwards (in the file,
 * as Excel or LibreOffice would save it) is listed, exactly, by `report` and `report --json`; the file is replaced
 * atomically and never when the sign-off is refused.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import { runCli } from "../support/cli";
import { describeWithEngines } from "../support/engines";
import { recalculateXlsx, sofficeAvailable } from "../support/libreoffice";

const dir = mkdtempSync(join(tmpdir(), "outturn-signoff-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The worked example's workbook, written by `outturn workbook` once; each test signs its own copy of the file. */
let written: string | null = null;
function workbook(name: string): string {
  if (!written) {
    written = join(dir, "written.xlsx");
    expect(runCli(["workbook", "seeds/q2-2024-25.json", "--out", written]).status).toBe(0);
  }
  const out = join(dir, name);
  copyFileSync(written, out);
  return out;
}

interface SignoffJson { state: string; fingerprint: string; records: Array<{ role: string; name: string; fingerprint: string }>; changes: Array<{ where: string | null; before: string; after: string }> }
/** The report's JSON; exit code 0, or 2 where a change breaks the worked example's control totals (as it should). */
function reportJson(file: string, status = 0): { signoff?: SignoffJson; checks: Array<{ id: string; where: string }> } {
  const r = runCli(["report", file, "--json"]);
  expect(r.status).toBe(status);
  return JSON.parse(r.stdout) as { signoff?: SignoffJson; checks: Array<{ id: string; where: string }> };
}

async function setCell(file: string, sheet: string, address: string, value: number | string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.getWorksheet(sheet)!.getCell(address).value = value;
  await wb.xlsx.writeFile(file);
}

test("the board cannot sign first; nothing is written when refused", () => {
  const file = workbook("board-first.xlsx");
  const before = readFileSync(file);
  const r = runCli(["signoff", file, "--name", "Simon Bullock", "--role", "board"]);
  expect(r.status).toBe(1);
  expect(r.stderr).toContain("the treasurer signs off these figures first, then the board");
  expect(readFileSync(file).equals(before)).toBe(true);
  expect(runCli(["signoff", file, "--role", "treasurer"]).stderr).toContain("say who is signing off with --name");
  expect(runCli(["signoff", file, "--name", "X", "--role", "auditor"]).stderr).toContain('--role is "auditor"');
  expect(runCli(["signoff", "seeds/q2-2024-25.json", "--name", "X", "--role", "treasurer"]).stderr).toContain("give an Outturn workbook ending .xlsx");
});

test("sign-off, then one changed input: report lists exactly that cell, in text and JSON", async () => {
  const file = workbook("signed.xlsx");
  expect(reportJson(file).signoff).toBeUndefined();
  const t = runCli(["signoff", file, "--name", "Julie Strange", "--role", "treasurer"]);
  expect(t.status).toBe(0);
  expect(t.stdout).toMatch(/^Signed off .*signed\.xlsx: Treasurer Julie Strange at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ, fingerprint [0-9a-f]{64}\./);
  expect(runCli(["signoff", file, "--name", "Simon Bullock", "--role", "board"]).status).toBe(0);
  const signed = reportJson(file).signoff!;
  expect(signed.state).toBe("signed");
  expect(signed.records.map((r) => [r.role, r.name])).toEqual([["Treasurer", "Julie Strange"], ["Board", "Simon Bullock"]]);
  expect(new Set(signed.records.map((r) => r.fingerprint))).toEqual(new Set([signed.fingerprint]));
  // The sheet is protected, in the file.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect((wb.getWorksheet("Sign-off") as unknown as { sheetProtection: { sheet: boolean } | null }).sheetProtection?.sheet).toBe(true);

  await setCell(file, "Revenue", "E8", 153_900);
  // The worked example has control totals: the changed line no longer adds up to them, so the period has errors (exit 2).
  const changed = reportJson(file, 2);
  expect(changed.signoff?.state).toBe("changed");
  expect(changed.signoff?.changes.map((c) => [c.where, c.after])).toEqual([["Revenue!E8", "153900"]]);
  expect(changed.checks.filter((c) => c.id === "changed-since-signoff").map((c) => c.where)).toEqual(["Revenue!E8"]);
  const text = runCli(["report", file]);
  expect(text.stdout).toMatch(/^FIGURES INCOMPLETE/);
  const lines = text.stdout.split("\n");
  const at = lines.findIndex((l) => l.startsWith("Sign-off: "));
  expect(at).toBeGreaterThan(0);
  expect(lines.slice(at, at + 2)).toEqual([
    expect.stringMatching(/^Sign-off: CHANGED SINCE SIGN-OFF: 1 input\(s\) changed since Board Simon Bullock, /),
    expect.stringMatching(/^ {2}Revenue!E8 {2}Revenue, Pay & Employment costs, forecast outturn: \d+ -> 153900$/),
  ]);
  // Figures with errors are not signed off.
  const refused = runCli(["signoff", file, "--name", "Julie Strange", "--role", "treasurer"]);
  expect([refused.status, refused.stderr]).toEqual([1, expect.stringContaining("error(s), so its figures are incomplete")]);
  // Commentary changed (no figure depends on it): the changed figures are signed off afresh, the treasurer first.
  await setCell(file, "Revenue", "E8", 153_797);
  await setCell(file, "Revenue", "J9", "Overtime for Operation X");
  expect(reportJson(file).signoff?.changes.map((c) => [c.where, c.after])).toEqual([["Revenue!J9", "Overtime for Operation X"]]);
  expect(runCli(["signoff", file, "--name", "Simon Bullock", "--role", "board"]).status).toBe(1);
  expect(runCli(["signoff", file, "--name", "Julie Strange", "--role", "treasurer"]).status).toBe(0);
  expect(reportJson(file).signoff?.state).toBe("signed");
});

test("a workbook regenerated from a signed one keeps its sign-off", () => {
  const file = workbook("carried.xlsx");
  expect(runCli(["signoff", file, "--name", "Julie Strange", "--role", "treasurer"]).status).toBe(0);
  const again = join(dir, "carried-again.xlsx");
  const r = runCli(["workbook", file, "--out", again]);
  expect(r.stderr).toBe("");
  expect(reportJson(again).signoff?.state).toBe("signed");
});

describeWithEngines({ LibreOffice: sofficeAvailable() })("in LibreOffice", () => {
  test("a signed workbook saved by LibreOffice is still signed: the kept inputs survive a real spreadsheet", async () => {
    const file = workbook("lo.xlsx");
    expect(runCli(["signoff", file, "--name", "Julie Strange", "--role", "treasurer"]).status).toBe(0);
    const saved = await recalculateXlsx(file, join(dir, "lo-out"));
    expect(statSync(saved).size).toBeGreaterThan(0);
    expect(reportJson(saved).signoff?.state).toBe("signed");
  });
});

test("the Summary says who signed off, and the tabs keep their order with Sign-off last", async () => {
  const file = workbook("summary.xlsx");
  expect(runCli(["signoff", file, "--name", "Julie Strange", "--role", "treasurer"]).status).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Summary", "Revenue", "Capital", "Reserves", "Savings", "Profiles", "Period history", "Settings", "Slides", "Sign-off"]);
  const summary = wb.getWorksheet("Summary")!;
  const rows: string[] = [];
  summary.eachRow((row) => { if (row.getCell(5).value === "signoff-status") rows.push(String(row.getCell(2).value)); });
  expect(rows).toEqual([expect.stringMatching(/^Signed off: Treasurer Julie Strange, \d{4}-\d\d-\d\d \d\d:\d\d UTC \(fingerprint [0-9a-f]{12}\)\.$/)]);
});

test("workbook --actions adds the Actions sheet; report then says which Red items have no open action", () => {
  const out = join(dir, "actions.xlsx");
  expect(runCli(["workbook", "seeds/q2-2024-25.json", "--out", out, "--actions"]).stdout).toContain("Slides, Actions.");
  const missing = reportJson(out).checks.filter((c) => c.id === "action-missing");
  expect(missing.map((c) => c.where)).toContain(missing.find((c) => c.where.startsWith("Reserves!"))?.where);
  expect(missing.length).toBeGreaterThan(1);
});
