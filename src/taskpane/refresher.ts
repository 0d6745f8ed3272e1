/**
 * Runs a refresh now or soon: `schedule()` debounces bursts of workbook changes into one run; `now()` runs at
 * once (the Recalculate button). Runs never overlap: a request while one is running queues one more run after it.
 */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class Refresher {
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private disposed = false;

  constructor(
    private readonly run: () => Promise<void>,
    readonly delayMs = 500,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Runs `delayMs` after the last of a burst of calls. */
  schedule(): void {
    if (this.disposed) return;
    this.cancel();
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.now();
    }, this.delayMs);
  }

  /** Runs as soon as possible; resolves when a run that started after this call has finished. */
  now(): Promise<void> {
    this.cancel();
    if (this.disposed) return Promise.resolve();
    if (!this.running) return this.start();
    if (!this.queued) {
      const next = () => {
        this.queued = null;
        return this.start();
      };
      this.queued = this.running.then(next, next);
    }
    return this.queued;
  }

  get pending(): boolean {
    return this.timer !== null;
  }

  dispose(): void {
    this.disposed = true;
    this.cancel();
  }

  private cancel(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private start(): Promise<void> {
    // run() reports its own errors to the user; a failure must not stop later refreshes.
    const p: Promise<void> = Promise.resolve()
      .then(() => this.run())
      .catch(() => undefined)
      .finally(() => {
        if (this.running === p) this.running = null;
      });
    this.running = p;
    return p;
  }
}
