/**
 * Saving the settings to the Settings sheet, the part both gateways share (pure): what it requires (a Settings sheet,
 * not empty, with a row for every setting, found by its marker wherever the user moved it; the rest of the workbook
 * need not be readable), and what it writes (each setting's input cell; the identity rows are left as typed; the
 * number formats too, unless the sheet is protected, where only the unlocked input values may change).
 *
 * How the writes are found in a sheet is the editor's job: src/excel/settings.ts for Excel (range operations), and
 * ./settings-rows.ts for the in-memory workbook. Both find rows by the markers of the hidden key column.
 */
import type { Settings, Units } from "../model/types";
import type { WorkbookStatus } from "./gateway";
import type { GridSheet } from "../plans/grid";
import type { SheetPlan, WorkbookPlan } from "../plans/types";
import type { PlanPort } from "./plan-port";
import { WorkbookError } from "./errors";
import { SHEET_NAMES } from "./names";

/** What a gateway read of the Settings sheet: null when there is none. */
export interface SettingsSheetRead {
  name: string;
  /** Null when the sheet is empty. */
  sheet: GridSheet | null;
  protected: boolean;
}

/** Finds the writes in an existing Settings sheet (rows by marker), in the gateway's own terms. */
export interface SettingsEditor<Op> {
  /** The units typed on the sheet, or null. */
  units(sheet: GridSheet, layout: SheetPlan): Units | null;
  /** Organisation, year, period and units as typed on the sheet; null when any is missing or not valid. */
  identity(sheet: GridSheet, layout: SheetPlan): WorkbookStatus["identity"];
  /** The writes that put `target`'s settings into `sheet`, and the settings whose rows the sheet has lost. */
  edit(sheet: GridSheet, target: SheetPlan, styles: WorkbookPlan["styles"], options: { formats: boolean }): { ops: Op[]; missing: string[] };
}

/** The Settings sheet Outturn would write for these settings (blank identity: only its layout and settings rows are used). */
export function settingsLayout(plans: PlanPort, name: string, units: Units, settings?: Settings): { sheet: SheetPlan; styles: WorkbookPlan["styles"] } {
  const model = plans.blank({ organisation: "", financialYear: "", period: "Q1", units });
  if (settings) model.settings = settings;
  const plan = plans.build(model, ["Settings"], { Settings: name });
  const sheet = plan.sheets.find((s) => s.kind === "Settings");
  if (!sheet) throw new Error("the plans made no Settings sheet");
  return { sheet, styles: plan.styles };
}

/**
 * The period's identity for the pane's status: read from the Settings sheet alone (the other sheets need not be
 * readable, so a workbook with a problem elsewhere still says which period it is).
 */
export function statusIdentity<Op>(settings: GridSheet | null, plans: PlanPort, editor: SettingsEditor<Op>): WorkbookStatus["identity"] {
  return settings ? editor.identity(settings, settingsLayout(plans, settings.name, "£000").sheet) : null;
}

/** The writes that save `settings`, or the WorkbookError saying what is in the way. */
export function planSettingsSave<Op>(read: SettingsSheetRead | null, settings: Settings, plans: PlanPort, editor: SettingsEditor<Op>): Op[] {
  const name = read?.name ?? SHEET_NAMES.Settings;
  if (!read) {
    throw new WorkbookError(`There is no ${name} sheet in this workbook. Insert it first (Insert sheets > ${name}), then save the settings again.`, "NotFound");
  }
  if (!read.sheet) {
    throw new WorkbookError(`The ${name} sheet is empty. Insert it again (Insert sheets > ${name}, Upgrade), then save the settings again.`, "Unreadable");
  }
  const units = editor.units(read.sheet, settingsLayout(plans, name, "£000").sheet) ?? "£000";
  const target = settingsLayout(plans, name, units, settings);
  const edit = editor.edit(read.sheet, target.sheet, target.styles, { formats: !read.protected });
  if (edit.missing.length > 0) {
    throw new WorkbookError(
      `The ${name} sheet has lost the rows for ${edit.missing.slice(0, 3).join(", ")}${edit.missing.length > 3 ? "…" : ""}. Upgrade it (Insert sheets > ${name}, Upgrade), then save the settings again. Nothing was changed.`,
      "Unreadable");
  }
  return edit.ops;
}
