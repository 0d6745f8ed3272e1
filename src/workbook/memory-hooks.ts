/**
 * Test hooks of the in-memory workbook: fail the next call of a method, slow every call down, count the calls; and a
 * person editing a cell, which makes every call fail as Excel does (InvalidOperationInCellEditMode, office-js#856).
 */
import { cellEditError } from "./errors";

export type FailableMethod = "status" | "insertSheets" | "readPeriod" | "writeSettings" | "selectCell" | "closePeriod" | "reopenPeriod" | "writeImport" | "signOff" | "saveLedgerSetup";

/** Each method as the user's action, for the words of an error. */
const ACTIONS: Record<FailableMethod, string> = {
  status: "look at the workbook", insertSheets: "insert the sheets", readPeriod: "read the workbook", writeSettings: "save the settings",
  selectCell: "go to the cell", closePeriod: "close the period", reopenPeriod: "reopen the period", writeImport: "import the ledger", signOff: "sign off",
  saveLedgerSetup: "save the import's setup in the workbook",
};

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class TestHooks {
  private readonly failures = new Map<FailableMethod, Error[]>();
  /** Every gateway call takes this long, to see progress indicators. */
  latencyMs = 0;
  /** A person is typing in a cell (Excel's cell-edit mode). */
  editing = false;
  /** How many times each gateway method has been called. */
  readonly calls: Partial<Record<FailableMethod, number>> = {};

  /** The next call of `method` throws `error` (as Excel would: a cell being edited, a protected sheet...). */
  failNext(method: FailableMethod, error: Error): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), error]);
  }

  /** At the start of every gateway call: counted, delayed, and failed when a failure is queued for it. */
  async enter(method: FailableMethod): Promise<void> {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
    if (this.latencyMs > 0) await delay(this.latencyMs);
    if (this.editing) throw cellEditError(ACTIONS[method]);
    const error = this.failures.get(method)?.shift();
    if (error) throw error;
  }
}
