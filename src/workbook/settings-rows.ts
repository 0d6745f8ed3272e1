/**
 * The Settings sheet's rows found by their markers (the hidden key column holds "set:materiality"...), so rows the
 * user inserted or moved are still found: the settings editor of a workbook held as cells (the in-memory one), for
 * ./settings.ts. Kept apart from it so that Excel's start-up does not load it.
 */
import { isPeriodId } from "../model/period";
import type { GridSheet } from "../plans/grid";
import type { PlanCell, SheetPlan } from "../plans/types";
import { colIndex, parseA1 } from "../plans/a1";
import type { SettingsEditor } from "./settings";
import { IDENTITY_MARKERS, SETTINGS_MARKERS, settingKeyOf } from "../plans/sheets/settings/markers";


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
  for (let r = 1, last = sheet.maxRow; r <= last; r++) {
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
    const units = typedText(sheet, layout, SETTINGS_MARKERS.setting("units"));
    return units === "£000" || units === "£" ? units : null;
  },
  identity(sheet, layout) {
    const [organisation, financialYear, period, units] = (["organisation", "financialYear", "period", "units"] as const).map((k) => typedText(sheet, layout, SETTINGS_MARKERS.setting(k)));
    if (!organisation || !financialYear || !period || !isPeriodId(period) || (units !== "£000" && units !== "£")) return null;
    return { organisation, financialYear, period: period, units };
  },
  edit(sheet, target, styles, options) {
    const rows = markerRows(sheet, target.keyColumn);
    const ops: CellWrite[] = [];
    const missing: string[] = [];
    for (const [marker, cells] of plannedInputs(target)) {
      if (settingKeyOf(marker) === null || IDENTITY_MARKERS.includes(marker)) continue;
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
