/**
 * The pane's one way of writing input cells through the gateway's input writer (`writeImport`): a ledger import, a
 * take of projections, and the undo of each. Clear the notice, write, keep what undo needs, re-read the workbook, then
 * say what was done; a refusal is shown by `run` in words and nothing after it happens.
 */
import type { ImportDirection, ImportResult } from "../workbook/gateway";
import type { LineChange } from "../ledger/apply";
import type { PaneNotice } from "./errors";
import type { ImportDeps } from "./import-actions";
import type { Busy } from "./pane-state";

export interface AfterWrite {
  /** Keeps (or forgets) what undo needs, before the re-read. */
  keep(result: ImportResult): void;
  notice(result: ImportResult): PaneNotice;
}

/** Resolves true when the cells were written (or nothing needed writing); false when refused. */
export async function writeInputCells(deps: ImportDeps, busy: Busy, doing: string, changes: readonly LineChange[], direction: ImportDirection, after: AfterWrite): Promise<boolean> {
  deps.dispatch({ type: "notice", notice: null });
  const result = await deps.run(busy, doing, () => deps.gateway.writeImport(changes, direction));
  if (!result) return false;
  after.keep(result);
  await deps.refreshNow();
  deps.dispatch({ type: "done", notice: after.notice(result) });
  return true;
}
