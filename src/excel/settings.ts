/**
 * The Settings sheet, found by its markers rather than by fixed addresses: every row of an Outturn sheet carries a
 * marker in the hidden key column ("set:materiality"...), so rows the user inserted or moved are still found.
 * Pure: works on a grid sheet (what was read) and a Settings sheet plan (what Outturn would write).
 */
import type { GridSheet } from "../plans/grid";
import { isGridError } from "../plans/grid";
import { colIndex, parseA1 } from "../plans/a1";
import type { SheetPlan, WorkbookPlan } from "../plans/types";
import type { Units } from "../model/types";
import { isPeriodId } from "../model/period";
import { IDENTITY_MARKERS, SETTINGS_MARKERS, settingKeyOf } from "../plans/sheets/settings/markers";
import { markerRows } from "../workbook/settings-rows";
import type { WorkbookStatus } from "../workbook/gateway";
import { COMMAND_ENVELOPE, jsonBytes, numberFormatOf, type CellEntry, type SheetOp } from "./render";

/** Marker text of each planned row. */
function plannedMarkers(plan: SheetPlan): Map<number, string> {
  const out = new Map<number, string>();
  for (const cell of plan.cells) {
    const at = parseA1(cell.address);
    if (cell.style === "key" && cell.content.kind === "text" && at.col === colIndex(plan.keyColumn)) out.set(at.row, cell.content.text);
  }
  return out;
}

/** The input cell of the planned row with this marker, e.g. "set:units" -> column 2. */
function inputColumn(plan: SheetPlan, marker: string): number | null {
  const row = [...plannedMarkers(plan)].find(([, m]) => m === marker)?.[0];
  if (row === undefined) return null;
  const cell = plan.cells.find((c) => c.input && parseA1(c.address).row === row);
  return cell ? parseA1(cell.address).col : null;
}

function textAt(sheet: GridSheet, rows: Map<string, number>, plan: SheetPlan, marker: string): string | null {
  const row = rows.get(marker);
  const col = inputColumn(plan, marker);
  if (row === undefined || col === null) return null;
  const v = sheet.get(row, col)?.value;
  if (v === null || v === undefined || isGridError(v)) return null;
  return String(v).trim();
}

/** Organisation, year, period and units as typed on the Settings sheet; null when any is missing or not valid. */
export function settingsIdentity(sheet: GridSheet, plan: SheetPlan): WorkbookStatus["identity"] {
  const rows = markerRows(sheet, plan.keyColumn);
  const organisation = textAt(sheet, rows, plan, SETTINGS_MARKERS.setting("organisation"));
  const financialYear = textAt(sheet, rows, plan, SETTINGS_MARKERS.setting("financialYear"));
  const period = textAt(sheet, rows, plan, SETTINGS_MARKERS.setting("period"));
  const units = textAt(sheet, rows, plan, SETTINGS_MARKERS.setting("units"));
  if (!organisation || !financialYear || !period || !isPeriodId(period) || (units !== "£000" && units !== "£")) return null;
  return { organisation, financialYear, period: period, units: units };
}

/** The units typed on the Settings sheet, or null. */
export function settingsUnits(sheet: GridSheet, plan: SheetPlan): Units | null {
  const units = textAt(sheet, markerRows(sheet, plan.keyColumn), plan, SETTINGS_MARKERS.setting("units"));
  return units === "£000" || units === "£" ? units : null;
}

/**
 * The writes that put the planned settings' values into the existing sheet's rows: a numberFormat and a values
 * array per run of consecutive setting rows ("" for a setting left blank: cleared).
 */
export function settingsEditOps(sheet: GridSheet, plan: SheetPlan, styles: WorkbookPlan["styles"], options: { formats: boolean }): { ops: SheetOp[]; missing: string[] } {
  const rows = markerRows(sheet, plan.keyColumn);
  const markers = plannedMarkers(plan);
  const missing: string[] = [];
  const byColumn = new Map<number, Array<{ row: number; value: CellEntry; format: string | null }>>();
  for (const cell of plan.cells) {
    if (!cell.input) continue;
    const at = parseA1(cell.address);
    const marker = markers.get(at.row);
    if (!marker || settingKeyOf(marker) === null || IDENTITY_MARKERS.includes(marker)) continue;
    const row = rows.get(marker);
    if (row === undefined) {
      missing.push(marker.slice(4));
      continue;
    }
    const c = cell.content;
    const value: CellEntry = c.kind === "text" ? c.text : c.kind === "amount" ? c.value.toNumber() : c.kind === "blank" ? "" : null;
    if (value === null) continue;
    const list = byColumn.get(at.col) ?? [];
    list.push({ row, value, format: numberFormatOf(cell, styles[cell.style]) });
    byColumn.set(at.col, list);
  }
  // One write per run of consecutive setting rows: only input cells are touched (section headings between runs are
  // locked cells, which a protected sheet would refuse even under a null entry).
  const ops: SheetOp[] = [];
  for (const [col, entries] of byColumn) {
    entries.sort((a, b) => a.row - b.row);
    const runs: Array<typeof entries> = [];
    for (const e of entries) {
      const run = runs[runs.length - 1];
      const last = run?.[run.length - 1];
      if (run && last && last.row === e.row - 1) run.push(e);
      else runs.push([e]);
    }
    for (const run of runs) {
      const firstRow = (run[0] as { row: number }).row;
      if (options.formats) {
        const nf = run.map((e) => [e.format]);
        ops.push({ kind: "cells", property: "numberFormat", firstRow, firstCol: col, data: nf, bytes: COMMAND_ENVELOPE + jsonBytes(nf) });
      }
      const values = run.map((e) => [e.value]);
      ops.push({ kind: "cells", property: "values", firstRow, firstCol: col, data: values, bytes: COMMAND_ENVELOPE + jsonBytes(values) });
    }
  }
  return { ops, missing };
}
