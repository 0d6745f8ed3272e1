import { FORM_SHEETS, OPTIONAL_SHEETS, defaultStartForm, financialYearOf, lastClosedQuarter, validateStart } from "../../src/taskpane/start-form";

describe("start form", () => {
  it("works out the financial year (April to March)", () => {
    expect(financialYearOf(new Date(2024, 3, 1))).toBe("2024/25");
    expect(financialYearOf(new Date(2025, 2, 31))).toBe("2024/25");
    expect(financialYearOf(new Date(2099, 5, 1))).toBe("2099/00");
  });

  it("defaults to the last quarter to have ended, in its own financial year", () => {
    expect(lastClosedQuarter(new Date(2024, 9, 20))).toEqual({ financialYear: "2024/25", period: "Q2" }); // October
    expect(lastClosedQuarter(new Date(2024, 8, 30))).toEqual({ financialYear: "2024/25", period: "Q1" }); // September: Q2 not over
    expect(lastClosedQuarter(new Date(2025, 3, 10))).toEqual({ financialYear: "2024/25", period: "Q4" }); // April: last year's Q4
    expect(lastClosedQuarter(new Date(2025, 0, 5))).toEqual({ financialYear: "2024/25", period: "Q3" }); // January
  });

  it("takes organisation, year, period and units from the workbook when it has them", () => {
    const f = defaultStartForm(new Date(2024, 9, 1), { organisation: "Dorset", financialYear: "2023/24", period: "M06", units: "£" });
    expect(f).toMatchObject({ organisation: "Dorset", financialYear: "2023/24", period: "M06", units: "£" });
    expect(f.sheets).toEqual(["Summary", "Revenue", "Capital", "Reserves", "Savings", "Profiles", "History", "Settings", "Slides"]);
  });

  it("lists the optional Workforce sheet last, unticked by default", () => {
    expect(FORM_SHEETS.at(-1)).toBe("Workforce");
    expect(OPTIONAL_SHEETS).toEqual(["Workforce"]);
    expect(defaultStartForm(new Date(2024, 9, 1)).sheets).not.toContain("Workforce");
  });

  it("names each field with a problem", () => {
    const f = { ...defaultStartForm(new Date(2024, 9, 1)), organisation: " ", financialYear: "2024/26", sheets: [] };
    expect(validateStart(f)).toEqual({
      organisation: expect.stringMatching(/^Organisation: is empty/),
      financialYear: "Financial year: 2024/26 is not one year; write 2024/25.",
      sheets: expect.stringMatching(/^Sheets: none chosen/),
    });
    expect(validateStart({ ...f, financialYear: "24/25" }).financialYear).toBe('Financial year: "24/25" is not in the form 2024/25.');
    expect(validateStart({ ...f, organisation: "Dorset", financialYear: "2099/00", sheets: ["Revenue"] })).toEqual({});
  });
});
