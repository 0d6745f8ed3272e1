/**
 * An in-memory WorkbookGateway: the workbook as cell grids, for the preview outside Excel and for tests.
 *
 * It runs the same use-cases as the Excel gateway (./insert.ts, ./settings.ts, ./closing.ts): they decide, it applies
 * their plans to its sheets (./memory-sheets.ts, which also stands in for Excel's calculation and row insertion).
 * Reading uses the plans' read-back, exactly as the Excel gateway does on the live workbook. Setting cells (as a
 * person typing would) raises the monitoring-changed event; Outturn's own writes (insert, settings, close) do not.
 * The preview's view of it is ./memory-preview.ts; the test hooks (failNext...) ./memory-hooks.ts.
 */
import type { MonitoringPeriod, PeriodId, Settings } from "../model/types";
import { parseA1 } from "../plans/a1";
import { defaultPlanPort, type PlanPort } from "./plan-port";
import {
  SHEET_NAMES, decideInsert, historyPlan, historyProtected, insertModel, isoToday, planClose, planInsert, planReopen,
  planSettingsSave, refuseHistoryWrite, statusIdentity, type ClosingPlan,
} from "./rules";
import { cellEditor } from "./settings-rows";
import { WorkbookError, passwordRefused } from "./errors";
import { SheetEmulator, type CellInput } from "./memory-sheets";
import { ViewStore, previewSheetOf, type PreviewCell, type PreviewSheet } from "./memory-preview";
import { TestHooks, type FailableMethod } from "./memory-hooks";
import { type SignOffRequest, type SignOffResult, planSignOff, signOffTime } from "./signoff";
import type {
  CellRef, CloseResult, ImportDirection, ImportResult, InsertRequest, InsertResult, LedgerSetup, SaveSetupMode, SaveSetupResult, WorkbookGateway, WorkbookRead, WorkbookStatus,
} from "./gateway";
import type { LineChange } from "../ledger/apply";
import { sha256Hex } from "../engine/sha256";
import { withSetupChecks } from "./ledger-setup";

export type { CellInput, FailableMethod, PreviewCell, PreviewSheet };

export class MemoryWorkbook implements WorkbookGateway {
  private readonly book = new SheetEmulator();
  private readonly views = new ViewStore();
  private readonly hooks = new TestHooks();
  private readonly changeHandlers = new Set<() => void>();
  selection: CellRef | null = null;
  /** The user's password for Outturn's sheets, this session only (useSheetPassword). */
  private password: string | undefined;
  /** How many times a cell has been selected (selecting the same cell twice is still a change). */
  selectionCount = 0;
  /** How many times each gateway method has been called, for tests. */
  readonly calls = this.hooks.calls;

  /** The date periods are closed on (YYYY-MM-DD); tests set it. */
  today: () => string = () => isoToday();
  /** The clock a sign-off's date and time is taken from; tests set it. */
  clock: () => Date = () => new Date();

  /** @param plans the sheet plans (src/plans), through the same small port the Excel gateway uses */
  constructor(private readonly plans: PlanPort = defaultPlanPort()) {}

  // ---- WorkbookGateway ----

  async status(): Promise<WorkbookStatus> {
    await this.hooks.enter("status");
    return { sheets: this.book.outturnKinds(), identity: statusIdentity(this.book.sheet(SHEET_NAMES.Settings) ?? null, this.plans, cellEditor) };
  }

  async insertSheets(request: InsertRequest): Promise<InsertResult> {
    await this.hooks.enter("insertSheets");
    const existing = this.book.names();
    const step = decideInsert(request, { names: existing, structureProtected: this.book.structureProtected });
    if (step.status === "conflict") return step;
    const inPlace = step.inPlace.map((k) => this.book.sheet(SHEET_NAMES[k])).filter((s) => s !== undefined);
    // As Excel: a sheet protected with a password Outturn was not given refuses before anything is written.
    const refused = inPlace.find((s) => s.protected && s.password !== undefined && s.password !== this.password);
    if (refused) throw passwordRefused(refused.name);
    const model = insertModel(request, step, this.plans, step.inPlace.length > 0 ? this.readNow() : null);
    const { plan, inserted } = planInsert(this.plans, model, step, existing);
    for (const sp of plan.sheets) {
      const old = this.book.sheet(sp.name);
      const wasProtected = old?.protected ?? false;
      if (old) this.book.unprotect(old, this.password);
      const sheet = this.book.render(sp, plan);
      if (sp.kind !== "History" || historyProtected(wasProtected, model)) this.book.protect(sheet, sp.kind, this.password);
    }
    this.ownChange();
    return { status: "inserted", sheets: inserted };
  }

  async readPeriod(): Promise<WorkbookRead> {
    await this.hooks.enter("readPeriod");
    return this.readNow();
  }

  async writeSettings(settings: Settings): Promise<void> {
    await this.hooks.enter("writeSettings");
    const sheet = this.book.sheet(SHEET_NAMES.Settings);
    const read = sheet ? { name: sheet.name, sheet: sheet.cells.size > 0 ? sheet : null, protected: sheet.protected } : null;
    const writes = planSettingsSave(read, settings, this.plans, cellEditor);
    if (sheet) this.book.write(sheet, writes);
    this.ownChange();
  }

  async selectCell(ref: CellRef): Promise<void> {
    await this.hooks.enter("selectCell");
    const sheet = this.book.sheet(ref.sheet);
    if (!sheet) throw new WorkbookError(`The sheet "${ref.sheet}" is not in the workbook: it may have been renamed or deleted. Restore it, or insert the sheets again.`, "NotFound");
    parseA1(ref.address);
    this.selection = { sheet: sheet.name, address: ref.address };
    this.selectionCount++;
    this.views.changed();
  }

  async closePeriod(): Promise<CloseResult> {
    await this.hooks.enter("closePeriod");
    return this.writeHistory(planClose(this.readNow(), this.today()));
  }

  async reopenPeriod(period: PeriodId): Promise<CloseResult> {
    await this.hooks.enter("reopenPeriod");
    return this.writeHistory(planReopen(this.readNow(), period));
  }

  /** Rewrites the History sheet for the plan's model (unprotect, write, protect), unless nothing changes. */
  private writeHistory({ model, result }: ClosingPlan): CloseResult {
    if (!model) return result;
    refuseHistoryWrite(this.book.sheet(SHEET_NAMES.History) !== undefined, this.book.structureProtected);
    this.renderHistory(model);
    this.ownChange();
    return result;
  }

  private renderHistory(model: MonitoringPeriod): void {
    const { sheet, styles } = historyPlan(this.plans, model);
    const old = this.book.sheet(sheet.name);
    if (old) this.book.unprotect(old, this.password);
    this.book.protect(this.book.render(sheet, { sheets: [sheet], styles }), "History", this.password);
  }

  useSheetPassword(password: string | null): void {
    this.password = password || undefined;
  }

  async writeImport(changes: readonly LineChange[], direction: ImportDirection): Promise<ImportResult> {
    await this.hooks.enter("writeImport");
    // The same rules as the Excel gateway, loaded as it loads them (only when an import is applied).
    const { importResult, planImportWrites } = await import("./import-writes");
    const writes = planImportWrites(this.readNow(), changes, direction, this.plans);
    for (const w of writes) {
      const sheet = this.book.existing(w.sheet);
      this.book.write(sheet, [{ row: w.row, col: w.col, cell: w.cell, numberFormat: undefined }]);
    }
    if (writes.length > 0) this.ownChange();
    return importResult(writes);
  }

  /** The Sign-off sheet with the new record and the Summary saying so (./signoff.ts decides), unprotected, written, protected. */
  async signOff(request: SignOffRequest): Promise<SignOffResult> {
    await this.hooks.enter("signOff");
    const { plan, record } = planSignOff(this.readNow(), request, signOffTime(this.clock()), {
      hasSummary: this.book.sheet(SHEET_NAMES.Summary) !== undefined, hasSignoff: this.book.sheet(SHEET_NAMES.Signoff) !== undefined, structureProtected: this.book.structureProtected,
    });
    const old = plan.sheets.map((sp) => this.book.sheet(sp.name)).filter((s) => s !== undefined);
    // As Excel: a sheet protected with a password Outturn was not given refuses before anything is written.
    const refused = old.find((s) => s.protected && s.password !== undefined && s.password !== this.password);
    if (refused) throw passwordRefused(refused.name);
    for (const sp of plan.sheets) {
      const sheet = this.book.sheet(sp.name);
      if (sheet) this.book.unprotect(sheet, this.password);
      this.book.protect(this.book.render(sp, plan), sp.kind, this.password);
    }
    this.ownChange();
    return { record };
  }

  async saveLedgerSetup(setup: LedgerSetup, mode: SaveSetupMode): Promise<SaveSetupResult> {
    await this.hooks.enter("saveLedgerSetup");
    // The same rules as the Excel gateway, loaded as it loads them (only when a setup is saved).
    const { planSetupSave } = await import("./ledger-setup");
    const existing = this.book.sheet(SHEET_NAMES.Mapping);
    const step = planSetupSave(existing ?? null, setup, mode, this.book.structureProtected);
    if (step.status === "exists") return step;
    const wasProtected = existing?.protected ?? false;
    if (existing && wasProtected) this.book.unprotect(existing, this.password);
    const sheet = this.book.render(step.sheet, step.plan);
    // A sheet the user protected is protected again, as the Excel gateway does.
    if (wasProtected) this.book.protect(sheet, "Mapping", this.password);
    this.ownChange();
    return { status: "saved", sheet: step.sheet.name };
  }

  onMonitoringChanged(handler: () => void): Promise<() => void> {
    this.changeHandlers.add(handler);
    return Promise.resolve(() => {
      this.changeHandlers.delete(handler);
    });
  }

  // ---- a person at the workbook (the preview and tests) ----

  /** Sets cells of a sheet as a person typing (or pasting) would, then raises one monitoring-changed event. */
  setCells(sheetName: string, cells: Record<string, CellInput>): void {
    this.book.type(sheetName, cells);
    this.userChanged();
  }

  /** Inserts `count` empty rows before row `before`, as Excel's Insert Sheet Rows. Raises one monitoring-changed event. */
  insertRows(sheetName: string, before: number, count: number): void {
    this.book.insertRows(sheetName, before, count);
    this.userChanged();
  }

  /** Adds an empty sheet, as a person would (Insert > Sheet, then rename it). */
  addSheet(name: string): void {
    this.book.add(name);
    this.views.changed();
  }

  /** Deletes a sheet, as a person would (right-click the tab > Delete). */
  deleteSheet(name: string): void {
    this.book.remove(name);
    this.views.changed();
  }

  /** A person starts (or finishes) typing in a cell: meanwhile every gateway call fails with CellEditMode, as in Excel. */
  setEditing(on: boolean): void {
    this.hooks.editing = on;
  }

  /** Whether a sheet is protected (Review > Protect Sheet). */
  isProtected(sheetName: string): boolean {
    return this.book.sheet(sheetName)?.protected ?? false;
  }

  /** Whether a cell is locked (Excel's default for a cell Outturn did not unlock as an input). */
  isLocked(sheetName: string, address: string): boolean {
    return this.book.sheet(sheetName)?.at(address)?.locked ?? true;
  }

  /** Review > Unprotect Sheet (or Protect Sheet, optionally with a password), as a person would. */
  setProtected(sheetName: string, on: boolean, password?: string): void {
    const sheet = this.book.existing(sheetName);
    sheet.protected = on;
    sheet.password = on ? password : undefined;
    this.views.changed();
  }

  /** Review > Protect Workbook (the structure: no sheet may be added), as a person would. */
  setStructureProtected(on: boolean): void {
    this.book.structureProtected = on;
    this.views.changed();
  }

  // ---- the preview ----

  /** Bumped on every change, for views of the workbook (useSyncExternalStore). */
  get version(): number {
    return this.views.version;
  }

  subscribe(listener: () => void): () => void {
    return this.views.subscribe(listener);
  }

  sheetNames(): string[] {
    return this.book.names();
  }

  previewCell(sheetName: string, address: string): PreviewCell | null {
    return this.book.sheet(sheetName)?.at(address) ?? null;
  }

  previewSheet(sheetName: string): PreviewSheet | null {
    const sheet = this.book.sheet(sheetName);
    return sheet ? previewSheetOf(sheet) : null;
  }

  // ---- test hooks ----

  /** The next call of `method` throws `error` (as Excel would: a cell being edited, a protected sheet...). */
  failNext(method: FailableMethod, error: Error): void {
    this.hooks.failNext(method, error);
  }

  /** Every gateway call takes this long, to see progress indicators. */
  get latencyMs(): number {
    return this.hooks.latencyMs;
  }
  set latencyMs(ms: number) {
    this.hooks.latencyMs = ms;
  }

  // ---- inside ----

  private readNow(): WorkbookRead {
    return withSetupChecks(this.plans.read(this.book.grid(), sha256Hex));
  }

  /** After Outturn's own write: recalculate and update views; no monitoring-changed event (as events are off in Excel). */
  private ownChange(): void {
    this.book.recalculate(this.plans);
    this.views.changed();
  }

  /** After a person's edit: recalculate, update views, and raise the monitoring-changed event as Excel would (afterwards, asynchronously). */
  private userChanged(): void {
    this.ownChange();
    setTimeout(() => this.changeHandlers.forEach((h) => h()), 0);
  }
}
