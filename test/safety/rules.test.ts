/** The amount rule (src/model/amount.ts) and the structural rules (src/model/structure.ts), in-process. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AmountError, amountTextProblem, parseAmount } from "../../src/model/amount";
import { parseMonitoringJson } from "../../src/model/load";
import { isCalendarDate, structuralProblems } from "../../src/model/structure";

const seedText = readFileSync(join(__dirname, "..", "..", "seeds", "q2-2024-25.json"), "utf8");

describe("the amount rule", () => {
  test.each([
    ["153797", null], ["-32865", null], ["1234.56", null], ["123456789012345", null], ["0.000001", null], ["12345678.123456", null],
    ["153797.1234567", /7 decimal places; amounts have at most 6: type 153797.123457/],
    ["1e-7", /written with an exponent \(0\.0000001 in full\)/],
    [" 153797 ", /spaces around the number; type just 153797/],
    ["123456789012345.123456", /21 significant digits; Excel keeps 15/],
    ["1234567890123456", /16 digits before the decimal point/],
    ["153,797", /not an amount/], ["£1.2m", /not an amount/], ["(5,191)", /not an amount/], ["", /not an amount/],
  ])("%j", (text, problem) => {
    if (problem === null) expect(amountTextProblem(text)).toBeNull();
    else expect(amountTextProblem(text)).toMatch(problem);
  });

  test("JSON numbers follow the same rule", () => {
    expect(parseAmount(153797).toFixed()).toBe("153797");
    expect(() => parseAmount(1e-7)).toThrow(AmountError);
    expect(() => parseAmount(0.1 + 0.2)).toThrow(/17 decimal places|significant digits/);
  });
});

describe("structural rules", () => {
  const seed = () => parseMonitoringJson(seedText);

  test("the worked example has no structural problem", () => {
    expect(structuralProblems(seed())).toEqual([]);
  });

  test("each rule names the field", () => {
    const m = seed();
    m.revenue.groups[1]!.name = " chief  CONSTABLE ";
    m.revenue.groups[0]!.lines.push({ ...m.revenue.groups[0]!.lines[0]! });
    m.reserves.push({ ...m.reserves[1]! });
    m.history.push({ ...m.history[0]! });
    m.history[0]!.closedOn = "2024-02-30";
    m.savings[0]!.planned = m.savings[0]!.planned!.negated().minus(1);
    m.financialYear = "2024/26";
    m.organisation = " ";
    m.controlTotals!.revenue!.groups["OPCC office"] = {};
    m.controlTotals!.reserves!["Rainy Day"] = {};
    const fields = structuralProblems(m).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining([
      "organisation", "financialYear", 'revenue.groups[1].name (" chief  CONSTABLE ")', 'revenue.groups[0].lines[4].name ("Income")',
      expect.stringMatching(/^reserves\[\d+\]\.name/), expect.stringMatching(/^history\[\d\]\.period$/), "history[0].closedOn",
      expect.stringMatching(/^savings\[0\]\.planned/), 'controlTotals.revenue.groups["OPCC office"]', 'controlTotals.reserves["Rainy Day"]',
    ]));
  });

  test("financial years across a century and calendar dates", () => {
    const m = seed();
    m.financialYear = "2099/00";
    expect(structuralProblems(m)).toEqual([]);
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2023-02-29")).toBe(false);
    expect(isCalendarDate("2024-13-45")).toBe(false);
  });
});
