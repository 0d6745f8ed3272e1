/**
 * Office errors in words the user understands. Office.js rejects a sync with an OfficeExtension.Error whose `code`
 * says what went wrong (learn.microsoft.com/office/dev/add-ins/reference/javascript-api-for-office-error-codes,
 * Excel.ErrorCodes in @types/office-js). We turn each into a WorkbookError that says which sheet and what to do.
 */
import { WorkbookError } from "../workbook/gateway";
import { unprotectRefused } from "./apply";

export interface ErrorContext {
  /** What the user asked for, as a verb phrase: "insert the sheets", "read the workbook". */
  action: string;
  /** The sheets involved, by name. */
  sheets?: string[];
}

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

export function toWorkbookError(e: unknown, ctx: ErrorContext): WorkbookError {
  if (e instanceof WorkbookError) return e;
  const refused = unprotectRefused(e, ctx.sheets);
  if (refused) return refused;
  const code = officeCode(e);
  const where = sheetWords(ctx.sheets);
  const detail = e instanceof Error ? e.message : String(e);
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return new WorkbookError(
        `Outturn could not ${ctx.action} because a cell is being edited in Excel. Press Enter or Esc to finish editing the cell, then try again.`,
        "CellEditMode");
    case "AccessDenied":
      return new WorkbookError(
        `Excel would not let Outturn change ${where}: it is protected, or the workbook is open read-only. ` +
        "Unprotect it (Review > Unprotect Sheet, or Review > Protect Workbook to unprotect the structure) or save an editable copy, then try again.",
        "Protected");
    case "ItemNotFound":
      return new WorkbookError(
        `Outturn could not ${ctx.action}: ${where} could not be found. It may have been renamed or deleted while Outturn was working. Check the sheet tabs, then try again.`,
        "NotFound");
    case "ItemAlreadyExists":
      return new WorkbookError(
        `Outturn could not ${ctx.action}: a sheet with the same name as one of ${where} was added meanwhile. Try again and choose what to do with the existing sheet.`,
        "Exists");
    case "MergedRangeConflict":
    case "InsertDeleteConflict":
    case "PivotTableRangeConflict":
    case "FilteredRangeConflict":
      return new WorkbookError(
        `Outturn could not ${ctx.action}: cells of ${where} are merged, filtered or part of a table or PivotTable in a way that blocks the change. Remove the merge, filter or table there, then try again.`,
        "Conflict");
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
    case "RangeExceedsLimit":
    case "OperationCellsExceedLimit":
      return new WorkbookError(
        `Outturn could not ${ctx.action}: ${where} is too large for Excel to handle in one go. Delete unused rows and columns below and to the right of the tables (select them, right-click, Delete), then try again.`,
        "TooLarge");
    case "ApiNotFound":
    case "NotImplemented":
    case "UnsupportedOperation":
    case "UnsupportedFeature":
      return new WorkbookError(
        `This version of Excel cannot do what Outturn needs to ${ctx.action} (${code}). Update Office, or use Excel for Microsoft 365 or Excel on the web.`,
        "Unsupported");
    case "InvalidArgument":
    case "InvalidReference":
      return new WorkbookError(
        `Outturn could not ${ctx.action}: Excel refused a change to ${where} (${detail}). This is a fault in Outturn; please report it with this message.`,
        "Invalid");
    case "RequestAborted":
    case "ActivityLimitReached":
    case "Conflict":
    case "GeneralException":
      return new WorkbookError(
        `Excel could not ${ctx.action} just now (${code}). Wait a moment and try again; if it keeps happening, save the workbook, close and reopen it.`,
        "Busy");
    case null:
      return new WorkbookError(`Outturn could not ${ctx.action}: ${detail}`, "Unexpected");
    default:
      return new WorkbookError(`Excel could not ${ctx.action} (${code}: ${detail}). Try again; if it keeps happening, save, close and reopen the workbook.`, code);
  }
}
