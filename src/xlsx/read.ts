/**
 * The reader's grid (src/plans/grid.ts) from an .xlsx file, with ExcelJS. Formula cells give their cached result
 * (what Excel or LibreOffice last calculated) and their formula with a leading "=".
 */
import * as ExcelJS from "exceljs";
import { type Grid, type GridValue, MapGridSheet } from "../plans/grid";

function plain(value: unknown): GridValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (typeof v.error === "string") return { error: v.error };
    if (Array.isArray(v.richText)) return (v.richText as Array<{ text: string }>).map((t) => t.text).join("");
    if ("text" in v && "hyperlink" in v) return plain(v.text);
  }
  return String(value);
}

export function gridFromWorkbook(wb: ExcelJS.Workbook): Grid {
  const sheets: MapGridSheet[] = [];
  wb.eachSheet((ws) => {
    const sheet = new MapGridSheet(ws.name);
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        if (cell.type === ExcelJS.ValueType.Formula) {
          // cell.value omits a falsy result (0, "", false); cell.result has it.
          const formula = cell.formula;
          const result = cell.result as unknown;
          sheet.set(r, c, { value: result === undefined ? null : plain(result), formula: formula ? `=${formula}` : null });
        } else {
          const value = plain(cell.value);
          if (value !== null) sheet.set(r, c, { value, formula: null });
        }
      });
    });
    sheets.push(sheet);
  });
  return { sheets };
}

export async function readGridFile(path: string): Promise<Grid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return gridFromWorkbook(wb);
}
