/**
 * The in-memory workbook's sheets: cell grids that behave as Excel's do where Outturn relies on it. Sheet names compare
 * case-insensitively; a protected sheet refuses a person's edits; inserting rows moves cells and adjusts formulas
 * (./shift-rows.ts); formula cells get their values from a stand-in for Excel's calculation (`recalculate`). No
 * events and no decisions here: the gateway (./memory.ts) decides, through the use-cases, and applies.
 */
import type { ColumnPlan, PlanCell, SheetKind, SheetPlan, WorkbookPlan } from "../plans/types";
import type { Grid, GridCell, GridSheet, GridValue } from "../plans/grid";
import { parseA1, toA1 } from "../plans/a1";
import type { PlanPort } from "./plan-port";
import type { CellWrite } from "./settings-rows";
import { WorkbookError, passwordRefused } from "./errors";
import { allowancesFor, isLockedCell } from "../plans/protection";
import { OUTTURN_SHEETS, SHEET_NAMES, sameName } from "./rules";
import { shiftFormula } from "./shift-rows";

export interface MemoryCell extends GridCell {
  /** A cell the user types into. */
  input: boolean;
  /** Locked (Excel's default): a protected sheet refuses a person's typing here (src/plans/protection.ts). */
  locked: boolean;
  numberFormat: string | null;
}

/** A value as typed: a number, text, a formula ("=..."), true/false, or null to clear the cell. */
export type CellInput = number | string | boolean | null;

/**
 * The cells by address, keeping the used range as they change: readers ask for the last row once per row they look
 * at, and scanning every address each time made a 1,000-line read quadratic.
 */
class CellMap extends Map<string, MemoryCell> {
  private bounds: { row: number; col: number } | null = { row: 0, col: 0 };
  override set(address: string, cell: MemoryCell): this {
    if (this.bounds) {
      const { row, col } = parseA1(address);
      if (row > this.bounds.row) this.bounds.row = row;
      if (col > this.bounds.col) this.bounds.col = col;
    }
    return super.set(address, cell);
  }
  override delete(address: string): boolean {
    this.bounds = null; // worked out again when next asked
    return super.delete(address);
  }
  override clear(): void {
    this.bounds = { row: 0, col: 0 };
    super.clear();
  }
  used(): { row: number; col: number } {
    if (!this.bounds) {
      const b = { row: 0, col: 0 };
      for (const a of this.keys()) {
        const { row, col } = parseA1(a);
        if (row > b.row) b.row = row;
        if (col > b.col) b.col = col;
      }
      this.bounds = b;
    }
    return this.bounds;
  }
}

export class MemorySheet implements GridSheet {
  readonly cells: Map<string, MemoryCell> = new CellMap();
  /** Sheet protection (Review > Protect Sheet): a person's edits of locked cells are refused, as Excel refuses them. */
  protected = false;
  /** The password it was protected with, if any: unprotecting needs it. */
  password: string | undefined = undefined;
  /** Whether a person may insert rows while it is protected (Outturn's templates allow it). */
  allowInsertRows = false;
  constructor(
    public name: string,
    public columns: ColumnPlan[] = [],
  ) {}
  get maxRow(): number {
    return (this.cells as CellMap).used().row;
  }
  get maxCol(): number {
    return Math.max(this.columns.length, (this.cells as CellMap).used().col);
  }
  get(row: number, col: number): GridCell | undefined {
    return this.cells.get(toA1(row, col));
  }
  /** The cell at an address as typed ("c3" is C3). */
  at(address: string): MemoryCell | undefined {
    const { row, col } = parseA1(address);
    return this.cells.get(toA1(row, col));
  }
}

function planValue(cell: PlanCell): GridValue {
  const c = cell.content;
  switch (c.kind) {
    case "text":
      return c.text;
    case "amount":
      return c.value.toNumber();
    case "formula":
      return typeof c.expected === "string" ? c.expected : c.expected.toNumber();
    default:
      return null;
  }
}

function memoryCellOf(cell: PlanCell, numberFormat: string | null, locked: boolean): MemoryCell {
  return {
    value: planValue(cell),
    formula: cell.content.kind === "formula" ? cell.content.formula : null,
    input: cell.input,
    locked,
    numberFormat: cell.numberFormat ?? numberFormat,
  };
}

export class SheetEmulator {
  readonly sheets: MemorySheet[] = [];
  /** Review > Protect Workbook: no sheet may be added. */
  structureProtected = false;

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => sameName(s.name, name));
  }

  /** A sheet a person acts on; a sheet not there is a fault of the caller (a test or the preview API). */
  existing(name: string): MemorySheet {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`no sheet "${name}" in the preview workbook (it has ${this.names().join(", ") || "no sheets"})`);
    return sheet;
  }

  /** The Outturn sheets the pane works on: those with their kind's own name (not copies inserted alongside). */
  outturnKinds(): SheetKind[] {
    return OUTTURN_SHEETS.filter((k) => this.sheet(SHEET_NAMES[k]));
  }

  names(): string[] {
    return this.sheets.map((s) => s.name);
  }

  grid(): Grid {
    return { sheets: this.sheets };
  }

  /** Writes a sheet plan into its sheet (new, or replacing the one of that name): Outturn's own write. */
  render(sp: SheetPlan, plan: WorkbookPlan): MemorySheet {
    let sheet = this.sheet(sp.name);
    if (!sheet) {
      sheet = new MemorySheet(sp.name, sp.columns);
      this.sheets.push(sheet);
    }
    sheet.columns = sp.columns;
    sheet.cells.clear();
    for (const cell of sp.cells) sheet.cells.set(cell.address, memoryCellOf(cell, plan.styles[cell.style]?.numberFormat ?? null, isLockedCell(sp.kind, cell)));
    return sheet;
  }

  /** Protects a sheet Outturn wrote, as the renderers do (Excel: WorksheetProtection.protect with its allowances). */
  protect(sheet: MemorySheet, kind: SheetKind, password: string | undefined): void {
    sheet.protected = true;
    sheet.password = password;
    sheet.allowInsertRows = allowancesFor(kind).insertRows;
  }

  /** Unprotects a sheet for Outturn to write; refused, naming it, when protected with a password Outturn was not given. */
  unprotect(sheet: MemorySheet, password: string | undefined): void {
    if (sheet.protected && sheet.password !== undefined && sheet.password !== password) throw passwordRefused(sheet.name);
    sheet.protected = false;
    sheet.password = undefined;
  }

  /** Writes planned cells at the rows found for them (saving settings), with their number format or the cell's own. */
  write(sheet: MemorySheet, writes: readonly CellWrite[]): void {
    for (const w of writes) {
      const address = toA1(w.row, w.col);
      const previous = sheet.cells.get(address);
      const numberFormat = w.numberFormat === undefined ? previous?.numberFormat ?? null : w.numberFormat;
      sheet.cells.set(address, { ...memoryCellOf(w.cell, null, previous?.locked ?? true), input: previous?.input ?? w.cell.input, numberFormat });
    }
  }

  /** A sheet a person adds (Insert > Sheet, then renames it); Excel refuses a name taken in any case. */
  add(name: string): MemorySheet {
    if (this.sheet(name)) throw new Error(`there is a sheet "${name}" already`);
    const sheet = new MemorySheet(name);
    this.sheets.push(sheet);
    return sheet;
  }

  /** A sheet a person deletes (right-click > Delete). */
  remove(name: string): void {
    this.sheets.splice(this.sheets.indexOf(this.existing(name)), 1);
  }

  /** Cells set as a person typing (or pasting) would; refused on a protected sheet, as Excel refuses it. */
  type(sheetName: string, cells: Record<string, CellInput>): void {
    const sheet = this.existing(sheetName);
    const locked = Object.keys(cells).find((address) => sheet.at(address)?.locked ?? true);
    if (sheet.protected && locked !== undefined) {
      throw new WorkbookError(`The cell you're trying to change (${locked}) is on a protected sheet ("${sheet.name}"). To change it, unprotect the sheet (Review > Unprotect Sheet).`, "Protected");
    }
    for (const [address, input] of Object.entries(cells)) {
      const { row, col } = parseA1(address);
      const a = toA1(row, col);
      const previous = sheet.cells.get(a);
      const isFormula = typeof input === "string" && input.startsWith("=");
      sheet.cells.set(a, {
        value: isFormula ? null : input === "" ? null : input,
        formula: isFormula ? input : null,
        input: previous?.input ?? false,
        locked: previous?.locked ?? true,
        numberFormat: previous?.numberFormat ?? null,
      });
    }
  }

  /**
   * Inserts `count` empty rows before row `before`, as Excel's Insert Sheet Rows: cells below move down, formulas
   * everywhere follow (./shift-rows.ts), and the new rows take the look of the row above.
   */
  insertRows(sheetName: string, before: number, count: number): void {
    const sheet = this.existing(sheetName);
    if (sheet.protected && !sheet.allowInsertRows) throw new WorkbookError(`"${sheet.name}" is protected: unprotect it (Review > Unprotect Sheet) to insert rows.`, "Protected");
    if (!Number.isInteger(before) || before < 1 || !Number.isInteger(count) || count < 1) throw new Error("insertRows: give a row number and a count, both 1 or more");
    const moved = new Map<string, MemoryCell>();
    for (const [address, cell] of sheet.cells) {
      const { row, col } = parseA1(address);
      moved.set(row >= before ? toA1(row + count, col) : address, cell);
    }
    for (const [address, cell] of sheet.cells) {
      const { row, col } = parseA1(address);
      if (row !== before - 1) continue;
      for (let r = before; r < before + count; r++) moved.set(toA1(r, col), { value: null, formula: null, input: cell.input, locked: cell.locked, numberFormat: cell.numberFormat });
    }
    sheet.cells.clear();
    for (const [a, c] of moved) sheet.cells.set(a, c);
    for (const s of this.sheets) {
      for (const cell of s.cells.values()) if (cell.formula) cell.formula = shiftFormula(cell.formula, s.name, sheet.name, before, count);
    }
  }

  /**
   * Excel's calculation, approximately: the figures read back are planned again, and every formula cell still
   * holding the plan's formula takes the plan's value. A formula the user overwrote keeps what they typed.
   */
  recalculate(plans: PlanPort): void {
    const model = plans.readModel(this.grid());
    if (!model) return;
    const plan = plans.build(model, this.outturnKinds(), {});
    for (const sp of plan.sheets) {
      const sheet = this.sheet(sp.name);
      if (!sheet) continue;
      for (const cell of sp.cells) {
        if (cell.content.kind !== "formula") continue;
        const current = sheet.cells.get(cell.address);
        if (current?.formula === cell.content.formula) current.value = planValue(cell);
      }
    }
  }
}
