/**
 * The pane's state and actions: everything the views show, and every action they can start, as plain props.
 * The only way to the workbook is the gateway; every failure becomes a notice the user sees.
 */
import * as React from "react";
import type { CellRef, InsertRequest, SheetKind, WorkbookGateway, WorkbookRead, WorkbookStatus } from "../workbook/gateway";
import type { PeriodId, Settings } from "../model/types";
import type { Check, Place } from "../engine/checks";
import { computePosition, type Position } from "../engine/position";
import { periodLabel } from "../model/period";
import { type PositionSummary, notYet, summarise } from "./headline";
import { describeError, type PaneNotice } from "./errors";
import { parseCellRef } from "./cell-ref";
import { Refresher } from "./refresher";
import type { StartForm } from "./start-form";

export type View = "start" | "position" | "checks" | "pack" | "settings";
export type Busy = "status" | "insert" | "recalculate" | "save" | "select" | "close" | "reopen" | "slides";

export interface CheckItem {
  check: Check;
  /** The cell to go to, when the check names one. */
  target: CellRef | null;
}

export interface PaneState {
  /** Until the first status() answer. */
  loading: boolean;
  view: View;
  status: WorkbookStatus | null;
  read: WorkbookRead | null;
  summary: PositionSummary | null;
  /** The position read last (for the slide deck), when the workbook could be read into one. */
  position: Position | null;
  /** The periods closed on the History sheet, oldest first. */
  closed: PeriodId[];
  /** Why there is no summary, when there is none after reading. */
  problem: string | null;
  settings: Settings | null;
  units: "£" | "£000";
  checks: CheckItem[];
  notice: PaneNotice | null;
  busy: Partial<Record<Busy, boolean>>;
  /** Sheets that exist already, while the user decides what to do about them. */
  conflict: { request: InsertRequest; existing: SheetKind[] } | null;
  updatedAt: Date | null;
  /** Bumped when a view's heading should take focus (after Insert moves to the Position view). */
  focusRequest: number;
}

export interface PaneActions {
  setView(view: View): void;
  insert(form: StartForm): Promise<void>;
  resolveConflict(choice: "alongside" | "upgrade" | "cancel"): Promise<void>;
  recalculate(): Promise<void>;
  /** Resolves true when saved. */
  saveSettings(settings: Settings): Promise<boolean>;
  selectCell(ref: CellRef): Promise<void>;
  /** Closes the workbook's period (the caller has asked the user to confirm). */
  closePeriod(): Promise<void>;
  reopenPeriod(period: PeriodId): Promise<void>;
  /** Builds the slide deck of the position and offers it as a download. */
  downloadSlides(): Promise<void>;
  dismissNotice(): void;
}

/** Saves bytes as a file through a download link (Excel on the web, the desktop pane's browser, the preview page). */
export type Saver = (bytes: Uint8Array, fileName: string, mimeType: string) => void;

export const PPTX_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

export function downloadLink(bytes: Uint8Array, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mimeType }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "Dorset Police and Crime Commissioner 2024-25 Q2 finance slides.pptx": safe in every file system. */
export function slidesFileName(p: Position): string {
  const m = p.model;
  return `${m.organisation} ${m.financialYear} ${m.period} finance slides.pptx`.replace(/[\\/:*?"<>|]+/g, "-").replace(/\s+/g, " ").trim();
}

const initial: PaneState = {
  loading: true, view: "start", status: null, read: null, summary: null, position: null, closed: [], problem: null, settings: null, units: "£000", checks: [],
  notice: null, busy: {}, conflict: null, updatedAt: null, focusRequest: 0,
};

/** Given what was read, a function from a check's place to the cell showing it ("Reserves!G16"), or null. */
export type LocatorFactory = (read: WorkbookRead) => (place: Place) => string | null;

/** Each check with the cell to go to: the one its `where` names, else the one showing its figure. */
export function checkItems(checks: Check[], locate: ((place: Place) => string | null) | null): CheckItem[] {
  return checks.map((check) => {
    const named = parseCellRef(check.where);
    const shown = named ? null : locate?.(check.place);
    return { check, target: named ?? (shown ? parseCellRef(shown) : null) };
  });
}

export interface PaneOptions {
  /** Debounce of automatic refreshes after workbook changes (ms). */
  delayMs?: number;
  locate?: LocatorFactory;
  /** How a built file is offered to the user (default: a download link). */
  save?: Saver;
}

export function usePane(gateway: WorkbookGateway, { delayMs = 500, locate, save = downloadLink }: PaneOptions = {}): [PaneState, PaneActions] {
  const [state, setState] = React.useState<PaneState>(initial);
  const patch = React.useCallback((p: Partial<PaneState> | ((s: PaneState) => Partial<PaneState>)) => {
    setState((s) => ({ ...s, ...(typeof p === "function" ? p(s) : p) }));
  }, []);
  const setBusy = React.useCallback((key: Busy, on: boolean) => patch((s) => ({ busy: { ...s.busy, [key]: on } })), [patch]);

  /** Runs an action with its busy flag; a failure becomes a notice and the action resolves undefined. */
  const run = React.useCallback(
    async <T,>(key: Busy, action: string, body: () => Promise<T>): Promise<T | undefined> => {
      setBusy(key, true);
      try {
        return await body();
      } catch (err) {
        patch({ notice: { ...describeError(err, action), source: key } });
        return undefined;
      } finally {
        setBusy(key, false);
      }
    },
    [patch, setBusy],
  );

  const refresh = React.useCallback(async () => {
    await run("recalculate", "recalculate", async () => {
      const read = await gateway.readPeriod();
      const position = read.model ? computePosition(read.model) : null;
      const problem = !position
        ? "The workbook cannot be read into a period yet: see Checks for what to correct, then Recalculate."
        : notYet(position);
      patch((s) => ({
        read,
        summary: position && !problem ? summarise(position) : null,
        position: position && !problem ? position : null,
        closed: read.model?.history.map((h) => h.period) ?? [],
        problem,
        settings: read.model?.settings ?? s.settings,
        units: read.model?.units ?? s.units,
        checks: checkItems([...read.checks, ...(position?.checks ?? [])], locate ? locate(read) : null),
        updatedAt: new Date(),
        // A notice from a failed recalculation is out of date once one succeeds.
        notice: s.notice?.source === "recalculate" ? null : s.notice,
      }));
    });
  }, [gateway, locate, patch, run]);

  const refresher = React.useRef<Refresher | null>(null);
  /** Recalculate now (after any refresh already running); also when the effect below has not run yet. */
  const refreshNow = React.useCallback(() => refresher.current?.now() ?? refresh(), [refresh]);

  // First look at the workbook, and automatic refresh on changes to the monitoring sheets.
  React.useEffect(() => {
    let live = true;
    const auto = new Refresher(refresh, delayMs);
    refresher.current = auto;
    void (async () => {
      const status = await run("status", "read the workbook", () => gateway.status());
      if (!live) return;
      const hasSheets = Boolean(status && status.sheets.length > 0);
      patch({ loading: false, status: status ?? null, view: hasSheets ? "position" : "start" });
      if (hasSheets) await auto.now();
    })();
    const unsubscribe = gateway.onMonitoringChanged(() => auto.schedule()).catch((err: unknown) => {
      const notice = describeError(err, "watch the workbook for changes");
      patch({ notice: { ...notice, intent: "warning", body: `${notice.body} The position will not update by itself: use Recalculate after changing figures.` } });
      return () => undefined;
    });
    return () => {
      live = false;
      auto.dispose();
      if (refresher.current === auto) refresher.current = null;
      void unsubscribe.then((off) => off());
    };
  }, [gateway, patch, refresh, delayMs, run]);

  const doInsert = React.useCallback(
    async (request: InsertRequest) => {
      const result = await run("insert", "insert the sheets", () => gateway.insertSheets(request));
      if (!result) {
        // The failure's message bar must not stay hidden behind the existing-sheets dialog.
        patch({ conflict: null });
        return;
      }
      if (result.status === "conflict") {
        patch({ conflict: { request, existing: result.existing } });
        return;
      }
      const status = await run("status", "read the workbook", () => gateway.status());
      patch((s) => ({
        conflict: null,
        status: status ?? s.status,
        view: "position",
        focusRequest: s.focusRequest + 1,
        notice: {
          intent: "success",
          title: "Sheets inserted",
          body: `Inserted ${result.sheets.join(", ")}. Type the figures into the yellow input cells; the position updates as you go, or use Recalculate.`,
        },
      }));
      await refreshNow();
    },
    [gateway, patch, refreshNow, run],
  );

  const actions = React.useMemo<PaneActions>(
    () => ({
      setView: (view) => patch({ view }),
      insert: async (form) => {
        patch({ notice: null });
        await doInsert({ ...form, organisation: form.organisation.trim(), financialYear: form.financialYear.trim(), onExisting: "ask" });
      },
      resolveConflict: async (choice) => {
        const conflict = state.conflict;
        if (!conflict) return;
        if (choice === "cancel") {
          patch({ conflict: null, notice: { intent: "info", title: "Nothing inserted", body: "The existing sheets are as they were." } });
          return;
        }
        await doInsert({ ...conflict.request, onExisting: choice });
      },
      recalculate: async () => {
        await refreshNow();
      },
      saveSettings: async (settings) => {
        patch({ notice: null });
        const saved = await run("save", "save the settings", async () => {
          await gateway.writeSettings(settings);
          return true;
        });
        if (!saved) return false;
        await refreshNow();
        patch((s) => ({
          notice: s.notice ?? { intent: "success", title: "Settings saved", body: "The rules are in the Settings sheet, and the position has been recalculated with them." },
        }));
        return true;
      },
      selectCell: async (ref) => {
        await run("select", `go to ${ref.sheet}!${ref.address}`, () => gateway.selectCell(ref));
      },
      closePeriod: async () => {
        patch({ notice: null });
        const result = await run("close", "close the period", () => gateway.closePeriod());
        if (!result) return;
        await refreshNow();
        const name = periodLabel(result.period);
        patch((s) => ({
          notice: s.notice ?? (result.changed
            ? { intent: "success", title: `${name} closed`, body: `Its key figures and RAG are on the Period history sheet (now protected against accidental edits), so the next period shows the movement since ${result.period}. Closed periods: ${result.history.join(", ")}.` }
            : { intent: "info", title: `${name} was already closed`, body: `The Period history sheet already holds ${result.period} with these figures, so nothing was changed.` }),
        }));
      },
      reopenPeriod: async (period) => {
        patch({ notice: null });
        const result = await run("reopen", `reopen ${period}`, () => gateway.reopenPeriod(period));
        if (!result) return;
        await refreshNow();
        patch((s) => ({
          notice: s.notice ?? (result.changed
            ? { intent: "success", title: `${periodLabel(period)} reopened`, body: `Its row has been taken off the Period history sheet; the other closed periods are kept${result.history.length ? ` (${result.history.join(", ")})` : ""}.` }
            : { intent: "info", title: `${periodLabel(period)} was not closed`, body: "The Period history sheet has no row for it, so nothing was changed." }),
        }));
      },
      downloadSlides: async () => {
        const position = state.position;
        if (!position) {
          patch({ notice: { intent: "warning", title: "No position yet", body: "Type the figures and Recalculate, then download the slides." } });
          return;
        }
        patch({ notice: null });
        await run("slides", "make the slides", async () => {
          // pptxgenjs is large: loaded only when slides are asked for.
          const { buildDeck } = await import(/* webpackChunkName: "slides" */ "../slides/deck");
          const bytes = await buildDeck(position);
          const fileName = slidesFileName(position);
          save(bytes, fileName, PPTX_TYPE);
          patch({ notice: { intent: "success", title: "Slides ready", body: `${fileName} has been downloaded: six slides for the Police and Crime Panel, from the figures as last recalculated.` } });
        });
      },
      dismissNotice: () => patch({ notice: null }),
    }),
    [doInsert, gateway, patch, refreshNow, run, save, state.conflict, state.position],
  );

  return [state, actions];
}
