/**
 * Sheet names as Excel treats them, for both gateways: names compare case-insensitively, hold at most 31 characters,
 * and each kind of Outturn sheet is found by its own name ("Period history" for History: Excel reserves "History").
 */
import type { SheetKind } from "../plans/types";
import type { WorkbookPlan } from "../plans/types";
import { SHEET_KINDS_IN_ORDER, defaultSheetNames } from "../plans/context";
import { sheetPrefix } from "../plans/a1";

/** The sheets Outturn inserts, in tab order. */
export const OUTTURN_SHEETS: readonly SheetKind[] = SHEET_KINDS_IN_ORDER;
/** Each kind's sheet name. */
export const SHEET_NAMES = defaultSheetNames();
/** Excel's longest sheet name. */
export const MAX_SHEET_NAME = 31;

/** Whether two sheet names are the same to Excel (case-insensitive). */
export const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The kind of an Outturn sheet, by its name. */
export const kindOfName = (name: string): SheetKind | null => OUTTURN_SHEETS.find((k) => sameName(SHEET_NAMES[k], name)) ?? null;

/** The sheets read back: the templates, the Actions, Virements and Sign-off sheets (added when first needed, not inserted as templates), the Workforce sheet (written with a period's workforce figures) and the Ledger mapping sheet (saved from the Import tab). */
export const READ_KINDS: readonly SheetKind[] = [...OUTTURN_SHEETS, "Actions", "Signoff", "Workforce", "Virements", "Mapping"];
export const readKindOfName = (name: string): SheetKind | null => kindOfName(name) ?? (["Actions", "Signoff", "Workforce", "Virements", "Mapping"] as const).find((k) => sameName(SHEET_NAMES[k], name)) ?? null;

/** "Revenue (2)", "Revenue (3)"... the first name no sheet has, within 31 characters. */
export function freeName(base: string, taken: readonly string[]): string {
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.some((t) => sameName(t, name))) return name;
  }
}

/** Sheets the plan's formulas refer to, among `candidates`, that are not in `available`. */
export function missingReferences(plan: WorkbookPlan, candidates: readonly string[], available: readonly string[]): string[] {
  const missing = new Set<string>();
  for (const sheet of plan.sheets) {
    for (const cell of sheet.cells) {
      if (cell.content.kind !== "formula") continue;
      for (const name of candidates) {
        if (!available.some((a) => sameName(a, name)) && cell.content.formula.includes(sheetPrefix(name))) missing.add(name);
      }
    }
  }
  return [...missing];
}
