/**
 * Done when (issue 12): ledger exports generated from the worked example's published actuals import into a blank
 * period and reproduce the published actual-to-date column exactly; re-importing changes nothing; undo restores.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseMonitoringJson } from "../../src/model/load";
import type { MonitoringPeriod } from "../../src/model/types";
import { csvTable } from "../../src/ledger/table";
import { profileFrom } from "../../src/ledger/profile";
import { mappingFrom, lineTargets } from "../../src/ledger/mapping";
import { applyImport, previewImport } from "../../src/ledger/import";
import { FIXTURES } from "./fixtures/worked-example-ledger";

const ROOT = join(__dirname, "..", "..");
const FIX = join(__dirname, "fixtures");
const seed = parseMonitoringJson(readFileSync(join(ROOT, "seeds", "q2-2024-25.json"), "utf8"));
const rules = mappingFrom(JSON.parse(readFileSync(join(FIX, "dorset-mapping.json"), "utf8")));
const profile = (name: string) => profileFrom(JSON.parse(readFileSync(join(FIX, `${name}.profile.json`), "utf8")), `${name}.profile.json`);

/** The seed with the given columns blank on every line the mapping writes. */
function blank(columns: Array<"actualToDate" | "revisedBudget">): MonitoringPeriod {
  const m = applyImport(seed, []);
  for (const t of lineTargets(m)) for (const c of columns) t.line[c] = null;
  return m;
}

const figures = (m: MonitoringPeriod, column: "actualToDate" | "revisedBudget") => lineTargets(m).map((t) => [t.label, t.line[column]?.toFixed() ?? null]);

test("the committed fixtures are what the generator writes", () => {
  for (const [name, make] of Object.entries(FIXTURES)) expect(Buffer.from(readFileSync(join(FIX, name))).equals(Buffer.from(make()))).toBe(true);
});

describe.each([
  ["Unit4 ERP (Debit and Credit columns, a Total row)", "dorset-q2-agresso.csv", "agresso", ["actualToDate"] as const],
  ["SAP (trailing minus, periods 005 and 006, tab-delimited)", "dorset-q2-sap.txt", "sap", ["actualToDate"] as const],
  ["Oracle EBS (Dr/Cr column, Windows-1252, the year's budget)", "dorset-q2-oracle.csv", "oracle", ["actualToDate", "revisedBudget"] as const],
])("%s", (_what, file, profileName, columns) => {
  const table = csvTable(readFileSync(join(FIX, file)), file);
  const into = blank([...columns]);
  const preview = previewImport({ table, profile: profile(profileName), rules, model: into, yearStartMonth: 4 });

  test("reads every row and maps every code", () => {
    expect(preview.rejected).toEqual([]);
    expect(preview.unmapped).toEqual([]);
    expect(preview.totals.mapped.equals(preview.totals.all)).toBe(true);
  });

  test("reproduces the published figures exactly, writing only the imported columns", () => {
    const after = applyImport(into, preview.changes);
    // Every published figure of the imported columns, line by line.
    for (const t of lineTargets(seed)) {
      const got = lineTargets(after).find((x) => x.path === t.path)!.line;
      for (const c of columns) {
        const mapped = preview.changes.some((ch) => ch.path === t.path && ch.column === c);
        expect(got[c]?.toFixed() ?? null).toBe(mapped ? t.line[c]?.toFixed() : null);
      }
      expect(got.forecastOutturn?.toFixed()).toBe(t.line.forecastOutturn?.toFixed());
      expect(got.commentary).toBe(t.line.commentary);
    }
    expect(new Set(preview.changes.map((c) => c.column))).toEqual(new Set(columns));
    const lines = new Set(preview.changes.map((c) => c.path));
    expect(lines.size).toBe(13);
  });

  test("re-importing changes nothing, and undo restores the blank period", () => {
    const after = applyImport(into, preview.changes);
    const again = previewImport({ table, profile: profile(profileName), rules, model: after, yearStartMonth: 4 });
    expect(again.changes).toEqual([]);
    expect(again.unchanged).toBe(preview.changes.length);
    const undone = applyImport(after, preview.changes, "undo");
    for (const c of columns) expect(figures(undone, c)).toEqual(figures(into, c));
  });
});

test("the Unit4 export's own Total row agrees with its rows", () => {
  const table = csvTable(readFileSync(join(FIX, "dorset-q2-agresso.csv")), "dorset-q2-agresso.csv");
  const preview = previewImport({ table, profile: profile("agresso"), rules, model: blank(["actualToDate"]), yearStartMonth: 4 });
  expect(preview.controls).toHaveLength(1);
  expect(preview.controls[0]?.agrees).toBe(true);
  expect(preview.controls[0]?.message).toMatch(/^The file's total actual \(row 36\) is £[0-9,.-]+, and its rows add to exactly that\.$/);
});

test("the SAP export's period 005 rows are left out of a year-to-date import", () => {
  const table = csvTable(readFileSync(join(FIX, "dorset-q2-sap.txt")), "dorset-q2-sap.txt");
  const preview = previewImport({ table, profile: profile("sap"), rules, model: blank(["actualToDate"]), yearStartMonth: 4 });
  expect(preview.rowsOtherPeriods).toBe(16);
  expect(preview.rowsUsed).toBe(31);
});
