/** A small helper the sheet modules use to lay out cells row by row. */
import type { Decimal } from "../model/types";
import { colLetter, parseA1 } from "./a1";
import { STYLES } from "./styles";
import type { CellContent, ColumnPlan, ConditionalFormat, ListValidation, Place, PlanCell, SheetKind, SheetPlan, StyleRole } from "./types";

export interface CellOptions {
  numberFormat?: string;
  place?: Place;
  input?: boolean;
}

export class SheetBuilder {
  readonly cells: PlanCell[] = [];
  readonly merges: string[] = [];
  readonly conditionalFormats: ConditionalFormat[] = [];
  readonly validations: ListValidation[] = [];
  readonly rowKeys: Record<string, number> = {};
  /** Addresses already put, so `fill` need not look through every cell. */
  private readonly taken = new Set<string>();
  freeze = { rows: 0, columns: 0 };
  print: SheetPlan["print"] = { orientation: "landscape", fitToWidth: true };

  constructor(readonly kind: SheetKind, readonly name: string, readonly columns: ColumnPlan[], readonly keyColumn: string) {}

  private put(row: number, col: string, content: CellContent, style: StyleRole, opts: CellOptions, input: boolean): void {
    const cell: PlanCell = { address: `${col}${row}`, content, style, input: opts.input ?? input };
    this.taken.add(cell.address);
    if (opts.numberFormat) cell.numberFormat = opts.numberFormat;
    if (opts.place) cell.place = opts.place;
    this.cells.push(cell);
  }

  /** The row's marker in the key column, and its logical key (the marker itself unless given). */
  key(row: number, marker: string, logical: string = marker): void {
    this.put(row, this.keyColumn, { kind: "text", text: marker }, "key", {}, false);
    this.rowKeys[logical] = row;
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
    this.put(row, col, value === null ? { kind: "blank" } : { kind: "amount", value }, "input", { numberFormat, ...opts }, true);
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
    for (let c = from; c <= to; c++) if (!this.taken.has(`${colLetter(c)}${row}`)) this.blank(row, colLetter(c), style);
  }

  /** Heights for rows whose wrapped text needs more than one line, estimated from the text and column widths. */
  rowHeights(): Record<number, number> {
    const mergeAt = new Map(this.merges.map((m) => [m.split(":")[0] as string, m]));
    const widthOf = (address: string): number => {
      const merge = mergeAt.get(address);
      const { col } = parseA1(address);
      const last = merge ? parseA1(merge.split(":")[1] as string).col : col;
      let w = 0;
      for (let c = col; c <= last; c++) w += this.columns[c - 1]?.width ?? 8.43;
      return w;
    };
    const heights: Record<number, number> = {};
    for (const cell of this.cells) {
      const style = STYLES[cell.style];
      if (!style.alignment?.wrapText) continue;
      const text = cell.content.kind === "text" ? cell.content.text : cell.content.kind === "formula" && typeof cell.content.expected === "string" ? cell.content.expected : "";
      if (!text) continue;
      const size = style.font?.size ?? 10;
      const perLine = Math.max(4, Math.floor(widthOf(cell.address) * (11 / size) * (style.font?.bold ? 0.95 : 1.1)));
      const lines = wrappedLines(text, perLine);
      if (lines < 2) continue;
      const { row } = parseA1(cell.address);
      const h = Math.ceil(lines * size * 1.32 + 3);
      heights[row] = Math.max(heights[row] ?? 0, h);
    }
    return heights;
  }

  build(): SheetPlan {
    return {
      kind: this.kind, name: this.name, columns: this.columns, rowHeights: this.rowHeights(), freeze: this.freeze, cells: this.cells, merges: this.merges,
      conditionalFormats: this.conditionalFormats, validations: this.validations, keyColumn: this.keyColumn,
      rowKeys: this.rowKeys, print: this.print,
    };
  }
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
