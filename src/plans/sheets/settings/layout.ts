/**
 * Settings: organisation, year, period, units, sign convention, reserves band, materiality and the RAG thresholds.
 * Every other sheet reads these by formula (absolute references to column B), so changing a threshold here
 * re-colours the workbook. Rates are typed as percentages (held as fractions: 3% is 0.03).
 */
import type { Decimal, MonitoringPeriod, VarianceRagRule } from "../../../model/types";
import { PERIODS } from "../../../model/period";
import { D } from "../../../model/amount";
import { CONVENTION_LABEL } from "../../../engine/convention";
import { SheetBuilder } from "../../builder";
import { RATE_FORMAT, amountFormat } from "../../styles";
import type { SheetPlan } from "../../types";

export type SettingKind = "text" | "choice" | "amount" | "rate";

export interface SettingSpec {
  key: string;
  label: string;
  kind: SettingKind;
  /** For choices: the allowed values. */
  values?: readonly string[];
  /** Blank allowed (a threshold not used). */
  optional?: boolean;
  note: string;
}

export interface SettingsSection {
  key: string;
  title: string;
  specs: SettingSpec[];
}

export const YES_NO = ["Yes", "No"] as const;
export const COMBINE = ["higher", "lower"] as const;
export const CONVENTIONS = ["budget-minus-forecast", "forecast-minus-budget"] as const;
export const UNITS = ["£000", "£"] as const;

function ruleSpecs(prefix: string, what: string): SettingSpec[] {
  return [
    { key: `${prefix}.amberAmount`, label: "Amber from an adverse variance of", kind: "amount", optional: true, note: `${what}: Amber when the adverse variance reaches this amount (blank: not used).` },
    { key: `${prefix}.amberPct`, label: "Amber from an adverse variance of (% of budget)", kind: "rate", optional: true, note: "…or this % of the absolute revised budget (blank: not used)." },
    { key: `${prefix}.redAmount`, label: "Red from an adverse variance of", kind: "amount", optional: true, note: "Red when the adverse variance reaches this amount (blank: not used)." },
    { key: `${prefix}.redPct`, label: "Red from an adverse variance of (% of budget)", kind: "rate", optional: true, note: "…or this % of the absolute revised budget (blank: not used)." },
    { key: `${prefix}.combine`, label: "With both an amount and a %, use the", kind: "choice", values: COMBINE, note: "higher: flag only when both are reached; lower: flag as soon as either is." },
    { key: `${prefix}.favourableIsGreen`, label: "Favourable variances are Green", kind: "choice", values: YES_NO, note: "No: favourable variances are judged by size like adverse ones." },
  ];
}

export const SETTINGS_SECTIONS: SettingsSection[] = [
  {
    key: "period", title: "The period", specs: [
      { key: "organisation", label: "Organisation", kind: "text", note: "Shown in every sheet's title." },
      { key: "financialYear", label: "Financial year", kind: "text", note: "As 2024/25." },
      { key: "period", label: "Period", kind: "choice", values: PERIODS, note: "Q1 to Q4, or M01 (April) to M12 (March)." },
      { key: "units", label: "Units", kind: "choice", values: UNITS, note: "£000: amounts in thousands of pounds; £: in pounds." },
      { key: "signConvention", label: "Sign convention of variances", kind: "choice", values: CONVENTIONS, note: `budget-minus-forecast: ${CONVENTION_LABEL["budget-minus-forecast"]}. forecast-minus-budget: ${CONVENTION_LABEL["forecast-minus-budget"]}.` },
      { key: "materiality", label: "Commentary needed from a variance of", kind: "amount", note: "A line whose variance reaches this amount needs commentary." },
      { key: "reservesMin", label: "General fund minimum (% of net budget)", kind: "rate", note: "The reserves policy band: the lowest the General Fund should be." },
      { key: "reservesMax", label: "General fund maximum (% of net budget)", kind: "rate", note: "The highest the General Fund should be." },
      { key: "controlSource", label: "Control totals taken from", kind: "text", optional: true, note: "Where the control totals at the foot of each sheet come from (e.g. the published report)." },
    ],
  },
  { key: "revenueLine", title: "RAG: revenue lines", specs: ruleSpecs("revenueLine", "Each revenue line") },
  { key: "revenueGroup", title: "RAG: revenue group totals and Total Net Revenue Expenditure", specs: ruleSpecs("revenueGroup", "Each group total") },
  { key: "revenueTotal", title: "RAG: the Net Budget (the revenue headline)", specs: ruleSpecs("revenueTotal", "The Net Budget") },
  {
    key: "generalFund", title: "RAG: general fund", specs: [
      { key: "generalFund.warningMargin", label: "Amber within this many points above the minimum", kind: "rate", note: "Red below the minimum; Amber within this margin above it, or above the maximum." },
    ],
  },
  {
    key: "capital", title: "RAG: capital programme", specs: [
      { key: "capital.overspendAmber", label: "Amber from an overspend of (% of revised budget)", kind: "rate", note: "Any overspend at or above this % is Amber." },
      { key: "capital.overspendRed", label: "Red from an overspend of (% of revised budget)", kind: "rate", note: "" },
      { key: "capital.slippageAmber", label: "Amber from slippage of (% of revised budget)", kind: "rate", note: "" },
      { key: "capital.slippageRed", label: "Red from slippage of (% of revised budget)", kind: "rate", note: "" },
    ],
  },
  {
    key: "savings", title: "RAG: savings", specs: [
      { key: "savings.green", label: "Green from achieving (% of planned)", kind: "rate", note: "Achieved = delivered to date + forecast further delivery." },
      { key: "savings.amber", label: "Amber from achieving (% of planned)", kind: "rate", note: "Below this: Red." },
    ],
  },
];

export const ALL_SETTING_SPECS: SettingSpec[] = SETTINGS_SECTIONS.flatMap((s) => s.specs);

/** A setting's value in the model: text, or a Decimal (rates in percent, as the model holds them), or null. */
export function settingValue(model: MonitoringPeriod, key: string): string | Decimal | null {
  const s = model.settings;
  const [head, tail] = key.split(".") as [string, string | undefined];
  if (tail && (head === "revenueLine" || head === "revenueGroup" || head === "revenueTotal")) {
    const r: VarianceRagRule = s.rag[head];
    switch (tail) {
      case "amberAmount": return r.amber.amount;
      case "amberPct": return r.amber.pct;
      case "redAmount": return r.red.amount;
      case "redPct": return r.red.pct;
      case "combine": return r.combine;
      case "favourableIsGreen": return r.favourableIsGreen ? "Yes" : "No";
    }
  }
  switch (key) {
    case "organisation": return model.organisation;
    case "financialYear": return model.financialYear;
    case "period": return model.period;
    case "units": return model.units;
    case "signConvention": return s.signConvention;
    case "materiality": return s.materiality;
    case "reservesMin": return s.reservesBand.minimumPct;
    case "reservesMax": return s.reservesBand.maximumPct;
    case "controlSource": return model.controlTotals?.source ?? null;
    case "generalFund.warningMargin": return s.rag.generalFund.warningMarginPct;
    case "capital.overspendAmber": return s.rag.capital.overspendAmberPct;
    case "capital.overspendRed": return s.rag.capital.overspendRedPct;
    case "capital.slippageAmber": return s.rag.capital.slippageAmberPct;
    case "capital.slippageRed": return s.rag.capital.slippageRedPct;
    case "savings.green": return s.rag.savings.greenPct;
    case "savings.amber": return s.rag.savings.amberPct;
  }
  throw new Error(`unknown setting ${key}`);
}

export const SETTINGS_COLUMNS = { label: "A", value: "B", note: "C", key: "D" } as const;

export function settingsSheet(model: MonitoringPeriod, name: string): SheetPlan {
  const b = new SheetBuilder("Settings", name, [{ width: 48 }, { width: 36 }, { width: 90 }, { width: 14, hidden: true }], "D");
  b.freeze = { rows: 4, columns: 0 };
  b.print = { orientation: "landscape", fitToWidth: true };
  b.label(1, "A", "Outturn settings", "title");
  b.key(1, "title");
  b.label(2, "A", "Yellow cells are inputs: type percentages as percentages (3%). Every sheet reads these cells by formula.", "subtitle");
  b.key(2, "subtitle");
  b.label(4, "A", "Setting", "header");
  b.label(4, "B", "Value", "header");
  b.label(4, "C", "What it means", "header");
  b.key(4, "header");
  let row = 5;
  for (const section of SETTINGS_SECTIONS) {
    if (section.key !== "period") {
      row++;
      b.label(row, "A", section.title, "section");
      b.fill(row, 2, 3, "section");
      b.key(row, `section:${section.key}`);
      row++;
    }
    for (const spec of section.specs) {
      b.label(row, "A", spec.label);
      const v = settingValue(model, spec.key);
      if (spec.kind === "amount") b.inputAmount(row, "B", v as Decimal | null, amountFormat(model.units));
      else if (spec.kind === "rate") b.inputAmount(row, "B", v === null ? null : (v as Decimal).div(100), RATE_FORMAT);
      else b.inputText(row, "B", v as string | null, "inputText");
      if (spec.values) b.validations.push({ range: `B${row}`, values: [...spec.values] });
      if (spec.note) b.label(row, "C", spec.note, "note");
      b.key(row, `set:${spec.key}`);
      row++;
    }
  }
  return b.build();
}

/** Setting rows of the plan (for formulas elsewhere): "set:<key>" -> row. */
export function settingsRows(plan: SheetPlan): Record<string, number> {
  return plan.rowKeys;
}

export const ONE_HUNDRED = new D(100);
