/**
 * From a sheet plan to a short list of range operations, and from those to requests under Excel's size limit.
 * Pure: no Office.js here (src/excel/apply.ts turns each operation into Excel API calls), so it is tested directly.
 *
 * How few operations:
 * - the cells go in three 2-D arrays over the sheet's whole rectangle (A1 to the last planned cell): number formats,
 *   then values, then formulas. `null` in a 2-D array leaves that cell unchanged ("null input in 2-D array",
 *   learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values), so the three writes share one
 *   rectangle without disturbing each other;
 * - styles are applied per style role to maximal rectangles (runs of columns, stacked over rows with the same run):
 *   2,000 lines of the same shape are one rectangle per column run, not 2,000 calls;
 * - column widths are set once per run of equal widths.
 *
 * Text is written as text. Excel reads a string written through `Range.values` as a formula when it starts with
 * "=", "+" or "-" (@types/office-js, Excel.Range.values: "If the returned value starts with a plus ("+"), minus ("-"),
 * or equal sign ("="), Excel interprets this value as a formula"), and as a number or a date when it looks like one
 * (the Period history's "Closed on" 2024-10-15). That a Text ("@") number format set first stops this is documented
 * for typing, not for the API; the documented way is Excel's quote prefix: a leading apostrophe makes the rest text
 * (Excel's object model writes `Range.Value = "'1"` for a number stored as text and `"'April 23, 00"` for a text date:
 * VBA ErrorCheckingOptions.NumberAsText / TextDate), and the cell reads back through `values` and `formulas` without
 * the apostrophe (OfficeDev/office-js#6687). So `textForValues` prefixes every string Excel could take for something
 * else, in the values array only (src/excel/apply.ts), and the self-check (src/excel/self-check.ts) reads back what
 * was written. Every `text` cell (and every blank text input, so what the user TYPES later stays text, as documented)
 * still gets "@" in the numberFormat array, queued before the values, and text never goes through `formulas`.
 * Formula cells never get "@" (a formula entered into a Text cell stays text): their own number format, or "General".
 *
 * Payload: Excel on the web refuses a request over 5 MB. Each operation carries an estimate of its size in a request
 * (UTF-8 bytes of its JSON data plus an envelope per command); `chunkWork` groups operations into requests of at
 * most `REQUEST_BUDGET` bytes (4 MB: a 20% margin for what the estimate does not see), splitting a large 2-D array
 * write into bands of whole rows. A normal workbook is one request; a sheet of tens of thousands of lines is a few.
 */
import type { BorderWeight, CellStyle, ConditionalFormat, PlanCell, SheetPlan, StyleRole, WorkbookPlan } from "../plans/types";
import { colLetter, parseA1 } from "../plans/a1";
import { allowancesFor, isLockedCell, locksEveryCell, type ProtectionAllowances } from "../plans/protection";
import { WorkbookError } from "../workbook/gateway";

/**
 * A string as it must be written through `Range.values` to stay that exact text: with Excel's quote prefix (a leading
 * apostrophe, not part of the value) when Excel could read it as a formula (= + - @), an error value (#), TRUE/FALSE,
 * or, holding a digit, a number, percentage, currency, date or time ("5%", "£5", "Oct-24", "March 2025", "12:30"); and
 * when it starts with an apostrophe itself (Excel would eat it) or a space, point or bracket. Text without a digit
 * or such a first character is written as it is.
 */
export function textForValues(text: string): string {
  return /^[\s=+\-@'#.,(]|\d|^\s*(true|false)\s*$/i.test(text) ? `'${text}` : text;
}

/** The most characters an Excel cell holds. */
export const CELL_TEXT_LIMIT = 32767;

/** Excel on the web: 5 MB a request. We aim under 4 MB by our estimate. */
export const REQUEST_LIMIT = 5 * 1024 * 1024;
export const REQUEST_BUDGET = 4 * 1024 * 1024;
/** What a command costs in a request beyond its data (object path, action, property name), estimated. */
export const COMMAND_ENVELOPE = 150;

export type CellArrayProperty = "numberFormat" | "values" | "formulas";
export type CellEntry = string | number | null;

/** The look of a rectangle of cells, in Office.js terms. */
export interface RangeStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  horizontalAlignment?: "Left" | "Center" | "Right";
  verticalAlignment?: "Top" | "Center" | "Bottom";
  wrapText?: boolean;
  indentLevel?: number;
  locked?: boolean;
  borders?: Partial<Record<"EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical", { style: "Continuous" | "Double"; weight: "Thin" | "Medium" }>>;
}

export type SheetOp =
  /** Clears what an older version of the template left (upgrade): contents, formats, merges, rules, lists, hidden columns. */
  | { kind: "reset"; address: string; columns: string; bytes: number }
  | { kind: "cells"; property: CellArrayProperty; firstRow: number; firstCol: number; data: CellEntry[][]; bytes: number }
  | { kind: "style"; address: string; style: RangeStyle; bytes: number }
  | { kind: "columns"; address: string; widthPoints: number; hidden: boolean; bytes: number }
  /** A row's height (RangeFormat.rowHeight, ExcelApi 1.2), e.g. "5:5". */
  | { kind: "rows"; address: string; heightPoints: number; bytes: number }
  | { kind: "merge"; address: string; bytes: number }
  | { kind: "conditionalFormat"; address: string; rules: ConditionalFormat["rules"]; bytes: number }
  | { kind: "validation"; address: string; source: string; bytes: number }
  | { kind: "freeze"; rows: number; columns: number; bytes: number }
  | { kind: "print"; orientation: "Portrait" | "Landscape"; bytes: number }
  /**
   * Sheet protection off (before writing a protected sheet) or on (after): WorksheetProtection, ExcelApi 1.2; with a
   * password, ExcelApi 1.7 (learn.microsoft.com/javascript/api/excel/excel.worksheetprotection: "protect(options,
   * password) [Api set: ExcelApi 1.2 for options; 1.7 for password]", "unprotect(password) [ExcelApi 1.7 for
   * password]"). The password is the user's, given for this session: it is in the request, never in the workbook.
   */
  | { kind: "unprotect"; password?: string; bytes: number }
  | { kind: "protect"; allow: ProtectionAllowances; password?: string; bytes: number };

/** The operations for one sheet: `create` when the sheet must be added first. */
export interface SheetWork {
  name: string;
  create: boolean;
  ops: SheetOp[];
}

/** A request: operations for one or more sheets, each tagged with its sheet. */
export interface ChunkItem {
  sheet: string;
  create: boolean;
  op: SheetOp | null;
}
export type Chunk = ChunkItem[];

export interface RenderFeatures {
  /** RangeFormat.indentLevel (ExcelApi 1.9). */
  indent: boolean;
  /** Worksheet.pageLayout (ExcelApi 1.9). */
  pageLayout: boolean;
}

/* ---------------------------------------------------------------------------------------------------------- */

const NON_ASCII = /[\u0080-\uffff]/;

/** UTF-8 bytes of a JSON value (an upper bound is fine: it only decides where requests split). */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  if (!NON_ASCII.test(text)) return text.length; // most of a sheet's data: one byte a character
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return n;
}

type WithoutBytes<T> = T extends unknown ? Omit<T, "bytes"> : never;
const withBytes = (op: WithoutBytes<SheetOp>, data: unknown): SheetOp => ({ ...op, bytes: COMMAND_ENVELOPE + jsonBytes(data) });

/** Excel column width in characters (as in the plan and in .xlsx files) to Office.js points: (7 px a character + 5 px padding) × 0.75. */
export function widthToPoints(chars: number): number {
  return chars <= 0 ? 0 : Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const TEXT_INPUT_ROLES: ReadonlySet<StyleRole> = new Set<StyleRole>(["inputText", "lineName", "section"]);

/** The number format a cell gets in the numberFormat array (null: leave Excel's default). */
export function numberFormatOf(cell: PlanCell, style: CellStyle | undefined): string | null {
  const own = cell.numberFormat ?? style?.numberFormat ?? null;
  switch (cell.content.kind) {
    case "text":
      return "@";
    case "formula":
      return own && own !== "@" ? own : "General";
    case "amount":
      return own && own !== "@" ? own : "General";
    case "blank":
      if (own) return own;
      return cell.input && TEXT_INPUT_ROLES.has(cell.style) ? "@" : null;
  }
}

function rangeStyleOf(style: CellStyle, features: RenderFeatures): RangeStyle {
  const out: RangeStyle = {};
  if (style.font?.bold !== undefined) out.bold = style.font.bold;
  if (style.font?.italic !== undefined) out.italic = style.font.italic;
  if (style.font?.size !== undefined) out.fontSize = style.font.size;
  if (style.font?.color !== undefined) out.fontColor = style.font.color;
  if (style.fill !== undefined) out.fill = style.fill;
  const a = style.alignment;
  if (a?.horizontal) out.horizontalAlignment = a.horizontal === "left" ? "Left" : a.horizontal === "center" ? "Center" : "Right";
  if (a?.vertical) out.verticalAlignment = a.vertical === "top" ? "Top" : a.vertical === "middle" ? "Center" : "Bottom";
  if (a?.wrapText !== undefined) out.wrapText = a.wrapText;
  if (a?.indent !== undefined && features.indent) out.indentLevel = a.indent;
  return out;
}

const borderOf = (w: BorderWeight) => ({ style: w === "double" ? "Double" as const : "Continuous" as const, weight: w === "medium" ? "Medium" as const : "Thin" as const });

/** Each cell of the rectangle has the role's borders: edges plus inside lines when the rectangle spans several cells. */
function bordersFor(style: CellStyle, rows: number, cols: number): RangeStyle["borders"] {
  const b = style.border;
  if (!b) return undefined;
  const out: NonNullable<RangeStyle["borders"]> = {};
  if (b.top) out.EdgeTop = borderOf(b.top);
  if (b.bottom) out.EdgeBottom = borderOf(b.bottom);
  if (b.left) out.EdgeLeft = borderOf(b.left);
  if (b.right) out.EdgeRight = borderOf(b.right);
  const horizontal = b.top ?? b.bottom;
  if (rows > 1 && horizontal) out.InsideHorizontal = borderOf(horizontal);
  const vertical = b.left ?? b.right;
  if (cols > 1 && vertical) out.InsideVertical = borderOf(vertical);
  return Object.keys(out).length ? out : undefined;
}

export interface Rect { r1: number; c1: number; r2: number; c2: number }
export const rectAddress = (r: Rect) => (r.r1 === r.r2 && r.c1 === r.c2 ? `${colLetter(r.c1)}${r.r1}` : `${colLetter(r.c1)}${r.r1}:${colLetter(r.c2)}${r.r2}`);

/**
 * Maximal rectangles covering a set of cells: runs of consecutive columns in each row, stacked while the next row
 * has exactly the same run. Deterministic and linear in the number of cells.
 */
export function rectangles(cells: Iterable<{ row: number; col: number }>): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const { row, col } of cells) {
    const list = byRow.get(row);
    if (list) list.push(col);
    else byRow.set(row, [col]);
  }
  const done: Rect[] = [];
  // The previous row's rectangles, by first column (its runs are sorted and disjoint), each still open.
  let open: Rect[] = [];
  let openRow = -1;
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = sortedDistinct(byRow.get(row) as number[]);
    const next: Rect[] = [];
    const continues = openRow === row - 1;
    let o = 0;
    for (let i = 0; i < cols.length;) {
      const c1 = cols[i] as number;
      let c2 = c1;
      for (i++; i < cols.length && cols[i] === c2 + 1; i++) c2++;
      // Rectangles of the previous row that start before this run cannot continue: it is closed.
      while (o < open.length && (open[o] as Rect).c1 < c1) done.push(open[o++] as Rect);
      const prev = open[o];
      if (continues && prev && prev.c1 === c1 && prev.c2 === c2) {
        prev.r2 = row;
        next.push(prev);
        o++;
      } else {
        next.push({ r1: row, c1, r2: row, c2 });
      }
    }
    while (o < open.length) done.push(open[o++] as Rect);
    open = next;
    openRow = row;
  }
  done.push(...open);
  return done.sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1);
}

/** The numbers in increasing order, once each (as they come when they already are: a plan's cells are in order). */
function sortedDistinct(list: number[]): number[] {
  for (let i = 1; i < list.length; i++) {
    if ((list[i] as number) <= (list[i - 1] as number)) return [...new Set(list)].sort((a, b) => a - b);
  }
  return list;
}

/* ---------------------------------------------------------------------------------------------------------- */

export interface RenderOptions {
  features: RenderFeatures;
  /** Upgrade in place: first clear this rectangle (the old template's used range), e.g. "A1:M60". */
  resetAddress?: string;
  /** Upgrade: the columns the old template used, e.g. "A:M" (unhidden before the new widths apply). */
  resetColumns?: string;
  /**
   * Sheet protection: `unprotectFirst` when the sheet is protected now (writes to a protected sheet's locked cells
   * fail); `protect` to protect the sheet after writing it; `password`, the user's, for both (none: Outturn protects
   * without one). Cells are locked or unlocked either way (src/plans/protection.ts): formulas and labels locked,
   * inputs not, every cell of the History and Sign-off sheets.
   */
  protection?: { unprotectFirst: boolean; protect: boolean; password?: string };
}

/** The operations that draw one sheet plan, in the order they must run. */
export function renderSheet(plan: SheetPlan, styles: WorkbookPlan["styles"], options: RenderOptions): SheetOp[] {
  const ops: SheetOp[] = [];
  const password = options.protection?.password || undefined;
  if (options.protection?.unprotectFirst) ops.push(withBytes({ kind: "unprotect", password }, null));
  if (options.resetAddress) {
    ops.push(withBytes({ kind: "reset", address: options.resetAddress, columns: options.resetColumns ?? "" }, null));
  }

  // 1. Cells: three 2-D arrays over A1..(maxRow, maxCol).
  let maxRow = 0, maxCol = 0;
  const placed = plan.cells.map((cell) => {
    const { row, col } = parseA1(cell.address);
    if (row > maxRow) maxRow = row;
    if (col > maxCol) maxCol = col;
    return { cell, row, col };
  });
  if (maxRow > 0) {
    const blank = (): CellEntry[][] => Array.from({ length: maxRow }, () => new Array<CellEntry>(maxCol).fill(null));
    const nf = blank(), values = blank(), formulas = blank();
    const used = { nf: false, values: false, formulas: false };
    // Cells seen, by position as in the arrays; the same address written again is an error (a cell met at the same
    // position under another spelling, "$A$1" after "A1", is not: it is looked for only then).
    const seen = new Uint8Array(maxRow * maxCol);
    for (let i = 0; i < placed.length; i++) {
      const { cell, row, col } = placed[i] as (typeof placed)[number];
      const r = row - 1, c = col - 1;
      if (seen[r * maxCol + c] && placed.slice(0, i).some((p) => p.cell.address === cell.address)) throw new Error(`${plan.name}!${cell.address}: planned twice`);
      seen[r * maxCol + c] = 1;
      const format = numberFormatOf(cell, styles[cell.style]);
      if (format !== null) { (nf[r] as CellEntry[])[c] = format; used.nf = true; }
      const content = cell.content;
      if (content.kind === "text") {
        if (content.text.length > CELL_TEXT_LIMIT) {
          throw new WorkbookError(
            `The text for ${plan.name}!${cell.address} is ${content.text.length.toLocaleString("en-GB")} characters long; an Excel cell holds at most 32,767. Shorten it, then try again.`,
            "TooLong");
        }
        (values[r] as CellEntry[])[c] = content.text;
        used.values = true;
      }
      else if (content.kind === "amount") { (values[r] as CellEntry[])[c] = content.value.toNumber(); used.values = true; }
      else if (content.kind === "formula") {
        if (!content.formula.startsWith("=")) throw new Error(`${plan.name}!${cell.address}: formula without "="`);
        (formulas[r] as CellEntry[])[c] = content.formula;
        used.formulas = true;
      }
    }
    const cellsOp = (property: CellArrayProperty, data: CellEntry[][]): SheetOp => withBytes({ kind: "cells", property, firstRow: 1, firstCol: 1, data }, data);
    if (used.nf) ops.push(cellsOp("numberFormat", nf));
    if (used.values) ops.push(cellsOp("values", values));
    if (used.formulas) ops.push(cellsOp("formulas", formulas));
  }

  // 2. Styles: per role, maximal rectangles.
  const byRole = new Map<StyleRole, Array<{ row: number; col: number }>>();
  for (const p of placed) {
    const list = byRole.get(p.cell.style);
    if (list) list.push(p);
    else byRole.set(p.cell.style, [p]);
  }
  for (const [role, cells] of byRole) {
    const style = styles[role];
    if (!style) throw new Error(`no style for the role "${role}"`);
    const base = rangeStyleOf(style, options.features);
    for (const rect of rectangles(cells)) {
      const borders = bordersFor(style, rect.r2 - rect.r1 + 1, rect.c2 - rect.c1 + 1);
      const rs: RangeStyle = borders ? { ...base, borders } : base;
      if (Object.keys(rs).length === 0) continue;
      ops.push(withBytes({ kind: "style", address: rectAddress(rect), style: rs }, rs));
    }
  }

  // 3. Columns: one operation per run of equal width and visibility.
  let start = 1;
  plan.columns.forEach((col, i) => {
    const next = plan.columns[i + 1];
    if (next && next.width === col.width && !!next.hidden === !!col.hidden) return;
    const address = `${colLetter(start)}:${colLetter(i + 1)}`;
    ops.push(withBytes({ kind: "columns", address, widthPoints: widthToPoints(col.width), hidden: !!col.hidden }, address));
    start = i + 2;
  });

  // 3b. Row heights, as the .xlsx writer sets them: Excel does not auto-fit merged wrapped rows (the Summary's checks
  // and narrative would be clipped), and the charts' positions are computed from these heights (src/excel/charts.ts).
  // One operation per planned row: only rows of wrapped text have a height, a handful a sheet.
  for (const [row, height] of Object.entries(plan.rowHeights ?? {})) {
    ops.push(withBytes({ kind: "rows", address: `${row}:${row}`, heightPoints: height }, row));
  }

  // 4. Merges, conditional formats (on the planned ranges, never whole columns), drop-down lists.
  for (const m of plan.merges) ops.push(withBytes({ kind: "merge", address: m }, m));
  for (const cf of plan.conditionalFormats) {
    if (/^[A-Z]+:[A-Z]+$/i.test(cf.range)) throw new Error(`${plan.name}: conditional format on whole columns (${cf.range})`);
    ops.push(withBytes({ kind: "conditionalFormat", address: cf.range, rules: cf.rules }, cf.rules));
  }
  for (const v of plan.validations) {
    const bad = v.values.find((x) => x.includes(","));
    if (bad) throw new Error(`${plan.name}!${v.range}: list value "${bad}" has a comma`);
    const source = v.values.join(",");
    ops.push(withBytes({ kind: "validation", address: v.range, source }, source));
  }

  // 5. View and print.
  ops.push(withBytes({ kind: "freeze", rows: plan.freeze.rows, columns: plan.freeze.columns }, null));
  if (options.features.pageLayout) {
    ops.push(withBytes({ kind: "print", orientation: plan.print.orientation === "landscape" ? "Landscape" : "Portrait" }, null));
  }

  // 6. Locking: the plan's rectangle locked, then its inputs' rectangles unlocked (a few rectangles a sheet, however
  // many lines: rows of the same shape stack); then, when asked, the sheet protected.
  if (maxRow > 0) {
    ops.push(withBytes({ kind: "style", address: `A1:${colLetter(maxCol)}${maxRow}`, style: { locked: true } }, null));
    if (!locksEveryCell(plan.kind)) {
      const unlocked = placed.filter((p) => !isLockedCell(plan.kind, p.cell));
      for (const rect of rectangles(unlocked)) ops.push(withBytes({ kind: "style", address: rectAddress(rect), style: { locked: false } }, null));
    }
  }
  if (options.protection?.protect) ops.push(withBytes({ kind: "protect", allow: allowancesFor(plan.kind), password }, null));
  return ops;
}

/* ---------------------------------------------------------------------------------------------------------- */

/**
 * Splits a 2-D array write into bands of whole rows, each within `budget`; the first band within `firstBudget`
 * (what is left of the current request), so requests are filled before a new one starts.
 */
export function splitCellsOp(op: Extract<SheetOp, { kind: "cells" }>, budget: number, firstBudget: number = budget): Array<Extract<SheetOp, { kind: "cells" }>> {
  if (op.bytes <= firstBudget) return [op];
  const bands: Array<Extract<SheetOp, { kind: "cells" }>> = [];
  let rows: CellEntry[][] = [];
  let bytes = COMMAND_ENVELOPE;
  let firstRow = op.firstRow;
  let limit = firstBudget;
  const flush = () => {
    if (rows.length > 0) {
      bands.push({ ...op, firstRow, data: rows, bytes });
      firstRow += rows.length;
    }
    rows = [];
    bytes = COMMAND_ENVELOPE;
    limit = budget;
  };
  for (const row of op.data) {
    const rowBytes = jsonBytes(row) + 1;
    if (rowBytes + COMMAND_ENVELOPE > budget) throw new Error(`a row of ${op.property} is over a request's size (${rowBytes} bytes)`);
    if (bytes + rowBytes > limit) flush();
    rows.push(row);
    bytes += rowBytes;
  }
  flush();
  return bands;
}

/** Groups the work into requests of at most `budget` estimated bytes, keeping the order of operations. */
export function chunkWork(work: SheetWork[], budget: number = REQUEST_BUDGET): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk = [];
  let bytes = 0;
  const push = (item: ChunkItem, size: number) => {
    if (bytes + size > budget && current.length > 0) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  };
  // Sheets are created first, so formulas that refer to another new sheet find it.
  for (const w of work) if (w.create) push({ sheet: w.name, create: true, op: null }, COMMAND_ENVELOPE);
  for (const w of work) {
    for (const op of w.ops) {
      const parts = op.kind === "cells" ? splitCellsOp(op, budget, Math.max(budget - bytes, 0)) : [op];
      for (const part of parts) push({ sheet: w.name, create: false, op: part }, part.bytes);
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** The estimated size of a chunk, in bytes. */
export function chunkBytes(chunk: Chunk): number {
  return chunk.reduce((n, item) => n + (item.op ? item.op.bytes : COMMAND_ENVELOPE), 0);
}

/** "A1:K40" from 1-based corner and an array's size. */
export function arrayAddress(firstRow: number, firstCol: number, data: unknown[][]): string {
  const rows = data.length, cols = data[0]?.length ?? 0;
  return rectAddress({ r1: firstRow, c1: firstCol, r2: firstRow + rows - 1, c2: firstCol + cols - 1 });
}
