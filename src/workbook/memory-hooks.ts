/** Test hooks of the in-memory workbook: fail the next call of a method, slow every call down, count the calls. */

export type FailableMethod = "status" | "insertSheets" | "readPeriod" | "writeSettings" | "selectCell" | "closePeriod" | "reopenPeriod";

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class TestHooks {
  private readonly failures = new Map<FailableMethod, Error[]>();
  /** Every gateway call takes this long, to see progress indicators. */
  latencyMs = 0;
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
    const error = this.failures.get(method)?.shift();
    if (error) throw error;
  }
}
