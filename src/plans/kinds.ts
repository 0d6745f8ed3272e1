/**
 * The template sheets Outturn inserts, in tab order. Its own module, free of the plans' code, so the task pane's Insert
 * form can list them without loading the sheet plans at start-up. (The Sign-off and Actions sheets are not templates:
 * Outturn adds them when needed.)
 */
import type { SheetKind } from "./types";

export const SHEET_KINDS_IN_ORDER: readonly SheetKind[] = ["Summary", "Revenue", "Capital", "Reserves", "Savings", "Profiles", "History", "Settings", "Slides"];
