/**
 * Saving the settings to the Settings sheet, the part both gateways share (pure): what it requires (a Settings sheet,
 * not empty, with a row for every setting, found by its marker wherever the user moved it; the rest of the workbook
 * need not be readable), and what it writes (each setting's input cell; the identity rows are left as typed; the
 * number formats too, unless the sheet is protected, where only the unlocked input values may change).
 *
 * How the writes are found in a sheet is the editor's job: src/excel/settings.ts for Excel (range operations), and
 * `cellEditor` here for the in-memory workbook. Both find rows by the markers of the hidden key column.
 */
import type { PeriodId, Settings, Units } from "../model/types";
import { isPeriodId } from "../model/period";
import type { WorkbookStatus } from "./gateway";
import type { GridSheet } from "../plans/grid";
import type { PlanCell, SheetPlan, WorkbookPlan } from "../plans/types";
import { colIndex, parseA1 } from "../plans/a1";
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

/** Rows that are the period's identity, not settings: saving the settings leaves them as typed. */
export const IDENTITY_MARKERS = ["set:organisation", "set:financialYear", "set:period", "set:units", "set:controlSource"];

/** One input cell of the planned Settings sheet, at the row the existing sheet has for its marker. */
export interface CellWrite {
  row: number;
  col: number;
  cell: PlanCell;
  /** The number format written with it; undefined: the cell keeps its own (a protected sheet). */
  numberFormat: string | null | undefined;
}

/** Marker -> row, in the sheet's key column (the first row with a marker wins). */
export function markerRows(sheet: GridSheet, keyColumn: string): Map<string, number> {
  const col = colIndex(keyColumn);
  const rows = new Map<string, number>();
  for (let r = 1; r <= sheet.maxRow; r++) {
    const v = sheet.get(r, col)?.value;
    if (typeof v === "string" && v && !rows.has(v)) rows.set(v, r);
  }
  return rows;
}

/** Marker -> the planned input cells of its row. */
function plannedInputs(plan: SheetPlan): Map<string, PlanCell[]> {
  const key = colIndex(plan.keyColumn);
  const markerOfRow = new Map<number, string>();
  for (const cell of plan.cells) {
    const at = parseA1(cell.address);
    if (at.col === key && cell.content.kind === "text") markerOfRow.set(at.row, cell.content.text);
  }
  const out = new Map<string, PlanCell[]>();
  for (const cell of plan.cells) {
    const marker = cell.input ? markerOfRow.get(parseA1(cell.address).row) : undefined;
    if (marker) out.set(marker, [...(out.get(marker) ?? []), cell]);
  }
  return out;
}

/** The text typed in the input cell of the row with `marker`, trimmed; null when there is none. */
function typedText(sheet: GridSheet, layout: SheetPlan, marker: string): string | null {
  const row = markerRows(sheet, layout.keyColumn).get(marker);
  const cell = plannedInputs(layout).get(marker)?.[0];
  const v = row !== undefined && cell ? sheet.get(row, parseA1(cell.address).col)?.value : null;
  return v === null || v === undefined || typeof v === "object" ? null : String(v).trim();
}

/** The Settings editor of a workbook held as cells (the in-memory one): one write per setting's input cell. */
export const cellEditor: SettingsEditor<CellWrite> = {
  units(sheet, layout) {
    const units = typedText(sheet, layout, "set:units");
    return units === "£000" || units === "£" ? units : null;
  },
  identity(sheet, layout) {
    const [organisation, financialYear, period, units] = ["set:organisation", "set:financialYear", "set:period", "set:units"].map((m) => typedText(sheet, layout, m));
    if (!organisation || !financialYear || !period || !isPeriodId(period) || (units !== "£000" && units !== "£")) return null;
    return { organisation, financialYear, period: period as PeriodId, units };
  },
  edit(sheet, target, styles, options) {
    const rows = markerRows(sheet, target.keyColumn);
    const ops: CellWrite[] = [];
    const missing: string[] = [];
    for (const [marker, cells] of plannedInputs(target)) {
      if (!marker.startsWith("set:") || IDENTITY_MARKERS.includes(marker)) continue;
      const row = rows.get(marker);
      if (row === undefined) missing.push(marker.slice(4));
      else {
        for (const cell of cells) {
          const numberFormat = options.formats ? cell.numberFormat ?? styles[cell.style]?.numberFormat ?? null : undefined;
          ops.push({ row, col: parseA1(cell.address).col, cell, numberFormat });
        }
      }
    }
    return { ops, missing };
  },
};
