/**
 * What every sheet's reader uses: a view of one sheet (cells by row and column, its row markers, cell addresses for
 * messages) and the Reader, which collects the checks found and the rows found for each logical row key, and turns
 * cells into text, amounts and choices, naming the cell in every problem.
 */
import type { Decimal } from "../../model/types";
import { parseAmount } from "../../model/amount";
import type { Area, Check, Place, Severity } from "../../engine/checks";
import { colIndex, colLetter, sheetPrefix } from "../a1";
import { type GridCell, type GridSheet, type GridValue, isGridError } from "../grid";
import type { SheetKind } from "../types";
import { decimalOfNumber, suggestNumber } from "./cells";

/** The area of the engine's checks each sheet's cells belong to. */
export const AREA: Partial<Record<SheetKind, Area>> = { Revenue: "revenue", Capital: "capital", Reserves: "reserves", Savings: "savings", Settings: "settings", Workforce: "workforce" };

export class SheetView {
  readonly keyCol: number;
  /** The sheet's reference prefix (Revenue!), made once: every cell read is named by it. */
  private readonly prefix: string;
  constructor(readonly kind: SheetKind, readonly name: string, readonly sheet: GridSheet, keyColumn: string) {
    this.keyCol = colIndex(keyColumn);
    this.prefix = sheetPrefix(name);
  }
  cell(row: number, col: string | number): GridCell | undefined {
    return this.sheet.get(row, typeof col === "number" ? col : colIndex(col));
  }
  value(row: number, col: string | number): GridValue {
    return this.cell(row, col)?.value ?? null;
  }
  marker(row: number): string {
    const v = this.value(row, this.keyCol);
    return typeof v === "string" ? v.trim() : "";
  }
  where(row: number, col: string | number): string {
    return `${this.prefix}${typeof col === "number" ? colLetter(col) : col}${row}`;
  }
  /** True when any cell of the row left of the key column holds something. */
  hasContent(row: number): boolean {
    for (let c = 1; c < this.keyCol; c++) {
      const v = this.value(row, c);
      if (v !== null && v !== "") return true;
    }
    return false;
  }
  findMarker(marker: string): number | null {
    for (let r = 1, last = this.sheet.maxRow; r <= last; r++) if (this.marker(r) === marker) return r;
    return null;
  }
}

export class Reader {
  readonly checks: Check[] = [];
  /** Per sheet kind: logical row key -> row found. */
  readonly rowKeys: Partial<Record<SheetKind, Record<string, number>>> = {};
  /** Rows read as lines without a marker (inserted by the user): "Sheet|row". */
  readonly inserted = new Set<string>();
  /** Cells whose value check is superseded by a more precise check. */
  readonly skip = new Set<string>();
  fatal = false;

  add(id: string, severity: Severity, where: string, message: string, place: Partial<Place> = {}): void {
    this.checks.push({ id, severity, message, where, place: { area: place.area ?? "workbook", row: place.row ?? null, column: place.column ?? null } });
  }

  keys(kind: SheetKind): Record<string, number> {
    return (this.rowKeys[kind] ??= {});
  }

  /** Text typed in a cell; null when blank. Numbers become their text. */
  text(s: SheetView, row: number, col: string, what: string): string | null {
    const v = s.value(row, col);
    if (v === null || v === "") return null;
    if (isGridError(v)) {
      this.add("cell-error", "error", s.where(row, col), `${s.where(row, col)} (${what}) shows ${v.error}; type the text again.`, { area: AREA[s.kind] });
      return null;
    }
    const t = typeof v === "string" ? v : String(v);
    return t.trim() === "" ? null : t;
  }

  /** An amount typed in a cell; null when blank. Text, booleans and errors are checks naming the cell. */
  amount(s: SheetView, row: number, col: string, what: string, place?: Partial<Place>): Decimal | null {
    const cell = s.cell(row, col);
    const v = cell?.value ?? null;
    const where = s.where(row, col);
    if (v === null || v === "") return null;
    if (typeof v === "number") {
      if (!Number.isFinite(v)) return null;
      const d = decimalOfNumber(v);
      try {
        return parseAmount(d.toFixed());
      } catch (e) {
        this.add("bad-amount", "error", where, `${where} (${what}) is ${v}: ${(e as Error).message}.`, { area: AREA[s.kind], ...place });
        return null;
      }
    }
    if (isGridError(v)) {
      this.add(cell?.formula ? "formula-error" : "cell-error", "error", where, `${where} (${what}) shows ${v.error}${cell?.formula ? ` from its formula ${cell.formula}` : ""}; correct it or type the figure.`, { area: AREA[s.kind], ...place });
      return null;
    }
    if (typeof v === "boolean") {
      this.add("text-in-amount", "error", where, `${where} (${what}) holds ${v ? "TRUE" : "FALSE"}, not an amount. Type a number such as 1234 or -1234.`, { area: AREA[s.kind], ...place });
      return null;
    }
    const suggestion = suggestNumber(v);
    this.add("text-in-amount", "error", where,
      `${where} (${what}) holds the text "${v}", not a number, so it is not added up or read. ${suggestion !== null ? `Type ${suggestion}` : "Type a number such as 1234 or -1234"} (without commas, £ signs or brackets; Outturn's number format adds them).`,
      { area: AREA[s.kind], ...place });
    return null;
  }

  choice<T extends string>(s: SheetView, row: number, col: string, what: string, allowed: readonly T[], fallback: T | null): T | null {
    const t = this.text(s, row, col, what);
    if (t === null) return fallback;
    const found = allowed.find((a) => a.toLowerCase() === t.trim().toLowerCase());
    if (found) return found;
    this.add("bad-choice", "error", s.where(row, col), `${s.where(row, col)} (${what}) is "${t}"; choose one of ${allowed.join(", ")}.`, { area: AREA[s.kind] });
    return fallback;
  }
}
