/**
 * What the pane shows when something fails: a title and what to do, for every error the gateway (or anything
 * else) throws. Nothing is only logged.
 */
import { WorkbookError } from "../workbook/gateway";

export interface PaneNotice {
  intent: "error" | "warning" | "success" | "info";
  title: string;
  body: string;
  /** The action that raised it, so a later success of the same action can clear it. */
  source?: string;
}

/**
 * Titles by error code: the gateway's WorkbookError codes (src/excel/errors.ts: CellEditMode, Protected, NotFound,
 * Exists, Conflict, TooLarge, Unsupported, Busy, NoExcel...) and raw Office.js codes, matched by a word in the code.
 */
const TITLES: Array<[RegExp, string]> = [
  [/edit/i, "Excel is editing a cell"],
  [/protect|accessdenied/i, "A sheet is protected"],
  [/missing|notfound/i, "A sheet is missing"],
  [/exists/i, "A sheet of that name exists"],
  [/^conflict$/i, "Cells are in the way"],
  [/toolarge|limit/i, "The sheet is too large"],
  [/version|unsupported|requirement|apinotfound|notimplemented/i, "This version of Excel is not supported"],
  [/busy|aborted/i, "Excel is busy"],
  [/noexcel/i, "Not running in Excel"],
];

/** Advice for raw Office.js errors that reach the pane without a WorkbookError's wording. */
const OFFICE_ADVICE: Array<[RegExp, string]> = [
  [/InvalidOperationInCellEditMode/i, "Excel is in cell-editing mode. Press Enter or Esc to finish editing the cell, then try again."],
  [/AccessDenied|Protected/i, "The sheet is protected. Unprotect it (Review > Unprotect Sheet), then try again."],
  [/ItemNotFound/i, "A sheet Outturn needs is missing or was renamed. Restore it, or insert the sheets again."],
  [/ApiNotFound|NotImplemented/i, "This version of Excel does not support a feature Outturn needs. Update Excel, or use Excel on the web."],
];

function codeOf(err: unknown): string {
  if (err && typeof err === "object" && "code" in err) return String((err as { code: unknown }).code ?? "");
  return "";
}

function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === "string") return err;
  return "an unknown problem";
}

/**
 * @param action what the user was doing, as a verb phrase: "insert the sheets", "recalculate".
 */
export function describeError(err: unknown, action: string): PaneNotice {
  const code = codeOf(err);
  if (err instanceof WorkbookError || (err instanceof Error && err.name === "WorkbookError")) {
    const title = TITLES.find(([re]) => re.test(code))?.[1] ?? `Could not ${action}`;
    return { intent: "error", title, body: err.message };
  }
  const advice = OFFICE_ADVICE.find(([re]) => re.test(code) || re.test(messageOf(err)))?.[1];
  if (advice) {
    const title = TITLES.find(([re]) => re.test(code))?.[1] ?? `Could not ${action}`;
    return { intent: "error", title, body: advice };
  }
  const text = messageOf(err).replace(/\.?\s*$/, "");
  return {
    intent: "error",
    title: `Could not ${action}`,
    body: `Something unexpected went wrong: ${text}. Try again; if it happens again, close and reopen the Outturn pane, and tell whoever supports Outturn what you were doing.`,
  };
}
