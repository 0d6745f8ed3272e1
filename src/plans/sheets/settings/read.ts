/**
 * Reading the Settings sheet back: the period's identity, and every setting of the registry by its row marker, each
 * value read as its type says, then checked by the registry's rules (as the JSON loader and the pane check them), so
 * a refusal names the setting's cell.
 */
import type { MonitoringPeriod, PeriodId, Settings, Units } from "../../../model/types";
import { SETTINGS, SETTING_KEYS, YES_NO, type SettingKey, type SettingValue } from "../../../model/settings/registry";
import { defaultValue, settingsFrom } from "../../../model/settings/values";
import { settingProblems } from "../../../model/settings/validate";
import { sheetPrefix } from "../../a1";
import type { Reader, SheetView } from "../../read/reader";
import { IDENTITY_ROWS, SOURCE_ROW, type IdentityRow } from "./layout";
import { SETTINGS_COLUMNS as C, SETTINGS_MARKERS, type IdentityKey } from "./markers";

export interface SettingsRead {
  identity: Pick<MonitoringPeriod, "organisation" | "financialYear" | "period" | "units">;
  controlSource: string | null;
  settings: Settings;
}

/** The identity and settings; null when a required one is missing, blank or not of its type (the checks say which). */
export function readSettings(s: SheetView, r: Reader): SettingsRead | null {
  const keys = r.keys("Settings");
  const rows = new Map<string, number>();
  for (let row = 1; row <= s.sheet.maxRow; row++) {
    const m = s.marker(row);
    if (m && !rows.has(m)) rows.set(m, row);
    if (m) keys[m] = row;
  }
  let ok = true;
  const rowOf = (key: IdentityKey | SettingKey, label: string): number | null => {
    const row = rows.get(SETTINGS_MARKERS.setting(key));
    if (row !== undefined) return row;
    r.add("setting-missing", "error", `${sheetPrefix(s.name)}A1`, `The Settings sheet has no "${label}" row (deleted?). Insert the Settings sheet again.`, { area: "settings" });
    ok = false;
    return null;
  };
  const blank = (row: number, label: string, optional: boolean, value: unknown) => {
    const where = s.where(row, C.value);
    if (value === null && !optional && !r.checks.some((c) => c.where === where)) {
      r.add("setting-blank", "error", where, `${where} (${label}) is blank; fill it in.`, { area: "settings", row: label });
    }
    if (value === null && !optional) ok = false;
  };

  const identity: Partial<Record<IdentityKey, string | null>> = {};
  for (const spec of [...IDENTITY_ROWS, SOURCE_ROW] as IdentityRow[]) {
    const row = rowOf(spec.key, spec.label);
    if (row === null) continue;
    const v = spec.values ? r.choice(s, row, C.value, spec.label, spec.values, null) : r.text(s, row, C.value, spec.label);
    const value = typeof v === "string" ? v.trim() : v;
    blank(row, spec.label, spec.optional, value);
    if (spec.key === "financialYear" && value && !/^[0-9]{4}\/[0-9]{2}$/.test(value)) {
      r.add("bad-value", "error", s.where(row, C.value), `${s.where(row, C.value)} (financial year) is "${value}"; write it as 2024/25.`, { area: "settings" });
    }
    identity[spec.key] = value;
  }

  const values = new Map<SettingKey, SettingValue>();
  const cells = new Map<SettingKey, string>();
  for (const key of SETTING_KEYS) {
    const def = SETTINGS[key];
    const label = def.sheet.label;
    const found = rows.get(SETTINGS_MARKERS.setting(key));
    if (found === undefined && !def.addedIn) { rowOf(key, label); continue; }
    if (found === undefined) {
      // A setting that came with a later version of Outturn than the sheet: its default applies until the sheet is upgraded.
      const units = identity.units === "£" ? "£" : "£000";
      const value = defaultValue(key, units);
      values.set(key, value);
      r.add("setting-default", "warning", `${sheetPrefix(s.name)}A1`,
        `The Settings sheet has no "${label}" row (it came with a later version of Outturn), so its default applies (${value === null ? "blank" : typeof value === "object" ? value.toFixed() : String(value)}). To set it, upgrade the Settings sheet: Insert > Settings > Upgrade, which keeps every value typed.`, { area: "settings" });
      continue;
    }
    const row = found;
    cells.set(key, s.where(row, C.value));
    const place = { area: "settings" as const, row: label };
    let v: SettingValue;
    if (def.type === "amount" || def.type === "places") v = r.amount(s, row, C.value, label, place);
    else if (def.type === "pct" || def.type === "points") {
      const d = r.amount(s, row, C.value, label, place);
      v = d === null ? null : (d).times(100);
    } else if (def.type === "yesNo") {
      const c = r.choice(s, row, C.value, label, YES_NO, null);
      v = c === null ? null : c === "Yes";
    } else if (def.type === "text") v = r.text(s, row, C.value, label);
    else v = r.choice(s, row, C.value, label, def.values ?? [], null);
    blank(row, label, def.optional, v);
    values.set(key, v);
  }
  // The rules the JSON loader and the pane apply too, each problem at its setting's cell.
  for (const p of settingProblems((key) => values.get(key) ?? null)) {
    const where = cells.get(p.key);
    if (!where || r.checks.some((c) => c.where === where)) continue;
    const label = SETTINGS[p.key].sheet.label;
    r.add("bad-setting", "error", where, p.standalone ? `${where}: ${p.message}.` : `${where} (${label}) ${p.message}.`, { area: "settings", row: label });
  }
  if (!ok) return null;
  return {
    identity: {
      organisation: identity.organisation as string,
      financialYear: identity.financialYear as string,
      period: (identity.period as string).toUpperCase() as PeriodId,
      units: identity.units as Units,
    },
    controlSource: identity.controlSource ?? null,
    settings: settingsFrom((key) => values.get(key) ?? null),
  };
}
