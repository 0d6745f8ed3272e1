/**
 * The pane's actions: each calls the workbook through the gateway and dispatches what came back to the pure
 * reducer of ./pane-state, which holds everything the views show. Every failure becomes a notice the user sees.
 */
import * as React from "react";
import type { CellRef, InsertRequest, LedgerSetup, SaveSetupMode, SaveSetupResult, SignOffRequest, WorkbookGateway, WorkbookRead } from "../workbook/gateway";
import type { MonitoringPeriod, PeriodId, Settings } from "../model/types";
import type { TakeRow } from "../engine/take-projection";
import type { Place } from "../engine/checks";
import { type Computed, positionAfter } from "./position-after";
import { describeError } from "./errors";
import { checkItems } from "./check-items";
import { Refresher } from "./refresher";
import type { StartForm } from "./start-form";
import { type Busy, type PaneState, type View, errorChecksOf, initialPaneState, paneReducer, quietFailure, refusal } from "./pane-state";
import { notices } from "./notices";
import { PPTX_TYPE, type Saver, downloadLink, slidesFileName } from "./download";
import { withReadChecks } from "../engine/checks";
import type { LineChange } from "../ledger/apply";

export type { Busy, PaneState, View } from "./pane-state";
export { type CheckItem, checkItems } from "./check-items";

/** The ledger import's actions, fetched with the Import view (same chunk). */
const importActions = () => import(/* webpackChunkName: "import-view" */ "./import-actions");
/** Forecast assist's take and undo, fetched with the year-to-date view (same chunk). */
const takeActions = () => import(/* webpackChunkName: "year-to-date" */ "./take-actions");
/** Sign off, fetched with the Review view (same chunk). */
const signOffActions = () => import(/* webpackChunkName: "review-view" */ "./signoff-actions");

export interface PaneActions {
  setView: (view: View) => void;
  insert: (form: StartForm) => Promise<void>;
  resolveConflict: (choice: "alongside" | "upgrade" | "cancel") => Promise<void>;
  recalculate: () => Promise<void>;
  /** Resolves true when saved. */
  saveSettings: (settings: Settings) => Promise<boolean>;
  selectCell: (ref: CellRef) => Promise<void>;
  /** Closes the workbook's period (the caller has asked the user to confirm); refused while checks list errors. */
  closePeriod: () => Promise<void>;
  reopenPeriod: (period: PeriodId) => Promise<void>;
  /** Builds the slide deck of the position and offers it as a download; refused while checks list errors. */
  downloadSlides: () => Promise<void>;
  dismissNotice: () => void;
  /** Writes a ledger import's changes (the preview's cells) into the workbook; resolves true when written. */
  importLedger: (file: string, changes: readonly LineChange[]) => Promise<boolean>;
  /** Writes back the figures the last import replaced. */
  undoImport: () => Promise<void>;
  /** Keeps the import's profile and mapping in the workbook; "exists" (nothing written) when it keeps some and mode is "ask". */
  saveLedgerSetup: (setup: LedgerSetup, mode: SaveSetupMode) => Promise<SaveSetupResult | undefined>;
  /** Takes the previewed projections into the forecasts of `model`'s chosen lines; resolves true when written. */
  takeProjections: (model: MonitoringPeriod, rows: readonly TakeRow[]) => Promise<boolean>;
  /** Writes back the forecasts the last take replaced. */
  undoTake: () => Promise<void>;
  /** The treasurer, then the board, sign off the figures; refused while checks list errors. Resolves true when recorded. */
  signOff: (request: SignOffRequest) => Promise<boolean>;
}

/** Given what was read, a function from a check's place to the cell showing it ("Reserves!G16"), or null. */
export type LocatorFactory = (read: WorkbookRead) => (place: Place) => string | null;

export interface PaneOptions {
  /** Debounce of automatic refreshes after workbook changes (ms). */
  delayMs?: number;
  locate?: LocatorFactory;
  /** How a built file is offered to the user (default: a download link). */
  save?: Saver;
}

export function usePane(gateway: WorkbookGateway, { delayMs = 500, locate, save = downloadLink }: PaneOptions = {}): [PaneState, PaneActions] {
  const [state, dispatch] = React.useReducer(paneReducer, initialPaneState);
  // The actions read the latest state when they run, without being remade on every change.
  const latest = React.useRef(state);
  React.useEffect(() => {
    latest.current = state;
  });

  /**
   * Runs an action with its busy flag; a failure becomes a notice (unless `background` and the state is transient:
   * see quietFailure) and the action resolves undefined.
   */
  const run = React.useCallback(
    async <T,>(key: Busy, action: string, body: () => Promise<T>, background = false): Promise<T | undefined> => {
      dispatch({ type: "busy", key, on: true });
      try {
        return await body();
      } catch (err) {
        if (!quietFailure(err, background)) dispatch({ type: "failed", key, notice: describeError(err, action) });
        return undefined;
      } finally {
        dispatch({ type: "busy", key, on: false });
      }
    },
    [],
  );

  /** Whether the user asked for a refresh (Recalculate, or after an action of theirs) since the last one started. */
  const userAsked = React.useRef(false);
  /** The period last read and its position: the next refresh updates it where exact (./position-after). */
  const computed = React.useRef<Computed | null>(null);
  const refresh = React.useCallback(async () => {
    // A refresh nobody asked for (a change event, the first look) waits while a cell is being edited and keeps
    // quiet about a transient state; one the user asked for fails at once and says what to do.
    const background = !userAsked.current;
    userAsked.current = false;
    // Busy as "refresh" in the background: Recalculate stays clickable meanwhile (it queues a read of its own).
    await run(background ? "refresh" : "recalculate", "recalculate", async () => {
      const read = await gateway.readPeriod(background ? { background } : undefined);
      const position = read.model ? positionAfter(computed.current, read.model) : null;
      computed.current = read.model && position ? { model: read.model, position } : null;
      const checks = checkItems(withReadChecks(read.checks, position?.checks ?? []), locate ? locate(read) : null);
      dispatch({ type: "read", read, position, checks, at: new Date() });
    }, background);
  }, [gateway, locate, run]);

  const refresher = React.useRef<Refresher | null>(null);
  /** Recalculate now (after any refresh already running); also when the effect below has not run yet. */
  const refreshNow = React.useCallback(() => {
    userAsked.current = true;
    return refresher.current?.now() ?? refresh();
  }, [refresh]);

  // First look at the workbook, and automatic refresh on changes to the monitoring sheets.
  React.useEffect(() => {
    let live = true;
    const auto = new Refresher(refresh, delayMs);
    refresher.current = auto;
    void (async () => {
      const status = await run("status", "read the workbook", () => gateway.status());
      if (!live) return;
      dispatch({ type: "status", status: status ?? null });
      if (status && status.sheets.length > 0) await auto.now();
    })();
    const unsubscribe = gateway.onMonitoringChanged(() => auto.schedule()).catch((err: unknown) => {
      dispatch({ type: "watchFailed", notice: describeError(err, "watch the workbook for changes") });
      return () => undefined;
    });
    return () => {
      live = false;
      auto.dispose();
      if (refresher.current === auto) refresher.current = null;
      void unsubscribe.then((off) => off());
    };
  }, [gateway, refresh, delayMs, run]);

  const doInsert = React.useCallback(
    async (request: InsertRequest) => {
      const result = await run("insert", "insert the sheets", () => gateway.insertSheets(request));
      if (!result) {
        // The failure's message bar must not stay hidden behind the existing-sheets dialog.
        dispatch({ type: "conflictClosed" });
        return;
      }
      if (result.status === "conflict") {
        dispatch({ type: "conflict", request, existing: result.existing });
        return;
      }
      const status = await run("status", "read the workbook", () => gateway.status());
      dispatch({ type: "inserted", sheets: result.sheets, warnings: result.warnings ?? [], status: status ?? null });
      await refreshNow();
    },
    [gateway, refreshNow, run],
  );

  const actions = React.useMemo<PaneActions>(
    () => ({
      setView: (view) => dispatch({ type: "view", view }),
      insert: async (form) => {
        dispatch({ type: "notice", notice: null });
        // The password goes to the gateway for this session, never into the request (which the pane keeps).
        const { password, ...rest } = form;
        if (password !== undefined) gateway.useSheetPassword(password || null);
        await doInsert({ ...rest, organisation: form.organisation.trim(), financialYear: form.financialYear.trim(), onExisting: "ask" });
      },
      resolveConflict: async (choice) => {
        const conflict = latest.current.conflict;
        if (!conflict) return;
        if (choice === "cancel") {
          dispatch({ type: "conflictCancelled" });
          return;
        }
        await doInsert({ ...conflict.request, onExisting: choice });
      },
      recalculate: async () => {
        await refreshNow();
      },
      saveSettings: async (settings) => {
        dispatch({ type: "notice", notice: null });
        const saved = await run("save", "save the settings", async () => {
          await gateway.writeSettings(settings);
          return true;
        });
        if (!saved) return false;
        await refreshNow();
        dispatch({ type: "done", notice: notices.settingsSaved });
        return true;
      },
      selectCell: async (ref) => {
        await run("select", `go to ${ref.sheet}!${ref.address}`, () => gateway.selectCell(ref));
      },
      closePeriod: async () => {
        const refused = refusal(latest.current, "close");
        dispatch({ type: "notice", notice: refused });
        if (refused) return;
        const result = await run("close", "close the period", () => gateway.closePeriod());
        if (!result) return;
        await refreshNow();
        dispatch({ type: "done", notice: notices.closed(result) });
      },
      reopenPeriod: async (period) => {
        dispatch({ type: "notice", notice: null });
        const result = await run("reopen", `reopen ${period}`, () => gateway.reopenPeriod(period));
        if (!result) return;
        await refreshNow();
        dispatch({ type: "done", notice: notices.reopened(period, result) });
      },
      downloadSlides: async () => {
        const refused = refusal(latest.current, "slides");
        const position = latest.current.reading?.position;
        dispatch({ type: "notice", notice: refused });
        if (refused || !position) return;
        await run("slides", "make the slides", async () => {
          // pptxgenjs is large: loaded only when slides are asked for.
          const { buildDeck } = await import(/* webpackChunkName: "slides" */ "../slides/deck");
          const bytes = await buildDeck(position);
          const fileName = slidesFileName(position);
          const outcome = save(bytes, fileName, PPTX_TYPE);
          dispatch({ type: "notice", notice: notices.slidesReady(fileName, outcome ?? null) });
        });
      },
      dismissNotice: () => dispatch({ type: "notice", notice: null }),
      // Ledger import: the actions come with the Import view's chunk (./import-actions), not at start-up.
      importLedger: async (file, changes) => (await importActions()).importLedger({ gateway, run, dispatch, refreshNow }, file, changes),
      undoImport: async () => (await importActions()).undoImport({ gateway, run, dispatch, refreshNow }, latest.current.lastImport),
      saveLedgerSetup: async (setup, mode) => (await importActions()).saveLedgerSetup({ gateway, run, dispatch, refreshNow }, setup, mode),
      takeProjections: async (model, rows) => (await takeActions()).takeProjections({ gateway, run, dispatch, refreshNow }, model, rows),
      undoTake: async () => (await takeActions()).undoTake({ gateway, run, dispatch, refreshNow }, latest.current.lastTake),
      signOff: async (request) => (await signOffActions()).signOff({ gateway, run, dispatch, refreshNow }, request, errorChecksOf(latest.current).length),
    }),
    [doInsert, gateway, refreshNow, run, save],
  );

  return [state, actions];
}
