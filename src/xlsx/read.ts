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
    return JSON.stringify(value);
  }
  // ExcelJS gives no other kind of value (a bigint, a symbol or a function).
  return null;
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

/** A file that is not an .xlsx workbook at all; the message says what it is instead. */
export class NotAWorkbook extends Error {}

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** What a file that is not an .xlsx looks like, from its first bytes; null when it is a zip (as .xlsx files are). */
function notZip(b: Uint8Array): string | null {
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) return null;
  if (b.length === 0) return "is empty (0 bytes), not a workbook";
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0])) return "is an Excel 97-2003 workbook (.xls) or a password-protected workbook; open it in Excel, remove any password and save it as an Excel Workbook (.xlsx)";
  return "is not an Excel workbook: an .xlsx file is a zip archive and this one is not (a CSV or text file renamed .xlsx?); save it from Excel as an Excel Workbook (.xlsx)";
}

/** The grid of an .xlsx file's bytes (or of the file at a path). Throws NotAWorkbook for anything else. */
export async function readGridFile(source: string | Uint8Array): Promise<Grid> {
  const wb = new ExcelJS.Workbook();
  if (typeof source === "string") {
    await wb.xlsx.readFile(source);
    return gridFromWorkbook(wb);
  }
  const problem = notZip(source);
  if (problem) throw new NotAWorkbook(problem);
  try {
    // In the pane (ExcelJS's browser build) there is no Node Buffer, and the bytes are taken as they are.
    await wb.xlsx.load((typeof Buffer === "undefined" ? source : Buffer.from(source.buffer, source.byteOffset, source.byteLength)) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new NotAWorkbook(`is a zip archive that is not an Excel workbook Outturn can open (${(e as Error).message}); save it from Excel as an Excel Workbook (.xlsx)`);
  }
  if (wb.worksheets.length === 0) throw new NotAWorkbook("is a zip archive but not an Excel workbook: it holds no worksheets (a .zip renamed .xlsx, or a Word or PowerPoint file?)");
  return gridFromWorkbook(wb);
}
