/**
 * Settings values by key, over the model's Settings object: read, write, the defaults in the file's units, a partial
 * set of settings merged over the defaults (remembering which values were not given), and the JSON document.
 * All driven by the registry's `path` of each setting, so no setting is spelled out here.
 */
import { D, parseAmount } from "../amount";
import type { Decimal, Settings, Units } from "../types";
import { SETTINGS, SETTING_KEYS, type SettingKey, type SettingValue } from "./registry";

type Tree = Record<string, unknown>;

function getPath(tree: unknown, path: readonly string[]): unknown {
  let node = tree;
  for (const p of path) node = node && typeof node === "object" ? (node as Tree)[p] : undefined;
  return node;
}

function setPath(tree: Tree, path: readonly string[], value: unknown): void {
  let node = tree;
  for (const p of path.slice(0, -1)) node = (node[p] ??= {}) as Tree;
  node[path[path.length - 1] as string] = value;
}

/** A setting's value in the settings. */
export function settingOf(settings: Settings, key: SettingKey): SettingValue {
  return (getPath(settings, SETTINGS[key].path) ?? null) as SettingValue;
}

/** Settings from a value for every key. */
export function settingsFrom(value: (key: SettingKey) => SettingValue): Settings {
  const tree: Tree = {};
  for (const key of SETTING_KEYS) setPath(tree, SETTINGS[key].path, value(key));
  return tree as unknown as Settings;
}

/** The settings with some values changed. */
export function withSettings(settings: Settings, changes: Partial<Record<SettingKey, SettingValue>>): Settings {
  return settingsFrom((key) => (key in changes ? (changes[key] as SettingValue) : settingOf(settings, key)));
}

/** A setting's default in the file's units: amounts are declared in pounds. */
export function defaultValue(key: SettingKey, units: Units): SettingValue {
  const def = SETTINGS[key];
  const v = def.default;
  if (v === null || typeof v === "boolean" || typeof v === "string") return v;
  return def.type === "amount" ? new D(v).div(units === "£000" ? 1000 : 1) : new D(v);
}

/** Every setting at its default, for a file in `units`. */
export function defaultSettings(units: Units): Settings {
  return settingsFrom((key) => defaultValue(key, units));
}

/**
 * Settings given in a file (its "settings" object, already checked against the JSON Schema) over the defaults,
 * setting by setting. `given` lists the keys the file sets; the others keep the default, and a refusal can say so.
 */
export function mergeSettings(base: Settings, document: Tree, units: Units = "£000"): { settings: Settings; given: Set<SettingKey>; problems: Array<{ key: SettingKey; message: string }> } {
  const given = new Set<SettingKey>();
  const problems: Array<{ key: SettingKey; message: string }> = [];
  const settings = settingsFrom((key) => {
    const def = SETTINGS[key];
    const raw = getPath(document, def.path);
    if (raw === undefined) return settingOf(base, key);
    given.add(key);
    if (raw === null) return null;
    if (def.type === "amount" && typeof raw === "string" && !/^-?[0-9]+(\.[0-9]+)?$/.test(raw)) {
      const read = amountText(raw, units);
      if ("value" in read) return read.value;
      problems.push({ key, message: read.problem });
      return settingOf(base, key);
    }
    // A percentage may be written "3%" (the schema allows it): the same as 3.
    if ((def.type === "pct" || def.type === "points") && typeof raw === "string" && raw.endsWith("%")) return parseAmount(raw.slice(0, -1));
    if (def.type === "amount" || def.type === "pct" || def.type === "points" || def.type === "places") return parseAmount(raw);
    return raw as SettingValue;
  });
  return { settings, given, problems };
}

/**
 * An amount setting written as people write money. Commas between thousands are read as such ("1,234" is 1234); a £
 * sign is read as pounds in a £ file ("£1,234" is 1234) but refused in a £000 file, where it could mean pounds or
 * thousands, with the two forms to type; brackets mean a negative, which no threshold can be: refused with the form to
 * type. Anything else is refused with what to type.
 */
export function amountText(raw: string, units: Units): { value: Decimal } | { problem: string } {
  const t = raw.trim();
  const m = /^(\()?\s*(-)?\s*(£)?\s*([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(\.[0-9]+)?\s*(\))?$/.exec(t);
  if (!m || Boolean(m[1]) !== Boolean(m[6])) return { problem: `is "${raw}", not an amount; write a number in ${units}, such as 250` };
  const digits = `${m[4]?.replace(/,/g, "")}${m[5] ?? ""}`;
  if (m[1] || m[2]) return { problem: `is "${raw}", a negative amount; a threshold is a size, never negative: write ${digits}` };
  if (m[3] && units === "£000") {
    const thousands = new D(digits).div(1000).toFixed();
    return { problem: `is "${raw}", but amounts in this file are in £000, so a £ sign is unclear: write ${thousands} for £${m[4]}${m[5] ?? ""}, or ${digits} for £${digits}k` };
  }
  return { value: parseAmount(digits) };
}

/** The settings as the JSON file's "settings" object (Decimals stay Decimals: the JSON writer keeps them exact). */
export function settingsDocument(settings: Settings): Tree {
  const tree: Tree = {};
  for (const key of SETTING_KEYS) setPath(tree, SETTINGS[key].path, settingOf(settings, key));
  return tree;
}
