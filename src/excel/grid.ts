/**
 * The reader's grid (src/plans/grid.ts) from what Office.js returns for a used range: its address, `values`,
 * `formulas` and `valueTypes`. Pure, so it is tested without Excel (but for `loadUsed`, which queues the load).
 */
import { gridSheetFromArrays, type GridSheet } from "../plans/grid";
import { parseA1, toA1 } from "../plans/a1";

/** "Revenue!C5:K40", "'Revenue (2)'!A1", "Sheet1!B2" -> the 1-based top-left cell. */
export function topLeftOf(address: string): { row: number; col: number } {
  const bang = address.lastIndexOf("!");
  const local = bang >= 0 ? address.slice(bang + 1) : address;
  const first = local.split(":")[0] ?? "A1";
  return parseA1(first);
}

/**
 * A text cell that happens to start with "=" ("=SUM(A1)" typed as commentary and stored as text) reads back with
 * the same string in `values` and `formulas`; a real formula's value is its result, never its own text. So a
 * `formulas` entry equal to the cell's string value is text, not a formula.
 */
export function gridSheetFromRange(name: string, address: string, values: unknown[][], formulas: unknown[][], valueTypes?: string[][]): GridSheet {
  const { row, col } = topLeftOf(address);
  const realFormulas = formulas.map((line, r) => line.map((f, c) => (typeof f === "string" && f === values[r]?.[c] ? null : f)));
  return gridSheetFromArrays(name, row, col, values, realFormulas, valueTypes);
}

/** What the reader needs of a used range once synced: a loaded Excel.Range, or one read in row blocks (SplitRead). */
export interface UsedRead {
  readonly isNullObject: boolean;
  readonly address: string;
  readonly values: unknown[][];
  readonly formulas: unknown[][];
  readonly valueTypes: string[][];
}

/** Queues the read of a sheet's used range; with `valuesOnly` (the default), formats alone do not extend it. */
export type LoadUsed = (ws: Excel.Worksheet, valuesOnly?: boolean) => UsedRead;

/**
 * Excel on the web refuses a response over 5 MB with ResponsePayloadSizeLimitExceeded ("Resource limits and
 * performance optimization for Office Add-ins": payload limit for requests and responses; "Read or write to a large
 * range": run separate reads for subsets of a large range). Blocks are sized by an estimate of the response per cell
 * (value, formula and value type as JSON: a number and its type about 40 bytes, a line name or short comment more) to
 * stay under READ_BUDGET; a block Excel still refuses is halved and read again.
 */
export const READ_BUDGET = 4 * 1024 * 1024;
export const BYTES_PER_CELL = 120;

const tooLarge = (e: unknown) => typeof e === "object" && e !== null && (e as { code?: unknown }).code === "ResponsePayloadSizeLimitExceeded";

/** A used range read in row blocks: the address first, then its cells block by block, put back together here. */
class SplitRead implements UsedRead {
  readonly blocks: Array<{ first: number; range: Excel.Range }> = [];
  constructor(readonly ws: Excel.Worksheet, readonly range: Excel.Range) {}
  get isNullObject(): boolean {
    return this.range.isNullObject;
  }
  get address(): string {
    return this.range.address;
  }
  private joined<T>(pick: (r: Excel.Range) => T[][]): T[][] {
    return [...this.blocks].sort((a, b) => a.first - b.first).flatMap((b) => pick(b.range));
  }
  get values(): unknown[][] {
    return this.joined((r) => r.values as unknown[][]);
  }
  get formulas(): unknown[][] {
    return this.joined((r) => r.formulas as unknown[][]);
  }
  get valueTypes(): string[][] {
    return this.joined((r) => r.valueTypes as string[][]);
  }
}

interface Block { read: SplitRead; r1: number; r2: number; c1: number; c2: number }

/** The rows and columns of "Revenue!A1:K40" (1-based). */
function rectOf(address: string): { r1: number; c1: number; r2: number; c2: number } {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const [a, b] = local.split(":");
  const start = parseA1(a ?? "A1");
  const end = parseA1(b ?? a ?? "A1");
  return { r1: start.row, c1: start.col, r2: end.row, c2: end.col };
}

/** The blocks to read, grouped into requests of at most READ_BUDGET bytes by the estimate, whole rows each. */
export function planReadGroups<R>(ranges: Array<{ read: R; rows: number; columns: number; firstRow: number }>, budget = READ_BUDGET): Array<Array<{ read: R; from: number; to: number }>> {
  const groups: Array<Array<{ read: R; from: number; to: number }>> = [];
  let group: Array<{ read: R; from: number; to: number }> = [];
  let room = budget;
  for (const r of ranges) {
    const rowBytes = Math.max(1, r.columns) * BYTES_PER_CELL;
    let next = r.firstRow;
    const last = r.firstRow + r.rows - 1;
    while (next <= last) {
      let take = Math.min(last - next + 1, Math.floor(room / rowBytes));
      if (take < 1) {
        if (group.length > 0) groups.push(group);
        group = [];
        room = budget;
        take = Math.max(1, Math.min(last - next + 1, Math.floor(room / rowBytes)));
      }
      group.push({ read: r.read, from: next, to: next + take - 1 });
      room -= take * rowBytes;
      next += take;
    }
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/**
 * Queues what `queue` asks for (used ranges through `loadUsed`, and anything else it loads) and syncs: ONE request for
 * any ordinary workbook. Only when Excel refuses that response as over 5 MB (Excel on the web) is the same asked
 * again with the used ranges' addresses alone (1 request), then their cells in row blocks of up to READ_BUDGET
 * bytes (1 request per block group, about one per further 4 MB). Returns what `queue` returned, its reads synced.
 * The one place a used range is read.
 */
export async function syncReading<T>(context: Excel.RequestContext, queue: (loadUsed: LoadUsed) => T): Promise<T> {
  const whole = queue((ws, valuesOnly = true) => {
    const range = ws.getUsedRangeOrNullObject(valuesOnly);
    range.load("address, values, formulas, valueTypes");
    return range;
  });
  try {
    await context.sync();
    return whole;
  } catch (e) {
    if (!tooLarge(e)) throw e;
  }
  const reads: SplitRead[] = [];
  const split = queue((ws, valuesOnly = true) => {
    const range = ws.getUsedRangeOrNullObject(valuesOnly);
    range.load("address");
    const read = new SplitRead(ws, range);
    reads.push(read);
    return read;
  });
  await context.sync();
  const sized = reads.filter((r) => !r.isNullObject).map((read) => {
    const rect = rectOf(read.address);
    return { read, rect, rows: rect.r2 - rect.r1 + 1, columns: rect.c2 - rect.c1 + 1, firstRow: rect.r1 };
  });
  const rects = new Map(sized.map((s) => [s.read, s.rect]));
  const groups = planReadGroups(sized).map((g) => g.map(({ read, from, to }) => {
    const rect = rects.get(read) ?? { c1: 1, c2: 1 };
    return { read, r1: from, r2: to, c1: rect.c1, c2: rect.c2 };
  }));
  // One request per group: a loop over a few 4 MB groups, never over lines or cells.
  for (const group of groups) await readBlocks(context, group);
  return split;
}

/** Reads `blocks` in one request; one Excel still refuses as too large is halved and read in two. */
async function readBlocks(context: Excel.RequestContext, blocks: Block[]): Promise<void> {
  const loaded = blocks.map((b) => {
    const range = b.read.ws.getRange(`${toA1(b.r1, b.c1)}:${toA1(b.r2, b.c2)}`);
    range.load("values, formulas, valueTypes");
    return { block: b, range };
  });
  try {
    await context.sync();
  } catch (e) {
    const only = blocks[0];
    if (!tooLarge(e) || (blocks.length === 1 && only && only.r1 === only.r2)) throw e;
    if (blocks.length > 1) {
      const half = Math.ceil(blocks.length / 2);
      await readBlocks(context, blocks.slice(0, half));
      await readBlocks(context, blocks.slice(half));
    } else if (only) {
      const mid = Math.floor((only.r1 + only.r2) / 2);
      await readBlocks(context, [{ ...only, r2: mid }]);
      await readBlocks(context, [{ ...only, r1: mid + 1 }]);
    }
    return;
  }
  for (const { block, range } of loaded) block.read.blocks.push({ first: block.r1, range });
}

/** The reader's grid of a used range read by `syncReading` (an empty sheet is an empty grid). */
export function gridOf(name: string, range: UsedRead): GridSheet {
  return range.isNullObject ? gridSheetFromRange(name, "A1", [], []) : gridSheetFromRange(name, range.address, range.values, range.formulas, range.valueTypes);
}
