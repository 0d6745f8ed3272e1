/**
 * The grid: what the reader (src/plans/read.ts) needs from a workbook, whatever opened it. src/xlsx/read.ts builds
 * one from an .xlsx file (ExcelJS); src/excel builds one from the live workbook (Office.js: a used range's
 * `values`, `formulas` and `valueTypes`, via gridSheetFromArrays).
 */

/** An error value shown in a cell, e.g. { error: "#REF!" }. */
export interface GridError {
  error: string;
}

/** A cell's value as shown: number, text, boolean, an error, or null when empty. Dates are not used by Outturn. */
export type GridValue = number | string | boolean | GridError | null;

export interface GridCell {
  value: GridValue;
  /** The formula with its leading "=" when the cell holds one, else null. */
  formula: string | null;
}

export interface GridSheet {
  name: string;
  /** The last row and column (1-based) that may hold anything; 0 when the sheet is empty. */
  maxRow: number;
  maxCol: number;
  /** The cell at a 1-based row and column; undefined (or a null value) when empty. */
  get(row: number, col: number): GridCell | undefined;
}

/** The workbook's sheets, in tab order. */
export interface Grid {
  sheets: GridSheet[];
}

export const ERROR_VALUES = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "Err:502", "Err:504", "Err:508", "Err:511", "Err:522"];

export function isGridError(v: GridValue | undefined): v is GridError {
  return typeof v === "object" && v !== null && typeof (v).error === "string";
}

/** Excel's last column (XFD). */
const COLUMNS = 16384;
/** A cell's key in MapGridSheet: its row times one more than the last column, plus its column (one number a cell). */
const keyOf = (row: number, col: number): number => row * (COLUMNS + 1) + col;

/**
 * A sheet held in memory, cell by cell. Handy for tests and for building grids cell by cell. Keyed by a number made
 * from the row and column, not an "r,c" text made for every look-up: a read of a large sheet looks up every cell.
 */
export class MapGridSheet implements GridSheet {
  private readonly cells = new Map<number, GridCell>();
  maxRow = 0;
  maxCol = 0;
  constructor(readonly name: string) {}
  set(row: number, col: number, cell: GridCell): void {
    this.cells.set(keyOf(row, col), cell);
    if (row > this.maxRow) this.maxRow = row;
    if (col > this.maxCol) this.maxCol = col;
  }
  get(row: number, col: number): GridCell | undefined {
    return this.cells.get(keyOf(row, col));
  }
  /** Empties a cell (the bounds stay). */
  delete(row: number, col: number): void {
    this.cells.delete(keyOf(row, col));
  }
}

/**
 * A sheet from Office.js-style arrays: `values[r][c]` and `formulas[r][c]` of a range whose top-left cell is at
 * (firstRow, firstCol), 1-based. A formula entry that does not start with "=" means no formula. `valueTypes`
 * (Office.js Excel.RangeValueType: "Error", "Empty", ...) turns error strings ("#REF!") into GridErrors; without it,
 * a formula cell whose value is one of ERROR_VALUES is taken as an error.
 */
export function gridSheetFromArrays(
  name: string,
  firstRow: number,
  firstCol: number,
  values: unknown[][],
  formulas?: unknown[][],
  valueTypes?: string[][],
): GridSheet {
  const sheet = new MapGridSheet(name);
  values.forEach((row, r) => {
    row.forEach((raw, c) => {
      const f = formulas?.[r]?.[c];
      const formula = typeof f === "string" && f.startsWith("=") ? f : null;
      const type = valueTypes?.[r]?.[c];
      let value: GridValue;
      if (raw === null || raw === undefined || raw === "") value = formula === null ? null : "";
      else if (typeof raw === "number" || typeof raw === "boolean") value = raw;
      else if (typeof raw === "string") {
        value = type === "Error" || (type === undefined && formula !== null && ERROR_VALUES.includes(raw)) ? { error: raw } : raw;
      } else if (isGridError(raw as GridValue)) value = raw as GridError;
      else value = JSON.stringify(raw) ?? "";
      if (value === null && formula === null) return;
      sheet.set(firstRow + r, firstCol + c, { value, formula });
    });
  });
  return sheet;
}
