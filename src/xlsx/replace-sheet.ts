/**
 * One sheet of an existing .xlsx replaced (or added) from its plan, the rest of the workbook kept as ExcelJS reads it:
 * for the command line's sign-off, which adds its record to a workbook people have filled in. A sheet the plan says
 * to protect is protected without a password (against accidental edits, as the add-in protects; Review > Unprotect
 * Sheet lifts it), every cell locked.
 */
import * as ExcelJS from "exceljs";
import type { SheetPlan, WorkbookPlan } from "../plans/types";
import { renderSheet } from "./write";

export interface ReplaceOptions {
  /** The existing sheet to replace, by its name or its title (A1); a new sheet is added at the end when none is. */
  existing: (name: string, title: string | null) => boolean;
  protect: boolean;
}

export async function replaceSheet(bytes: Uint8Array, plan: SheetPlan, styles: WorkbookPlan["styles"], options: ReplaceOptions): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  for (const ws of [...wb.worksheets]) {
    const a1 = ws.getCell("A1").value;
    const title = typeof a1 === "string" ? a1 : a1 && typeof a1 === "object" && "result" in a1 && typeof a1.result === "string" ? a1.result : null;
    if (options.existing(ws.name, title)) wb.removeWorksheet(ws.id);
  }
  const ws = renderSheet(wb, plan, styles);
  // Every cell locked (labels are, by Excel's default); selecting cells stays allowed, so the record can be copied.
  if (options.protect) await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  // Formulas are recalculated on opening, as in every workbook Outturn writes.
  wb.calcProperties.fullCalcOnLoad = true;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
