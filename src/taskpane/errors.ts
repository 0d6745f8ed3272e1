/**
 * What the pane shows when something fails: a title and what to do, for every error the gateway (or anything
 * else) throws. Nothing is only logged. The gateways throw WorkbookErrors whose message is already written for the
 * user (src/excel/errors.ts has turned any Office.js error into one), so here a notice is only titled, by its code.
 */
import { workbookErrorCode, type WorkbookErrorCode } from "../workbook/errors";

export interface PaneNotice {
  intent: "error" | "warning" | "success" | "info";
  title: string;
  body: string;
  /** The action that raised it, so a later success of the same action can clear it. */
  source?: string;
  /** A link to show with it (the slides, where Excel cannot start a download by itself). */
  link?: { href: string; label: string; download?: string };
}

/** The notice's title by error code; null: "Could not <action>". Every code has an entry (the compiler checks). */
const TITLES: Record<WorkbookErrorCode, string | null> = {
  CellEditMode: "Excel is editing a cell",
  Protected: "A sheet is protected",
  NotFound: "A sheet is missing",
  Exists: "A sheet of that name exists",
  Blocked: "Cells are in the way",
  TooLong: "A text is too long for a cell",
  TooLarge: "The sheet is too large",
  Unsupported: "This version of Excel is not supported",
  Invalid: null,
  Unreadable: "The workbook cannot be read",
  Busy: "Excel is busy",
  NoExcel: "Not running in Excel",
  Unexpected: null,
};

function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === "string") return err;
  return "an unknown problem";
}

/**
 * @param action what the user was doing, as a verb phrase: "insert the sheets", "recalculate".
 */
export function describeError(err: unknown, action: string): PaneNotice {
  const code = workbookErrorCode(err);
  if (code) return { intent: "error", title: TITLES[code] ?? `Could not ${action}`, body: messageOf(err) };
  const text = messageOf(err).replace(/\.?\s*$/, "");
  return {
    intent: "error",
    title: `Could not ${action}`,
    body: `Something unexpected went wrong: ${text}. Try again; if it happens again, close and reopen the Outturn pane, and tell whoever supports Outturn what you were doing.`,
  };
}
