/**
 * Done when (issue 12): a nasty export (a Civica Financials-style CSV in Windows-1252, hand-written: every number
 * form, bad periods, unmapped and doubly-mapped codes, short and long rows, duplicates, blank codes, a subtotal and
 * a footer) reports each problem row by number, imports the good rows exactly, and writes no cell outside the
 * mapped inputs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseMonitoringJson } from "../../src/model/load";
import { modelToDocument } from "../../src/model/save";
import { toJsonText } from "../../src/model/json-text";
import { csvTable } from "../../src/ledger/table";
import { profileFrom } from "../../src/ledger/profile";
import { mappingFrom } from "../../src/ledger/mapping";
import { applyImport, previewImport } from "../../src/ledger/import";

const FIX = join(__dirname, "fixtures");
const seed = parseMonitoringJson(readFileSync(join(__dirname, "..", "..", "seeds", "q2-2024-25.json"), "utf8"));
const table = csvTable(readFileSync(join(FIX, "nasty-civica.csv")), "nasty-civica.csv");
const profile = profileFrom(JSON.parse(readFileSync(join(FIX, "nasty.profile.json"), "utf8")));
const rules = mappingFrom(JSON.parse(readFileSync(join(FIX, "nasty-mapping.json"), "utf8")));
const preview = previewImport({ table, profile, rules, model: seed, yearStartMonth: 4 });

/** Each problem row of the file, with its column and what the message must say. */
const REJECTED: Array<[number, string | null, RegExp]> = [
  [19, "Amount", /"1\.234,56", written with a decimal comma/],
  [20, "Amount", /written with an exponent/],
  [21, "Amount", /"TBC", not an amount/],
  [22, "Amount", /more than one sign/],
  [23, "Amount", /"12\.00 XR", not an amount/],
  [24, "Amount", /"1,23\.45", not an amount/],
  [25, "Amount", /decimal comma/],
  [26, "Amount", /more than one sign/],
  [27, "Period", /year-end adjustment period \(13\)/],
  [28, "Period", /April 2023, outside the financial year 2024\/25/],
  [29, "Period", /"Q2", not a period Outturn knows/],
  [30, "Period", /is blank; every row needs its period/],
  [31, "Period", /April 2025, outside the financial year 2024\/25/],
  [32, "Period", /"Smarch", not a period/],
  [33, "Period", /not a period of the year/],
  [37, null, /cost centre 1030, account 2500 matches rule 3 \(cost centre 1\*, account 2000-6999 → Chief Constable > Overheads\) and rule 14 \(cost centre 1030, account 25\* → R4\)/],
  [38, null, /account 2510 matches rule 3 .* and rule 14/],
  [39, null, /has 4 fields but the header \(row 3\) has 5: fields missing/],
  [40, null, /has 2 fields but the header \(row 3\) has 5/],
  [41, null, /has 6 fields .* a description holding the delimiter without quotes/],
  [42, null, /repeats the cost centre, account and period of row 4/],
  [43, null, /repeats the cost centre, account and period of row 14/],
  [44, "Cost Centre", /is blank; every row needs its cost centre/],
  [45, "Account", /is blank; every row needs its account/],
  [46, "Cost Centre", /a subtotal row\? remove subtotals/],
  [47, "Amount", /more than 15 digits/],
  [48, "Amount", /7 decimal places/],
  [49, "Amount", /more than one sign/],
  [54, null, /has 1 fields but the header \(row 3\) has 5/],
];

test("at least 40 bad or odd rows", () => {
  expect(table.rows.length - 3).toBeGreaterThanOrEqual(40);
  expect(table.encoding).toBe("Windows-1252");
  expect(table.rows[7]?.[2]).toBe("Grant £ received");
});

test("every problem row is named by its row number, its column and what to do, and no good row is", () => {
  expect(preview.rejected.map((r) => r.row)).toEqual(REJECTED.map(([row]) => row));
  for (const [row, column, message] of REJECTED) {
    const r = preview.rejected.find((x) => x.row === row);
    expect({ row, column: r?.column, file: r?.file }).toEqual({ row, column, file: "nasty-civica.csv" });
    expect(r?.problem).toMatch(message);
  }
});

test("unmapped codes are listed with their total and rows, never dropped", () => {
  expect(preview.unmapped.map((u) => [u.costCentre, u.account, u.total.toFixed(2), u.rows, u.firstRow])).toEqual([
    ["7777", "1000", "1000.00", 1, 34],
    ["7777", "2000", "500.00", 1, 35],
    ["8888", "4000", "-250.00", 1, 36],
  ]);
  expect(preview.totals.unmapped.toFixed(2)).toBe("1250.00");
  expect(preview.totals.all.equals(preview.totals.mapped.plus(preview.totals.unmapped))).toBe(true);
});

test("the good rows are imported exactly (every number form), other periods left out", () => {
  const pounds = Object.fromEntries(preview.changes.map((c) => [c.label, c.pounds.toFixed(3)]));
  expect(pounds).toEqual({
    "Chief Constable > Income": "-3000.000", // 5,000.00 CR and 2,000.00 DR
    "Chief Constable > Pay & Employment costs": "633.810", // 1,234.56 (100.00) -200.50 300.25-
    "Chief Constable > Overheads": "693.000", // £750.00, blank, -, 12.00 cr, –45.00
    "Chief Constable > Capital Financing": "-1000.000", // (£1,000.00)
    "OPCC > OPCC": "2500.000",
    "Transfers > Reserves": "-12345.670", // 12,345.67CR
    "Capital > Vehicles": "10000.125",
  });
  expect(preview.changes.map((c) => [c.label, c.new.toFixed()])).toContainEqual(["OPCC > OPCC", "3"]); // £2,500 is £3k, half away from zero
  expect(preview.rowsOtherPeriods).toBe(2);
});

test("the file's total is checked, and the difference put down to the rejected rows", () => {
  expect(preview.controls).toHaveLength(1);
  expect(preview.controls[0]?.agrees).toBe(false);
  expect(preview.controls[0]?.message).toMatch(/^The file's total actual \(row 52\) is £99,999\.99 but the rows read add to £[0-9,.]+, .*row\(s\) were rejected and the file's total includes them/);
});

test("applying writes only the mapped lines' actual to date: every other field of the period is as it was", () => {
  const after = applyImport(seed, preview.changes);
  const before = JSON.parse(toJsonText(modelToDocument(seed)));
  const now = JSON.parse(toJsonText(modelToDocument(after)));
  for (const c of preview.changes) {
    expect(c.column).toBe("actualToDate");
    const path = c.path.replace(/\[(\d+)\]/g, ".$1").split(".");
    const set = (doc: Record<string, unknown>) => { let n: Record<string, unknown> = doc; for (const p of path) n = n[p] as Record<string, unknown>; n.actualToDate = "written"; };
    set(before);
    set(now);
  }
  expect(now).toEqual(before);
});
