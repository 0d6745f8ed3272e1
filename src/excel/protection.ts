/**
 * Unprotecting Outturn's sheets before it rewrites them, in the same request as the writes (no extra round trip), and
 * saying which sheet refused when the user protected one with a password Outturn was not given.
 *
 * Excel applies a batch's commands up to the one that fails and drops the rest: so the unprotects are queued first
 * (before any write), and when one fails the sheets before it are unprotected and nothing is written. Excel's error
 * names the command ("WorksheetProtection.unprotect"), not the sheet; so, on that failure path only, one request reads
 * which sheets are still protected (the first of them, in the order queued, is the one that refused) and one more
 * protects again the sheets already unprotected. `isPasswordProtected`, which would tell beforehand, is
 * ExcelApiOnline 1.1 only (learn.microsoft.com/javascript/api/excel/excel.worksheetprotection), not on the desktop.
 */
import { allowancesFor } from "../plans/protection";
import type { SheetKind } from "../plans/types";
import { passwordRefused, type WorkbookError } from "../workbook/gateway";
import { failedAt, queueOp } from "./apply";
import { COMMAND_ENVELOPE } from "./render";

export interface ProtectedTarget {
  name: string;
  kind: SheetKind;
  ws: Excel.Worksheet;
}

/** Queues the unprotects, in order, before anything else of the request. */
export function queueUnprotects(targets: readonly ProtectedTarget[], password: string | undefined): void {
  for (const t of targets) queueOp(t.ws, { kind: "unprotect", password, bytes: COMMAND_ENVELOPE });
}

/**
 * After a failed sync: null unless an unprotect refused; then the sheets unprotected before it are protected again
 * (2 requests, failure path only) and the error names the sheet that refused.
 */
export async function unprotectFailure(context: Excel.RequestContext, targets: readonly ProtectedTarget[], password: string | undefined, e: unknown): Promise<WorkbookError | null> {
  if (!failedAt(e, /WorksheetProtection\.unprotect/i) || targets.length === 0) return null;
  const states = targets.map((t) => ({ t, protection: t.ws.protection.load("protected") }));
  await context.sync();
  const refused = states.find((s) => s.protection.protected)?.t ?? targets[0];
  const undone = states.filter((s) => !s.protection.protected);
  for (const { t } of undone) queueOp(t.ws, { kind: "protect", allow: allowancesFor(t.kind), password, bytes: COMMAND_ENVELOPE });
  if (undone.length > 0) await context.sync();
  return passwordRefused(refused?.name ?? "");
}
