/**
 * Outturn's own writes to the workbook, one way for every action that writes (insert, save settings, close and
 * reopen): while it writes, `context.runtime.enableEvents` is false (ExcelApi 1.8), so the writes raise no onChanged
 * event; a guard also takes events during a write and for OWN_WRITE_GRACE_MS after it as Outturn's own (Excel can
 * deliver them late: office-js issues on late and duplicate onChanged events). A write that fails after turning events
 * off turns them back on in one more request; any failure becomes a WorkbookError in words (src/excel/errors.ts).
 */
import type { ExcelHost } from "./host";
import { toWorkbookError, type ErrorContext } from "./errors";

/** Events this long after Outturn's own write are taken to be its own. */
export const OWN_WRITE_GRACE_MS = 1000;

/** Switches change events around the writes of one Excel.run. */
export interface EventSwitch {
  /** Queues events off: the writes queued after it raise no change events. */
  off(): void;
  /** Queues events on, in the request carrying the last write (they count as back on once the run ends well). */
  on(): void;
}

export class OwnWrites {
  /** Writes under way, and when the last one ended. */
  private active = 0;
  private lastEnd = -Infinity;

  constructor(private readonly host: ExcelHost, private readonly now: () => number) {}

  /** Whether a change event arriving now is taken to be from Outturn's own write. */
  isOwn(): boolean {
    return this.active > 0 || this.now() - this.lastEnd < OWN_WRITE_GRACE_MS;
  }

  /**
   * Runs one action that writes, in one Excel.run. `context` says what the user asked for and which sheets, for the
   * error's words; it is asked only on failure (an insert learns its sheets' names on the way).
   */
  async run<T>(context: () => ErrorContext, batch: (ctx: Excel.RequestContext, events: EventSwitch) => Promise<T>): Promise<T> {
    this.active++;
    let eventsOff = false;
    try {
      return await this.host.run(async (ctx) => {
        const events: EventSwitch = {
          off: () => {
            ctx.runtime.enableEvents = false;
            eventsOff = true;
          },
          on: () => {
            ctx.runtime.enableEvents = true;
          },
        };
        const result = await batch(ctx, events);
        eventsOff = false;
        return result;
      });
    } catch (e) {
      if (eventsOff) await this.restoreEvents();
      throw toWorkbookError(e, context());
    } finally {
      this.active--;
      this.lastEnd = this.now();
    }
  }

  /** After a failed write that turned events off: turn them back on (one more request, on the failure path only). */
  private async restoreEvents(): Promise<void> {
    try {
      await this.host.run(async (ctx) => {
        ctx.runtime.enableEvents = true;
        await ctx.sync();
      });
    } catch {
      // Excel still busy (e.g. a cell being edited): events come back on at the next successful write.
    }
  }
}
