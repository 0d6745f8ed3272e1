/**
 * Every way a workbook action can fail, in one place: the gateways throw a WorkbookError with one of these codes
 * (src/excel/errors.ts turns Office.js codes into them; the in-memory workbook and the use-cases in this folder throw
 * them directly), and the pane titles its notice by the code (src/taskpane/errors.ts, a table the compiler checks is
 * complete). The message is always written for the user: what happened, where, what to do.
 */

/**
 * The codes (Office.js codes they come from in brackets; src/excel/errors.ts holds that table):
 * - CellEditMode: a cell is being edited in Excel (InvalidOperationInCellEditMode);
 * - Protected: a sheet or the workbook's structure is protected, or the workbook is read-only (AccessDenied);
 * - NotFound: a sheet Outturn needs is not in the workbook: never inserted, renamed or deleted (ItemNotFound);
 * - Exists: a sheet of the same name was added meanwhile (ItemAlreadyExists);
 * - Blocked: merged, filtered, table or PivotTable cells block the change (MergedRangeConflict...);
 * - TooLong: a text is longer than an Excel cell holds (32,767 characters);
 * - TooLarge: the sheet is too large for one request (RequestPayloadSizeLimitExceeded...);
 * - Unsupported: this version of Excel lacks an API Outturn needs (a requirement set; ApiNotFound...);
 * - Invalid: the request cannot be carried out as asked (no sheet chosen, nothing to close), or Excel refused an argument;
 * - Unreadable: the workbook, or a sheet Outturn must keep, cannot be read back, so writing would lose what was typed;
 * - Busy: Excel could not do it just now (RequestAborted, ActivityLimitReached, Conflict, GeneralException);
 * - NoExcel: the pane is not running inside Excel;
 * - Unexpected: anything else: the message carries what is known.
 */
export const WORKBOOK_ERROR_CODES = [
  "CellEditMode", "Protected", "NotFound", "Exists", "Blocked", "TooLong", "TooLarge", "Unsupported", "Invalid", "Unreadable", "Busy", "NoExcel", "Unexpected",
] as const;

export type WorkbookErrorCode = (typeof WORKBOOK_ERROR_CODES)[number];

export function isWorkbookErrorCode(code: unknown): code is WorkbookErrorCode {
  return (WORKBOOK_ERROR_CODES as readonly unknown[]).includes(code);
}

/** An error whose message is written for the user (what happened, where, what to do). */
export class WorkbookError extends Error {
  constructor(
    message: string,
    readonly code: WorkbookErrorCode = "Unexpected",
    /** The Office.js error code it came from, if any (for support: shown nowhere but kept). */
    readonly officeCode: string | null = null,
  ) {
    super(message);
    this.name = "WorkbookError";
  }
}

/** The code of a WorkbookError (also one from another copy of this module, e.g. across a bundle split), else null. */
export function workbookErrorCode(err: unknown): WorkbookErrorCode | null {
  if (err instanceof WorkbookError) return err.code;
  if (err instanceof Error && err.name === "WorkbookError") {
    const code = (err as { code?: unknown }).code;
    return isWorkbookErrorCode(code) ? code : "Unexpected";
  }
  return null;
}

/** A cell is being edited: Excel refuses every call until the user finishes (office-js#856), so say how to finish. */
export function cellEditError(action: string, officeCode: string | null = null): WorkbookError {
  return new WorkbookError(
    `Outturn could not ${action} because a cell is being edited in Excel. Press Enter or Esc to finish editing the cell, then try again.`,
    "CellEditMode", officeCode);
}

/**
 * A sheet protected with a password Outturn was not given (Outturn protects its sheets without one unless the user
 * gives it, and never keeps it): what to do, naming the sheet.
 */
export function passwordRefused(sheet: string): WorkbookError {
  return new WorkbookError(
    `"${sheet}" is protected with a password Outturn was not given, so Outturn could not unprotect it to write. Enter the sheets' password ` +
    "in the pane (Insert > Sheet password; Outturn keeps it only while the pane is open), or unprotect the sheet yourself " +
    "(Review > Unprotect Sheet), then try again. Nothing was changed.",
    "Protected");
}
