/**
 * When inserting fails part of the way. Excel applies a batch's commands up to the one that fails and drops the rest
 * (no rollback), and an insert over Excel on the web's 5 MB limit is several requests (src/excel/render.ts
 * chunkWork): so a failure can leave sheets half written. The gateway then removes the sheets this insert added
 * (the workbook is as it was for them) and says exactly which existing sheets it had been rewriting and how to finish.
 *
 * Freeze panes are queued last in the insert's last request, after everything else: `freezeRows` threw
 * GeneralException on one Office 2019 build (OfficeDev/office-js#2196), and a failure there then costs only the
 * frozen rows, reported as a warning instead of an error.
 *
 * Loaded only when needed (its own chunk): the gateway's start-up load has a size budget (scripts/bundle-size.js).
 */
import type { Chunk, SheetWork } from "./render";
import type { ExcelHost } from "./host";
import { WorkbookError } from "../workbook/gateway";

/** Said when the sheets were inserted but Excel refused to freeze their headings. */
export const FREEZE_WARNING =
  "The sheets were inserted, but Excel would not freeze their heading rows (a known fault of some Office 2019 builds). " +
  "Everything else is in place; to keep the headings in view, select the first row below them and choose View > Freeze Panes.";


/** Sheets all of whose writes were in the first `synced` requests, and sheets only some of whose writes were. */
export function sheetsWritten(chunks: Chunk[], synced: number): { complete: string[]; partial: string[] } {
  const done = new Set<string>(), pending = new Set<string>();
  chunks.forEach((chunk, i) => {
    for (const item of chunk) (i < synced ? done : pending).add(item.sheet);
  });
  return { complete: [...done].filter((s) => !pending.has(s)), partial: [...done].filter((s) => pending.has(s)) };
}

const list = (names: string[]) => names.map((n) => `"${n}"`).join(", ");

export interface InsertFailure {
  /** Sheets this insert was adding. */
  added: string[];
  /** Whether Outturn removed them again. */
  removed: boolean;
  /** Existing sheets it was rewriting in place (upgrade). */
  upgraded: string[];
  /** Of those, the ones whose writes all reached Excel. */
  upgradedComplete: string[];
}

/** The error the user sees: what went wrong, then exactly what state the workbook is in and how to finish. */
export function partialInsertError(cause: WorkbookError, f: InsertFailure): WorkbookError {
  const parts = [cause.message];
  if (f.added.length > 0) {
    parts.push(f.removed
      ? `Outturn removed the sheets it had begun to add (${list(f.added)}), so they are as they were.`
      : `Outturn could not remove the sheets it had begun to add: delete ${list(f.added)} (right-click each tab > Delete), then insert again.`);
  }
  const unfinished = f.upgraded.filter((s) => !f.upgradedComplete.includes(s));
  if (f.upgradedComplete.length > 0) parts.push(`Upgraded completely: ${list(f.upgradedComplete)}.`);
  if (unfinished.length > 0) {
    parts.push(`${list(unfinished)} may be only partly upgraded: close the workbook without saving to go back to the saved copy, ` +
      "or insert again with Upgrade to finish.");
  }
  return new WorkbookError(parts.join(" "), cause.code);
}

/**
 * After an insert failed once writing had begun: removes the sheets it added (one more request, on the failure path
 * only) and returns the error saying which existing sheets were being upgraded and how far.
 */
export async function recoverFailedInsert(host: ExcelHost, cause: WorkbookError, p: { chunks: Chunk[]; synced: number; work: SheetWork[] }): Promise<WorkbookError> {
  const added = p.work.filter((w) => w.create).map((w) => w.name);
  const upgraded = p.work.filter((w) => !w.create).map((w) => w.name);
  let removed = added.length === 0;
  if (added.length > 0) {
    try {
      await host.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name");
        await context.sync();
        for (const ws of worksheets.items) if (added.some((n) => n.toLowerCase() === ws.name.toLowerCase())) ws.delete();
        await context.sync();
      });
      removed = true;
    } catch {
      // Excel still busy: the message tells the user which sheets to delete.
    }
  }
  const { complete } = sheetsWritten(p.chunks, p.synced);
  return partialInsertError(cause, { added, removed, upgraded, upgradedComplete: upgraded.filter((n) => complete.includes(n)) });
}
