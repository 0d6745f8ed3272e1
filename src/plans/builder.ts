/**
 * A small helper the sheet modules use to lay out cells row by row. Big runs of rows (a line per revenue line) are
 * laid out by `rows`: their cells are not kept but laid out again whenever they are read, so a 100,000-line period's
 * plan holds its row keys, not millions of cells (see planRows, and README's Benchmark section). A sheet's blocks
 * that come to no more than HOLD_CELLS cells are held from the first layout instead: laying out again costs more
 * than it saves there (every line's figures to date are worked out again), and the pane reads such plans often.
 */
import type { Decimal } from "../model/types";
import { colLetter, parseA1 } from "./a1";
import { STYLES } from "./styles";
import type { CellContent, CellStyle, ColumnPlan, ConditionalFormat, ListValidation, Place, PlanCell, SheetKind, SheetPlan, StyleRole } from "./types";

export interface CellOptions {
  numberFormat?: string;
  place?: Place;
  input?: boolean;
}

/** Rows `first` to `first + count - 1`, each laid out by `layOut(index)` when asked for. */
interface RowBlock {
  first: number;
  count: number;
  layOut: (index: number) => void;
  /** Each row's cells from the first layout, when the sheet's blocks are small enough to hold (HOLD_CELLS). */
  held?: PlanCell[][];
}

/** Cells of a sheet's blocks held from their first layout; beyond this they are laid out again when read. */
export const HOLD_CELLS = 100_000;

/** The hold limit of builders made now (holdingEveryCell raises it while a plan that will be read whole is built). */
let holdFrom = HOLD_CELLS;

/**
 * Builds with every SheetBuilder made meanwhile holding all its blocks' cells: for a plan whose every cell is read at
 * once and then kept anyway (reading a workbook back compares each formula), where laying the rows out again when
 * they are read would only do the work twice. The cells are the same either way.
 */
export function holdingEveryCell<T>(build: () => T): T {
  const before = holdFrom;
  holdFrom = Infinity;
  try {
    return build();
  } finally {
    holdFrom = before;
  }
}

/** The cells of a plan in the order laid out: cells kept, and row blocks in their place. */
type Segment = PlanCell[] | RowBlock;

/** One row of a sheet plan and its cells, in the order laid out. */
export interface PlanRow {
  row: number;
  cells: PlanCell[];
}

/** How to read a built plan's cells again without keeping them (the builder that laid them out). */
interface RowSource {
  segments: readonly Segment[];
  layOutAgain: (block: RowBlock, index: number) => PlanCell[];
}

const sources = new WeakMap<SheetPlan, RowSource>();

/** How to read the plan's cells without keeping them, while they have not been read whole (then they are kept). */
function sourceOf(plan: SheetPlan): RowSource | undefined {
  return Object.getOwnPropertyDescriptor(plan, "cells")?.get ? sources.get(plan) : undefined;
}

/** Text a cell shows wrapped (its role wraps): the cells whose rows may need more height. */
interface WrappedText {
  address: string;
  style: StyleRole;
  text: string;
}

function wrappedText(cell: PlanCell): WrappedText | null {
  if (!STYLES[cell.style].alignment?.wrapText) return null;
  const text = cell.content.kind === "text" ? cell.content.text : cell.content.kind === "formula" && typeof cell.content.expected === "string" ? cell.content.expected : "";
  return text ? { address: cell.address, style: cell.style, text } : null;
}

export class SheetBuilder {
  readonly merges: string[] = [];
  readonly conditionalFormats: ConditionalFormat[] = [];
  readonly validations: ListValidation[] = [];
  readonly rowKeys: Record<string, number> = {};
  private readonly segments: Segment[] = [];
  private kept: PlanCell[] | null = null;
  private readonly blocks: RowBlock[] = [];
  /** Addresses of the kept cells, so `fill` need not look through every cell; and their rows, which no block may take. */
  private readonly taken = new Set<string>();
  private readonly keptRows = new Set<number>();
  /** Wrapped texts of the blocks' rows, noted when first laid out (for rowHeights). */
  private readonly blockTexts: WrappedText[] = [];
  /** While a block lays out a row: that row and its cells so far; `again` when it is being laid out again (read). */
  private current: { row: number; cells: PlanCell[]; again: boolean } | null = null;
  /** Cells of this sheet's blocks that may still be held (HOLD_CELLS; 0 lays every block out again when read). */
  holdLimit = holdFrom;
  freeze = { rows: 0, columns: 0 };
  print: SheetPlan["print"] = { orientation: "landscape", fitToWidth: true };

  constructor(readonly kind: SheetKind, readonly name: string, readonly columns: ColumnPlan[], readonly keyColumn: string) {}

  private put(row: number, col: string, content: CellContent, style: StyleRole, opts: CellOptions, input: boolean, numberFormat = opts.numberFormat): void {
    const cell: PlanCell = { address: `${col}${row}`, content, style, input: opts.input ?? input };
    if (numberFormat) cell.numberFormat = numberFormat;
    if (opts.place) cell.place = opts.place;
    if (this.current) {
      if (row !== this.current.row) throw new Error(`a block of rows put ${cell.address} outside the row it lays out (${this.current.row})`);
      this.current.cells.push(cell);
      return;
    }
    if (this.blockAt(row)) throw new Error(`${cell.address} is on a row laid out by a block of rows`);
    this.taken.add(cell.address);
    this.keptRows.add(row);
    if (!this.kept) this.segments.push(this.kept = []);
    this.kept.push(cell);
  }

  private blockAt(row: number): RowBlock | undefined {
    return this.blocks.find((b) => row >= b.first && row < b.first + b.count);
  }

  /** The row's marker in the key column, and its logical key (the marker itself unless given). */
  key(row: number, marker: string, logical: string = marker): void {
    this.put(row, this.keyColumn, { kind: "text", text: marker }, "key", {}, false);
    if (!this.current?.again) this.rowKeys[logical] = row;
  }

  /** Fixed text (not an input). */
  label(row: number, col: string, text: string, style: StyleRole = "label", opts: CellOptions = {}): void {
    this.put(row, col, { kind: "text", text }, style, opts, false);
  }

  /** Text the user may type; blank when null or empty. */
  inputText(row: number, col: string, text: string | null, style: StyleRole = "inputText", opts: CellOptions = {}): void {
    this.put(row, col, text ? { kind: "text", text } : { kind: "blank" }, style, opts, true);
  }

  /** A number the user may type; blank when null. */
  inputAmount(row: number, col: string, value: Decimal | null, numberFormat: string, opts: CellOptions = {}): void {
    // The options' own number format, if they give one, as `{ numberFormat, ...opts }` (without a new object per cell).
    this.put(row, col, value === null ? { kind: "blank" } : { kind: "amount", value }, "input", opts, true, "numberFormat" in opts ? opts.numberFormat : numberFormat);
  }

  formula(row: number, col: string, formula: string, expected: Decimal | string, style: StyleRole = "calculated", opts: CellOptions = {}): void {
    if (!formula.startsWith("=")) throw new Error(`formula without "=": ${formula}`);
    this.put(row, col, { kind: "formula", formula, expected }, style, opts, false);
  }

  /** A note across columns A to `lastCol` (merged). */
  note(row: number, text: string, lastCol: string, marker = "note"): void {
    this.label(row, "A", text, "note");
    this.merges.push(`A${row}:${lastCol}${row}`);
    this.key(row, marker);
  }

  /** An empty cell with a look (e.g. the rest of a total row's border). */
  blank(row: number, col: string, style: StyleRole): void {
    this.put(row, col, { kind: "blank" }, style, {}, false);
  }

  /** Styles every column from `from` to `to` of a row with `style` where nothing else was put. */
  fill(row: number, from: number, to: number, style: StyleRole): void {
    const current = this.current;
    const isTaken = current ? (a: string) => current.cells.some((c) => c.address === a) : (a: string) => this.taken.has(a);
    for (let c = from; c <= to; c++) if (!isTaken(`${colLetter(c)}${row}`)) this.blank(row, colLetter(c), style);
  }

  /**
   * A row per item from `first` on, each laid out by `layOut`, which puts cells (and keys) on its own row only: no
   * merges, validations or formats. Laid out once now (for the row keys and heights) and again each time the plan's
   * cells are read, so `layOut` must give the same cells every time (it may read only what does not change).
   * Returns the row after the last.
   */
  rows<T>(first: number, items: readonly T[], layOut: (row: number, item: T, index: number) => void): number {
    if (this.current) throw new Error("a block of rows inside a block of rows");
    const block: RowBlock = { first, count: items.length, layOut: (i) => layOut(first + i, items[i] as T, i) };
    if (!block.count) return first;
    const last = first + block.count - 1;
    if (this.blocks.some((b) => first < b.first + b.count && b.first <= last) || [...this.keptRows].some((r) => r >= first && r <= last)) {
      throw new Error(`rows ${first} to ${last} are already laid out`);
    }
    const before = [this.merges.length, this.validations.length, this.conditionalFormats.length].join();
    this.blocks.push(block);
    this.segments.push(block);
    this.kept = null;
    let held: PlanCell[][] | null = [];
    let heldCells = 0;
    for (let i = 0; i < block.count; i++) {
      const cells = this.layOutRow(block, i, false);
      for (const cell of cells) {
        const wrapped = wrappedText(cell);
        if (wrapped) this.blockTexts.push(wrapped);
      }
      if (held && (heldCells += cells.length) <= this.holdLimit) held.push(cells);
      else held = null;
    }
    if (held) {
      block.held = held;
      this.holdLimit -= heldCells;
    }
    if ([this.merges.length, this.validations.length, this.conditionalFormats.length].join() !== before) throw new Error(`rows ${first} to ${last}: a block of rows may put only cells and keys`);
    return last + 1;
  }

  private layOutRow(block: RowBlock, index: number, again: boolean): PlanCell[] {
    const current = { row: block.first + index, cells: [] as PlanCell[], again };
    this.current = current;
    try {
      block.layOut(index);
    } finally {
      this.current = null;
    }
    return current.cells;
  }

  /** Heights for rows whose wrapped text needs more than one line, estimated from the text and column widths. */
  rowHeights(): Record<number, number> {
    const mergeAt = new Map(this.merges.map((m) => [m.split(":")[0] as string, m]));
    const widthOf = (address: string, col: number): number => {
      const merge = mergeAt.get(address);
      const last = merge ? parseA1(merge.split(":")[1] as string).col : col;
      let w = 0;
      for (let c = col; c <= last; c++) w += this.columns[c - 1]?.width ?? 8.43;
      return w;
    };
    const perLineAt = (width: number, style: CellStyle): number =>
      Math.max(4, Math.floor(width * (11 / (style.font?.size ?? 10)) * (style.font?.bold ? 0.95 : 1.1)));
    // Every text's cell is at least as wide as the narrowest column (a merge only widens it; a column past the
    // planned ones is 8.43): a text no longer than a line there fits its cell, found without parsing its address.
    let narrowest = 8.43;
    for (const c of this.columns) narrowest = Math.min(narrowest, c.width); // NaN (no width) only skips the shortcut
    const shortest = new Map<StyleRole, number>();
    const heights: Record<number, number> = {};
    const measure = ({ address, style: role, text }: WrappedText): void => {
      const style = STYLES[role];
      let least = shortest.get(role);
      if (least === undefined) shortest.set(role, (least = perLineAt(narrowest, style)));
      // A text no longer than a line, without a line break, takes one line: most of them, so not counted word by word.
      const oneLine = (perLine: number) => text.length <= perLine && !/[\r\n]/.test(text);
      if (oneLine(least)) return;
      const { row, col } = parseA1(address);
      const perLine = perLineAt(widthOf(address, col), style);
      if (oneLine(perLine)) return;
      // Text in a hidden column is not shown (the Sign-off sheet's kept inputs): it sets no height.
      if (this.columns[col - 1]?.hidden) return;
      const lines = wrappedLines(text, perLine);
      if (lines < 2) return;
      // Excel's tallest row is 409 points (RangeFormat.rowHeight refuses more).
      const h = Math.min(409, Math.ceil(lines * (style.font?.size ?? 10) * 1.32 + 3));
      heights[row] = Math.max(heights[row] ?? 0, h);
    };
    for (const s of this.segments) {
      if (!Array.isArray(s)) continue;
      for (const cell of s) {
        const wrapped = wrappedText(cell);
        if (wrapped) measure(wrapped);
      }
    }
    for (const wrapped of this.blockTexts) measure(wrapped);
    return heights;
  }

  /**
   * The sheet's plan. Its `cells` are every cell in the order laid out; on a plan with blocks of rows they are laid
   * out when first read and then kept; planRows and planCells read them without keeping them.
   */
  build(): SheetPlan {
    const segments = [...this.segments];
    const rowHeights = this.rowHeights();
    const common = { kind: this.kind, name: this.name, columns: this.columns, rowHeights, freeze: this.freeze };
    const rest = {
      merges: this.merges, conditionalFormats: this.conditionalFormats, validations: this.validations, keyColumn: this.keyColumn,
      rowKeys: this.rowKeys, print: this.print,
    };
    const source: RowSource = { segments, layOutAgain: (block, i) => block.held?.[i] ?? this.layOutRow(block, i, true) };
    if (!this.blocks.length) {
      const plan: SheetPlan = { ...common, cells: segments.flatMap((s) => s as PlanCell[]), ...rest };
      return plan;
    }
    // Once read, the cells are an ordinary property of the plan (as on a plan without blocks), in the same place.
    const keep = (on: SheetPlan, value: PlanCell[]) => Object.defineProperty(on, "cells", { value, writable: true, enumerable: true, configurable: true });
    const plan: SheetPlan = {
      ...common,
      get cells(): PlanCell[] {
        const value = cellArray(source);
        keep(this, value);
        return value;
      },
      set cells(value: PlanCell[]) {
        keep(this, value);
      },
      ...rest,
    };
    sources.set(plan, source);
    return plan;
  }
}

/** The plan's cells in the order laid out, a run at a time: the kept cells of a segment, or one row of a block. */
function* runsOf(source: RowSource): Generator<readonly PlanCell[]> {
  for (const s of source.segments) {
    if (Array.isArray(s)) yield s;
    else for (let i = 0; i < s.count; i++) yield source.layOutAgain(s, i);
  }
}

/** Every cell in one array (what `cells` keeps), by a generator step per run rather than per cell. */
function cellArray(source: RowSource): PlanCell[] {
  const out: PlanCell[] = [];
  for (const run of runsOf(source)) for (const c of run) out.push(c);
  return out;
}

function* cellsOf(source: RowSource): Generator<PlanCell> {
  for (const run of runsOf(source)) yield* run;
}

/**
 * Every cell of the plan in the order laid out (as `cells`), without keeping the cells of its blocks of rows: for
 * passes over a big plan (the texts' lengths, the figure-to-cell map) that need not hold it whole.
 */
export function planCells(plan: SheetPlan): Iterable<PlanCell> {
  const source = sourceOf(plan);
  return source ? cellsOf(source) : plan.cells;
}

/**
 * The plan's rows in ascending order, each with its cells in the order laid out, without keeping the cells of its
 * blocks of rows: src/xlsx writes a sheet so, row by row, holding one row at a time. Any plan: one SheetBuilder did
 * not build (or a copy) has its `cells` grouped by row.
 */
export function* planRows(plan: SheetPlan): Generator<PlanRow> {
  const source: RowSource = sourceOf(plan) ?? { segments: [plan.cells], layOutAgain: () => [] };
  const kept = new Map<number, PlanCell[]>();
  const blocks: RowBlock[] = [];
  for (const s of source.segments) {
    if (!Array.isArray(s)) { blocks.push(s); continue; }
    for (const cell of s) {
      const { row } = parseA1(cell.address);
      const cells = kept.get(row);
      if (cells) cells.push(cell);
      else kept.set(row, [cell]);
    }
  }
  blocks.sort((a, b) => a.first - b.first);
  const keptRows = [...kept.keys()].sort((a, b) => a - b);
  let k = 0;
  const keptBefore = function* (row: number): Generator<PlanRow> {
    for (; k < keptRows.length && (keptRows[k] as number) < row; k++) yield { row: keptRows[k] as number, cells: kept.get(keptRows[k] as number) as PlanCell[] };
  };
  for (const block of blocks) {
    yield* keptBefore(block.first);
    for (let i = 0; i < block.count; i++) yield { row: block.first + i, cells: source.layOutAgain(block, i) };
  }
  yield* keptBefore(Infinity);
}

/** Lines a text takes when wrapped at word boundaries to `perLine` characters. */
export function wrappedLines(text: string, perLine: number): number {
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let len = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = word.length;
      if (len === 0) len = w;
      else if (len + 1 + w <= perLine) len += 1 + w;
      else { lines++; len = w; }
      while (len > perLine) { lines++; len -= perLine; }
    }
  }
  return lines;
}
