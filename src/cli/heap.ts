/**
 * How far the command's heap may grow past what it holds. V8 lets its heap grow to as much as four times what was
 * live at its last full collection before collecting again (the factor falls when collections get costly): writing a
 * 100,000-line workbook holds about 270 MB (the period and its position; the sheets' rows are laid out as they are
 * written, src/plans/builder.ts), yet the process reached 1.1 GB. A command runs once over one period, so it keeps
 * its heap within 30% of what is live: 100,000 lines then peak near 500 MB, in about the same time
 * (bench/cli.bench.ts; README's Benchmark section).
 *
 * V8 reads --heap-growing-percent each time it sets the next collection's limit, so setting it as the command starts
 * takes effect (Node documents v8.setFlagsFromString for flags set after start-up, with the warning that some have
 * no effect then; this one is measured by the benchmark).
 */
import { setFlagsFromString } from "node:v8";

export const HEAP_GROWING_PERCENT = 30;

export function keepHeapNearLive(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
