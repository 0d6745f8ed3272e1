/**
 * ExcelGateway: the task pane's WorkbookGateway on the open workbook, through Office.js. src/excel is the only code
 * in Outturn that touches Office.js.
 *
 * Round trips (each `context.sync()` is one; none is inside a loop over lines or cells):
 * - insertSheets: 1 sync to learn which sheets exist (and whether the workbook structure is protected), then ONE
 *   sync carrying every write for every sheet, the Slides sheet's charts included (queued after the cells; an
 *   upgraded Slides sheet's old charts, loaded with its used range, are deleted first). With onExisting "upgrade" and an existing sheet, one more sync in
 *   between reads the existing sheets' inputs: 3 in all. Only when the writes would exceed Excel on the web's 5 MB
 *   request limit are they split into several requests (src/excel/render.ts, chunkWork): one more sync for each
 *   further 4 MB, whatever the number of lines below that.
 * - readPeriod: 2 (which sheets exist; every Outturn sheet's used range in one sync), and a 3rd only when an Outturn
 *   sheet is missing and another sheet's title shows it was renamed. status: 2. writeSettings: 3 (does Settings
 *   exist; its rows; the write). selectCell: 1. onMonitoringChanged: 2.
 * - writeImport: 3 (the sheets' names; every Outturn sheet's used range; one request writing the import's cells), or 2
 *   when no cell changes (importing the same file again writes nothing).
 * - signOff: 3 (the sheets; their used ranges and the Summary and Sign-off sheets' protection; one request that
 *   unprotects, rewrites and protects those two), src/excel/signoff-run.ts.
 * - closePeriod / reopenPeriod: 3 (the sheets; their used ranges and the History sheet's protection; one request that
 *   unprotects, rewrites and protects the History sheet), or 2 when there is nothing to change (closing twice).
 * - Reading past Excel on the web's 5 MB RESPONSE limit (src/excel/grid.ts, syncReading): every read of used ranges
 *   above (read, upgrade read, close read, settings) is one sync for any ordinary workbook. Only when Excel refuses
 *   that response (ResponsePayloadSizeLimitExceeded) is it asked again with the used ranges' addresses alone (+1
 *   sync), then their cells in row blocks of at most 4 MB by estimate (+1 sync per block group). Measured on the fake
 *   with ~5,000 extra revenue lines (a 6.5 MB response): readPeriod 6 syncs (names, the refused attempt, addresses,
 *   3 blocks), closePeriod 7, an upgrade 8, instead of failing. Excel on Windows and Mac has no such limit: no split.
 * - The refresh after a cell edit (a background readPeriod following a whole read, after change events of type
 *   "RangeEdited" on known sheets) reads only the changed sheets: 2 syncs (the sheet names, to see none was added,
 *   removed or renamed; the changed sheets' used ranges), the other sheets taken from the last whole read. The change
 *   event names its sheet by `worksheetId` and says how it changed by `changeType` (Excel.WorksheetChangedEventArgs,
 *   ExcelApi 1.7, learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs); rows or cells inserted
 *   or deleted, a sheet not known by id, an edit that adds or clears an error, a workbook whose inputs hold formulas
 *   that refer to other sheets, and every read the user asks for read every sheet. Measured on the fake, 1,000
 *   revenue lines: the read after one revenue edit loads the Revenue sheet alone (1.52 MB of the whole 1.75 MB).
 * - A background read (readPeriod({ background: true }), the pane's refresh after a change event) runs with
 *   `delayForCellEdit`: while the user is typing in a cell it waits for them to finish instead of failing
 *   (InvalidOperationInCellEditMode). Every action the user starts fails at once and says so, as before.
 *
 * What to write and when to refuse are decided in src/workbook (insert.ts, settings.ts, closing.ts), the same use-cases
 * the in-memory workbook runs; this gateway only reads grids and applies the operations they give.
 *
 * Own writes and change events (src/excel/own-write.ts): while Outturn writes, `context.runtime.enableEvents` is false
 * (ExcelApi 1.8), so the writes raise no onChanged event; events that still arrive from Outturn's own writes are
 * dropped by their `triggerSource` "ThisLocalAddin" (ExcelApi 1.14) and by a guard that ignores events during a write
 * and for OWN_WRITE_GRACE_MS after it. Change events can also arrive late or not at all (rapid edits; Excel on the web
 * raises none when a value is picked from a drop-down list), so the pane keeps a manual Recalculate.
 */
import type { Settings, SheetKind } from "../workbook/plan-port";
import type {
  CellRef, CloseResult, ImportDirection, ImportResult, InsertRequest, InsertResult, LedgerSetup, ReadOptions, SaveSetupMode, SaveSetupResult, SignOffRequest, SignOffResult, WorkbookGateway,
  WorkbookRead, WorkbookStatus,
} from "../workbook/gateway";
import type { LineChange } from "../ledger/apply";
import type { WorkbookError } from "../workbook/errors";
import type { PeriodId } from "../model/types";
import {
  OUTTURN_SHEETS, READ_KINDS, SHEET_NAMES, decideInsert, readKindOfName, historyPlan, historyProtected, insertKinds, insertModel, isoToday, kindOfName, planClose,
  planInsert, planReopen, planSettingsSave, refuseHistoryWrite, sameName, statusIdentity,
  type ClosingPlan, type SettingsEditor, type SettingsSheetRead,
} from "../workbook/rules";
import { type Grid, type GridCell, type GridSheet, MapGridSheet, isGridError } from "../plans/grid";
import { sameData } from "../model/same-data";
import { sheetPrefix } from "../plans/a1";
import { type ExcelHost, NEEDS, officeHost, requireApi, supports } from "./host";
import { toWorkbookError } from "./errors";
import { chunkWork, renderSheet, type Chunk, type RenderFeatures, type SheetOp, type SheetWork } from "./render";
import { failedAt, queueOp } from "./apply";
import { queueUnprotects, unprotectFailure, type ProtectedTarget } from "./protection";
import { gridOf, gridSheetFromRange, syncReading } from "./grid";
import { OwnWrites } from "./own-write";
import { defaultPlanPort, type PlanPort } from "../workbook/plan-port";
import { settingsEditOps, settingsIdentity, settingsUnits } from "./settings";
import type { Hash } from "../engine/signoff";

export { OUTTURN_SHEETS, SHEET_NAMES };
export { OWN_WRITE_GRACE_MS } from "./own-write";

export interface ExcelGatewayOptions {
  host?: ExcelHost;
  plans?: PlanPort;
  /** Milliseconds since some epoch; tests pass a fake clock. */
  now?: () => number;
  /** The date a period is closed on, YYYY-MM-DD (default: today). */
  today?: () => string;
}

/** Saving settings on Excel: the writes as range operations, rows found by their markers (src/excel/settings.ts). */
const EXCEL_SETTINGS_EDITOR: SettingsEditor<SheetOp> = { units: settingsUnits, identity: settingsIdentity, edit: settingsEditOps };

/** "A1:K40" from "Revenue!A1:K40" or "'Revenue (2)'!A1:K40". */
export function localAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang >= 0 ? address.slice(bang + 1) : address;
}
/** "A:K" from "A1:K40". */
export function columnsOf(local: string): string {
  const letters = local.split(":").map((p) => p.replace(/[^A-Za-z]/g, ""));
  return `${letters[0]}:${letters[letters.length - 1]}`;
}

/** The error checks of a read, as one string: a whole read is needed when an edit adds or clears one. */
const errorsOf = (read: WorkbookRead): string => read.checks.filter((c) => c.severity === "error").map((c) => `${c.id} ${c.where}`).sort().join("\n");

/** Every cell of a grid sheet that holds something. */
function eachCell(sheet: GridSheet, visit: (row: number, col: number, cell: GridCell) => void): void {
  for (let row = 1; row <= sheet.maxRow; row++) {
    for (let col = 1; col <= sheet.maxCol; col++) {
      const cell = sheet.get(row, col);
      if (cell) visit(row, col, cell);
    }
  }
}
/** A formula that may refer to another sheet ("=Revenue!F40"; a "!" in a string counts too, to be safe). */
const refersAcross = (cell: GridCell): cell is GridCell & { formula: string } => cell.formula !== null && cell.formula.includes("!");
/** A sheet's formulas that may refer to another sheet, with their cells, as one string. */
function formulasAcross(sheet: GridSheet | undefined): string {
  const found: string[] = [];
  if (sheet) eachCell(sheet, (row, col, cell) => { if (refersAcross(cell)) found.push(`${row},${col}${cell.formula}`); });
  return found.join("\n");
}

/** What an insert that failed part of the way, or could not freeze its headings, needs (loaded only then). */
const recovery = () => import("./insert-recovery");

type ChangeListener = (args: Excel.WorksheetChangedEventArgs) => Promise<void>;
interface Subscription {
  listener: ChangeListener;
  registrations: Array<OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>>;
}

/** The grid the last whole read made, every sheet name in tab order then, and what it read. */
interface LastRead {
  grid: Grid;
  names: string[];
  read: WorkbookRead;
  /** Whether the read takes values of formulas that refer to another sheet (found when first needed). */
  readsAcross?: boolean;
}
/**
 * Sheets (by lower-case name) whose cells users edited since the last read began; `all` when some change cannot be
 * narrowed to a sheet's cells (rows or columns inserted or deleted, cells moved, a sheet Outturn does not know by id).
 */
interface ChangedSince {
  sheets: Set<string>;
  all: boolean;
}

export class ExcelGateway implements WorkbookGateway {
  private readonly host: ExcelHost;
  private readonly plans: PlanPort;
  private readonly now: () => number;
  private readonly today: () => string;
  /** Outturn's own writes: events off around them, and the guard that drops the change events they raise. */
  private readonly writes: OwnWrites;
  /** Active onMonitoringChanged subscriptions: sheets Outturn inserts later are watched too. */
  private readonly subscriptions = new Set<Subscription>();
  /** What the last read of the whole period saw: a background refresh after an edit reads only the changed sheets. */
  private lastRead: LastRead | null = null;
  /** What the change events told since the last read began (see ChangedSince). */
  private changes: ChangedSince = { sheets: new Set(), all: false };
  /** The sign-off's hash, once a signed workbook has been read (see readModel). */
  private hash: Hash | undefined;
  /** Worksheet ids to names, as last read: a change event names its sheet by id. */
  private readonly sheetNames = new Map<string, string>();
  /** The user's password for Outturn's sheets, this session only (useSheetPassword); never written anywhere. */
  private password: string | undefined;

  constructor(options: ExcelGatewayOptions = {}) {
    this.host = options.host ?? officeHost();
    this.plans = options.plans ?? defaultPlanPort();
    this.now = options.now ?? (() => Date.now());
    this.today = options.today ?? (() => isoToday());
    this.writes = new OwnWrites(this.host, this.now);
  }

  /* ------------------------------------------------------------------------------------------------------ */

  async status(): Promise<WorkbookStatus> {
    requireApi(this.host, NEEDS.read);
    const { grid, present } = await this.readGrid("look at the workbook", ["Settings"], false);
    const settings = grid.sheets.find((s) => sameName(s.name, SHEET_NAMES.Settings));
    return {
      sheets: OUTTURN_SHEETS.filter((k) => present.includes(k)),
      identity: statusIdentity(settings ?? null, this.plans, EXCEL_SETTINGS_EDITOR),
    };
  }

  /**
   * The period and its checks. A background read (the refresh after a change event) that follows a whole read and a
   * change of cells only reads the changed sheets (2 syncs: the sheet names, then their used ranges) and reads them
   * back with the other sheets as last read, whose integrity findings so stay. Anything else reads every sheet: the
   * user's Recalculate, the first look, a sheet added, removed or renamed, rows inserted or deleted, and an edit
   * that adds or clears an error (an error value, e.g. #VALUE! from text in an amount cell, can reach formulas on
   * sheets not read again).
   */
  async readPeriod(options: ReadOptions = {}): Promise<WorkbookRead> {
    requireApi(this.host, NEEDS.read);
    const background = options.background === true;
    const since = this.lastRead;
    const changed = this.changes;
    this.changes = { sheets: new Set(), all: false };
    try {
      if (background && since && !changed.all && changed.sheets.size > 0) {
        const read = await this.readChanged(since, changed.sheets);
        if (read) return read;
      }
      const { grid, names } = await this.readGrid("read the workbook", READ_KINDS, true, background);
      const read = await this.readModel(grid);
      this.lastRead = { grid, names, read };
      return read;
    } catch (e) {
      // What changed was not read: the next read reads everything.
      this.changes.all = true;
      throw e;
    }
  }

  /**
   * The period read from a grid. A signed workbook needs the sign-off's hash: loaded the first time one is read (its
   * own chunk, 2.6 KB gzipped the pane's start-up does without) and kept, the grid then read again with it. A workbook
   * with a Ledger mapping sheet has that sheet's problems among its checks (src/workbook/ledger-setup.ts).
   */
  private async readModel(grid: Grid): Promise<WorkbookRead> {
    let read = this.plans.read(grid, this.hash);
    if (read.signoffUnchecked) {
      this.hash = (await import(/* webpackChunkName: "signoff-hash" */ "../engine/sha256")).sha256Hex;
      read = this.plans.read(grid, this.hash);
    }
    // The Ledger mapping sheet's problems join the checks; its reader is fetched only for a workbook with the sheet.
    if (read.ledgerSheet) read = (await import(/* webpackChunkName: "ledger-setup" */ "../workbook/ledger-setup")).withSetupChecks(read);
    return read;
  }

  /** Only the `changed` sheets read again, the rest as `since`; null when a whole read is needed (see readPeriod). */
  private async readChanged(since: LastRead, changed: ReadonlySet<string>): Promise<WorkbookRead | null> {
    const cached = new Set(since.grid.sheets.map((s) => s.name.toLowerCase()));
    if ([...changed].some((name) => !cached.has(name)) || this.readsAcross(since)) return null;
    let fresh: GridSheet[] | null;
    try {
      fresh = await this.host.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name");
        await context.sync();
        const names = worksheets.items.map((ws) => ws.name);
        if (names.join("\n") !== since.names.join("\n")) return null;
        const used = await syncReading(context, (loadUsed) => worksheets.items.filter((ws) => changed.has(ws.name.toLowerCase())).map((ws) => ({ name: ws.name, range: loadUsed(ws) })));
        return used.map(({ name, range }) => gridOf(name, range));
      }, { delayForCellEdit: true });
    } catch (e) {
      throw toWorkbookError(e, { action: "read the workbook" });
    }
    if (!fresh) return null;
    const byName = new Map(fresh.map((s) => [s.name.toLowerCase(), s]));
    const grid: Grid = { sheets: since.grid.sheets.map((s) => byName.get(s.name.toLowerCase()) ?? s) };
    const read = await this.readModel(grid);
    if (errorsOf(read) !== errorsOf(since.read)) return null;
    // Whether the read takes formulas' values across sheets stands while the changed sheets' such formulas stay as they were.
    const same = fresh.every((s) => formulasAcross(s) === formulasAcross(since.grid.sheets.find((c) => sameName(c.name, s.name))));
    this.lastRead = { grid, names: since.names, read, readsAcross: same ? since.readsAcross : undefined };
    return read;
  }

  /**
   * Whether the model read takes the value of a formula that refers to another sheet (an input typed as
   * "=Revenue!F40"): Excel recalculates such a cell when the other sheet changes, with no change event for its own
   * sheet, so reading only the changed sheet could keep its old value. Found once per whole read, by reading its grid
   * again with every such formula's value replaced: the model must come out the same. Outturn's own formulas are
   * read for errors only (src/plans/read), so on a workbook without such inputs the answer is no.
   */
  private readsAcross(last: LastRead): boolean {
    if (last.readsAcross !== undefined) return last.readsAcross;
    let replaced = false;
    const sheets = last.grid.sheets.map((sheet) => {
      const copy = new MapGridSheet(sheet.name);
      eachCell(sheet, (row, col, cell) => {
        const across = refersAcross(cell) && !isGridError(cell.value);
        if (across) replaced = true;
        copy.set(row, col, across ? { formula: cell.formula, value: 987654321.25 } : cell);
      });
      return copy;
    });
    last.readsAcross = replaced && !sameData(this.plans.read({ sheets }).model, last.read.model);
    return last.readsAcross;
  }

  /** Outturn is about to write: what the last read saw is no longer the workbook. */
  private forgetLastRead(): void {
    this.lastRead = null;
  }

  /** A change event: which sheet's cells changed, when it can be told (ExcelApi 1.7: worksheetId, changeType). */
  private noteChange(args: Excel.WorksheetChangedEventArgs): void {
    const name = this.sheetNames.get(args.worksheetId);
    if (name && args.changeType === "RangeEdited") this.changes.sheets.add(name.toLowerCase());
    else this.changes.all = true;
  }

  /**
   * The used range (values, formulas, value types) of the Outturn sheets of the `only` kinds, in tab order, and the
   * kinds present by name: 2 syncs. With `findRenamed`, when a kind is missing, the A1 cell of every other sheet
   * comes with the second sync; a sheet the reader recognises by its title as a renamed Outturn sheet is then read
   * in a third.
   */
  private async readGrid(action: string, only: readonly SheetKind[], findRenamed: boolean, background = false): Promise<{ grid: Grid; present: SheetKind[]; names: string[] }> {
    try {
      // A background read waits while the user is typing in a cell (delayForCellEdit) instead of failing under them.
      return await this.host.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name, items/id");
        await context.sync();
        const items = worksheets.items;
        this.sheetNames.clear();
        for (const ws of items) this.sheetNames.set(ws.id, ws.name);
        const present = items.map((ws) => readKindOfName(ws.name)).filter((k): k is SheetKind => k !== null);
        const ours = items.filter((ws) => {
          const kind = readKindOfName(ws.name);
          return kind !== null && only.includes(kind);
        });
        // The Actions and Sign-off sheets are absent until first needed: their absence is no reason to look for renamed sheets.
        const looking = findRenamed && only.some((k) => k !== "Signoff" && k !== "Actions" && !present.includes(k));
        const otherSheets = looking ? items.filter((ws) => readKindOfName(ws.name) === null) : [];
        const { used, others } = ours.length + otherSheets.length === 0 ? { used: [], others: [] } : await syncReading(context, (loadUsed) => ({
          used: ours.map((ws) => ({ name: ws.name, range: loadUsed(ws) })),
          others: otherSheets.map((ws) => {
            const a1 = ws.getRange("A1");
            a1.load("values");
            return { name: ws.name, a1 };
          }),
        }));
        const sheets: GridSheet[] = used.map(({ name, range }) => gridOf(name, range));

        const titled = others.filter((o) => typeof o.a1.values[0]?.[0] === "string" && o.a1.values[0][0] !== "");
        if (titled.length > 0) {
          // Let the reader say which of them it takes for a renamed Outturn sheet (it knows the titles).
          const trial = this.plans.read({ sheets: [...sheets, ...titled.map((o) => gridSheetFromRange(o.name, "A1", o.a1.values, [[null]]))] });
          const renamed = titled.filter((o) => trial.checks.some((c) => c.id === "sheet-renamed" && c.where.startsWith(sheetPrefix(o.name))));
          if (renamed.length > 0) {
            const more = await syncReading(context, (loadUsed) => renamed.map((o) => {
              const ws = items.find((w) => w.name === o.name);
              return { name: o.name, range: ws ? loadUsed(ws) : undefined };
            }));
            for (const m of more) if (m.range) sheets.push(gridOf(m.name, m.range));
          }
        }
        const order = items.map((ws) => ws.name);
        sheets.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
        return { grid: { sheets }, present, names: order };
      }, background ? { delayForCellEdit: true } : undefined);
    } catch (e) {
      throw toWorkbookError(e, { action });
    }
  }

  useSheetPassword(password: string | null): void {
    this.password = password || undefined;
  }

  /* ------------------------------------------------------------------------------------------------------ */

  async insertSheets(request: InsertRequest): Promise<InsertResult> {
    requireApi(this.host, NEEDS.insert);
    this.forgetLastRead();
    const features: RenderFeatures = { indent: supports(this.host, "1.9"), pageLayout: supports(this.host, "1.9") };
    let involved: string[] = insertKinds(request).map((k) => SHEET_NAMES[k]);
    // Once writing starts: what is being written and how many requests reached Excel (src/excel/insert-recovery.ts).
    let progress: { chunks: Chunk[]; synced: number; work: SheetWork[] } | null = null;
    try {
      return await this.writes.run(() => ({ action: "insert the sheets", sheets: involved }), async (context, events): Promise<InsertResult> => {
      // Sync 1: which sheets exist, and may sheets be added at all.
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      const protection = context.workbook.protection;
      protection.load("protected");
      await context.sync();
      const existing = worksheets.items.map((ws) => ws.name);
      const step = decideInsert(request, { names: existing, structureProtected: protection.protected });
      if (step.status === "conflict") return step;
      const inPlace = step.inPlace;
      involved = step.kinds.map((k) => step.names[k]);

      // Sync 2 (upgrade only): the existing Outturn sheets, read back so every input the user typed is kept.
      const reset = new Map<string, { address: string; columns: string }>();
      const oldCharts: Array<{ name: string; charts: Excel.ChartCollection }> = [];
      // Sheets to rewrite that are protected now: unprotected first thing in the first request (src/excel/protection.ts).
      let unprotect: ProtectedTarget[] = [];
      let historyWasProtected = false;
      let read: WorkbookRead | null = null;
      if (inPlace.length > 0) {
        // Every sheet Outturn reads (the Workforce sheet's too), so an upgrade keeps all that was typed.
        const ours = worksheets.items.filter((ws) => readKindOfName(ws.name) !== null);
        const used = await syncReading(context, (loadUsed) => ours.map((ws) => {
          const range = loadUsed(ws, false);
          const sheetProtection = ws.protection;
          sheetProtection.load("protected");
          const kind = readKindOfName(ws.name);
          // A Slides sheet being upgraded: its charts (drawn by an earlier insert) are deleted and drawn again.
          const charts = kind === "Slides" && inPlace.includes(kind) ? ws.charts.load("items/name") : null;
          return { name: ws.name, kind, range, protection: sheetProtection, charts };
        }));
        unprotect = used.filter((u) => u.protection.protected && u.kind && inPlace.includes(u.kind))
          .map((u) => ({ name: u.name, kind: u.kind as SheetKind, ws: worksheets.getItem(u.name) }));
        historyWasProtected = used.some((u) => u.kind === "History" && u.protection.protected);
        read = await this.readModel({ sheets: used.map((u) => gridOf(u.name, u.range)) });
        for (const u of used) if (u.charts) oldCharts.push({ name: u.name, charts: u.charts });
        for (const u of used) {
          if (!u.range.isNullObject && u.kind && inPlace.includes(u.kind)) {
            const local = localAddress(u.range.address);
            reset.set(u.name.toLowerCase(), { address: local, columns: columnsOf(local) });
          }
        }
      }

      // The plan, rendered to range operations.
      const model = insertModel(request, step, this.plans, read);
      const { plan, inserted } = planInsert(this.plans, model, step, existing);
      const work: SheetWork[] = plan.sheets.map((sheetPlan) => {
        const old = reset.get(sheetPlan.name.toLowerCase());
        const kind = sheetPlan.kind;
        return {
          name: sheetPlan.name,
          create: !inPlace.includes(kind),
          ops: renderSheet(sheetPlan, plan.styles, {
            features, resetAddress: old?.address, resetColumns: old?.columns,
            protection: { unprotectFirst: false, protect: kind === "History" ? historyProtected(historyWasProtected, model) : true, password: this.password },
          }),
        };
      });

      // The Slides sheet's charts are drawn by a module of their own, fetched only when there are charts to draw.
      const charted = plan.sheets.filter((s) => (s.charts ?? []).length > 0);
      const chartModule = charted.length > 0 ? await import(/* webpackChunkName: "excel-charts" */ "./charts") : null;

      // In as few requests as the 5 MB limit allows: one for any ordinary workbook.
      const chunks = chunkWork(work);
      const sheetsByName = new Map<string, Excel.Worksheet>();
      const sheetFor = (name: string) => {
        let ws = sheetsByName.get(name);
        if (!ws) {
          ws = worksheets.getItem(name);
          sheetsByName.set(name, ws);
        }
        return ws;
      };
      progress = { chunks, synced: 0, work };
      const freezes: Chunk = [];
      const protects: Chunk = [];
      let freezeRefused = false;
      for (let i = 0; i < chunks.length; i++) {
        if (i === 0) {
          events.off();
          queueUnprotects(unprotect, this.password);
        }
        for (const item of chunks[i] ?? []) {
          if (item.create) sheetsByName.set(item.sheet, worksheets.add(item.sheet));
          else if (item.op?.kind === "freeze") freezes.push(item);
          else if (item.op?.kind === "protect") protects.push(item);
          else if (item.op) queueOp(sheetFor(item.sheet), item.op);
        }
        if (i === chunks.length - 1) {
          // Charts after every cell they show is written, in this same request: Outturn's old ones deleted (not the
          // user's), the plan's added.
          for (const old of oldCharts) chartModule?.queueDeleteCharts(old.charts);
          for (const sheetPlan of charted) chartModule?.queueCharts(sheetFor(sheetPlan.name), sheetPlan);
          // Protection after the charts (a protected sheet refuses new charts) and before the freezes (see below).
          for (const p of protects) if (p.op) queueOp(sheetFor(p.sheet), p.op);
          const first = work[0];
          if (first) sheetFor(first.name).activate();
          // Sheets added now are watched by the pane's change subscriptions too (same request, no extra sync).
          for (const w of work) if (w.create) this.watch(sheetFor(w.name));
          events.on();
          // Freeze panes last of all: if Excel refuses them (office-js#2196), everything else is already in.
          for (const f of freezes) if (f.op) queueOp(sheetFor(f.sheet), f.op);
        }
        // One request per chunk: a chunk is up to 4 MB of writes (Excel on the web refuses requests over 5 MB),
        // so this loop runs once for any ordinary workbook and once per further 4 MB for a huge one.
        try {
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        } catch (e) {
          // A sheet protected with a password Outturn was not given: nothing was written (the unprotects come first).
          const refused = i === 0 ? await unprotectFailure(context, unprotect, this.password, e) : null;
          if (refused) {
            progress = null;
            throw refused;
          }
          if (i < chunks.length - 1 || !failedAt(e, /freezePanes/i)) throw e;
          freezeRefused = true;
        }
        progress.synced = i + 1;
      }
      progress = null;
      // `warnings` (when Excel would not freeze the headings) is for the pane to show beside the success.
      return { status: "inserted", sheets: inserted, warnings: freezeRefused ? [(await recovery()).FREEZE_WARNING] : undefined };
      });
    } catch (e) {
      if (!progress) throw e;
      // Writing had begun: the sheets this insert added are removed, and the error says how far it got.
      throw await (await recovery()).recoverFailedInsert(this.host, e as WorkbookError, progress);
    }
  }

  /* ------------------------------------------------------------------------------------------------------ */

  async writeSettings(settings: Settings): Promise<void> {
    requireApi(this.host, NEEDS.insert);
    this.forgetLastRead();
    const sheetName = SHEET_NAMES.Settings;
    await this.writes.run(() => ({ action: "save the settings", sheets: [sheetName] }), async (context, events) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(sheetName);
      ws.load("name");
      await context.sync();
      let read: SettingsSheetRead | null = null;
      if (!ws.isNullObject) {
        const { used, protection } = await syncReading(context, (loadUsed) => {
          const sheetProtection = ws.protection;
          sheetProtection.load("protected");
          return { used: loadUsed(ws), protection: sheetProtection };
        });
        read = { name: ws.name, sheet: used.isNullObject ? null : gridOf(ws.name, used), protected: protection.protected };
      }
      const ops = planSettingsSave(read, settings, this.plans, EXCEL_SETTINGS_EDITOR);
      events.off();
      for (const op of ops) queueOp(ws, op);
      events.on();
      await context.sync();
    });
  }

  /* ------------------------------------------------------------------------------------------------------ */

  async closePeriod(): Promise<CloseResult> {
    return this.rewriteHistory("close the period", (read) => planClose(read, this.today()));
  }

  async reopenPeriod(period: PeriodId): Promise<CloseResult> {
    return this.rewriteHistory(`reopen ${period}`, (read) => planReopen(read, period));
  }

  /**
   * Close or reopen, in one Excel.run of at most 3 syncs: (1) the sheets' names; (2) every Outturn sheet's used range
   * and the History sheet's protection; then, unless nothing changes, (3) ONE request that unprotects the History
   * sheet, rewrites it, locks its cells and protects it again. Nothing else is written: the Summary finds the previous
   * period on the History sheet by formula.
   */
  private async rewriteHistory(action: string, decide: (read: WorkbookRead) => ClosingPlan): Promise<CloseResult> {
    requireApi(this.host, NEEDS.close);
    this.forgetLastRead();
    const features: RenderFeatures = { indent: supports(this.host, "1.9"), pageLayout: supports(this.host, "1.9") };
    const historyName = SHEET_NAMES.History;
    return this.writes.run(() => ({ action, sheets: [historyName] }), async (context, events) => {
      // Sync 1: which sheets there are.
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      const protection = context.workbook.protection;
      protection.load("protected");
      await context.sync();
      const ours = worksheets.items.filter((ws) => kindOfName(ws.name) !== null);
      // Sync 2: what they hold, and the History sheet's extent (formats included) and protection.
      const historyItem = ours.find((ws) => kindOfName(ws.name) === "History");
      const { used, extent, historyProtection } = await syncReading(context, (loadUsed) => {
        const historyExtent = historyItem?.getUsedRangeOrNullObject();
        historyExtent?.load("address");
        const sheetProtection = historyItem?.protection;
        sheetProtection?.load("protected");
        return { used: ours.map((ws) => ({ name: ws.name, range: loadUsed(ws) })), extent: historyExtent, historyProtection: sheetProtection };
      });
      const decision = decide(await this.readModel({ sheets: used.map((u) => gridOf(u.name, u.range)) }));
      if (!decision.model) return decision.result;
      refuseHistoryWrite(historyItem !== undefined, protection.protected);

      // Sync 3: the History sheet rewritten (unprotect, clear, write, lock, protect), in one request.
      const sheetPlan = historyPlan(this.plans, decision.model);
      const old = extent && !extent.isNullObject ? localAddress(extent.address) : undefined;
      const ops = renderSheet(sheetPlan.sheet, sheetPlan.styles, {
        features, resetAddress: old, resetColumns: old ? columnsOf(old) : undefined,
        protection: { unprotectFirst: historyProtection?.protected ?? false, protect: true, password: this.password },
      });
      events.off();
      const ws = historyItem ? worksheets.getItem(historyItem.name) : worksheets.add(historyName);
      for (const op of ops) queueOp(ws, op);
      if (!historyItem) this.watch(ws);
      events.on();
      await context.sync();
      return decision.result;
    });
  }

  /* ------------------------------------------------------------------------------------------------------ */

  /** A ledger import's cells, or their old values to undo it: src/excel/import-run.ts (fetched when first used). */
  async writeImport(changes: readonly LineChange[], direction: ImportDirection): Promise<ImportResult> {
    requireApi(this.host, NEEDS.import);
    this.forgetLastRead();
    const { writeImport } = await import(/* webpackChunkName: "import-writes" */ "./import-run");
    return writeImport(this.writes, this.plans, changes, direction);
  }

  /** A sign-off: src/excel/signoff-run.ts (fetched when first used), the date and time from the gateway's clock. */
  async signOff(request: SignOffRequest): Promise<SignOffResult> {
    requireApi(this.host, NEEDS.signoff);
    this.forgetLastRead();
    const { writeSignOff } = await import(/* webpackChunkName: "signoff-writes" */ "./signoff-run");
    return writeSignOff({
      writes: this.writes, plans: this.plans, password: this.password, now: new Date(this.now()),
      features: { indent: supports(this.host, "1.9"), pageLayout: supports(this.host, "1.9") }, watch: (ws) => this.watch(ws),
    }, request);
  }

  /** The import's profile and mapping kept on the Ledger mapping sheet: src/excel/ledger-setup-run.ts (fetched when first used). */
  async saveLedgerSetup(setup: LedgerSetup, mode: SaveSetupMode): Promise<SaveSetupResult> {
    requireApi(this.host, NEEDS.insert);
    this.forgetLastRead();
    const features: RenderFeatures = { indent: supports(this.host, "1.9"), pageLayout: supports(this.host, "1.9") };
    const { saveLedgerSetup } = await import(/* webpackChunkName: "import-writes" */ "./ledger-setup-run");
    return saveLedgerSetup(this.writes, setup, mode, { features, password: this.password, watch: (ws) => this.watch(ws) });
  }

  /** A sheet Outturn just added (queued, same request) is watched by every change subscription. */
  private watch(ws: Excel.Worksheet): void {
    for (const sub of this.subscriptions) sub.registrations.push(ws.onChanged.add(sub.listener));
  }

  /* ------------------------------------------------------------------------------------------------------ */

  async selectCell(ref: CellRef): Promise<void> {
    requireApi(this.host, NEEDS.select);
    try {
      await this.host.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(ref.sheet);
        ws.activate();
        ws.getRange(ref.address).select();
        await context.sync();
      });
    } catch (e) {
      throw toWorkbookError(e, { action: `go to ${ref.sheet}!${ref.address}`, sheets: [ref.sheet] });
    }
  }

  /* ------------------------------------------------------------------------------------------------------ */

  async onMonitoringChanged(handler: () => void): Promise<() => void> {
    requireApi(this.host, NEEDS.events);
    let active = true;
    const listener: ChangeListener = (args) => {
      if (active && args.triggerSource !== "ThisLocalAddin" && !this.writes.isOwn()) {
        this.noteChange(args);
        handler();
      }
      return Promise.resolve();
    };
    const subscription: Subscription = { listener, registrations: [] };
    try {
      await this.host.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name, items/id");
        await context.sync();
        for (const ws of worksheets.items) {
          this.sheetNames.set(ws.id, ws.name);
          if (kindOfName(ws.name) !== null) subscription.registrations.push(ws.onChanged.add(listener));
        }
        await context.sync();
      });
    } catch (e) {
      throw toWorkbookError(e, { action: "watch the monitoring sheets for changes" });
    }
    this.subscriptions.add(subscription);
    return () => {
      active = false;
      this.subscriptions.delete(subscription);
      // Detach from Excel too, each registration in its own request context, as Office.js requires (best effort: the
      // handler is already inert). One request per context: the subscription's, and one per insert since.
      const byContext = new Map<OfficeExtension.ClientRequestContext, Subscription["registrations"]>();
      for (const r of subscription.registrations) byContext.set(r.context, [...(byContext.get(r.context) ?? []), r]);
      for (const [ctx, regs] of byContext) void this.detach(ctx, regs);
    };
  }

  /** Removes event handlers registered in `ctx`: one request. */
  private async detach(ctx: OfficeExtension.ClientRequestContext, registrations: Subscription["registrations"]): Promise<void> {
    try {
      await this.host.runWith(ctx, async (context) => {
        for (const r of registrations) r.remove();
        await context.sync();
      });
    } catch {
      // The context is gone (the pane reloaded, the workbook closed): nothing left to detach from.
    }
  }
}
