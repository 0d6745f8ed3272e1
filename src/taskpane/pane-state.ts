/**
 * The pane's state and every way it changes, as a pure reducer: usePane runs the workbook calls and dispatches what
 * they returned; the views read the state. Notice texts come from ./notices.
 */
import type { InsertRequest, SheetKind, WorkbookErrorCode, WorkbookRead, WorkbookStatus } from "../workbook/gateway";
import { workbookErrorCode } from "../workbook/errors";
import type { PeriodId, Settings, Units } from "../model/types";
import type { Position } from "../engine/position";
import type { LineChange } from "../ledger/apply";
import { type PositionSummary, notYet, summarise } from "./headline";
import type { PaneNotice } from "./errors";
import { type CheckItem, errorsOf } from "./check-items";
import { notices, problems } from "./notices";

export type View = "start" | "position" | "checks" | "review" | "pack" | "settings" | "import";
/** "recalculate": a read the user asked for (Recalculate, or after an action); "refresh": one after a change event. */
export type Busy = "status" | "insert" | "recalculate" | "refresh" | "save" | "select" | "close" | "reopen" | "slides" | "import" | "undoImport" | "take" | "undoTake" | "signoff" | "saveSetup";

/** The last ledger import applied in this session: what undo writes back. */
export interface LastImport {
  file: string;
  changes: readonly LineChange[];
  /** The cells written, e.g. "Revenue!D9". */
  written: readonly string[];
}

/** The last projections taken into forecasts in this session (forecast assist): what undo writes back. */
export interface LastTake {
  changes: readonly LineChange[];
}

/** What was last read from the workbook; absent until the first read. */
export interface Reading {
  read: WorkbookRead;
  /** The position, when the workbook could be read into one with figures (not a blank template). */
  position: Position | null;
  summary: PositionSummary | null;
  /** Why there is no position, when there is none. */
  problem: string | null;
  /** Every check, from reading and from the position, errors first, each with its cell. */
  checks: CheckItem[];
  at: Date;
}

export interface PaneState {
  /** Until the first status() answer. */
  loading: boolean;
  view: View;
  status: WorkbookStatus | null;
  reading: Reading | null;
  /** The settings and units last read (kept when a later read cannot produce a model). */
  settings: Settings | null;
  units: Units;
  notice: PaneNotice | null;
  busy: Partial<Record<Busy, boolean>>;
  /** Sheets that exist already, while the user decides what to do about them. */
  conflict: { request: InsertRequest; existing: SheetKind[] } | null;
  /** Bumped when a view's heading should take focus (after Insert moves to the Position view). */
  focusRequest: number;
  /** The ledger import that can be undone; null when none (or once undone). */
  lastImport: LastImport | null;
  lastTake: LastTake | null;
}

export type PaneAction =
  | { type: "status"; status: WorkbookStatus | null }
  | { type: "busy"; key: Busy; on: boolean }
  | { type: "failed"; key: Busy; notice: PaneNotice }
  | { type: "read"; read: WorkbookRead; position: Position | null; checks: CheckItem[]; at: Date }
  | { type: "view"; view: View }
  | { type: "conflict"; request: InsertRequest; existing: SheetKind[] }
  | { type: "inserted"; sheets: readonly string[]; warnings?: readonly string[]; status: WorkbookStatus | null }
  | { type: "conflictCancelled" }
  | { type: "conflictClosed" }
  /** A notice now (null clears it). */
  | { type: "notice"; notice: PaneNotice | null }
  /** The outcome of an action that refreshed afterwards: shown unless the refresh raised a notice of its own. */
  | { type: "done"; notice: PaneNotice }
  | { type: "watchFailed"; notice: PaneNotice }
  /** A ledger import applied (or, with null, undone). */
  | { type: "imported"; last: LastImport | null }
  | { type: "taken"; last: LastTake | null };

export const initialPaneState: PaneState = {
  loading: true, view: "start", status: null, reading: null, settings: null, units: "£000", notice: null, busy: {}, conflict: null, focusRequest: 0, lastImport: null, lastTake: null,
};

/** What the Position view shows after a read: a summary only from a position with figures and no error checks hidden. */
export function readingOf(read: WorkbookRead, position: Position | null, checks: CheckItem[], at: Date): Reading {
  const problem = !position ? problems.unreadable : notYet(position);
  const shown = position && !problem ? position : null;
  return { read, position: shown, summary: shown ? summarise(shown) : null, problem, checks, at };
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "status": {
      const hasSheets = Boolean(action.status && action.status.sheets.length > 0);
      return { ...state, loading: false, status: action.status, view: hasSheets ? "position" : "start" };
    }
    case "busy":
      return { ...state, busy: { ...state.busy, [action.key]: action.on } };
    case "failed":
      return { ...state, notice: { ...action.notice, source: action.key } };
    case "read": {
      const model = action.read.model;
      return {
        ...state,
        reading: readingOf(action.read, action.position, action.checks, action.at),
        settings: model?.settings ?? state.settings,
        units: model?.units ?? state.units,
        // A notice from a failed recalculation is out of date once one succeeds.
        notice: state.notice?.source === "recalculate" || state.notice?.source === "refresh" ? null : state.notice,
      };
    }
    case "view":
      return { ...state, view: action.view };
    case "conflict":
      return { ...state, conflict: { request: action.request, existing: action.existing } };
    case "inserted":
      return {
        ...state,
        conflict: null,
        status: action.status ?? state.status,
        view: "position",
        focusRequest: state.focusRequest + 1,
        notice: notices.sheetsInserted(action.sheets, action.warnings ?? []),
      };
    case "conflictCancelled":
      return { ...state, conflict: null, notice: notices.nothingInserted };
    case "conflictClosed":
      return { ...state, conflict: null };
    case "notice":
      return { ...state, notice: action.notice };
    case "done":
      return { ...state, notice: state.notice ?? action.notice };
    case "watchFailed":
      return { ...state, notice: notices.watchFailed(action.notice) };
    case "imported":
      return { ...state, lastImport: action.last };
    case "taken":
      return { ...state, lastTake: action.last };
  }
}

/**
 * States that pass by themselves: a cell being edited, Excel busy for a moment. A refresh nobody asked for (after a
 * change event) that meets one says nothing: the user is typing, and finishing the cell raises the change event
 * that refreshes again. An action the user started still says what happened and what to do.
 */
export const TRANSIENT: readonly WorkbookErrorCode[] = ["CellEditMode", "Busy"];

/** Whether a failure is kept from the user: only a background refresh's, and only for a transient state. */
export function quietFailure(err: unknown, background: boolean): boolean {
  const code = workbookErrorCode(err);
  return background && code !== null && TRANSIENT.includes(code);
}

// ---- what the views read from the state ----

export const checksOf = (s: PaneState): CheckItem[] => s.reading?.checks ?? [];

/** The checks that make the figures incomplete (empty when they are complete). */
export const errorChecksOf = (s: PaneState): CheckItem[] => errorsOf(checksOf(s));

/** The periods closed on the History sheet, oldest first. */
export const closedOf = (s: PaneState): PeriodId[] => s.reading?.read.model?.history.map((h) => h.period) ?? [];

/**
 * Why the slides cannot be made, or the period closed, now: no position, or checks listing errors (the figures
 * would be presented, or recorded, as if complete). Null when they can.
 */
export function refusal(s: PaneState, action: "slides" | "close"): PaneNotice | null {
  if (action === "slides" && !s.reading?.position) return notices.noPositionForSlides;
  const errors = errorChecksOf(s).length;
  return errors > 0 ? notices.refusedWithErrors(action, errors) : null;
}
