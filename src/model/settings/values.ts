/**
 * Settings values by key, over the model's Settings object: read, write, the defaults in the file's units, a partial
 * set of settings merged over the defaults (remembering which values were not given), and the JSON document.
 * All driven by the registry's `path` of each setting, so no setting is spelled out here.
 */
import { D, parseAmount } from "../amount";
import type { Settings, Units } from "../types";
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
export function mergeSettings(base: Settings, document: Tree): { settings: Settings; given: Set<SettingKey> } {
  const given = new Set<SettingKey>();
  const settings = settingsFrom((key) => {
    const def = SETTINGS[key];
    const raw = getPath(document, def.path);
    if (raw === undefined) return settingOf(base, key);
    given.add(key);
    if (raw === null) return null;
    // A percentage may be written "3%" (the schema allows it): the same as 3.
    if ((def.type === "pct" || def.type === "points") && typeof raw === "string" && raw.endsWith("%")) return parseAmount(raw.slice(0, -1));
    if (def.type === "amount" || def.type === "pct" || def.type === "points" || def.type === "places") return parseAmount(raw);
    return raw as SettingValue;
  });
  return { settings, given };
}

/** The settings as the JSON file's "settings" object (Decimals stay Decimals: the JSON writer keeps them exact). */
export function settingsDocument(settings: Settings): Tree {
  const tree: Tree = {};
  for (const key of SETTING_KEYS) setPath(tree, SETTINGS[key].path, settingOf(settings, key));
  return tree;
}
