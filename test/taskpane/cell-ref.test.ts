import { formatCellRef, parseCellRef } from "../../src/taskpane/cell-ref";

describe("cell addresses in checks", () => {
  it("reads Sheet!A1, absolute references and quoted sheet names", () => {
    expect(parseCellRef("Revenue!F12")).toEqual({ sheet: "Revenue", address: "F12" });
    expect(parseCellRef("Reserves!$g$16")).toEqual({ sheet: "Reserves", address: "G16" });
    expect(parseCellRef("'Revenue (2)'!C7")).toEqual({ sheet: "Revenue (2)", address: "C7" });
    expect(parseCellRef("'O''Brien'!A1")).toEqual({ sheet: "O'Brien", address: "A1" });
  });

  it("gives null for words and ranges", () => {
    expect(parseCellRef("Usable reserves, General Fund Balance, forecast closing balance")).toBeNull();
    expect(parseCellRef("Revenue!C5:C9")).toBeNull();
    expect(parseCellRef("Revenue!")).toBeNull();
    expect(parseCellRef("Revenue!A0")).toBeNull();
  });

  it("quotes sheet names that need it when formatting", () => {
    expect(formatCellRef({ sheet: "Revenue", address: "F12" })).toBe("Revenue!F12");
    expect(formatCellRef({ sheet: "Revenue (2)", address: "F12" })).toBe("'Revenue (2)'!F12");
  });
});
