/**
 * Sheets of an existing .xlsx replaced (or added) from their plans, the rest of the workbook kept as ExcelJS reads it:
 * for the command line's sign-off, which writes its record (and the Summary saying so) into a workbook people have
 * filled in. A replaced sheet keeps its place among the tabs; a new one goes last. Each is protected as every sheet
 * Outturn writes (src/xlsx/write.ts): without a password unless given one, inputs unlocked.
 */
import * as ExcelJS from "exceljs";
import type { SheetPlan, WorkbookPlan } from "../plans/types";
import { renderSheet, sheetProtector } from "./write";

export interface ReplaceOptions {
  /** Whether an existing sheet (by its name, or its title in A1) is the one this plan replaces. */
  replaces: (plan: SheetPlan, name: string, title: string | null) => boolean;
  /** The user's password for the sheets (none: protected without one). */
  password?: string;
}

function titleOf(ws: ExcelJS.Worksheet): string | null {
  const a1 = ws.getCell("A1").value;
  if (typeof a1 === "string") return a1;
  return a1 && typeof a1 === "object" && "result" in a1 && typeof a1.result === "string" ? a1.result : null;
}

/** ExcelJS orders the tabs by each sheet's orderNo, which its typings leave out. */
type Ordered = ExcelJS.Worksheet & { orderNo: number };

export async function replaceSheets(bytes: Uint8Array, plans: readonly SheetPlan[], styles: WorkbookPlan["styles"], options: ReplaceOptions): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  for (const plan of plans) {
    const old = wb.worksheets.find((ws) => options.replaces(plan, ws.name, titleOf(ws)));
    const orderNo = (old as Ordered | undefined)?.orderNo;
    if (old) wb.removeWorksheet(old.id);
    const ws = await renderSheet(wb, plan, styles, sheetProtector({ password: options.password }));
    if (orderNo !== undefined) (ws as Ordered).orderNo = orderNo;
  }
  // Formulas are recalculated on opening, as in every workbook Outturn writes.
  wb.calcProperties.fullCalcOnLoad = true;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
