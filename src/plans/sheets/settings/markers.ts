/** The Settings sheet's columns and row markers, shared by its layout and its reader (and src/excel/settings.ts). */
import type { SettingKey } from "../../../model/settings/registry";

/** The period's identity and the control totals' source: rows of the Settings sheet that are not model settings. */
export type IdentityKey = "organisation" | "financialYear" | "period" | "units" | "controlSource";
/** The identity's rows, in the order of the sheet. */
export const IDENTITY_KEYS: readonly IdentityKey[] = ["organisation", "financialYear", "period", "units", "controlSource"];

/** Every row of the Settings sheet with a value: the identity, and the settings of the registry. */
export type SheetSettingKey = IdentityKey | SettingKey;

export const SETTINGS_COLUMNS = { label: "A", value: "B", note: "C", key: "D" } as const;

export const SETTINGS_MARKERS = {
  title: "title",
  subtitle: "subtitle",
  header: "header",
  section: (key: string) => `section:${key}`,
  /** A setting's row: "set:<key>". Stored in workbooks in use: never change. */
  setting: (key: SheetSettingKey) => `set:${key}`,
} as const;

/** The identity rows' markers: saving the settings leaves them as typed. */
export const IDENTITY_MARKERS: readonly string[] = IDENTITY_KEYS.map((k) => SETTINGS_MARKERS.setting(k));

/** The key of a setting row's marker, or null. */
export function settingKeyOf(marker: string): string | null {
  return marker.startsWith("set:") ? marker.slice(4) : null;
}
