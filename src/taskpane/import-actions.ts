/**
 * The pane's ledger-import actions (issue 12): apply the preview's cells, undo the last import; each refreshes the
 * position and says what it did. Fetched with the Import view's chunk rather than at start-up (the start-up budget
 * in Excel, scripts/bundle-size.js), so their sentences are here rather than in ./notices.
 */
import type * as React from "react";
import type { LedgerSetup, SaveSetupMode, SaveSetupResult, WorkbookGateway } from "../workbook/gateway";
import type { LineChange } from "../ledger/apply";
import type { PaneNotice } from "./errors";
import { plural } from "./notices";
import type { Busy, LastImport, PaneAction } from "./pane-state";
import { writeInputCells } from "./write-input-cells";

export interface ImportDeps {
  gateway: WorkbookGateway;
  run: <T>(key: Busy, action: string, body: () => Promise<T>) => Promise<T | undefined>;
  dispatch: React.Dispatch<PaneAction>;
  refreshNow: () => Promise<void>;
}

export const importNotices = {
  imported(file: string, cells: number): PaneNotice {
    return cells
      ? { intent: "success", title: "Ledger imported", body: `${plural(cells, "figure")} from ${file} written into the input cells of their lines; the position has been recalculated. Undo the import (on the Import tab) puts the previous figures back.` }
      : { intent: "info", title: "Nothing to import", body: `The workbook already holds every figure ${file} maps to, so nothing was changed.` };
  },
  setupSaved(sheet: string, setup: LedgerSetup): PaneNotice {
    return { intent: "success", title: "Kept in the workbook", body: `${setup.profile ? "The export's layout and " : ""}${plural(setup.rules.length, "mapping rule")} are on the ${sheet} sheet: the Import tab and outturn import use them from now on. Change them there as the ledger changes.` };
  },
  undone(file: string, cells: number): PaneNotice {
    return { intent: "success", title: "Import undone", body: `The ${plural(cells, "figure")} imported from ${file} are back as they were before the import; the position has been recalculated.` };
  },
};

/** Writes the preview's changes; resolves true when written. Undo is kept for an import that wrote something. */
export function importLedger(deps: ImportDeps, file: string, changes: readonly LineChange[]): Promise<boolean> {
  return writeInputCells(deps, "import", "import the ledger", changes, "apply", {
    keep: (r) => { if (r.written.length) deps.dispatch({ type: "imported", last: { file, changes, written: r.written } }); },
    notice: (r) => importNotices.imported(file, r.written.length),
  });
}

/** Writes back the figures the last import replaced (refused, in words, when a cell changed since). */
export async function undoImport(deps: ImportDeps, last: LastImport | null): Promise<void> {
  if (!last) return;
  await writeInputCells(deps, "undoImport", "undo the import", last.changes, "undo", {
    keep: () => deps.dispatch({ type: "imported", last: null }),
    notice: (r) => importNotices.undone(last.file, r.written.length),
  });
}

/** Keeps the profile and mapping in the workbook; an "exists" result is returned for the view to ask before replacing. */
export async function saveLedgerSetup(deps: ImportDeps, setup: LedgerSetup, mode: SaveSetupMode): Promise<SaveSetupResult | undefined> {
  deps.dispatch({ type: "notice", notice: null });
  const result = await deps.run("saveSetup", "save the import's profile and mapping in the workbook", () => deps.gateway.saveLedgerSetup(setup, mode));
  if (result?.status !== "saved") return result;
  await deps.refreshNow();
  deps.dispatch({ type: "done", notice: importNotices.setupSaved(result.sheet, setup) });
  return result;
}
