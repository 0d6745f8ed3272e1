import { defaultSettings } from "../../src/model/defaults";
import { D } from "../../src/model/amount";
import { fieldSpecs, fromForm, orderedErrors, parseField, toForm, type FieldKey } from "../../src/taskpane/settings-form";

const base = defaultSettings("£000");

describe("settings form", () => {
  it("round-trips the default settings unchanged", () => {
    const r = fromForm(toForm(base), base, "£000");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.reservesBand.minimumPct.toFixed()).toBe("3");
    expect(r.settings.reservesBand.maximumPct.toFixed()).toBe("5");
    expect(r.settings.materiality.toFixed()).toBe("100");
    expect(r.settings.rag.revenueTotal.amber.amount).toBeNull();
    expect(r.settings.rag.revenueTotal.amber.pct?.toFixed()).toBe("0.5");
    expect(r.settings.rag.revenueLine.red.amount?.toFixed()).toBe("500");
    expect(r.settings.rag.revenueLine.combine).toBe("higher");
    expect(r.settings.signConvention).toBe("budget-minus-forecast");
  });

  it("applies an edited minimum, sign convention and combine rule", () => {
    const form = toForm(base);
    form.fields.reservesMin = "2";
    form.fields.signConvention = "forecast-minus-budget";
    form.fields["revenueGroup.combine"] = "lower";
    const r = fromForm(form, base, "£000");
    expect(r.ok && r.settings.reservesBand.minimumPct.equals(new D(2))).toBe(true);
    expect(r.ok && r.settings.signConvention).toBe("forecast-minus-budget");
    expect(r.ok && r.settings.rag.revenueGroup.combine).toBe("lower");
  });

  it("keeps what the form does not edit from the base settings", () => {
    const custom = { ...base, rag: { ...base.rag, revenueLine: { ...base.rag.revenueLine, favourableIsGreen: false } } };
    const r = fromForm(toForm(custom), custom, "£000");
    expect(r.ok && r.settings.rag.revenueLine.favourableIsGreen).toBe(false);
  });

  it("names the field when the minimum is above the maximum", () => {
    const form = toForm(base);
    form.fields.reservesMin = "6";
    const r = fromForm(form, base, "£000");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.reservesMin).toBe("Reserves minimum (% of net budget): 6% is above the maximum of 5%; set the minimum no higher than the maximum.");
    expect(Object.keys(r.errors)).toEqual(["reservesMin"]);
  });

  it("names the field when a value is not a number, and when a required one is empty", () => {
    const form = toForm(base);
    form.fields.reservesMax = "five";
    form.fields.materiality = " ";
    const r = fromForm(form, base, "£000");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.reservesMax).toBe('Reserves maximum (% of net budget): "five" is not a number; write a number such as 3 or 2.5.');
    expect(r.errors.materiality).toBe("Materiality for commentary (£000): is empty; enter a number.");
    // A bad maximum is not also compared with the minimum.
    expect(r.errors.reservesMin).toBeUndefined();
  });

  it("accepts a trailing % on percentages, and £ and thousands separators on amounts", () => {
    expect(parseField(" 2.5% ", "pct")).toEqual({ value: new D("2.5") });
    expect(parseField("£1,250,000", "amount")).toEqual({ value: new D(1250000) });
    expect(parseField("1,25", "amount")).toHaveProperty("error");
    expect(parseField("1e3", "pct")).toHaveProperty("error");
    expect(parseField("", "pct")).toEqual({ value: null });
  });

  it("refuses negative numbers and percentages above 100", () => {
    expect(parseField("-1", "pct")).toEqual({ error: "is -1; it cannot be negative" });
    expect(parseField("101", "pct")).toEqual({ error: "is 101%; a percentage here is at most 100" });
    expect(parseField("101", "points")).toEqual({ value: new D(101) });
  });

  it("wants Amber before Red, and Amber savings below Green", () => {
    const form = toForm(base);
    form.fields["revenueLine.amberAmount"] = "600";
    form.fields["capital.slippageAmber"] = "30";
    form.fields["savings.amber"] = "96";
    const r = fromForm(form, base, "£000");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors["revenueLine.amberAmount"]).toMatch(/^Revenue lines: Amber from an adverse variance of \(£000\): 600 is above the Red amount of 500/);
    expect(r.errors["capital.slippageAmber"]).toMatch(/^Capital slippage Amber from \(% of budget\): 30% is above the Red limit of 20%/);
    expect(r.errors["savings.amber"]).toMatch(/^Savings Amber from \(% of planned achieved\): 96% is above the Green limit of 95%/);
  });

  it("wants an amount or a % for each threshold", () => {
    const form = toForm(base);
    form.fields["revenueTotal.redPct"] = "";
    const r = fromForm(form, base, "£000");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors["revenueTotal.redAmount"]).toBe("Revenue total (net budget): Red has neither an amount nor a %; give one or both.");
  });

  it("labels amounts in the workbook's units", () => {
    expect(fieldSpecs("£").materiality.label).toBe("Materiality for commentary (£)");
    expect(fieldSpecs("£000")["revenueGroup.redAmount"].label).toBe("Revenue groups: Red from an adverse variance of (£000)");
  });

  it("lists errors in the form's order", () => {
    const order: FieldKey[] = ["reservesMin", "reservesMax", "materiality"];
    expect(orderedErrors({ materiality: "c", reservesMin: "a" }, order)).toEqual([["reservesMin", "a"], ["materiality", "c"]]);
  });
});
