/** What every sheet module needs: the model, its position, the sheet names and where the settings live. */
import type { MonitoringPeriod } from "../model/types";
import type { Position } from "../engine/position";
import type { SheetKind } from "./types";
import { absRef } from "./a1";
import { amountFormat, pctFormat } from "./styles";
import { SETTINGS_MARKERS, type SheetSettingKey } from "./sheets/settings/markers";
import { SHEET_KINDS_IN_ORDER } from "./kinds";

export { SHEET_KINDS_IN_ORDER };

export type SheetNames = Record<SheetKind, string>;

export function defaultSheetNames(overrides: Partial<SheetNames> = {}): SheetNames {
  const names = Object.fromEntries(SHEET_KINDS_IN_ORDER.map((k) => [k, k])) as SheetNames;
  // Excel reserves the sheet name "History" (its change-tracking sheet), so that kind has another name.
  return { ...names, History: "Period history", Signoff: "Sign-off", Actions: "Actions", Workforce: "Workforce", Virements: "Virements", Mapping: "Ledger mapping", ...overrides };
}

export interface PlanContext {
  model: MonitoringPeriod;
  position: Position;
  names: SheetNames;
  /** Number format of amounts in the file's units. */
  amount: string;
  /** Number format of percentages to the body's places (Settings: pctDecimals). */
  pct: string;
  /** Absolute reference to a setting's value cell, e.g. set("signConvention") -> Settings!$B$9. */
  set: (key: SheetSettingKey) => string;
}

export function makeContext(model: MonitoringPeriod, position: Position, names: SheetNames, settingsRows: Record<string, number>): PlanContext {
  const refs = new Map<SheetSettingKey, string>();
  return {
    model, position, names,
    amount: amountFormat(model.units, model.settings.negativeStyle),
    pct: pctFormat(model.settings.pctDecimals.toNumber(), model.settings.negativeStyle),
    set: (key) => {
      // Asked for in every row's formulas (a RAG formula names nine settings): each reference made once.
      let ref = refs.get(key);
      if (ref === undefined) {
        const row = settingsRows[SETTINGS_MARKERS.setting(key)];
        if (row === undefined) throw new Error(`no setting "${key}" on the Settings sheet plan`);
        refs.set(key, (ref = absRef(names.Settings, "B", row)));
      }
      return ref;
    },
  };
}

/** A formula string literal: "text" with inner quotes doubled. */
export function str(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
