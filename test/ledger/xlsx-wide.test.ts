/**
 * An .xlsx export in the wide layout, written as Microsoft Dynamics 365 Finance's budget-versus-actual report saves
 * to Excel (modelled on it): a notes sheet first, then title rows, an annual Budget column and a column per month of
 * that month's actual (one header a real date cell, as Excel keeps "May-24" typed into a cell), numbers as numeric
 * cells, a Total row. The worked example's ledger in that form imports to the published figures exactly.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import Decimal from "decimal.js";
import { parseMonitoringJson } from "../../src/model/load";
import { ledgerXlsxTable } from "../../src/xlsx/ledger";
import { profileFrom } from "../../src/ledger/profile";
import { lineTargets, mappingFrom } from "../../src/ledger/mapping";
import { applyImport, previewImport } from "../../src/ledger/import";
import { LedgerFileError } from "../../src/ledger/table";
import { postings } from "./fixtures/worked-example-ledger";

const FIX = join(__dirname, "fixtures");
const seed = parseMonitoringJson(readFileSync(join(__dirname, "..", "..", "seeds", "q2-2024-25.json"), "utf8"));
const rules = mappingFrom(JSON.parse(readFileSync(join(FIX, "dorset-mapping.json"), "utf8")));
const MONTHS = ["Apr-24", "May-24", "Jun-24", "Jul-24", "Aug-24", "Sep-24", "Oct-24", "Nov-24", "Dec-24", "Jan-25", "Feb-25", "Mar-25"];

/** Each posting's actual to date split into six months of pounds and pence (the last month takes the rest). */
function months(total: Decimal, i: number): Decimal[] {
  const parts = [0.15, 0.18, 0.16, 0.17, 0.14].map((w, k) => total.times(w + ((i + k) % 3) / 100).toDecimalPlaces(2));
  return [...parts, total.minus(parts.reduce((a, b) => a.plus(b), new Decimal(0)))];
}

async function dynamicsXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Notes").addRow(["Exported from Dynamics 365 Finance"]);
  const ws = wb.addWorksheet("BvA");
  ws.addRow(["Budget vs actual by financial dimension"]);
  ws.addRow(["Fiscal year 2024/25, to period 6"]);
  ws.addRow([]);
  ws.addRow(["Cost Centre", "Account", "Description", "Budget", ...MONTHS.map((m, k) => (k === 1 ? new Date(Date.UTC(2024, 4, 1)) : m))]);
  const totals = Array.from({ length: 13 }, () => new Decimal(0));
  postings().forEach((p, i) => {
    const m = months(p.actual, i);
    ws.addRow([p.costCentre, p.account, p.description, p.budget.toNumber(), ...m.map((d) => d.toNumber())]);
    [p.budget, ...m].forEach((d, k) => { totals[k] = totals[k]!.plus(d); });
  });
  ws.addRow(["Total", null, null, ...totals.slice(0, 7).map((d) => d.toNumber())]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test("a wide .xlsx export imports to the published actual to date and revised budget exactly", async () => {
  const table = await ledgerXlsxTable(await dynamicsXlsx(), "bva.xlsx", "BvA");
  const profile = profileFrom({ preset: "monthly-columns", sheet: "BvA" });
  const into = applyImport(seed, []);
  for (const t of lineTargets(into)) { t.line.actualToDate = null; t.line.revisedBudget = null; }
  const preview = previewImport({ table, profile, rules, model: into, yearStartMonth: 4 });
  expect(preview.rejected).toEqual([]);
  expect(preview.unmapped).toEqual([]);
  expect(preview.controls.map((c) => [c.what, c.agrees])).toEqual([["actual", true], ["budget", true]]);
  const after = applyImport(into, preview.changes);
  const written = new Set(preview.changes.map((c) => `${c.path}.${c.column}`));
  for (const t of lineTargets(seed)) {
    const line = lineTargets(after).find((x) => x.path === t.path)!.line;
    for (const c of ["actualToDate", "revisedBudget"] as const) {
      if (written.has(`${t.path}.${c}`)) expect(line[c]?.toFixed()).toBe(t.line[c]?.toFixed());
    }
  }
  expect(written.size).toBe(26);
});

test("month columns after the period are left out of a monthly import; a Q1 period takes April to June", async () => {
  const table = await ledgerXlsxTable(await dynamicsXlsx(), "bva.xlsx", "BvA");
  const q1 = { ...seed, period: "Q1" as const };
  const preview = previewImport({ table, profile: profileFrom({ preset: "monthly-columns", sheet: "BvA" }), rules, model: q1, yearStartMonth: 4 });
  const income = preview.changes.find((c) => c.label === "Chief Constable > Income" && c.column === "actualToDate");
  const expected = postings().slice(0, 4).reduce((sum, p, i) => sum.plus(months(p.actual, i).slice(0, 3).reduce((a, b) => a.plus(b))), new Decimal(0));
  expect(income?.pounds.toFixed(2)).toBe(expected.toFixed(2));
});

test("a sheet the file does not have is named, with the sheets it has", async () => {
  await expect(ledgerXlsxTable(await dynamicsXlsx(), "bva.xlsx", "Budget")).rejects.toThrow(new LedgerFileError('bva.xlsx: has no sheet "Budget"; its sheets are "Notes", "BvA": correct "sheet" in the profile'));
});
