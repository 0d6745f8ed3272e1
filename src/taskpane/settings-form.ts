/**
 * The Settings view's form: the settings the pane shows (those with a pane label in the settings registry) as text
 * fields and choices, and back to settings with the registry's validation, as the JSON loader and the Settings sheet
 * validate. Every problem names its field, in the words the form shows, so it can be read out of context.
 */
import type { Decimal, Settings, Units } from "../model/types";
import { D } from "../model/amount";
import { SETTINGS, SETTING_KEYS, type SettingKey, type SettingType, type SettingValue, paneLabel } from "../model/settings/registry";
import { settingOf, settingsFrom } from "../model/settings/values";
import { rangeProblem, settingProblems } from "../model/settings/validate";

/** The settings the pane shows: every setting with a pane label. */
export const PANE_KEYS: readonly SettingKey[] = SETTING_KEYS.filter((k) => SETTINGS[k].pane !== null);

/** A setting the pane shows as a typed number (the others are choices). */
export type FieldKey = SettingKey;
export type FieldKind = "pct" | "points" | "amount" | "places";

export interface SettingsForm {
  /** What is in each field: a number as typed, or the value chosen. */
  fields: Partial<Record<SettingKey, string>>;
}

export type FieldErrors = Partial<Record<SettingKey, string>>;

export interface FieldSpec {
  key: SettingKey;
  label: string;
  type: SettingType;
  optional: boolean;
}

export { RULE_LABELS, type RuleName } from "../model/settings/registry";

/** The label of each field as the form shows it; `units` names the amount fields' units. */
export function fieldSpecs(units: Units): Record<SettingKey, FieldSpec> {
  return Object.fromEntries(PANE_KEYS.map((key) => [key, { key, label: paneLabel(key, units), type: SETTINGS[key].type, optional: SETTINGS[key].optional }])) as Record<SettingKey, FieldSpec>;
}

const isNumber = (type: SettingType): type is FieldKind => type === "amount" || type === "pct" || type === "points" || type === "places";

export function toForm(settings: Settings): SettingsForm {
  const fields: SettingsForm["fields"] = {};
  for (const key of PANE_KEYS) {
    const v = settingOf(settings, key);
    fields[key] = v === null ? "" : typeof v === "object" ? (v).toFixed() : String(v);
  }
  return { fields };
}

const NUMBER = /^-?(?:[0-9]{1,15}|[0-9]{1,3}(?:,[0-9]{3}){1,4})(?:\.[0-9]{1,6})?$/;

/** A typed number: commas between thousands, a £ before an amount or a % after a percentage are allowed. */
export function parseField(raw: string, kind: FieldKind): { value: Decimal | null } | { error: string } {
  let t = raw.trim();
  if (t === "") return { value: null };
  if (kind === "amount") t = t.replace(/^(-?)£/, "$1");
  if (kind !== "amount") t = t.replace(/%$/, "").trim();
  if (!NUMBER.test(t)) {
    const example = kind === "amount" ? "100 or 250.5" : kind === "places" ? "1 or 2" : "3 or 2.5";
    return { error: `"${raw.trim()}" is not a number; write a number such as ${example}` };
  }
  const value = new D(t.replace(/,/g, ""));
  const range = rangeProblem(kind, value);
  return range ? { error: range } : { value };
}

export type FormResult = { ok: true; settings: Settings } | { ok: false; errors: FieldErrors };

/**
 * Validates the form and builds settings over `base` (keeping what the form does not show, such as whether a
 * favourable variance is always Green). Returns every problem at once, one per field, each naming its field.
 */
export function fromForm(form: SettingsForm, base: Settings, units: Units): FormResult {
  const specs = fieldSpecs(units);
  const errors: FieldErrors = {};
  const values = new Map<SettingKey, SettingValue>();
  for (const key of SETTING_KEYS) {
    const spec = specs[key];
    if (!spec) { values.set(key, settingOf(base, key)); continue; }
    const raw = form.fields[key] ?? "";
    if (!isNumber(spec.type)) { values.set(key, raw); continue; }
    const parsed = parseField(raw, spec.type);
    if ("error" in parsed) errors[key] = `${spec.label}: ${parsed.error}.`;
    else values.set(key, parsed.value);
  }
  // The registry's rules, as the JSON loader and the Settings sheet apply them; a field already refused is not compared.
  for (const p of settingProblems((key) => values.get(key) ?? null, new Set(Object.keys(errors) as SettingKey[]))) {
    if (!specs[p.key]) continue;
    errors[p.key] = p.standalone ? `${p.message}.` : `${specs[p.key].label}: ${p.message}.`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, settings: settingsFrom((key) => values.get(key) ?? null) };
}

/** The errors in the order the form shows its fields, for a summary. */
export function orderedErrors(errors: FieldErrors, order: readonly SettingKey[]): Array<[SettingKey, string]> {
  return order.filter((k) => errors[k]).map((k) => [k, errors[k] as string]);
}
