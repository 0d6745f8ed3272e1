/**
 * Forecast assist's one write (issue 13): taking the previewed projections into the chosen lines' forecasts, and
 * undoing it. The cells go through the gateway's import writer (`writeImport` with forecast changes only), so a
 * forecast typed since the preview is refused there, cell by cell, and review mode refuses it like any write. Fetched
 * with the year-to-date view's chunk, not at start-up.
 */
import type { MonitoringPeriod } from "../model/types";
import { type TakeRow, takeChanges } from "../engine/take-projection";
import type { PaneNotice } from "./errors";
import type { ImportDeps } from "./import-actions";
import { plural } from "./notices";
import type { LastTake } from "./pane-state";
import { writeInputCells } from "./write-input-cells";

export const takeNotices = {
  taken(cells: number): PaneNotice {
    return cells
      ? { intent: "success", title: "Projections taken", body: `${plural(cells, "forecast")} replaced by the projection you chose; the position has been recalculated. Undo (under Forecast assist) puts the previous forecasts back.` }
      : { intent: "info", title: "Nothing to take", body: "Each chosen forecast already equals its projection, so nothing was changed." };
  },
  undone(cells: number): PaneNotice {
    return { intent: "success", title: "Take undone", body: `The ${plural(cells, "forecast")} taken from projections are back as they were; the position has been recalculated.` };
  },
};

/** Writes the preview's forecasts; resolves true when written. Undo is kept for a take that wrote something. */
export function takeProjections(deps: ImportDeps, model: MonitoringPeriod, rows: readonly TakeRow[]): Promise<boolean> {
  const changes = takeChanges(model, rows);
  return writeInputCells(deps, "take", "take the projections", changes, "apply", {
    keep: (r) => { if (r.written.length) deps.dispatch({ type: "taken", last: { changes } }); },
    notice: (r) => takeNotices.taken(r.written.length),
  });
}

/** Writes back the forecasts the last take replaced (refused, in words, when one changed since). */
export async function undoTake(deps: ImportDeps, last: LastTake | null): Promise<void> {
  if (!last) return;
  await writeInputCells(deps, "undoTake", "undo taking the projections", last.changes, "undo", {
    keep: () => deps.dispatch({ type: "taken", last: null }),
    notice: (r) => takeNotices.undone(r.written.length),
  });
}
