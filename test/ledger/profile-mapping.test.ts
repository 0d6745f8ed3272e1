/** Profiles and mappings: presets, refusals in words, code patterns, lines found by ref, "Group > Line" or name. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseMonitoringJson } from "../../src/model/load";
import { withSettings } from "../../src/model/settings/values";
import { PRESETS, ProfileError, profileFrom } from "../../src/ledger/profile";
import { codePattern, lineTargets, mappingFrom, mappingFromTable, MappingError, resolveLine, ruleText } from "../../src/ledger/mapping";
import { csvTable } from "../../src/ledger/table";
import { yearStartMonth } from "../../src/ledger/periods";

const seed = parseMonitoringJson(readFileSync(join(__dirname, "..", "..", "seeds", "q2-2024-25.json"), "utf8"));

const problems = (doc: unknown): string[] => {
  try {
    profileFrom(doc);
    return [];
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    return e.problems;
  }
};

describe("profiles", () => {
  test.each(Object.keys(PRESETS))("the preset %s is a usable profile", (name) => {
    expect(problems({ preset: name })).toEqual([]);
  });

  test("a preset's columns can be renamed, and one removed with null", () => {
    const p = profileFrom({ preset: "debit-credit", columns: { costCentre: "CC", description: null } });
    expect(p.columns).toEqual({ costCentre: "CC", account: "Account", period: "Period", debit: "Debit", credit: "Credit" });
  });

  test.each([
    [{ preset: "agreso" }, /preset: is "agreso"; the presets are debit-credit, amount-drcr, trailing-minus, monthly-columns/],
    [{ columns: { amount: "Amount" } }, /name the cost centre column, the account column, or both/],
    [{ columns: { account: "Account" } }, /name the amount column \(columns\.amount\), or the debit and credit columns/],
    [{ columns: { account: "Account", debit: "Debit" } }, /name both the debit and the credit column \(only debit is named\)/],
    [{ columns: { account: "Account", amount: "Amount" }, actuals: "month" }, /"month" adds up each month to the period, so name the period column/],
    [{ columns: { account: "Account", amount: "Value", budget: "value" } }, /columns\.budget and columns\.amount: both are "value"/],
    [{ layout: "wide", columns: { account: "Account", period: "Period" } }, /a wide layout has a column per month/],
    [{ columns: { account: "Account", amount: "Amount" }, delimiter: ";;" }, /a delimiter is one character/],
    [{ colums: {} }, /"colums" is not a profile field/],
    [[], /is not a JSON object/],
  ])("%j is refused in words", (doc, message) => {
    const found = (() => { try { profileFrom(doc); return "accepted"; } catch (e) { return (e as Error).message; } })();
    expect(found).toMatch(message);
  });
});

describe("mappings", () => {
  test.each([
    ["4100", "4100", true], ["4100", "4101", false], ["41*", "4199", true], ["41*", "4200", false], ["4?00", "4300", true],
    ["5000-5999", "5500", true], ["5000-5999", "6000", false], ["5000-5999", "50000", false], ["C100-C199", "c150", true], ["cc-100", "CC-100", true],
  ])("pattern %s on %s: %s", (pattern, code, matches) => {
    expect(codePattern(pattern)(code)).toBe(matches);
  });

  test("lines are found by ref, by \"Group > Line\" and by a name used once; a name used twice asks which", () => {
    const targets = lineTargets(seed);
    const label = (t: ReturnType<typeof resolveLine>) => (typeof t === "string" ? t : t.label);
    expect(label(resolveLine("r2", targets))).toBe("Chief Constable > Pay & Employment costs");
    expect(label(resolveLine("chief constable>overheads", targets))).toBe("Chief Constable > Overheads");
    expect(label(resolveLine("Borrowing", targets))).toBe("Financing > Borrowing");
    const twice = lineTargets({ ...seed, capital: { ...seed.capital, lines: [...seed.capital.lines, { ...seed.capital.lines[0]!, name: "Income" }] } });
    expect(label(resolveLine("Income", twice))).toBe('"Income" is more than one line ("Chief Constable > Income", "Capital > Income"); write the one meant as "Group > Line"');
  });

  test("a bad mapping lists every problem", () => {
    expect(() => mappingFrom({ rules: [{ line: "R1" }, { account: "5*" }, { account: ["5"], line: "R2", flip: "yes", colour: 1 }] }, "m.json")).toThrow(new MappingError([
      "rule 1: matches every code (no costCentre or account); give one or both",
      "rule 2: has no line; say which line of the report it goes to, e.g. \"line\": \"R2\" or \"line\": \"Chief Constable > Overheads\"",
      "rule 3: \"colour\" is not a rule field; the fields are costCentre, account, line, flip, note",
      "rule 3: account is [\"5\"]; give the code as text, e.g. \"4100\", \"41*\" or \"4100-4199\"",
      "rule 3: matches every code (no costCentre or account); give one or both",
      "rule 3: flip is \"yes\"; it is true or false",
    ], "m.json"));
  });
});

test("the financial year's first month is the period's setting (April by default)", () => {
  expect(yearStartMonth(seed.settings)).toBe(4);
  expect(yearStartMonth(withSettings(seed.settings, { "ledger.yearStart": "January" }))).toBe(1);
});

describe("a mapping kept as a sheet (CSV or .xlsx)", () => {
  const sheet = (text: string) => csvTable(new TextEncoder().encode(text), "mapping.csv");

  test("reads its rules, Flip as Yes or No, and names its rows in messages", () => {
    const rules = mappingFromTable(sheet("Outturn mapping\n\nCost Centre,Account,Line,Flip,Note\n1*,9000-9999,R1,,income\n\nCF00,9530,Financing > Borrowing,Yes,\n"));
    expect(rules).toEqual([
      { costCentre: "1*", account: "9000-9999", line: "R1", flip: false, where: "row 4" },
      { costCentre: "CF00", account: "9530", line: "Financing > Borrowing", flip: true, where: "row 6" },
    ]);
    expect(ruleText(rules[1]!, 1)).toBe("row 6 (cost centre CF00, account 9530 → Financing > Borrowing, sign flipped)");
  });

  test("bad rows are named by row", () => {
    expect(() => mappingFromTable(sheet("Cost Centre,Account,Line,Flip\n1*,,,\n,,R2,maybe\n"))).toThrow(new MappingError([
      "row 2: has no line; say which line of the report it goes to, e.g. \"line\": \"R2\" or \"line\": \"Chief Constable > Overheads\"",
      "row 3: matches every code (no costCentre or account); give one or both",
      "row 3: flip is \"maybe\"; write Yes or No",
    ], "mapping.csv"));
  });
});
