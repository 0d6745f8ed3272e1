/**
 * Which cells of Outturn's sheets are locked, and what a protected sheet still lets people do. Pure, shared by both
 * renderers (src/excel/render.ts for Office.js, src/xlsx/write.ts for files) and the in-memory workbook, so the three
 * protect the same cells.
 *
 * The templates protect every formula, label and heading and leave each input unlocked (`PlanCell.input`, not the
 * style role: a revenue group's name is an input in the "section" role that fixed headings share). The sheets people
 * never type in (the Period history, the Sign-off record) have every cell locked. Protection is against accidental
 * edits: without a password unless the user gives one, which Outturn never stores (Review > Unprotect Sheet lifts it).
 */
import type { PlanCell, SheetKind } from "./types";

/** Sheets written by Outturn alone: every cell locked, inputs included. */
const EVERY_CELL_LOCKED: ReadonlySet<SheetKind> = new Set<SheetKind>(["History", "Signoff"]);

export const locksEveryCell = (kind: SheetKind): boolean => EVERY_CELL_LOCKED.has(kind);

/** Whether a planned cell is locked (editable only once the sheet is unprotected). */
export const isLockedCell = (kind: SheetKind, cell: Pick<PlanCell, "input">): boolean => locksEveryCell(kind) || !cell.input;

/** What people may still do on a protected sheet (Excel's WorksheetProtectionOptions; OOXML sheetProtection). */
export interface ProtectionAllowances {
  /** Resize columns and rows (wrapped commentary needs taller rows). */
  formatColumns: boolean;
  formatRows: boolean;
  /** Insert rows: a line added inside a section is read as a new line (the new row takes the unlocked inputs above). */
  insertRows: boolean;
  /** Select, copy and move charts (the Slides sheet's charts go into the board's slides). */
  editObjects: boolean;
}

export function allowancesFor(kind: SheetKind): ProtectionAllowances {
  if (locksEveryCell(kind)) return { formatColumns: true, formatRows: true, insertRows: false, editObjects: false };
  return { formatColumns: true, formatRows: true, insertRows: true, editObjects: kind === "Slides" };
}
