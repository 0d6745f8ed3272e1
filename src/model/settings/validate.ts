/**
 * What makes a set of settings valid, for every way in (the JSON file, the Settings sheet, the pane's form): each
 * value in its range, and the rules between settings (Amber before Red, the minimum no higher than the maximum, a RAG
 * level with an amount or a %). Each problem names its setting by key; the caller says where that setting is (a JSON
 * path, a Settings sheet cell, a form field) in the words of that way in.
 */
import type { Decimal } from "decimal.js";
import { GRANT_BAND_SLOTS, SETTINGS, SETTING_KEYS, RULE_LABELS, RULE_NAMES, type SettingKey, type SettingType, type SettingValue } from "./registry";

export interface SettingProblem {
  key: SettingKey;
  /** What is wrong and what to do, without the setting's name (the caller puts that in front)... */
  message: string;
  /** ...unless the message names its own subject (a RAG level with neither an amount nor a %). */
  standalone?: boolean;
}

const RULES = RULE_NAMES;

/** Pairs that must be in order: the first no higher than the second; the problem is reported on the first. */
const ORDERED: ReadonlyArray<{ low: SettingKey; high: SettingKey; words: (low: string, high: string) => string }> = [
  { low: "reservesMin", high: "reservesMax", words: (a, b) => `${a}% is above the maximum of ${b}%; set the minimum no higher than the maximum` },
  { low: "capital.overspendAmber", high: "capital.overspendRed", words: (a, b) => `${a}% is above the Red limit of ${b}%; Amber must come first` },
  { low: "capital.slippageAmber", high: "capital.slippageRed", words: (a, b) => `${a}% is above the Red limit of ${b}%; Amber must come first` },
  { low: "savings.amber", high: "savings.green", words: (a, b) => `${a}% is above the Green limit of ${b}%; Amber must be lower` },
  ...RULES.flatMap((rule) => [
    { low: `${rule}.amberAmount` as SettingKey, high: `${rule}.redAmount` as SettingKey, words: (a: string, b: string) => `${a} is above the Red amount of ${b}; Amber must come first` },
    { low: `${rule}.amberPct` as SettingKey, high: `${rule}.redPct` as SettingKey, words: (a: string, b: string) => `${a}% is above the Red % of ${b}%; Amber must come first` },
  ]),
  ...GRANT_BAND_SLOTS.map((slot) => ({ low: `grantBands.${slot}.fromPct` as SettingKey, high: `grantBands.${slot}.toPct` as SettingKey, words: (a: string, b: string) => `${a}% is above the band's to % of ${b}%; a band goes from the lower % to the higher` })),
];

const isDecimal = (v: SettingValue): v is Decimal => v !== null && typeof v === "object";

/** The range problem of one value, or null. */
export function valueProblem(key: SettingKey, value: SettingValue): string | null {
  const def = SETTINGS[key];
  if (value === null) return def.optional ? null : "is empty; enter a number";
  if (def.type === "choice") return def.values?.includes(value as string) ? null : `is "${String(value)}"; choose one of ${def.values?.join(", ")}`;
  if (def.type === "yesNo") return typeof value === "boolean" ? null : `is "${String(value)}"; choose Yes or No`;
  if (def.type === "text") return typeof value === "string" ? null : "is not text; type a name";
  if (!isDecimal(value)) return `is "${String(value)}", not a number`;
  return rangeProblem(def.type, value);
}

/** Whether a number is in the range of its type: never negative; a percentage at most 100; places a whole 0 to 3. */
export function rangeProblem(type: SettingType, value: Decimal): string | null {
  if (type === "places" && (!value.isInteger() || value.isNegative() || value.greaterThan(3))) return `is ${value.toFixed()}; give a whole number of decimal places from 0 to 3`;
  return signProblem(type, value);
}

function signProblem(type: SettingType, value: Decimal): string | null {
  if (value.isNegative()) return `is ${value.toFixed()}; it cannot be negative`;
  if (type === "pct" && value.greaterThan(100)) return `is ${value.toFixed()}%; a percentage here is at most 100`;
  return null;
}

/**
 * Every problem of a set of settings, at most one per setting (a value out of range is not also compared with
 * another). `value(key)` gives each setting's value as that way in read it; `refused` lists settings already refused
 * there (e.g. not a number), which are neither checked again nor compared.
 */
export function settingProblems(value: (key: SettingKey) => SettingValue, refused: ReadonlySet<SettingKey> = new Set()): SettingProblem[] {
  const problems = new Map<SettingKey, string>();
  const standalone = new Set<SettingKey>();
  for (const key of SETTING_KEYS) {
    if (refused.has(key)) continue;
    const p = valueProblem(key, value(key));
    if (p) problems.set(key, p);
  }
  for (const { low, high, words } of ORDERED) {
    const a = value(low), b = value(high);
    if (problems.has(low) || problems.has(high) || refused.has(low) || refused.has(high) || !isDecimal(a) || !isDecimal(b)) continue;
    if (a.greaterThan(b)) problems.set(low, words(a.toFixed(), b.toFixed()));
  }
  for (const rule of RULES) {
    for (const level of ["amber", "red"] as const) {
      const amount: SettingKey = `${rule}.${level}Amount`, pct: SettingKey = `${rule}.${level}Pct`;
      if (problems.has(amount) || problems.has(pct) || refused.has(amount) || refused.has(pct) || value(amount) !== null || value(pct) !== null) continue;
      problems.set(amount, `${RULE_LABELS[rule]}: ${level === "amber" ? "Amber" : "Red"} has neither an amount nor a %; give one or both`);
      standalone.add(amount);
    }
  }
  // Savings achieved is delivered to date + forecast further delivery: with neither kept there is nothing to show.
  if (value("inputs.deliveredToDate") === false && value("inputs.forecastFurtherDelivery") === false && !problems.has("inputs.forecastFurtherDelivery")) {
    problems.set("inputs.forecastFurtherDelivery", "is No, and so is savings delivered to date: keep at least one of the two (Yes), or savings achieved cannot be shown");
  }
  return SETTING_KEYS.filter((k) => problems.has(k)).map((key) => ({ key, message: problems.get(key) as string, ...(standalone.has(key) ? { standalone: true } : {}) }));
}
