/**
 * Settings: organisation, year, period, units, then every setting of the registry (src/model/settings/registry.ts)
 * in its sections. Every other sheet reads these by formula (absolute references to column B), so changing a threshold
 * here re-colours the workbook. Percentages are typed as percentages (held as fractions: 3% is 0.03).
 */
import type { Decimal, MonitoringPeriod } from "../../../model/types";
import { PERIODS } from "../../../model/period";
import { SETTINGS, SETTING_SECTIONS, YES_NO, type SettingKey, unitWords } from "../../../model/settings/registry";
import { settingOf } from "../../../model/settings/values";
import { SheetBuilder } from "../../builder";
import { RATE_FORMAT, amountFormat } from "../../styles";
import type { SheetPlan } from "../../types";
import { type IdentityKey, type SheetSettingKey, SETTINGS_COLUMNS, SETTINGS_MARKERS } from "./markers";

export const UNITS = ["£000", "£"] as const;

/** The identity rows, at the top of "The period" section. */
export interface IdentityRow {
  key: IdentityKey;
  label: string;
  type: "text" | "choice";
  values?: readonly string[];
  optional: boolean;
  note: string;
}

export const IDENTITY_ROWS: readonly IdentityRow[] = [
  { key: "organisation", label: "Organisation", type: "text", optional: false, note: "Shown in every sheet's title." },
  { key: "financialYear", label: "Financial year", type: "text", optional: false, note: "As 2024/25." },
  { key: "period", label: "Period", type: "choice", values: PERIODS, optional: false, note: "Q1 to Q4, M01 (April) to M12 (March), or the year end: PO (provisional outturn), FO (final outturn)." },
  { key: "units", label: "Units", type: "choice", values: UNITS, optional: false, note: "£000: amounts in thousands of pounds; £: in pounds." },
];
/** After the period's settings: where the control totals come from. */
export const SOURCE_ROW: IdentityRow = {
  key: "controlSource", label: "Control totals taken from", type: "text", optional: true,
  note: "Where the control totals at the foot of each sheet come from (e.g. the published report).",
};

/** The rows of the sheet, section by section, in order. */
export function settingsRows(): Array<{ section: { key: string; title: string }; rows: Array<IdentityRow | SettingKey> }> {
  return SETTING_SECTIONS.map((s) => ({
    section: { key: s.key, title: s.title },
    rows: s.key === "period" ? [...IDENTITY_ROWS, ...s.keys, SOURCE_ROW] : [...s.keys],
  }));
}

function identityValue(model: MonitoringPeriod, key: IdentityKey): string | null {
  return key === "controlSource" ? model.controlTotals?.source ?? null : model[key];
}

export function settingsSheet(model: MonitoringPeriod, name: string): SheetPlan {
  const C = SETTINGS_COLUMNS;
  const b = new SheetBuilder("Settings", name, [{ width: 48 }, { width: 36 }, { width: 90 }, { width: 14, hidden: true }], C.key);
  b.freeze = { rows: 4, columns: 0 };
  b.print = { orientation: "landscape", fitToWidth: true };
  b.label(1, "A", "Outturn settings", "title");
  b.key(1, SETTINGS_MARKERS.title);
  b.label(2, "A", "Yellow cells are inputs: type percentages as percentages (3%). Every sheet reads these cells by formula.", "subtitle");
  b.key(2, SETTINGS_MARKERS.subtitle);
  b.label(4, "A", "Setting", "header");
  b.label(4, "B", "Value", "header");
  b.label(4, "C", "What it means", "header");
  b.key(4, SETTINGS_MARKERS.header);
  let row = 5;
  const put = (key: SheetSettingKey, label: string, note: string, values: readonly string[] | undefined, write: () => void) => {
    b.label(row, C.label, label);
    write();
    if (values) b.validations.push({ range: `${C.value}${row}`, values: [...values] });
    if (note) b.label(row, C.note, note, "note");
    b.key(row, SETTINGS_MARKERS.setting(key));
    row++;
  };
  for (const { section, rows } of settingsRows()) {
    if (section.key !== "period") {
      row++;
      b.label(row, "A", section.title, "section");
      b.fill(row, 2, 3, "section");
      b.key(row, SETTINGS_MARKERS.section(section.key));
      row++;
    }
    for (const r of rows) {
      if (typeof r !== "string") {
        put(r.key, r.label, r.note, r.values, () => b.inputText(row, C.value, identityValue(model, r.key), "inputText"));
        continue;
      }
      const def = SETTINGS[r];
      const v = settingOf(model.settings, r);
      const values = def.type === "yesNo" ? YES_NO : def.values;
      const unit = unitWords(def.type, model.units);
      put(r, def.sheet.label, unit ? `${def.sheet.note}${def.sheet.note ? " " : ""}Unit: ${unit}.` : def.sheet.note, values, () => {
        if (def.type === "amount") b.inputAmount(row, C.value, v as Decimal | null, amountFormat(model.units));
        else if (def.type === "places") b.inputAmount(row, C.value, v as Decimal | null, "0");
        else if (def.type === "pct" || def.type === "points") b.inputAmount(row, C.value, v === null ? null : (v as Decimal).div(100), RATE_FORMAT);
        else if (def.type === "yesNo") b.inputText(row, C.value, v === null ? null : v ? "Yes" : "No", "inputText");
        else b.inputText(row, C.value, v as string | null, "inputText");
      });
    }
  }
  return b.build();
}
