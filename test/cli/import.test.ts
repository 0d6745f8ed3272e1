/**
 * outturn import end to end, as a user runs it: the worked example's ledger into a blank period gives the published
 * report, in JSON and in a workbook recalculated by LibreOffice; a dry run writes nothing; the --into file is never
 * written; an existing --out is kept without --force; a bad profile is named in words.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, runCli } from "../support/cli";
import { recalculateXlsx, sofficeAvailable } from "../support/libreoffice";

const FIX = join(ROOT, "test", "ledger", "fixtures");
const dir = mkdtempSync(join(tmpdir(), "outturn-import-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The worked example with the actual to date of every line the mapping writes left blank.
const doc = JSON.parse(readFileSync(join(ROOT, "seeds", "q2-2024-25.json"), "utf8"));
for (const g of doc.revenue.groups) for (const l of g.lines) l.actualToDate = null;
for (const l of [...doc.revenue.transfers, ...doc.capital.lines.slice(0, 4), doc.capital.financing[1], doc.capital.financing[3], doc.capital.financing[4]]) l.actualToDate = null;
const blank = join(dir, "blank.json");
writeFileSync(blank, JSON.stringify(doc, null, 2));

const importArgs = (ledger: string, profile: string, into: string, ...more: string[]) =>
  ["import", join(FIX, ledger), "--profile", join(FIX, `${profile}.profile.json`), "--mapping", join(FIX, profile === "nasty" ? "nasty-mapping.json" : "dorset-mapping.json"), "--into", into, ...more];

const published = JSON.parse(runCli(["report", join(ROOT, "seeds", "q2-2024-25.json"), "--json"]).stdout);

test("into a blank period JSON: the published report, exactly; re-importing changes nothing", () => {
  const out = join(dir, "imported.json");
  const r = runCli(importArgs("dorset-q2-agresso.csv", "agresso", blank, "--out", out));
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/Cells that change \(13; 0 already as imported\)/);
  expect(r.stdout).toMatch(/Chief Constable > Income, actual to date: – → -14060 {2}\(-£14,059,[0-9]{3}\.[0-9]{2}; revenue\.groups\[0\]\.lines\[0\]\)/);
  expect(r.stdout).toMatch(/Wrote .*imported\.json: 13 cell\(s\) changed; .*blank\.json is as it was/);
  expect(JSON.parse(runCli(["report", out, "--json"]).stdout)).toEqual(published);
  const again = runCli(importArgs("dorset-q2-agresso.csv", "agresso", out, "--json"));
  expect(again.status).toBe(0);
  const json = JSON.parse(again.stdout);
  expect(json.changes).toEqual([]);
  expect(json.unchanged).toBe(13);
  expect(json.written).toBeNull();
});

const describeIfSoffice = sofficeAvailable() ? describe : describe.skip;
describeIfSoffice("into a workbook", () => {
  test("the imported workbook, recalculated by LibreOffice, reads back as the published report", async () => {
    const book = join(dir, "blank.xlsx");
    // A period with blank actuals is written with those cells flagged (exit code 2): what a new month looks like.
    expect(runCli(["workbook", blank, "--out", book]).status).toBe(2);
    const out = join(dir, "imported.xlsx");
    const r = runCli(importArgs("dorset-q2-oracle.csv", "oracle", book, "--out", out));
    expect(r.status).toBe(0);
    const recalculated = await recalculateXlsx(out, join(dir, "recalculated"));
    const report = JSON.parse(runCli(["report", recalculated, "--json"]).stdout);
    expect(report.lines).toEqual(published.lines);
    expect(report.revenue).toEqual(published.revenue);
  }, 120_000);
});

test("a dry run prints the preview and writes nothing; the --into file is never written", () => {
  const out = join(dir, "dry.json");
  const before = statSync(blank).mtimeMs;
  const r = runCli(importArgs("nasty-civica.csv", "nasty", blank, "--out", out, "--dry-run"));
  expect(r.status).toBe(2);
  expect(existsSync(out)).toBe(false);
  expect(statSync(blank).mtimeMs).toBe(before);
  expect(r.stdout).toMatch(/nasty-civica\.csv row 19, column "Amount": is "1\.234,56", written with a decimal comma/);
  expect(r.stdout).toMatch(/Unmapped codes \(3\), total £1,250\.00/);
  expect(r.stdout).toMatch(/Dry run: nothing written/);
  expect(r.stderr).toMatch(/29 row\(s\) rejected, 3 code\(s\) unmapped, the file's total disagrees/);
  const same = runCli(importArgs("dorset-q2-agresso.csv", "agresso", blank, "--out", blank, "--force"));
  expect(same.status).toBe(1);
  expect(same.stderr).toMatch(/is the file being read/);
});

test("an existing output is kept without --force", () => {
  const out = join(dir, "exists.json");
  writeFileSync(out, "mine");
  const r = runCli(importArgs("dorset-q2-agresso.csv", "agresso", blank, "--out", out));
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/already exists; Outturn does not replace a file unless asked/);
  expect(readFileSync(out, "utf8")).toBe("mine");
});

test("a bad profile and a mapping naming no line are refused in words", () => {
  const profile = join(dir, "bad.profile.json");
  writeFileSync(profile, JSON.stringify({ columns: { costCenter: "CC", amount: "Amount", debit: "Debit" }, signs: "credit-negative" }));
  const r = runCli(["import", join(FIX, "dorset-q2-agresso.csv"), "--profile", profile, "--mapping", join(FIX, "dorset-mapping.json"), "--into", blank]);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/bad\.profile\.json is not a usable import profile/);
  expect(r.stderr).toMatch(/signs: is "credit-negative"; it is one of "credits-negative", "credits-positive"/);
  expect(r.stderr).toMatch(/columns\.costCenter: is not a column Outturn reads/);
  expect(r.stderr).toMatch(/name either an amount column or debit and credit columns, not both/);
  const mapping = join(dir, "bad-mapping.json");
  writeFileSync(mapping, JSON.stringify({ rules: [{ account: "1*", line: "Overtime" }, { costCentre: "1010", line: "Capital > Helicopters" }] }));
  const m = runCli(["import", join(FIX, "dorset-q2-agresso.csv"), "--profile", join(FIX, "agresso.profile.json"), "--mapping", mapping, "--into", blank]);
  expect(m.status).toBe(1);
  expect(m.stderr).toMatch(/rule 1 \(account 1\* → Overtime\): "Overtime" is no line of the period/);
  expect(m.stderr).toMatch(/rule 2 \(cost centre 1010 → Capital > Helicopters\): "Capital > Helicopters" is no line of the period/);
});

test("the README's example in seeds/ledger imports into the worked example with no change and no problem", () => {
  const r = runCli(["import", "seeds/ledger/q2-2024-25-trial-balance.csv", "--profile", "seeds/ledger/profile.json", "--mapping", "seeds/ledger/mapping.json", "--into", "seeds/q2-2024-25.json"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/No cell changes \(13 already as imported\)/);
  expect(r.stdout).toMatch(/ok: The file's total actual \(row 36\)/);
});

describe("into a workbook keeping its own profile and mapping (the Ledger mapping sheet)", () => {
  /** The blank period as a workbook, with the agresso profile and the Dorset mapping kept on its Ledger mapping sheet. */
  async function workbookWithSetup(name: string, withSetup = true): Promise<string> {
    const [{ parseMonitoringJson }, { buildWorkbookPlan }, { writeWorkbookFile }, { profileFrom }, { mappingFrom }, { mappingSheet }] = await Promise.all([
      import("../../src/model/load"), import("../../src/plans/workbook"), import("../../src/xlsx/write"), import("../../src/ledger/profile"), import("../../src/ledger/mapping"),
      import("../../src/plans/sheets/mapping/layout"),
    ]);
    const model = parseMonitoringJson(readFileSync(blank, "utf8"), blank);
    const ledger = withSetup ? {
      profile: profileFrom(JSON.parse(readFileSync(join(FIX, "agresso.profile.json"), "utf8"))),
      rules: mappingFrom(JSON.parse(readFileSync(join(FIX, "dorset-mapping.json"), "utf8"))),
    } : null;
    const path = join(dir, name);
    const plan = buildWorkbookPlan(model);
    if (ledger) plan.sheets.push(mappingSheet("Ledger mapping", ledger));
    await writeWorkbookFile(plan, path);
    return path;
  }

  test("without --profile or --mapping the workbook's own are used, and the new workbook keeps them", async () => {
    const book = await workbookWithSetup("with-setup.xlsx");
    const out = join(dir, "with-setup-imported.xlsx");
    const r = runCli(["import", join(FIX, "dorset-q2-agresso.csv"), "--into", book, "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Cells that change \(13; 0 already as imported\)/);
    // The same file again into the result: nothing changes, read with the setup the new workbook carried.
    const again = JSON.parse(runCli(["import", join(FIX, "dorset-q2-agresso.csv"), "--into", out, "--json"]).stdout);
    expect(again.changes).toEqual([]);
    expect(again.unchanged).toBe(13);
  }, 60_000);

  test("report lists the Ledger mapping sheet's problems among the period's checks, at their cells", async () => {
    const book = await workbookWithSetup("bad-setup.xlsx");
    const ExcelJS = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const sheet = wb.getWorksheet("Ledger mapping")!;
    let row = 0;
    sheet.eachRow((r, n) => { if (!row && r.getCell(3).value === "R2") row = n; });
    expect(row).toBeGreaterThan(0);
    sheet.getCell(`C${row}`).value = "No such line";
    await wb.xlsx.writeFile(book);
    const checks = (JSON.parse(runCli(["report", book, "--json"]).stdout) as { checks: Array<{ id: string; severity: string; where: string }> }).checks;
    expect(checks.filter((c) => c.id === "ledger-setup").map((c) => [c.severity, c.where])).toEqual([["warning", `'Ledger mapping'!C${row}`]]);
  }, 60_000);

  test("a workbook without the sheet, or a JSON period, is refused in words naming what to give", async () => {
    const book = await workbookWithSetup("no-setup.xlsx", false);
    const r = runCli(["import", join(FIX, "dorset-q2-agresso.csv"), "--into", book]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/give --profile and --mapping: .*no-setup\.xlsx has no Ledger mapping sheet/);
    const j = runCli(["import", join(FIX, "dorset-q2-agresso.csv"), "--mapping", join(FIX, "dorset-mapping.json"), "--into", blank]);
    expect(j.status).toBe(1);
    expect(j.stderr).toMatch(/give --profile: .*blank\.json is a monitoring file \(JSON\), which keeps no profile or mapping/);
  }, 60_000);
});
