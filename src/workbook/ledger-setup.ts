/**
 * Saving the ledger import's setup (the profile and the mapping, issue 12) into the workbook's Ledger mapping sheet,
 * the part both gateways share (pure). A sheet that already holds a profile or rules is the user's: it is never
 * rewritten without their say (mode "ask" reports what it holds and writes nothing; "replace" rewrites it).
 */
import type { GridSheet } from "../plans/grid";
import type { MonitoringPeriod } from "../model/types";
import { type Check, sortChecks } from "../engine/checks";
import { sheetPrefix } from "../plans/a1";
import type { SheetPlan, WorkbookPlan } from "../plans/types";
import { STYLES } from "../plans/styles";
import { type LedgerSetup, mappingSheet } from "../plans/sheets/mapping/layout";
import { type LedgerSetupRead, readLedgerSetup } from "../plans/sheets/mapping/read";
import { WorkbookError } from "./errors";
import { SHEET_NAMES } from "./names";

export type { LedgerSetup };

/** ask: write only when the workbook keeps no setup yet; replace: the user agreed to replace what it keeps. */
export type SaveSetupMode = "ask" | "replace";

export type SaveSetupResult =
  /** Written to `sheet`. */
  | { status: "saved"; sheet: string }
  /** Nothing written: the sheet keeps a profile and/or rules already (how many), for the pane to ask about. */
  | { status: "exists"; sheet: string; profile: boolean; rules: number };

/** What a Ledger mapping sheet keeps now (a profile filled in, rules), read as the workbook's reader reads it; rows it refuses count as kept. */
export function keptSetup(sheet: GridSheet): { profile: boolean; rules: number; refused: number } {
  const read = readLedgerSetup(sheet, null);
  return { profile: read.profile !== null, rules: read.rules.length, refused: read.problems.length };
}

/**
 * The sheet to write for `setup`, or what the workbook keeps when `mode` is "ask" and it keeps something. Refused in
 * words when the sheet must be added to a workbook whose structure is protected.
 */
export function planSetupSave(existing: GridSheet | null, setup: LedgerSetup, mode: SaveSetupMode, structureProtected: boolean):
  { status: "exists"; sheet: string; profile: boolean; rules: number } | { status: "write"; sheet: SheetPlan; plan: WorkbookPlan; create: boolean } {
  const name = existing?.name ?? SHEET_NAMES.Mapping;
  if (existing && mode === "ask") {
    const { profile, rules, refused } = keptSetup(existing);
    if (profile || rules > 0 || refused > 0) return { status: "exists", sheet: name, profile, rules };
  }
  if (!existing && structureProtected) {
    throw new WorkbookError(`The workbook's structure is protected, so Outturn cannot add the "${name}" sheet to keep the import's profile and mapping. Unprotect the workbook (Review > Protect Workbook), save again, then protect it again. Nothing was changed.`, "Protected");
  }
  const sheet = mappingSheet(name, setup);
  return { status: "write", sheet, plan: { sheets: [sheet], styles: STYLES }, create: !existing };
}

/**
 * The Ledger mapping sheet's problems as the period's checks (warnings: they stop an import with this setup, not the
 * period's figures), each at its cell, so the Checks list shows them before anyone imports. Read apart from the
 * period (its reader stays out of the pane's start-up): the gateways add them to a read of a workbook with the sheet.
 */
export function setupChecks(setup: Pick<LedgerSetupRead, "sheet" | "problems">): Check[] {
  return setup.problems.map((problem) => {
    const at = /^(.+![A-Z]+\d+): ([\s\S]*)$/.exec(problem);
    const where = at?.[1] ?? `${sheetPrefix(setup.sheet)}A1`;
    const what = (at?.[2] ?? problem).replace(/\.$/, "");
    return {
      id: "ledger-setup", severity: "warning", where, place: { area: "workbook", row: null, column: null },
      message: `${where}: ${what}. The ledger import cannot use the workbook's setup until this is corrected.`,
    };
  });
}

/** A read with its Ledger mapping sheet's problems among its checks (errors first, as read). */
export function withSetupChecks<R extends { checks: Check[]; model: MonitoringPeriod | null; ledgerSheet?: GridSheet | null }>(read: R): R {
  if (!read.ledgerSheet) return read;
  const more = setupChecks(readLedgerSetup(read.ledgerSheet, read.model));
  return more.length ? { ...read, checks: sortChecks([...read.checks, ...more]) } : read;
}
