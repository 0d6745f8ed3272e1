import { shiftFormula } from "../../src/workbook/shift-rows";

const shift = (f: string, on = "Savings") => shiftFormula(f, on, "Savings", 9, 2);

describe("shiftFormula (rows inserted before row 9 of Savings, as Excel adjusts formulas)", () => {
  it("moves references at or below the insertion and leaves those above", () => {
    expect(shift("=D9+E9")).toBe("=D11+E11");
    expect(shift("=D8+E8")).toBe("=D8+E8");
    expect(shift("=$C$10-F10")).toBe("=$C$12-F12");
  });

  it("grows a range spanning the insertion, not one ending above it", () => {
    expect(shift("=SUM(C6:C9)")).toBe("=SUM(C6:C11)");
    expect(shift("=SUM(C6:C8)")).toBe("=SUM(C6:C8)");
    expect(shift("=SUM(C9:C12)")).toBe("=SUM(C11:C14)");
  });

  it("adjusts references from other sheets to this one only", () => {
    expect(shift("=Savings!$C$10", "Summary")).toBe("=Savings!$C$12");
    expect(shift("='Savings'!F11/2", "Summary")).toBe("='Savings'!F13/2");
    expect(shift("=Revenue!C10+C10", "Summary")).toBe("=Revenue!C10+C10");
    expect(shift("=Settings!$B$49", "Savings")).toBe("=Settings!$B$49");
    expect(shiftFormula("='Period history'!$E$6", "Summary", "Period history", 6, 1)).toBe("='Period history'!$E$7");
  });

  it("leaves string literals and function names alone", () => {
    expect(shift('=IF(I9="Delivered","C10 text",LOG10(C10))')).toBe('=IF(I11="Delivered","C10 text",LOG10(C12))');
    expect(shift('="Last period ("&A9&")"')).toBe('="Last period ("&A11&")"');
  });
});
