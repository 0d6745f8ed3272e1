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

/** The variance RAG rules, each six settings (see `ruleDefs`). */
export const RULE_NAMES = ["revenueLine", "revenueGroup", "revenueTotal", "yearToDate"] as const;
export type RuleName = (typeof RULE_NAMES)[number];
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
  | "yearToDate.paceWarning"
  | "assist.materiality"
  | "ledger.yearStart"
  | `inputs.${OptionalInput}`
  | CapitalInputKey
  | "body.kind"
  | "body.board"
  | "negativeStyle"
  | "varianceWording"
  // Workforce (issue 14)
  | "workforce.amberPct"
  | "workforce.redPct"
  | `grantBands.${GrantBandSlot}.${GrantBandField}`
  // The scheme of consent for virements (issue 15)
  | "virements.approvalAbove"
  | "virements.approver";

/**
 * The officer grant's withholding bands (issue 14) as a table of settings, one row a band: from % of the headcount
 * target, to % (blank: no upper limit), % of the grant withheld. Six rows; a row without a from % or a withheld % is
 * not used. Data, so a change of the Home Office's rules is a settings change.
 */
export const GRANT_BAND_SLOTS = ["band1", "band2", "band3", "band4", "band5", "band6"] as const;
export type GrantBandSlot = (typeof GRANT_BAND_SLOTS)[number];
export const GRANT_BAND_FIELDS = ["fromPct", "toPct", "withheldPct"] as const;
export type GrantBandField = (typeof GRANT_BAND_FIELDS)[number];
/**
 * The defaults: the bands Surrey PCC decision 018/2022 states for the 2022/23 uplift grant (seeds/candidates/workforce/01-...):
 * "All of the grant is paid if 100% of officers are delivered but 10% is withheld [if] 95% to 99.99% is achieved ...
 * no grant if 75% or less is achieved". Those between 75% and 95% are not stated there, so none is invented.
 */
export const STATED_GRANT_BANDS: ReadonlyArray<Record<GrantBandField, number | null>> = [
  { fromPct: 100, toPct: null, withheldPct: 0 },
  { fromPct: 95, toPct: 99.99, withheldPct: 10 },
  { fromPct: 0, toPct: 75, withheldPct: 100 },
];

/** The kinds of body Outturn speaks for, and the reviewing board or committee each is assumed to report to until one is named. */
export const BODY_KINDS = ["police", "fire", "council", "other"] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
export const DEFAULT_BOARD: Record<BodyKind, string> = {
  police: "Police and Crime Panel", fire: "Fire Authority", council: "Cabinet", other: "board that reviews the monitoring",
};
export const VARIANCE_WORDINGS = ["favourable-adverse", "underspend-overspend"] as const;
export const NEGATIVE_STYLES = ["brackets", "minus"] as const;
export type NegativeStyle = (typeof NEGATIVE_STYLES)[number];

/**
 * Input columns a body may not keep (its report never shows them). Each is a yes/no setting `inputs.<column>`: a column
 * not kept is hidden on the sheets and never asked for; a blank in a kept one is a warning naming the cell. To let a
 * body drop another column, add it here (and to `OPTIONAL_INPUT_WORDS`).
 */
export const OPTIONAL_INPUTS = ["originalBudget", "actualToDate", "deliveredToDate", "forecastFurtherDelivery", "slippage", "capitalFinancing"] as const;
export type OptionalInput = (typeof OPTIONAL_INPUTS)[number];
export const OPTIONAL_INPUT_WORDS: Record<OptionalInput, { label: string; note: string }> = {
  originalBudget: { label: "The body keeps an original budget", note: "No: the Original Budget column is hidden on the Revenue and Capital sheets and never asked for." },
  actualToDate: { label: "The body keeps an actual to date", note: "No: the Actual to Date column is hidden on the Revenue and Capital sheets and never asked for." },
  deliveredToDate: { label: "The body keeps savings delivered to date", note: "No: the Delivered to Date column is hidden on the Savings sheet and never asked for; the forecast column then holds each scheme's whole achievement (delivered or forecast)." },
  forecastFurtherDelivery: { label: "The body keeps savings forecast further delivery", note: "No: the Forecast Further Delivery column is hidden on the Savings sheet and never asked for; achieved is what is delivered to date. Keep at least one of the two." },
  slippage: { label: "The body keeps capital slippage", note: "No: the Slippage and Underspend columns are hidden on the Capital sheet; the capital variance is not split into slippage and underspend, and the capital RAG judges overspend only." },
  capitalFinancing: { label: "The body keeps its capital financing", note: "No: the sources of finance are not asked for and capital funding is not checked against the programme." },
};
/**
 * The columns the Revenue and Capital sheets share that a body may keep on one and not the other (North Wales FRA
 * publishes an approved capital budget but no revenue original budget): `inputs.capital<Column>`, Yes or No for the
 * Capital sheet; blank (the default), as the shared setting. One rule for both shared columns.
 */
export const CAPITAL_OWN_INPUTS = ["originalBudget", "actualToDate"] as const;
export type CapitalOwnInput = (typeof CAPITAL_OWN_INPUTS)[number];
export type CapitalInputKey = `inputs.capital${Capitalize<CapitalOwnInput>}`;
export const capitalInputKey = (column: CapitalOwnInput): CapitalInputKey => `inputs.capital${column[0]!.toUpperCase()}${column.slice(1)}` as CapitalInputKey;
const CAPITAL_OWN_WORDS: Record<CapitalOwnInput, { label: string; note: string }> = {
  originalBudget: { label: "The body keeps an original budget for capital", note: "Blank: as \"The body keeps an original budget\". Yes or No: the Capital sheet's Original Budget column is kept (a blank is a warning) or hidden and never asked for, whatever the revenue's." },
  actualToDate: { label: "The body keeps an actual to date for capital", note: "Blank: as \"The body keeps an actual to date\". Yes or No: the Capital sheet's Actual to Date column is kept (a blank is a warning) or hidden and never asked for, whatever the revenue's." },
};
/** The kept-column settings that came after the first two (a Settings sheet written before has no row for them). */
const LATER_INPUTS: readonly OptionalInput[] = ["deliveredToDate", "forecastFurtherDelivery", "slippage", "capitalFinancing"];

/**
 * - amount: in the file's units (£ or £000), 0 or more; on the sheet with the amount format.
 * - pct: a percentage (3 means 3%), 0 to 100; on the sheet as a fraction shown as a % (0.03).
 * - points: percentage points, 0 or more; on the sheet like a pct.
 * - choice: one of `values`; on the sheet as text with a drop-down list.
 * - yesNo: true or false; on the sheet as "Yes" or "No".
 * - places: a whole number of decimal places, 0 to 3; on the sheet as a number.
 * - text: words (a name), or blank; on the sheet as text.
 */
export type SettingType = "amount" | "pct" | "points" | "choice" | "yesNo" | "places" | "text";

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
/** The convention in words for a body that shows negatives with a minus sign (Settings: negativeStyle) rather than brackets. */
export function conventionLabel(convention: SignConvention, negativeStyle: "brackets" | "minus"): string {
  if (negativeStyle === "brackets") return CONVENTION_LABEL[convention];
  return convention === "budget-minus-forecast"
    ? "Variance = revised budget − forecast outturn: favourable positive, adverse negative"
    : "Variance = forecast outturn − revised budget: overspend positive, underspend negative";
}
export const COMBINE = ["higher", "lower"] as const;
/** Calendar months, for the month the financial year starts in (a ledger's Apr-24 is month 1 of 2024/25). */
export const CALENDAR_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;
export const YES_NO = ["Yes", "No"] as const;

export const RULE_LABELS: Record<RuleName, string> = {
  revenueLine: "Revenue lines",
  revenueGroup: "Revenue groups",
  revenueTotal: "Revenue total (net budget)",
  yearToDate: "Revenue lines to date",
};

const RULE_WHAT: Record<RuleName, string> = {
  revenueLine: "Each revenue line",
  revenueGroup: "Each group total",
  revenueTotal: "The Net Budget",
  yearToDate: "Each revenue line's variance to date (against its profiled budget to date)",
};

/** The six settings of a variance RAG rule. Defaults: [amount in pounds, %] for Amber and Red, and how they combine. */
function ruleDefs(rule: RuleName, amber: [number | null, number | null], red: [number | null, number | null], combine: "higher" | "lower", addedIn?: string): SettingDef[] {
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
  const defs: SettingDef[] = [
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
  return addedIn ? defs.map((d) => ({ ...d, addedIn })) : defs;
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
  // Year to date: the variance against the profiled budget to date is mostly timing, so it is flagged later than the
  // annual forecast's: Amber at £250k or 5% of the budget to date, Red at £500k or 10%, whichever is higher.
  ...ruleDefs("yearToDate", [250_000, 5], [500_000, 10], "higher", "0.3"),
  {
    key: "yearToDate.paceWarning", type: "pct", optional: true, path: ["yearToDate", "paceWarningPct"], default: 25, addedIn: "0.3",
    sheet: { label: "Flag a line whose actual to date is off its profile by (%)", note: "A line whose actual to date is this % or more above or below its profiled budget to date is flagged: check the profile or the coding (blank: not used)." },
    pane: { label: "Year to date: flag actuals off the profile by (%)", short: "Off the profile by (%)" },
  },
  {
    key: "assist.materiality", type: "amount", optional: true, path: ["assist", "materialityAmount"], default: null, addedIn: "0.3",
    sheet: { label: "Flag a forecast off the projections by", note: "Forecast assist: a line whose forecast differs from a projection by this amount or more is flagged (blank: the commentary materiality above)." },
    pane: { label: "Forecast assist: flag a forecast off a projection by ({units})", short: "Off a projection by ({units})" },
  },
  // Ledger import (issue 12): how a ledger export's calendar months (Apr-24, 2024-04) become months of the year.
  {
    key: "ledger.yearStart", type: "choice", values: CALENDAR_MONTHS, optional: false, path: ["ledger", "yearStartMonth"], default: "April", addedIn: "0.3",
    sheet: { label: "Financial year starts in", note: "For ledger imports: a ledger's calendar months (Apr-24, 2024-04) are placed by it; P01 is this month." },
    pane: { label: "Financial year starts in (for ledger imports)", short: "Financial year starts in" },
  },
  {
    key: "body.kind", type: "choice", values: BODY_KINDS, optional: false, path: ["body", "kind"], default: "other", addedIn: "0.2",
    sheet: { label: "Kind of body", note: "police, fire, council or other: the words of the checks, narrative and slides." },
    pane: { label: "Kind of body" },
  },
  {
    key: "body.board", type: "text", optional: true, path: ["body", "board"], default: null, addedIn: "0.2",
    sheet: { label: "Board or committee that reviews the monitoring", note: `Named in the checks and on the slides. Blank: ${BODY_KINDS.map((k) => `${k}, the ${DEFAULT_BOARD[k]}`).join("; ")}.` },
    pane: null,
  },
  {
    key: "negativeStyle", type: "choice", values: NEGATIVE_STYLES, optional: false, path: ["negativeStyle"], default: "brackets", addedIn: "0.2",
    sheet: { label: "Negative figures shown", note: "brackets: (2,307) and (1.34%); minus: -2,307 and -1.34%. In the tables, the sheets' formats and the slides." },
    pane: { label: "Negative figures shown" },
  },
  {
    key: "varianceWording", type: "choice", values: VARIANCE_WORDINGS, optional: false, path: ["varianceWording"], default: "favourable-adverse", addedIn: "0.2",
    sheet: { label: "Variances are described as", note: "favourable-adverse: \"an adverse variance of £2.307m\"; underspend-overspend: \"an overspend of £2.307m\" (the words of most bodies on the forecast-minus-budget convention). In the checks, narrative and slides." },
    pane: { label: "Variances are described as" },
  },
  ...OPTIONAL_INPUTS.map((column): SettingDef => ({
    key: `inputs.${column}`, type: "yesNo", optional: false, path: ["inputs", column], default: true, addedIn: LATER_INPUTS.includes(column) ? "0.3" : "0.2",
    sheet: OPTIONAL_INPUT_WORDS[column],
    // Set on the Settings sheet or in the file; the pane's form shows numbers and choices, not yes/no.
    pane: null,
  })),
  ...CAPITAL_OWN_INPUTS.map((column): SettingDef => ({
    key: capitalInputKey(column), type: "yesNo", optional: true, path: ["inputs", capitalInputKey(column).slice("inputs.".length)], default: null, addedIn: "0.3",
    sheet: CAPITAL_OWN_WORDS[column],
    pane: null,
  })),
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
  ...GRANT_BAND_SLOTS.flatMap((slot, i) => grantBandDefs(slot, i)),
  // The scheme of consent (issue 15): which virements need whose approval recorded on the Virements sheet.
  {
    key: "virements.approvalAbove", type: "amount", optional: true, path: ["virements", "approvalAbove"], default: null, addedIn: "0.3",
    sheet: { label: "Virements needing approval: above", note: "Scheme of consent: a virement of more than this (either way) needs an approval on the Virements sheet; smaller ones are delegated. Blank: every virement does." },
    pane: { label: "Virements: approval needed above ({units})", short: "Approval needed above ({units})" },
  },
  {
    key: "virements.approver", type: "text", optional: true, path: ["virements", "approver"], default: null, addedIn: "0.3",
    sheet: { label: "Virements above it approved by", note: "e.g. PCC: the approval of a virement above the amount must name them. Blank: any approval." },
    pane: null,
  },
];

function grantBandDefs(slot: GrantBandSlot, i: number): SettingDef[] {
  const stated = STATED_GRANT_BANDS[i];
  const words: Record<GrantBandField, { label: string; note: string; short: string }> = {
    fromPct: { label: `Grant band ${i + 1}: from (% of the headcount target)`, short: `Band ${i + 1} from (% of target)`, note: i === 0 ? "The officer grant's bands (the Home Office's grant conditions): a forecast headcount from this % of the target to the band's to % (both included) has the band's % of the grant withheld. The first band that covers it applies; a band without a from % or a withheld % is not used." : "" },
    toPct: { label: `Grant band ${i + 1}: to (% of the headcount target)`, short: `Band ${i + 1} to (% of target)`, note: i === 0 ? "Blank: no upper limit." : "" },
    withheldPct: { label: `Grant band ${i + 1}: % of the grant withheld`, short: `Band ${i + 1} withheld (% of grant)`, note: "" },
  };
  return GRANT_BAND_FIELDS.map((field): SettingDef => ({
    key: `grantBands.${slot}.${field}`, type: "pct", optional: true, path: ["grantBands", slot, field], default: stated?.[field] ?? null, addedIn: "0.3",
    sheet: { label: words[field].label, note: words[field].note },
    // Set on the Settings sheet or in the file: a table, which the pane's form of single values does not show.
    pane: null,
  }));
}

/** Every setting by key: a Record, so the compiler refuses a key without an entry. */
export const SETTINGS: Readonly<Record<SettingKey, SettingDef>> = Object.fromEntries(DEFS.map((d) => [d.key, d])) as Record<SettingKey, SettingDef>;

/** Every setting, in the order of the Settings sheet. */
export const SETTING_KEYS: readonly SettingKey[] = DEFS.map((d) => d.key);

/** The Settings sheet's sections after "The period" (whose rows also hold the period's identity), each with its settings. */
export const SETTING_SECTIONS: ReadonlyArray<{ key: string; title: string; keys: readonly SettingKey[] }> = [
  { key: "period", title: "The period", keys: ["signConvention", "materiality", "reservesMin", "reservesMax"] },
  ...(["revenueLine", "revenueGroup", "revenueTotal"] as const).map((rule) => ruleSection(rule)),
  { key: "generalFund", title: "RAG: general fund", keys: ["generalFund.warningMargin"] },
  { key: "capital", title: "RAG: capital programme", keys: ["capital.overspendAmber", "capital.overspendRed", "capital.slippageAmber", "capital.slippageRed"] },
  { key: "savings", title: "RAG: savings", keys: ["savings.green", "savings.amber"] },
  { key: "presentation", title: "How figures are shown", keys: ["pctDecimals"] },
  { ...ruleSection("yearToDate"), keys: [...ruleSection("yearToDate").keys, "yearToDate.paceWarning", "assist.materiality"] },
  { key: "ledger", title: "Ledger import", keys: ["ledger.yearStart"] },
  { key: "inputs", title: "Input columns the body keeps", keys: [...OPTIONAL_INPUTS.map((c): SettingKey => `inputs.${c}`), ...CAPITAL_OWN_INPUTS.map(capitalInputKey)] },
  { key: "body", title: "The body and its words", keys: ["body.kind", "body.board", "varianceWording", "negativeStyle"] },
  { key: "workforce", title: "RAG: workforce", keys: ["workforce.amberPct", "workforce.redPct"] },
  { key: "grantBands", title: "Officer grant: the bands withheld", keys: GRANT_BAND_SLOTS.flatMap((slot) => GRANT_BAND_FIELDS.map((f): SettingKey => `grantBands.${slot}.${f}`)) },
  { key: "virements", title: "Virements: the scheme of consent", keys: ["virements.approvalAbove", "virements.approver"] },
];

function ruleSection(rule: RuleName): { key: string; title: string; keys: readonly SettingKey[] } {
  const titles: Record<RuleName, string> = {
    revenueLine: "RAG: revenue lines",
    revenueGroup: "RAG: revenue group totals and Total Net Revenue Expenditure",
    revenueTotal: "RAG: the Net Budget (the revenue headline)",
    yearToDate: "Year to date and forecast assist",
  };
  return { key: rule, title: titles[rule], keys: (["amberAmount", "amberPct", "redAmount", "redPct", "combine", "favourableIsGreen"] as const).map((f): SettingKey => `${rule}.${f}`) };
}

/**
 * The unit of a number setting, in words: the Settings sheet's notes, the JSON Schema's descriptions and the README say
 * it, so no threshold is typed in the wrong unit. `units` is the file's (null: said for any file).
 */
export function unitWords(type: SettingType, units: string | null): string | null {
  switch (type) {
    case "amount":
      return units === null
        ? "in the file's units (its \"units\": £ or £000): 250 in a £000 file is £250,000, in a £ file £250"
        : `in ${units}, the file's units: 250 means ${units === "£000" ? "£250,000" : "£250"}`;
    case "pct": return "a percentage: 3 (or \"3%\") means 3%";
    case "points": return "percentage points: 0.5 means half a percentage point";
    case "places": return "decimal places, a whole number 0 to 3";
    default: return null;
  }
}

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
