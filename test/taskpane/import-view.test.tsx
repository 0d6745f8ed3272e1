/**
 * The pane's Import view (issue 12) without a browser: choosing files (the example ledger of seeds/ledger, the nasty
 * fixture), the header a profile is set up from with the file's first rows, whether a layout fits, the preview drawn
 * to HTML (cells old → new with rows per line, unmapped codes with totals and rows, rejected rows by number in words),
 * and the pane state that keeps the last import for undo. The browser run (test/e2e/run.ts) applies and undoes it.
 */
import * as React from "react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { PRESETS, headerGuess, headerTexts, ledgerTable, mappingOfFile, previewOf, profileFit, profileOfFile, sampleRows, fileProblem } from "../../src/taskpane/import-setup";
import { ImportView, PreviewPanel, ProfileSetup } from "../../src/taskpane/views/ImportView";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { SHEET_KINDS_IN_ORDER } from "../../src/plans/kinds";
import { initialPaneState, paneReducer } from "../../src/taskpane/pane-state";
import { lineTargets } from "../../src/ledger/targets";
import { seedModel } from "../e2e/seed-inputs";

const ROOT = join(__dirname, "..", "..");
const file = (...p: string[]) => ({ name: p[p.length - 1]!, bytes: new Uint8Array(readFileSync(join(ROOT, ...p))) });
const LEDGER = file("seeds", "ledger", "q2-2024-25-trial-balance.csv");
const words = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/&gt;/g, ">").replace(/\s+/g, " ");

function blankActuals() {
  const m = seedModel();
  for (const t of lineTargets(m)) t.line.actualToDate = null;
  return m;
}

describe("setting up from the file", () => {
  test("the header is found below the title lines, with the file's first rows", async () => {
    const table = await ledgerTable(LEDGER);
    expect(headerGuess(table)).toBe(3);
    expect(headerTexts(table, 3)).toEqual(["Cost Centre", "Account", "Description", "Period", "Debit", "Credit"]);
    expect(sampleRows(table, 3, 2)).toEqual([
      { row: 5, cells: ["1010", "9100", "Specific grants", "P06", "", "5,304,773.73"] },
      { row: 6, cells: ["1010", "9200", "Fees and charges", "P06", "", "3,600,442.85"] },
    ]);
  });

  test("a preset that fits, one that does not (naming the missing columns), and a profile that contradicts itself", async () => {
    const table = await ledgerTable(LEDGER);
    expect(profileFit(PRESETS["debit-credit"]!.profile, table)).toEqual([]);
    expect(profileFit(PRESETS["trailing-minus"]!.profile, table).join(" ")).toMatch(/row 4 looks like the header but has no column "Cost Center", "G\/L Account", "Text", "Amount"/);
    const both = { ...PRESETS["debit-credit"]!.profile, columns: { ...PRESETS["debit-credit"]!.profile.columns, amount: "Description" } };
    expect(profileFit(both, table).join(" ")).toMatch(/either an amount column or debit and credit columns/);
  });

  test("the set-up form offers the header's columns and shows the first rows under the header", async () => {
    const table = await ledgerTable(LEDGER);
    const html = renderToStaticMarkup(<ProfileSetup table={table} header={3} profile={PRESETS["debit-credit"]!.profile} onColumn={() => undefined} onOption={() => undefined} />);
    expect(words(html)).toContain("The header is row 4");
    expect(html).toContain('<option value="Debit">Debit</option>');
    expect(words(html)).toMatch(/The file's first rows below its header \(row 4\) Row Cost Centre Account Description Period Debit Credit 5 1010 9100 Specific grants P06 5,304,773.73/);
  });

  test("files that cannot be used say why, in words", async () => {
    const bad = { name: "m.json", bytes: new TextEncoder().encode('{ "rules": [ { "line": "R2" } ] }') };
    await expect(mappingOfFile(bad).catch(fileProblem)).resolves.toMatch(/rule 1: matches every code/);
    expect(fileProblem((() => { try { return profileOfFile({ name: "p.json", bytes: new TextEncoder().encode("{ nope") }); } catch (e) { return e; } })())).toMatch(/not valid JSON/);
    await expect(ledgerTable({ name: "old.xls", bytes: new Uint8Array([1]) }).catch(fileProblem)).resolves.toMatch(/Excel 97-2003 workbook/);
    expect(() => fileProblem(new TypeError("a fault"))).toThrow("a fault");
  });
});

describe("the preview", () => {
  test("the example ledger into blank actuals: each cell old → new with its rows; the Import button counts them", async () => {
    const rules = await mappingOfFile(file("seeds", "ledger", "mapping.json"));
    const preview = previewOf(await ledgerTable(LEDGER), PRESETS["debit-credit"]!.profile, rules, blankActuals());
    expect(preview.changes).toHaveLength(13);
    const text = words(renderToStaticMarkup(<PreviewPanel preview={preview} busy={false} onApply={() => undefined} />));
    expect(text).toContain("31 rows read from q2-2024-25-trial-balance.csv (header on row 4): 31 for the period, 0 of other periods left out, 0 rejected.");
    expect(text).toMatch(/Chief Constable > Pay & Employment costs actual to date blank 76,042 5 /);
    expect(text).toContain("The file's total actual (row 36) is £84,982,322.47, and its rows add to exactly that.");
    expect(text).toContain("Import 13 figures");
  });

  test("the nasty export (Windows-1252): rejected rows by number and column in words, unmapped codes with total and rows", async () => {
    const table = await ledgerTable(file("test", "ledger", "fixtures", "nasty-civica.csv"));
    const profile = profileOfFile(file("test", "ledger", "fixtures", "nasty.profile.json"));
    const rules = await mappingOfFile(file("test", "ledger", "fixtures", "nasty-mapping.json"));
    const preview = previewOf(table, profile, rules, seedModel());
    const text = words(renderToStaticMarkup(<PreviewPanel preview={preview} busy={false} onApply={() => undefined} />));
    expect(text).toContain(`Rejected rows (${preview.rejected.length}), not imported`);
    expect(text).toMatch(/Row 27, Period: is "P13", a year-end adjustment period \(13\)/);
    expect(text).toMatch(/Row 39: has 4 fields but the header \(row 3\) has 5/);
    const u = preview.unmapped[0]!;
    expect(text).toContain(`Unmapped codes (${preview.unmapped.length})`);
    expect(text).toContain(`in ${u.rows} ${u.rows === 1 ? "row" : "rows"}, first on row ${u.firstRow}`);
  });

  test("a period already as imported: no cell changes, and nothing to import", async () => {
    const rules = await mappingOfFile(file("seeds", "ledger", "mapping.json"));
    const preview = previewOf(await ledgerTable(LEDGER), PRESETS["debit-credit"]!.profile, rules, seedModel());
    const html = renderToStaticMarkup(<PreviewPanel preview={preview} busy={false} onApply={() => undefined} />);
    expect(words(html)).toContain("No cell changes: the workbook already holds all 13 figures the file maps to.");
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Import 0 figures<\/button>/);
  });
});

test("the pane keeps the last import for undo, and forgets it once undone", () => {
  const last = { file: "tb.csv", changes: [], written: ["Revenue!D9"] };
  const after = paneReducer(initialPaneState, { type: "imported", last });
  expect(after.lastImport).toBe(last);
  expect(paneReducer(after, { type: "imported", last: null }).lastImport).toBeNull();
});

describe("the workbook's own profile and mapping (the Ledger mapping sheet)", () => {
  async function workbookKeeping() {
    const wb = new MemoryWorkbook();
    await wb.insertSheets({ organisation: "Dorset", financialYear: "2024/25", period: "Q2", units: "£000", sheets: [...SHEET_KINDS_IN_ORDER], onExisting: "ask", model: blankActuals() });
    const profile = profileOfFile(file("seeds", "ledger", "profile.json"));
    const rules = await mappingOfFile(file("seeds", "ledger", "mapping.json"));
    expect(await wb.saveLedgerSetup({ profile, rules }, "ask")).toMatchObject({ status: "saved" });
    return wb;
  }
  const view = async (wb: MemoryWorkbook) => {
    const read = await wb.readPeriod();
    return renderToStaticMarkup(<ImportView model={read.model} lastImport={null} busy={{ apply: false, undo: false }} onApply={async () => false} onUndo={() => undefined} onShowPosition={() => undefined} ledgerSheet={read.ledgerSheet ?? null} onSaveSetup={async () => undefined} />);
  };

  test("offered first: the layout and the mapping with its 13 rules, chosen already", async () => {
    const html = await view(await workbookKeeping());
    const text = words(html);
    expect(text).toMatch(/Layout \(profile\) The workbook's \(Ledger mapping sheet: Unit4 ERP trial balance\)/);
    expect(html.match(/<option value="workbook" selected="">/g)).toHaveLength(2);
    expect(text).toMatch(/Mapping The workbook's \(Ledger mapping sheet, 13 rules\) A mapping file…/);
    expect(text).not.toContain("Keep this layout and mapping in the workbook");
  });

  test("a rule the treasurer got wrong is named by its cell, and the workbook's setup is not offered until corrected", async () => {
    const wb = await workbookKeeping();
    const sheet = wb.previewSheet("Ledger mapping")!;
    let lineRow = 0;
    for (let row = 1; row <= sheet.maxRow && !lineRow; row++) if (sheet.cell(row, 3)?.value === "R2") lineRow = row;
    wb.setCells("Ledger mapping", { [`C${lineRow}`]: "Chief Constable > Nothing" });
    const text = words(await view(wb));
    expect(text).toContain(`The Ledger mapping sheet cannot be used until these are corrected 'Ledger mapping'!C${lineRow}: "Chief Constable > Nothing" is no line of the period`);
    expect(text).not.toContain("The workbook's (Ledger mapping sheet");
  });
});
