/**
 * An in-memory WorkbookGateway: the workbook as cell grids, for the preview outside Excel and for tests.
 *
 * Inserting renders the sheet plans (src/plans) into the grids (formulas stored, with the values the plan expects);
 * reading uses the plans' read-back, exactly as the Excel gateway does on the live workbook. After every change of
 * inputs the formula cells' values are brought up to date from the plan of the figures read back, a stand-in for
 * Excel's calculation. Setting cells (as a person typing would) raises the monitoring-changed event; Outturn's own
 * writes (insert, settings) do not.
 */
import type { Settings } from "../model/types";
import { defaultPlanPort, type PlanPort } from "./plan-port";
import type { ColumnPlan, PlanCell, SheetPlan, WorkbookPlan } from "../plans/types";
import type { Grid, GridCell, GridSheet, GridValue } from "../plans/grid";
import { parseA1, toA1 } from "../plans/a1";
import { SHEET_KINDS_IN_ORDER, defaultSheetNames } from "../plans/context";
import { shiftFormula } from "./shift-rows";
import { isoToday, planClose, planReopen, type ClosingPlan } from "./closing";
import type { MonitoringPeriod, PeriodId } from "../model/types";
import {
  type CellRef, type CloseResult, type InsertRequest, type InsertResult, type SheetKind, type WorkbookGateway, type WorkbookRead,
  type WorkbookStatus, WorkbookError,
} from "./gateway";

export interface PreviewCell extends GridCell {
  /** A cell the user types into. */
  input: boolean;
  numberFormat: string | null;
}

export interface PreviewSheet {
  name: string;
  maxRow: number;
  /** Visible columns, with their width in pixels. */
  columns: Array<{ index: number; widthPx: number }>;
  cell(row: number, col: number): PreviewCell | undefined;
}

/** A value as typed: a number, text, a formula ("=..."), true/false, or null to clear the cell. */
export type CellInput = number | string | boolean | null;

export type FailableMethod = "status" | "insertSheets" | "readPeriod" | "writeSettings" | "selectCell" | "closePeriod" | "reopenPeriod";

class MemorySheet implements GridSheet {
  readonly cells = new Map<string, PreviewCell>();
  /** Sheet protection (Review > Protect Sheet): a person's edits are refused, as Excel refuses them. */
  protected = false;
  constructor(
    readonly name: string,
    public columns: ColumnPlan[] = [],
  ) {}
  get maxRow(): number {
    let n = 0;
    for (const a of this.cells.keys()) n = Math.max(n, parseA1(a).row);
    return n;
  }
  get maxCol(): number {
    let n = this.columns.length;
    for (const a of this.cells.keys()) n = Math.max(n, parseA1(a).col);
    return n;
  }
  get(row: number, col: number): GridCell | undefined {
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

function previewCellOf(cell: PlanCell, numberFormat: string | null): PreviewCell {
  return {
    value: planValue(cell),
    formula: cell.content.kind === "formula" ? cell.content.formula : null,
    input: cell.input,
    numberFormat: cell.numberFormat ?? numberFormat,
  };
}

/** The name each kind of sheet is inserted and read under ("Period history" for History: Excel reserves "History"). */
const SHEET_NAMES = defaultSheetNames();

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class MemoryWorkbook implements WorkbookGateway {
  private sheets: MemorySheet[] = [];
  private readonly uiListeners = new Set<() => void>();
  private readonly changeHandlers = new Set<() => void>();
  private readonly failures = new Map<FailableMethod, Error[]>();
  /** Bumped on every change, for views of the workbook (useSyncExternalStore). */
  version = 0;
  selection: CellRef | null = null;
  /** How many times a cell has been selected (selecting the same cell twice is still a change). */
  selectionCount = 0;
  /** Every gateway call takes this long, to see progress indicators. */
  latencyMs = 0;
  /** How many times each gateway method has been called, for tests. */
  readonly calls: Partial<Record<FailableMethod, number>> = {};

  /** The date periods are closed on (YYYY-MM-DD); tests set it. */
  today: () => string = () => isoToday();

  /** @param plans the sheet plans (src/plans), through the same small port the Excel gateway uses */
  constructor(private readonly plans: PlanPort = defaultPlanPort()) {}

  // ---- WorkbookGateway ----

  async status(): Promise<WorkbookStatus> {
    await this.enter("status");
    const kinds = this.outturnKinds();
    const model = kinds.includes("Settings") ? this.readNow().model : null;
    return {
      sheets: kinds,
      identity: model ? { organisation: model.organisation, financialYear: model.financialYear, period: model.period, units: model.units } : null,
    };
  }

  async insertSheets(request: InsertRequest): Promise<InsertResult> {
    await this.enter("insertSheets");
    const kinds = [...new Set(request.sheets)];
    const existing = kinds.filter((k) => this.sheet(SHEET_NAMES[k]));
    if (existing.length > 0 && request.onExisting === "ask") return { status: "conflict", existing };

    const identity = { organisation: request.organisation, financialYear: request.financialYear, period: request.period, units: request.units };
    let model = request.model ?? null;
    const upgrade = request.onExisting === "upgrade" && existing.length > 0;
    if (!model && upgrade) {
      const read = this.readNow();
      if (!read.model) {
        throw new WorkbookError(
          "The existing sheets cannot be read, so their inputs cannot be kept: correct what Checks lists, or choose Add alongside.",
          "Conflict",
        );
      }
      model = { ...read.model, ...identity };
    }
    model = model ?? this.plans.blank(identity);

    // Alongside: new names ("Revenue (2)"); formulas of the new sheets refer to each other by those names.
    const names: Partial<Record<SheetKind, string>> = {};
    if (request.onExisting === "alongside") for (const kind of existing) names[kind] = this.freeName(SHEET_NAMES[kind]);

    const plan = this.plans.build(model, kinds, names);
    for (const sp of plan.sheets) {
      // A History sheet holding closed periods is protected, as Close period leaves it (Excel: unprotect, write, protect).
      const wasProtected = this.sheet(sp.name)?.protected ?? false;
      this.render(sp, plan);
      if (sp.kind === "History") (this.sheet(sp.name) as MemorySheet).protected = wasProtected || model.history.length > 0;
    }
    this.recalculate();
    this.changed();
    return { status: "inserted", sheets: plan.sheets.map((s) => s.name) };
  }

  async readPeriod(): Promise<WorkbookRead> {
    await this.enter("readPeriod");
    return this.readNow();
  }

  async writeSettings(settings: Settings): Promise<void> {
    await this.enter("writeSettings");
    const sheet = this.sheet(SHEET_NAMES.Settings);
    if (!sheet) throw new WorkbookError("There is no Settings sheet in the workbook: insert it (Insert sheets), then save the settings again.", "MissingSheet");
    const read = this.readNow();
    if (!read.model) throw new WorkbookError("The workbook cannot be read, so the settings cannot be saved: correct what Checks lists first.", "Workbook");
    const plan = this.plans.build({ ...read.model, settings }, ["Settings"], {});
    const sp = plan.sheets.find((s) => s.kind === "Settings");
    if (!sp) throw new Error("the plan has no Settings sheet");
    for (const cell of sp.cells) {
      if (!cell.input) continue;
      const previous = sheet.cells.get(cell.address);
      sheet.cells.set(cell.address, previewCellOf(cell, previous?.numberFormat ?? plan.styles[cell.style]?.numberFormat ?? null));
    }
    this.recalculate();
    this.changed();
  }

  async selectCell(ref: CellRef): Promise<void> {
    await this.enter("selectCell");
    if (!this.sheet(ref.sheet)) throw new WorkbookError(`The sheet "${ref.sheet}" is not in the workbook: it may have been renamed or deleted. Restore it, or insert the sheets again.`, "MissingSheet");
    parseA1(ref.address);
    this.selection = { sheet: ref.sheet, address: ref.address };
    this.selectionCount++;
    this.changed();
  }

  async closePeriod(): Promise<CloseResult> {
    await this.enter("closePeriod");
    return this.writeHistory(planClose(this.readNow(), this.today()));
  }

  async reopenPeriod(period: PeriodId): Promise<CloseResult> {
    await this.enter("reopenPeriod");
    return this.writeHistory(planReopen(this.readNow(), period));
  }

  /** Rewrites the History sheet for the plan's model (unprotect, write, protect), unless nothing changes. */
  private writeHistory({ model, result }: ClosingPlan): CloseResult {
    if (!model) return result;
    this.renderHistory(model);
    this.recalculate();
    this.changed();
    return result;
  }

  private renderHistory(model: MonitoringPeriod): void {
    const plan = this.plans.build(model, ["History"], {});
    const sp = plan.sheets.find((s) => s.kind === "History");
    if (!sp) throw new Error("the plan has no History sheet");
    this.render(sp, plan);
    (this.sheet(sp.name) as MemorySheet).protected = true;
  }

  async onMonitoringChanged(handler: () => void): Promise<() => void> {
    this.changeHandlers.add(handler);
    return () => {
      this.changeHandlers.delete(handler);
    };
  }

  // ---- the preview and tests ----

  /** Sets cells of a sheet as a person typing (or pasting) would, then raises one monitoring-changed event. */
  setCells(sheetName: string, cells: Record<string, CellInput>): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet "${sheetName}" in the preview workbook (it has ${this.sheetNames().join(", ") || "no sheets"})`);
    if (sheet.protected) throw new WorkbookError(`The cell you're trying to change is on a protected sheet ("${sheetName}"). To change it, unprotect the sheet (Review > Unprotect Sheet).`, "Protected");
    for (const [address, input] of Object.entries(cells)) {
      const a = toA1(parseA1(address).row, parseA1(address).col);
      const previous = sheet.cells.get(a);
      const isFormula = typeof input === "string" && input.startsWith("=");
      sheet.cells.set(a, {
        value: isFormula ? null : input === "" ? null : input,
        formula: isFormula ? input : null,
        input: previous?.input ?? false,
        numberFormat: previous?.numberFormat ?? null,
      });
    }
    this.userChanged();
  }

  /**
   * Inserts `count` empty rows before row `before`, as Excel's Insert Sheet Rows: cells below move down, formulas
   * everywhere follow (src/workbook/shift-rows.ts), and the new rows take the look of the row above. Raises one
   * monitoring-changed event.
   */
  insertRows(sheetName: string, before: number, count: number): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet "${sheetName}" in the preview workbook`);
    if (sheet.protected) throw new WorkbookError(`"${sheetName}" is protected: unprotect it (Review > Unprotect Sheet) to insert rows.`, "Protected");
    if (!Number.isInteger(before) || before < 1 || !Number.isInteger(count) || count < 1) throw new Error("insertRows: give a row number and a count, both 1 or more");
    const moved = new Map<string, PreviewCell>();
    for (const [address, cell] of sheet.cells) {
      const { row, col } = parseA1(address);
      moved.set(row >= before ? toA1(row + count, col) : address, cell);
    }
    for (const [address, cell] of sheet.cells) {
      const { row, col } = parseA1(address);
      if (row !== before - 1) continue;
      for (let r = before; r < before + count; r++) moved.set(toA1(r, col), { value: null, formula: null, input: cell.input, numberFormat: cell.numberFormat });
    }
    sheet.cells.clear();
    for (const [a, c] of moved) sheet.cells.set(a, c);
    for (const s of this.sheets) {
      for (const cell of s.cells.values()) if (cell.formula) cell.formula = shiftFormula(cell.formula, s.name, sheetName, before, count);
    }
    this.userChanged();
  }

  /** Whether a sheet is protected (Review > Protect Sheet). */
  isProtected(sheetName: string): boolean {
    return this.sheet(sheetName)?.protected ?? false;
  }

  /** Review > Unprotect Sheet (or Protect Sheet), as a person would. */
  setProtected(sheetName: string, on: boolean): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet "${sheetName}" in the preview workbook`);
    sheet.protected = on;
    this.changed();
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  previewCell(sheetName: string, address: string): PreviewCell | null {
    const { row, col } = parseA1(address);
    return this.sheet(sheetName)?.cells.get(toA1(row, col)) ?? null;
  }

  previewSheet(sheetName: string): PreviewSheet | null {
    const sheet = this.sheet(sheetName);
    if (!sheet) return null;
    const count = sheet.maxCol;
    const columns: PreviewSheet["columns"] = [];
    for (let i = 1; i <= count; i++) {
      const plan = sheet.columns[i - 1];
      if (plan?.hidden) continue;
      columns.push({ index: i, widthPx: Math.round((plan?.width ?? 9) * 7 + 5) });
    }
    return { name: sheet.name, maxRow: sheet.maxRow, columns, cell: (row, col) => sheet.cells.get(toA1(row, col)) };
  }

  /** The next call of `method` throws `error` (as Excel would: a cell being edited, a protected sheet...). */
  failNext(method: FailableMethod, error: Error): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), error]);
  }

  subscribe(listener: () => void): () => void {
    this.uiListeners.add(listener);
    return () => {
      this.uiListeners.delete(listener);
    };
  }

  // ---- inside ----

  private async enter(method: FailableMethod): Promise<void> {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
    if (this.latencyMs > 0) await delay(this.latencyMs);
    const queued = this.failures.get(method);
    const error = queued?.shift();
    if (error) throw error;
  }

  /** After a person's edit: recalculate, update views, and raise the monitoring-changed event as Excel would (afterwards, asynchronously). */
  private userChanged(): void {
    this.recalculate();
    this.changed();
    setTimeout(() => this.changeHandlers.forEach((h) => h()), 0);
  }

  private changed(): void {
    this.version++;
    this.uiListeners.forEach((l) => l());
  }

  private sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  private freeName(name: string): string {
    for (let i = 2; ; i++) if (!this.sheet(`${name} (${i})`)) return `${name} (${i})`;
  }

  /** The Outturn sheets the pane works on: those with their kind's own name (not copies inserted alongside). */
  private outturnKinds(): SheetKind[] {
    return SHEET_KINDS_IN_ORDER.filter((k) => this.sheet(SHEET_NAMES[k]));
  }

  private grid(): Grid {
    return { sheets: this.sheets };
  }

  private readNow(): WorkbookRead {
    return this.plans.read(this.grid());
  }

  /** Writes a sheet plan into its sheet (new, or replacing the one of that name). */
  private render(sp: SheetPlan, plan: WorkbookPlan): void {
    let sheet = this.sheet(sp.name);
    if (!sheet) {
      sheet = new MemorySheet(sp.name, sp.columns);
      this.sheets.push(sheet);
    }
    sheet.columns = sp.columns;
    sheet.cells.clear();
    for (const cell of sp.cells) sheet.cells.set(cell.address, previewCellOf(cell, plan.styles[cell.style]?.numberFormat ?? null));
  }

  /**
   * Excel's calculation, approximately: the figures read back are planned again, and every formula cell still
   * holding the plan's formula takes the plan's value. A formula the user overwrote keeps what they typed.
   */
  private recalculate(): void {
    const model = this.readNow().model;
    if (!model) return;
    const plan = this.plans.build(model, this.outturnKinds(), {});
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
