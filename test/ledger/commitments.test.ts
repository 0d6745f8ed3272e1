/**
 * Commitments from the ledger (issue 12): the profile's commitments column, read as what is outstanding at the period's
 * end (the period's rows only, whatever the actuals are), added up exactly by line, converted to the file's units, and
 * left out in words where the line keeps none.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseMonitoringJson } from "../../src/model/load";
import { profileFrom } from "../../src/ledger/profile";
import { mappingFrom } from "../../src/ledger/mapping";
import { csvTable } from "../../src/ledger/table";
import { applyImport, previewImport } from "../../src/ledger/import";
import { modelToDocument } from "../../src/model/save";

const seed = parseMonitoringJson(readFileSync(join(__dirname, "..", "..", "seeds", "q2-2024-25.json"), "utf8"));
const rules = mappingFrom({ rules: [{ account: "4*", line: "Chief Constable > Overheads" }, { account: "8*", line: "Transfers > Reserves" }] });
const bytes = (s: string) => new TextEncoder().encode(s);

describe("commitments from the ledger", () => {
  test("a profile may name a commitments column, and one with only commitments is usable", () => {
    expect(profileFrom({ preset: "debit-credit", columns: { commitments: "Open orders" } }).columns.commitments).toBe("Open orders");
    expect(() => profileFrom({ columns: { account: "Account", commitments: "Open orders" } })).not.toThrow();
  });

  test("a monthly file's commitments are the period's month's, not added up over the year; each line's exactly, in the file's units", () => {
    const profile = profileFrom({ columns: { account: "Account", period: "Period", amount: "Amount", commitments: "Open orders" }, actuals: "month", duplicates: "add" });
    const table = csvTable(bytes([
      "Account,Period,Amount,Open orders",
      "4000,P05,100.00,\"70,000.00\"",
      "4000,P06,200.00,\"12,345.67\"",
      "4100,P06,0,\"1,000.00-\"",
      "4100,P07,0,\"999,999.00\"",
      "8100,P06,0,\"5,000.00\"",
    ].join("\n")), "orders.csv");
    const preview = previewImport({ table, profile, rules, model: seed, yearStartMonth: 4 });
    expect(preview.rejected).toEqual([]);
    const change = preview.changes.find((c) => c.column === "commitments")!;
    expect([change.label, change.old, change.new.toFixed(), change.pounds.toFixed()]).toEqual(["Chief Constable > Overheads", null, "11", "11345.67"]);
    expect(preview.changes.filter((c) => c.column === "commitments")).toHaveLength(1);
    expect(preview.info).toContain("Commitments were left out where the line keeps none (only the revenue lines do): Transfers > Reserves (£5,000.00)");
    // Applied to a monitoring file, and undone: the file is as it was, with no commitments field.
    const applied = applyImport(seed, preview.changes);
    expect(applied.revenue.groups[0]!.lines[2]!.commitments?.toFixed()).toBe("11");
    expect(applied.revenue.groups[0]!.lines[2]!.forecastOutturn).toEqual(seed.revenue.groups[0]!.lines[2]!.forecastOutturn);
    expect(modelToDocument(applyImport(applied, preview.changes, "undo"))).toEqual(modelToDocument(seed));
  });
});
