/**
 * Office errors in words the user understands: the one place an Office.js error code is translated. Office.js rejects a
 * sync with an OfficeExtension.Error whose `code` says what went wrong
 * (learn.microsoft.com/office/dev/add-ins/reference/javascript-api-for-office-error-codes, Excel.ErrorCodes in
 * @types/office-js). Each becomes a WorkbookError (src/workbook/errors.ts) that says which sheet and what to do, so
 * nothing past src/excel ever sees an Office code.
 */
import { WorkbookError, cellEditError, type WorkbookErrorCode } from "../workbook/errors";
import { unprotectRefused } from "./apply";

export interface ErrorContext {
  /** What the user asked for, as a verb phrase: "insert the sheets", "read the workbook". */
  action: string;
  /** The sheets involved, by name. */
  sheets?: string[];
}

/** Office.js codes Outturn meets, and the WorkbookError code each becomes. Any other code is "Unexpected". */
export const OFFICE_CODES = {
  InvalidOperationInCellEditMode: "CellEditMode",
  AccessDenied: "Protected",
  ItemNotFound: "NotFound",
  ItemAlreadyExists: "Exists",
  MergedRangeConflict: "Blocked",
  InsertDeleteConflict: "Blocked",
  PivotTableRangeConflict: "Blocked",
  FilteredRangeConflict: "Blocked",
  RequestPayloadSizeLimitExceeded: "TooLarge",
  ResponsePayloadSizeLimitExceeded: "TooLarge",
  RangeExceedsLimit: "TooLarge",
  OperationCellsExceedLimit: "TooLarge",
  ApiNotFound: "Unsupported",
  NotImplemented: "Unsupported",
  UnsupportedOperation: "Unsupported",
  UnsupportedFeature: "Unsupported",
  InvalidArgument: "Invalid",
  InvalidReference: "Invalid",
  RequestAborted: "Busy",
  ActivityLimitReached: "Busy",
  Conflict: "Busy",
  GeneralException: "Busy",
} as const satisfies Record<string, WorkbookErrorCode>;

/** The codes an Office error becomes. */
type FromOffice = (typeof OFFICE_CODES)[keyof typeof OFFICE_CODES] | "Unexpected";

function officeCode(e: unknown): string | null {
  if (typeof e !== "object" || e === null) return null;
  const code = (e as { code?: unknown }).code;
  return typeof code === "string" ? code : null;
}

function sheetWords(sheets: string[] | undefined): string {
  if (!sheets || sheets.length === 0) return "the workbook";
  const quoted = sheets.map((s) => `"${s}"`);
  return quoted.length === 1 ? `the ${quoted[0]} sheet` : `the sheets ${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

interface Words { action: string; where: string; code: string; detail: string }

/** What to tell the user, by the code an Office error becomes (a cell being edited: `cellEditError`, shared with the preview). */
const MESSAGES: Record<Exclude<FromOffice, "CellEditMode">, (w: Words) => string> = {
  Protected: (w) =>
    `Excel would not let Outturn change ${w.where}: it is protected, or the workbook is open read-only. ` +
    "Unprotect it (Review > Unprotect Sheet, or Review > Protect Workbook to unprotect the structure) or save an editable copy, then try again.",
  NotFound: (w) => `Outturn could not ${w.action}: ${w.where} could not be found. It may have been renamed or deleted while Outturn was working. Check the sheet tabs, then try again.`,
  Exists: (w) => `Outturn could not ${w.action}: a sheet with the same name as one of ${w.where} was added meanwhile. Try again and choose what to do with the existing sheet.`,
  Blocked: (w) => `Outturn could not ${w.action}: cells of ${w.where} are merged, filtered or part of a table or PivotTable in a way that blocks the change. Remove the merge, filter or table there, then try again.`,
  TooLarge: (w) => `Outturn could not ${w.action}: ${w.where} is too large for Excel to handle in one go. Delete unused rows and columns below and to the right of the tables (select them, right-click, Delete), then try again.`,
  Unsupported: (w) => `This version of Excel cannot do what Outturn needs to ${w.action} (${w.code}). Update Office, or use Excel for Microsoft 365 or Excel on the web.`,
  Invalid: (w) => `Outturn could not ${w.action}: Excel refused a change to ${w.where} (${w.detail}). This is a fault in Outturn; please report it with this message.`,
  Busy: (w) => `Excel could not ${w.action} just now (${w.code}). Wait a moment and try again; if it keeps happening, save the workbook, close and reopen it.`,
  Unexpected: (w) => (w.code ? `Excel could not ${w.action} (${w.code}: ${w.detail}). Try again; if it keeps happening, save, close and reopen the workbook.` : `Outturn could not ${w.action}: ${w.detail}`),
};

/** Any error thrown inside an Excel action as a WorkbookError; one that already is one passes through unchanged. */
export function toWorkbookError(e: unknown, ctx: ErrorContext): WorkbookError {
  if (e instanceof WorkbookError) return e;
  const refused = unprotectRefused(e, ctx.sheets);
  if (refused) return refused;
  const office = officeCode(e);
  const code: FromOffice = office && Object.prototype.hasOwnProperty.call(OFFICE_CODES, office) ? OFFICE_CODES[office as keyof typeof OFFICE_CODES] : "Unexpected";
  if (code === "CellEditMode") return cellEditError(ctx.action, office);
  const words: Words = { action: ctx.action, where: sheetWords(ctx.sheets), code: office ?? "", detail: e instanceof Error ? e.message : String(e) };
  return new WorkbookError(MESSAGES[code](words), code, office);
}
