import { displayValue, formatNumber } from "../../src/taskpane/preview-format";

describe("preview cell formatting", () => {
  it("formats amounts with thousands and brackets, and rates as %", () => {
    expect(formatNumber(-5191, "#,##0;(#,##0);0")).toBe("(5,191)");
    expect(formatNumber(171875, "#,##0;(#,##0);0")).toBe("171,875");
    expect(formatNumber(-0.2, "#,##0;(#,##0);0")).toBe("0");
    expect(formatNumber(0.0208, "0.00%")).toBe("2.08%");
    expect(formatNumber(-12.5, "#,##0.00")).toBe("-12.50");
    expect(formatNumber(3.5, undefined)).toBe("3.5");
  });

  it("shows text, booleans and errors as Excel would", () => {
    expect(displayValue({ value: "Red" })).toBe("Red");
    expect(displayValue({ value: true })).toBe("TRUE");
    expect(displayValue({ value: { error: "#REF!" } })).toBe("#REF!");
    expect(displayValue({ value: null })).toBe("");
  });
});
