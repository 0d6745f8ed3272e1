/**
 * Every setting of a period, declared once: its key, type, default, allowed range, where it lives in the model (and so
 * in the JSON file), its label and note on the Settings sheet, and its label in the pane. The JSON loader and saver,
 * the Settings sheet's layout and reader, the formulas that read a setting, and the pane's form all derive from here,
 * so the three ways in (file, sheet, pane) accept and refuse the same values (see ./validate.ts for the rules between
 * settings).
 *
 * To add a setting: add its key to `SettingKey`, an entry to `SETTINGS` (the compiler insists), and its key to a
 * section of `SETTING_SECTIONS`; then use it where it matters (`settingOf(model.settings, key)` in the engine,
 * `ctx.set(key)` in a formula).
 *
 * Keys are also the markers of the Settings sheet's rows ("set:<key>") in workbooks already in use: never rename one.
 */
import type { Decimal } from "decimal.js";
import type { SignConvention } from "../types";

export type RuleName = "revenueLine" | "revenueGroup" | "revenueTotal";
export type RuleField = "amberAmount" | "amberPct" | "redAmount" | "redPct" | "combine" | "favourableIsGreen";

export type SettingKey =
  | "signConvention"
  | "materiality"
  | "reservesMin"
  | "reservesMax"
  | `${RuleName}.${RuleField}`
  | "generalFund.warningMargin"
  | "capital.overspendAmber"
  | "capital.overspendRed"
  | "capital.slippageAmber"
  | "capital.slippageRed"
  | "savings.green"
  | "savings.amber"
  | "pctDecimals"
  // Workforce (issue 14)
  | "workforce.amberPct"
  | "workforce.redPct";

/**
 * - amount: in the file's units (£ or £000), 0 or more; on the sheet with the amount format.
 * - pct: a percentage (3 means 3%), 0 to 100; on the sheet as a fraction shown as a % (0.03).
 * - points: percentage points, 0 or more; on the sheet like a pct.
 * - choice: one of `values`; on the sheet as text with a drop-down list.
 * - yesNo: true or false; on the sheet as "Yes" or "No".
 * - places: a whole number of decimal places, 0 to 3; on the sheet as a number.
 */
export type SettingType = "amount" | "pct" | "points" | "choice" | "yesNo" | "places";

/** A setting's value in the model: a Decimal (amounts in file units, percentages as percent), text, true/false, or null (not used). */
export type SettingValue = Decimal | string | boolean | null;

export interface SettingDef {
  key: SettingKey;
  type: SettingType;
  /** For choices: the allowed values. */
  values?: readonly string[];
  /** May be left blank (a threshold not used). */
  optional: boolean;
  /** Where the value sits in the model's Settings, which is also its place under "settings" in the JSON file. */
  path: readonly string[];
  /** The default: pounds for amounts (converted to the file's units), percent for percentages, or the value. */
  default: number | string | boolean | null;
  /** The Settings sheet's label and note. */
  sheet: { label: string; note: string };
  /** The pane's label (in error messages too); null when the pane does not show the setting. `{units}` becomes £ or £000. */
  pane: { label: string; short?: string } | null;
  /**
   * The Outturn version that added the setting, when later than the first: a Settings sheet written before has no row
   * for it, and its default applies (with a warning) until the sheet is upgraded.
   */
  addedIn?: string;
}

export const CONVENTIONS: readonly SignConvention[] = ["budget-minus-forecast", "forecast-minus-budget"];

/** What each sign convention means, in the words of the sheets, the pane and the report. */
export const CONVENTION_LABEL: Record<SignConvention, string> = {
  "budget-minus-forecast": "Variance = revised budget − forecast outturn: favourable positive, (adverse) in brackets",
  "forecast-minus-budget": "Variance = forecast outturn − revised budget: overspend positive, (underspend) in brackets",
};
export const COMBINE = ["higher", "lower"] as const;
export const YES_NO = ["Yes", "No"] as const;

export const RULE_LABELS: Record<RuleName, string> = {
  revenueLine: "Revenue lines",
  revenueGroup: "Revenue groups",
  revenueTotal: "Revenue total (net budget)",
};

const RULE_WHAT: Record<RuleName, string> = {
  revenueLine: "Each revenue line",
  revenueGroup: "Each group total",
  revenueTotal: "The Net Budget",
};

/** The six settings of a variance RAG rule. Defaults: [amount in pounds, %] for Amber and Red, and how they combine. */
function ruleDefs(rule: RuleName, amber: [number | null, number | null], red: [number | null, number | null], combine: "higher" | "lower"): SettingDef[] {
  const level = (name: "amber" | "red", words: "Amber" | "Red", [amount, pct]: [number | null, number | null], note: string): SettingDef[] => [
    {
      key: `${rule}.${name}Amount`, type: "amount", optional: true, path: ["rag", rule, name, "amount"], default: amount,
      sheet: { label: `${words} from an adverse variance of`, note },
      pane: { label: `${RULE_LABELS[rule]}: ${words} from an adverse variance of ({units})`, short: `${words} from ({units})` },
    },
    {
      key: `${rule}.${name}Pct`, type: "pct", optional: true, path: ["rag", rule, name, "pct"], default: pct,
      sheet: { label: `${words} from an adverse variance of (% of budget)`, note: "…or this % of the absolute revised budget (blank: not used)." },
      pane: { label: `${RULE_LABELS[rule]}: ${words} from an adverse variance of (% of budget)`, short: `${words} from (% of budget)` },
    },
  ];
  return [
    ...level("amber", "Amber", amber, `${RULE_WHAT[rule]}: Amber when the adverse variance reaches this amount (blank: not used).`),
    ...level("red", "Red", red, "Red when the adverse variance reaches this amount (blank: not used)."),
    {
      key: `${rule}.combine`, type: "choice", values: COMBINE, optional: false, path: ["rag", rule, "combine"], default: combine,
      sheet: { label: "With both an amount and a %, use the", note: "higher: flag only when both are reached; lower: flag as soon as either is." },
      pane: { label: `${RULE_LABELS[rule]}: when both an amount and a % are given` },
    },
    {
      key: `${rule}.favourableIsGreen`, type: "yesNo", optional: false, path: ["rag", rule, "favourableIsGreen"], default: true,
      sheet: { label: "Favourable variances are Green", note: "No: favourable variances are judged by size like adverse ones." },
      pane: null,
    },
  ];
}

const DEFS: SettingDef[] = [
  {
    key: "signConvention", type: "choice", values: CONVENTIONS, optional: false, path: ["signConvention"], default: "budget-minus-forecast",
    sheet: { label: "Sign convention of variances", note: CONVENTIONS.map((c) => `${c}: ${CONVENTION_LABEL[c]}.`).join(" ") },
    pane: { label: "Sign convention" },
  },
  {
    key: "materiality", type: "amount", optional: false, path: ["materiality"], default: 100_000,
    sheet: { label: "Commentary needed from a variance of", note: "A line whose variance reaches this amount needs commentary." },
    pane: { label: "Materiality for commentary ({units})", short: "Materiality: commentary needed from a variance of ({units})" },
  },
  {
    key: "reservesMin", type: "pct", optional: false, path: ["reservesBand", "minimumPct"], default: 3,
    sheet: { label: "General fund minimum (% of net budget)", note: "The reserves policy band: the lowest the General Fund should be." },
    pane: { label: "Reserves minimum (% of net budget)", short: "Minimum (%)" },
  },
  {
    key: "reservesMax", type: "pct", optional: false, path: ["reservesBand", "maximumPct"], default: 5,
    sheet: { label: "General fund maximum (% of net budget)", note: "The highest the General Fund should be." },
    pane: { label: "Reserves maximum (% of net budget)", short: "Maximum (%)" },
  },
  // Revenue lines: Amber at an adverse £250k or 1% of the line's budget, Red at £500k or 2%, whichever is higher
  // (small lines are not flagged for pennies, large lines not for rounding).
  ...ruleDefs("revenueLine", [250_000, 1], [500_000, 2], "higher"),
  // Revenue groups: Amber at £500k or 0.5%, Red at £1m or 1%, whichever is higher.
  ...ruleDefs("revenueGroup", [500_000, 0.5], [1_000_000, 1], "higher"),
  // The revenue total: Amber from 0.5% of the net budget, Red from 1%.
  ...ruleDefs("revenueTotal", [null, 0.5], [null, 1], "lower"),
  {
    key: "generalFund.warningMargin", type: "points", optional: false, path: ["rag", "generalFund", "warningMarginPct"], default: 0.5,
    sheet: { label: "Amber within this many points above the minimum", note: "Red below the minimum; Amber within this margin above it, or above the maximum." },
    pane: { label: "General fund Amber margin above the minimum (percentage points)", short: "Amber margin above the minimum (points)" },
  },
  {
    key: "capital.overspendAmber", type: "pct", optional: false, path: ["rag", "capital", "overspendAmberPct"], default: 0,
    sheet: { label: "Amber from an overspend of (% of revised budget)", note: "Any overspend at or above this % is Amber." },
    pane: { label: "Capital overspend Amber from (% of budget)", short: "Overspend Amber from (%)" },
  },
  {
    key: "capital.overspendRed", type: "pct", optional: false, path: ["rag", "capital", "overspendRedPct"], default: 2,
    sheet: { label: "Red from an overspend of (% of revised budget)", note: "" },
    pane: { label: "Capital overspend Red from (% of budget)", short: "Overspend Red from (%)" },
  },
  {
    key: "capital.slippageAmber", type: "pct", optional: false, path: ["rag", "capital", "slippageAmberPct"], default: 10,
    sheet: { label: "Amber from slippage of (% of revised budget)", note: "" },
    pane: { label: "Capital slippage Amber from (% of budget)", short: "Slippage Amber from (%)" },
  },
  {
    key: "capital.slippageRed", type: "pct", optional: false, path: ["rag", "capital", "slippageRedPct"], default: 20,
    sheet: { label: "Red from slippage of (% of revised budget)", note: "" },
    pane: { label: "Capital slippage Red from (% of budget)", short: "Slippage Red from (%)" },
  },
  {
    key: "savings.green", type: "pct", optional: false, path: ["rag", "savings", "greenPct"], default: 95,
    sheet: { label: "Green from achieving (% of planned)", note: "Achieved = delivered to date + forecast further delivery." },
    pane: { label: "Savings Green from (% of planned achieved)", short: "Green from (% achieved)" },
  },
  {
    key: "savings.amber", type: "pct", optional: false, path: ["rag", "savings", "amberPct"], default: 80,
    sheet: { label: "Amber from achieving (% of planned)", note: "Below this: Red." },
    pane: { label: "Savings Amber from (% of planned achieved)", short: "Amber from (% achieved)" },
  },
  {
    key: "pctDecimals", type: "places", optional: false, path: ["pctDecimals"], default: 2, addedIn: "0.2",
    sheet: { label: "Percentages shown to (decimal places)", note: "0 to 3: the report, the narrative, the slides and the sheets' % cells show percentages to this many places, each rounded once from the exact figure (1.2451% is 1.2% to 1 place, not 1.3%)." },
    pane: { label: "Percentages shown to (decimal places)", short: "Percentages shown to (decimal places)" },
  },
  // Workforce (issue 14): strength against establishment, either way (under strength leaves work undone, over it
  // costs pay the budget may not hold). Amber from 2%, Red from 5% of the establishment.
  {
    key: "workforce.amberPct", type: "pct", optional: false, path: ["rag", "workforce", "amberPct"], default: 2, addedIn: "0.3",
    sheet: { label: "Workforce Amber from a variance to establishment of (%)", note: "Strength (FTE) now or forecast at the year end, under or over the budgeted establishment by this % of it, is Amber." },
    pane: { label: "Workforce Amber from a variance to establishment of (%)", short: "Amber from (% of establishment)" },
  },
  {
    key: "workforce.redPct", type: "pct", optional: false, path: ["rag", "workforce", "redPct"], default: 5, addedIn: "0.3",
    sheet: { label: "Workforce Red from a variance to establishment of (%)", note: "" },
    pane: { label: "Workforce Red from a variance to establishment of (%)", short: "Red from (% of establishment)" },
  },
];

/** Every setting by key: a Record, so the compiler refuses a key without an entry. */
export const SETTINGS: Readonly<Record<SettingKey, SettingDef>> = Object.fromEntries(DEFS.map((d) => [d.key, d])) as Record<SettingKey, SettingDef>;

/** Every setting, in the order of the Settings sheet. */
export const SETTING_KEYS: readonly SettingKey[] = DEFS.map((d) => d.key);

/** The Settings sheet's sections after "The period" (whose rows also hold the period's identity), each with its settings. */
export const SETTING_SECTIONS: ReadonlyArray<{ key: string; title: string; keys: readonly SettingKey[] }> = [
  { key: "period", title: "The period", keys: ["signConvention", "materiality", "reservesMin", "reservesMax"] },
  ...(["revenueLine", "revenueGroup", "revenueTotal"] as const).map((rule) => ({
    key: rule,
    title: { revenueLine: "RAG: revenue lines", revenueGroup: "RAG: revenue group totals and Total Net Revenue Expenditure", revenueTotal: "RAG: the Net Budget (the revenue headline)" }[rule],
    keys: (["amberAmount", "amberPct", "redAmount", "redPct", "combine", "favourableIsGreen"] as const).map((f): SettingKey => `${rule}.${f}`),
  })),
  { key: "generalFund", title: "RAG: general fund", keys: ["generalFund.warningMargin"] },
  { key: "capital", title: "RAG: capital programme", keys: ["capital.overspendAmber", "capital.overspendRed", "capital.slippageAmber", "capital.slippageRed"] },
  { key: "savings", title: "RAG: savings", keys: ["savings.green", "savings.amber"] },
  { key: "presentation", title: "How figures are shown", keys: ["pctDecimals"] },
  { key: "workforce", title: "RAG: workforce", keys: ["workforce.amberPct", "workforce.redPct"] },
];

/** The JSON path of a setting in a monitoring file, e.g. settings.reservesBand.minimumPct. */
export function jsonPath(key: SettingKey): string {
  return ["settings", ...SETTINGS[key].path].join(".");
}

/** The pane's label of a setting, with the file's units. */
export function paneLabel(key: SettingKey, units: string, which: "label" | "short" = "label"): string {
  const pane = SETTINGS[key].pane;
  const text = (which === "short" ? pane?.short : undefined) ?? pane?.label ?? SETTINGS[key].sheet.label;
  return text.replace(/\{units\}/g, units === "£000" ? "£000" : "£");
}
