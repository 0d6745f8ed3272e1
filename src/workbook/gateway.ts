/**
 * How the task pane reaches the workbook. Production wires this to src/excel (Office.js); tests wire it to
 * an in-memory workbook, so the real task pane runs without Excel. Every method is one user action.
 */
import type { MonitoringPeriod, PeriodId, Settings, Units } from "../model/types";
import type { Check, Place } from "../engine/checks";
import type { LocatedInput, SignOffStatus } from "../engine/signoff";
import type { LineChange } from "../ledger/apply";
import type { BoardAction } from "../engine/actions";
import type { Virement } from "../engine/virements";
import type { SignOffRequest, SignOffResult } from "./signoff";

import type { SheetKind } from "../plans/types";
import type { LedgerSetupRead } from "../plans/sheets/mapping/read";
import type { GridSheet } from "../plans/grid";
import type { LedgerSetup, SaveSetupMode, SaveSetupResult } from "./ledger-setup";

export type { LedgerSetup, LedgerSetupRead, SaveSetupMode, SaveSetupResult };

export type { SheetKind };

export interface InsertRequest {
  organisation: string;
  financialYear: string;
  period: PeriodId;
  units: Units;
  sheets: SheetKind[];
  /**
   * What to do when a sheet of the same name exists:
   * - "ask": insert nothing and report the conflicts, so the pane can ask the user;
   * - "alongside": insert under a new name (e.g. "Revenue (2)"), leaving the existing sheet untouched;
   * - "upgrade": rewrite the template in place keeping every input the user typed.
   */
  onExisting: "ask" | "alongside" | "upgrade";
  /** Figures to fill in (e.g. last period's model when rolling forward); blank templates when absent. */
  model?: MonitoringPeriod;
}

export type InsertResult =
  /** `warnings`: what went less well than asked but needs no undoing (Excel would not freeze the headings). */
  | { status: "inserted"; sheets: string[]; warnings?: string[] }
  | { status: "conflict"; existing: SheetKind[] };

export interface WorkbookStatus {
  /** Outturn sheets found in the workbook (by kind). */
  sheets: SheetKind[];
  /** Organisation, year and period from the Settings sheet, when there is one. */
  identity: { organisation: string; financialYear: string; period: PeriodId; units: Units } | null;
}

export interface WorkbookRead {
  /** Null when the workbook cannot be read into a period at all (the checks say why). */
  model: MonitoringPeriod | null;
  /** Where the period stands against its sign-offs (absent or null: no Sign-off sheet, or the period unreadable). */
  signoff?: SignOffStatus | null;
  /** A Sign-off record read without the hash (PlanPort.read without it): no status or sign-off checks yet; read again with it. */
  signoffUnchecked?: boolean;
  /** The board's actions on the Actions sheet (absent or null: no Actions sheet). */
  actions?: BoardAction[] | null;
  /** The Virements sheet's log (absent or null: no Virements sheet); kept when Outturn rewrites the Summary. */
  virements?: Virement[] | null;
  /** Integrity problems found while reading: overwritten formulas, text in amount cells, missing sheets... */
  checks: Check[];
  /** The cell (e.g. "Reserves!F18") showing the figure an engine check concerns, as found while reading; null when not shown. */
  locate?: (place: Place) => string | null;
  /** Every input with its cell (the sign-off's keys); null or absent when the period cannot be read. */
  inputs?: LocatedInput[] | null;
  /** The Ledger mapping sheet, keeping the ledger import's profile and mapping (absent or null: no such sheet); read by readLedgerSetup. */
  ledgerSheet?: GridSheet | null;
}

/** A ledger import applied, or undone (its changes' old values written back). */
export type ImportDirection = "apply" | "undo";

/** What applying or undoing an import wrote. */
export interface ImportResult {
  /** The cells written, e.g. "Revenue!D9"; none when every cell already held its value. */
  written: string[];
}

/** A cell to take the user to, e.g. { sheet: "Revenue", address: "F12" }. */
export interface CellRef {
  sheet: string;
  address: string;
}

/** What closing or reopening a period did. */
export interface CloseResult {
  /** The period closed or reopened. */
  period: PeriodId;
  /** False when there was nothing to do (closed already with the same figures; or not closed): nothing was written. */
  changed: boolean;
  /** The periods on the History sheet afterwards, oldest first. */
  history: PeriodId[];
}

/** How a read is made. */
export interface ReadOptions {
  /**
   * A read nobody asked for just now (the pane's refresh after a change event): it waits while the user is typing in
   * a cell rather than failing under them. Reads the user started fail at once and say why.
   */
  background?: boolean;
}

export interface WorkbookGateway {
  status(): Promise<WorkbookStatus>;
  insertSheets(request: InsertRequest): Promise<InsertResult>;
  readPeriod(options?: ReadOptions): Promise<WorkbookRead>;
  writeSettings(settings: Settings): Promise<void>;
  selectCell(ref: CellRef): Promise<void>;
  /**
   * Closes the workbook's period: its key figures and RAG become a row of the History sheet (replacing an older row
   * of the same period), which is then protected against accidental edits. Closing again with the same figures
   * writes nothing.
   */
  closePeriod(): Promise<CloseResult>;
  /** Removes `period`'s row from the History sheet (other periods' rows are kept); nothing is written when it has none. */
  reopenPeriod(period: PeriodId): Promise<CloseResult>;
  /**
   * Writes a ledger import's changes (src/ledger: the preview's cells) into the input cells of their lines, and
   * nothing else; "undo" writes their old values back. Refused (Invalid, nothing written) when a cell no longer holds
   * what the preview (for undo: the import) saw.
   */
  writeImport(changes: readonly LineChange[], direction: ImportDirection): Promise<ImportResult>;
  /**
   * The treasurer, then the board, signs off the period's figures (./signoff.ts decides, as `outturn signoff` does):
   * the Sign-off sheet written with the new record (name, role, the gateway's clock, the fingerprint) and the Summary
   * saying so, both protected. Refused (Invalid, nothing written) while the period has errors, the board before the
   * treasurer, the same sign-off twice; Unreadable when the workbook cannot be read as a period.
   */
  signOff(request: SignOffRequest): Promise<SignOffResult>;
  /**
   * Keeps the ledger import's profile and mapping on the Ledger mapping sheet (added when absent). With "ask", a sheet
   * that already keeps a profile or rules is left as it is and its contents reported (status "exists"), so the pane
   * can ask before "replace" rewrites it.
   */
  saveLedgerSetup(setup: LedgerSetup, mode: SaveSetupMode): Promise<SaveSetupResult>;

  /**
   * The password the user protects Outturn's sheets with, for this session only (null: none, the default). Outturn
   * unprotects and protects its sheets with it when it writes them, and never stores it (not in the workbook, not in
   * the browser). A sheet protected with a password Outturn was not given is refused in words, naming the sheet.
   */
  useSheetPassword(password: string | null): void;
  /** Calls `handler` when a monitoring sheet changes (not for Outturn's own writes). Returns an unsubscribe function. */
  onMonitoringChanged(handler: () => void): Promise<() => void>;
}

export { WorkbookError, passwordRefused, type WorkbookErrorCode } from "./errors";
export type { SignOffRequest, SignOffResult };
