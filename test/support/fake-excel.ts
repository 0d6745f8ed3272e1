/**
 * A recording fake of the part of the Excel JavaScript API (Office.js) that src/excel uses.
 *
 * Why hand-written: office-addin-mock knows no Excel methods and shows a write at once, so it cannot see a missing
 * `context.sync()`. This fake keeps Office.js's batch semantics:
 * - every property set and method call is QUEUED on the request context and reaches the workbook only at `sync()`;
 * - `load()` is queued too; reading a property that was not loaded, or loaded but not yet synced, throws
 *   PropertyNotLoaded (as Office.js does), `isNullObject` included;
 * - `getItemOrNullObject` returns a proxy whose `isNullObject` is known only after a sync;
 * - a failing command fails its whole `sync()` with an Office-style error ({ code, message, debugInfo }); the
 *   commands before it in the batch stay applied, the ones after it are dropped (Excel does not roll back);
 * - at the end of `Excel.run`, commands still queued are DROPPED and counted in `unsyncedAtRunEnd` (real Excel.run
 *   syncs them implicitly, but Microsoft's docs say not to rely on that - office-js-docs-pr#5743 - so a missing
 *   final sync shows up here as missing writes). Pass `{ implicitFinalSync: true }` to mimic Excel instead.
 *
 * It records every sync (its commands and an estimate of the request and response size in bytes), so tests can
 * assert how many round trips an action takes and how big each one is.
 *
 * Cell semantics follow the documented behaviour of Range.values / Range.formulas / Range.numberFormat:
 * - `null` in a 2-D array leaves that cell unchanged; "" clears it (numberFormat "" resets to General)
 *   (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values);
 * - a string written through `values` that starts with "=" or "+" (or "-" not followed by a number) becomes a
 *   formula, a number-looking string a number, a percentage a fraction and a date-looking string ("2024-10-15",
 *   "15/10/2024") a date serial (@types/office-js, Range.values: "If the returned value starts with a plus ("+"),
 *   minus ("-"), or equal sign ("="), Excel interprets this value as a formula"). The cell's Text ("@") number format
 *   does NOT protect a string written through the API here: Microsoft documents that for typing only, so the fake
 *   assumes the worst. The documented way is the quote prefix: a leading apostrophe keeps the rest as text
 *   (Excel VBA ErrorCheckingOptions.NumberAsText/TextDate examples write "'1" and "'April 23, 00"; office-js#6687:
 *   a quote-prefixed cell reads back through `values` and `formulas` without the apostrophe). A user TYPING into a
 *   Text cell (userEdit) keeps what is typed as text, as Excel's help says;
 * - formula cells get their value from `options.calculate` (the fake has no calculation engine); reading a text
 *   cell's `formulas` returns its text, as Excel does.
 *
 * Members are typed against @types/office-js with `Pick<Excel.X, ...>`, so a misspelt member here fails the build
 * just as it would in src/excel. The code under test receives these objects typed as the real Excel ones.
 */

/* ------------------------------------------------------------------------------------------------------------ */
/* Workbook state                                                                                                 */
/* ------------------------------------------------------------------------------------------------------------ */

export type CellScalar = string | number | boolean;

export interface FakeCellFormat {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  indentLevel?: number;
  locked?: boolean;
  borders?: Record<string, { style?: string; weight?: string; color?: string }>;
}

export interface FakeCell {
  /** The constant typed or written; for a formula cell, unused (see `formula`). "" when empty. */
  value: CellScalar;
  /** The formula with its "=", or null. */
  formula: string | null;
  numberFormat: string;
  format: FakeCellFormat;
}

export interface FakeConditionalFormatRecord {
  range: string;
  type: string;
  rule?: unknown;
  fill?: string;
  fontColor?: string;
}

export interface FakeSheet {
  id: string;
  name: string;
  cells: Map<string, FakeCell>;
  columnWidths: Map<number, number>;
  /** Row heights in points set through RangeFormat.rowHeight (rows not here have Excel's default). */
  rowHeights: Map<number, number>;
  hiddenColumns: Set<number>;
  frozen: { rows: number; columns: number };
  merges: string[];
  conditionalFormats: FakeConditionalFormatRecord[];
  validations: Array<{ range: string; rule: unknown }>;
  pageLayout: { orientation?: string; zoom?: unknown };
  protected: boolean;
  /** The password the sheet was protected with (by the user, in Excel's UI): unprotect() without it fails. */
  password?: string;
  /** What WorksheetProtection.protect allowed (allowInsertRows, allowEditObjects...), while protected. */
  protectionOptions?: Excel.WorksheetProtectionOptions;
  handlers: Array<(args: unknown) => Promise<unknown>>;
  /** Charts on the sheet, in the order added (Worksheet.charts). */
  charts: FakeChartRecord[];
}

/** A chart as recorded by the fake: what was asked of ChartCollection.add and set on the chart afterwards. */
export interface FakeChartRecord {
  id: string;
  type: string;
  /** The source range's address on the sheet, e.g. "A6:B12". */
  source: string;
  seriesBy: string;
  /** Series the source gives: one per column after the first (categories) when by columns. */
  seriesCount: number;
  /** Chart.name (ExcelApi 1.1): Excel names charts "Chart 1", "Chart 2"... unless the add-in names them. */
  name: string;
  title?: string;
  seriesNames: Record<number, string>;
  /** Ranges set explicitly per series (ChartSeries.setValues / setXAxisValues, ExcelApi 1.7), by series index. */
  seriesValues: Record<number, string>;
  seriesCategories: Record<number, string>;
  /** ChartSeries.axisGroup (ExcelApi 1.8) where set, by series index. */
  seriesAxes?: Record<number, string>;
  top?: number;
  left?: number;
  width?: number;
  height?: number;
  legendVisible?: boolean;
}

export interface OpRecord {
  /** e.g. "set", "call", "load". */
  kind: "set" | "call" | "load";
  /** e.g. "Revenue!A1:K40" or "worksheets". */
  target: string;
  /** e.g. "values", "format.fill.color", "add", "freezePanes.freezeRows". */
  member: string;
  /** Cells a 2-D array write covers. */
  cells?: number;
  /** Estimated size of this command in a request, in bytes. */
  bytes: number;
}

export interface SyncRecord {
  index: number;
  /** Which Excel.run this sync belongs to (1-based). */
  run: number;
  ops: OpRecord[];
  requestBytes: number;
  responseBytes: number;
  implicit: boolean;
  error?: string;
}

export interface FakeExcelOptions {
  /** Highest ExcelApi version the fake host claims (isSetSupported). Default "1.14". */
  excelApi?: string;
  /** The value of a formula cell (the fake does not calculate). Default: 0. */
  calculate?: (sheet: string, address: string, formula: string) => CellScalar;
  /** Mimic Excel.run's implicit final sync instead of dropping unsynced commands. */
  implicitFinalSync?: boolean;
  /**
   * The Office platform (Office.PlatformType). Default "OfficeOnline": Excel on the web, which refuses a request or a
   * response over 5 MB (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded: "Resource limits and
   * performance optimization for Office Add-ins", Excel add-ins: "Excel on the web has a payload size limit for
   * requests and responses of 5MB"). "PC" and "Mac" have no such limit.
   */
  platform?: "OfficeOnline" | "PC" | "Mac";
}

/** An error shaped like OfficeExtension.Error. */
export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];
  constructor(readonly code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, errorLocation };
  }
}

const propertyNotLoaded = (name: string) =>
  new FakeOfficeError("PropertyNotLoaded", `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);

/* ------------------------------------------------------------------------------------------------------------ */
/* Addresses                                                                                                      */
/* ------------------------------------------------------------------------------------------------------------ */

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
const LETTERS: string[] = [];
function colLetters(col: number): string {
  const known = LETTERS[col];
  if (known !== undefined) return known;
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return (LETTERS[col] = s);
}
export interface Rect { r1: number; c1: number; r2: number; c2: number }

/** "B3", "B3:D9", "B:D", "3:5" (a sheet prefix is not accepted: ranges come from a worksheet). */
export function parseRect(address: string): Rect {
  const parts = address.replace(/\$/g, "").toUpperCase().split(":");
  if (parts.length < 1 || parts.length > 2) throw new FakeOfficeError("InvalidArgument", `Bad address ${address}`);
  const one = (p: string): { r: number | null; c: number | null } => {
    let m = /^([A-Z]{1,3})([0-9]+)$/.exec(p);
    if (m) return { c: colNumber(m[1] as string), r: Number(m[2]) };
    m = /^([A-Z]{1,3})$/.exec(p);
    if (m) return { c: colNumber(m[1] as string), r: null };
    m = /^([0-9]+)$/.exec(p);
    if (m) return { c: null, r: Number(m[1]) };
    throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${address}`);
  };
  const a = one(parts[0] as string);
  const b = parts.length === 2 ? one(parts[1] as string) : a;
  const rect = {
    r1: a.r ?? 1, c1: a.c ?? 1,
    r2: b.r ?? MAX_ROWS, c2: b.c ?? MAX_COLS,
  };
  if (rect.r1 > rect.r2 || rect.c1 > rect.c2 || rect.r1 < 1 || rect.c1 < 1 || rect.r2 > MAX_ROWS || rect.c2 > MAX_COLS) {
    throw new FakeOfficeError("InvalidArgument", `Bad address ${address}`);
  }
  return rect;
}
export function rectAddress(r: Rect): string {
  const a = `${colLetters(r.c1)}${r.r1}`;
  const b = `${colLetters(r.c2)}${r.r2}`;
  return a === b ? a : `${a}:${b}`;
}
function qualify(sheet: string, address: string): string {
  const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${address}`;
}
const key = (r: number, c: number) => `${r},${c}`;
/** The cell at key `k`, made empty (General, no format) if the sheet has none there yet. */
function cellAt(sheet: FakeSheet, k: string): FakeCell {
  let cell = sheet.cells.get(k);
  if (!cell) sheet.cells.set(k, (cell = { value: "", formula: null, numberFormat: "General", format: {} }));
  return cell;
}
/** The row and column of a key "r,c", digit by digit (several times faster in jest's sandbox than slice and Number). */
function rowOfKey(k: string): number {
  let r = 0;
  for (let i = 0, ch = k.charCodeAt(0); ch !== 44 /* , */; ch = k.charCodeAt(++i)) r = r * 10 + ch - 48;
  return r;
}
function colOfKey(k: string): number {
  let c = 0;
  for (let i = k.indexOf(",") + 1; i < k.length; i++) c = c * 10 + k.charCodeAt(i) - 48;
  return c;
}
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Excel's date serial for a date-looking string (ISO "2024-10-15" or en-GB "15/10/2024"), or null. */
export function dateSerial(text: string): number | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return ms / 86400000 + 25569;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* The fake host                                                                                                  */
/* ------------------------------------------------------------------------------------------------------------ */

interface PendingOp {
  record: OpRecord;
  run: () => void;
  /** Bytes of data this op brings back (loads). */
  response?: () => number;
  /** A format change of every cell of a range (formatCells): consecutive ones on one range run in one pass. */
  format?: CellFormatChange;
}
interface CellFormatChange {
  range: FakeRange;
  apply: (f: FakeCellFormat) => void;
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  workbookProtected = false;
  enableEvents = true;
  /**
   * The user is typing in a cell. As Excel.RunOptions documents: a sync of a batch run without `delayForCellEdit`
   * fails with InvalidOperationInCellEditMode; one run with `delayForCellEdit: true` waits until editing ends
   * (`editMode = false`, the user pressing Enter or Esc) and then runs.
   */
  get editMode(): boolean {
    return this.editing;
  }
  set editMode(on: boolean) {
    this.editing = on;
    if (!on) for (const resume of this.editWaiters.splice(0)) resume();
  }
  /** Syncs held back by cell-edit mode so far (delayForCellEdit). */
  delayedSyncs = 0;
  private editing = false;
  private readonly editWaiters: Array<() => void> = [];
  /** Freeze-panes commands fail with GeneralException, as on one Office 2019 build (office-js#2196). */
  freezeFails = false;
  /** Makes the sync with this index (1-based, counted over all runs, as in `syncs`) fail before running anything. */
  failSyncNumber: { index: number; code: string } | null = null;
  readonly syncs: SyncRecord[] = [];
  /** Commands left queued when an Excel.run ended (dropped unless implicitFinalSync). */
  unsyncedAtRunEnd = 0;
  runs = 0;
  /** Events delivered to handlers, for assertions. */
  readonly deliveredEvents: Array<{ sheet: string; address: string; triggerSource?: string }> = [];
  private nextFailure: { code: string; message: string } | null = null;
  private nextSheetId = 1;
  private pendingEvents: Array<{ sheet: FakeSheet; address: string; own: boolean }> = [];

  constructor(readonly options: FakeExcelOptions = {}) {}

  /* ---- set-up and inspection helpers for tests ---- */

  addSheet(name: string): FakeSheet {
    const sheet: FakeSheet = {
      id: `{${String(this.nextSheetId++).padStart(8, "0")}}`, name, cells: new Map(), columnWidths: new Map(), rowHeights: new Map(), hiddenColumns: new Set(),
      frozen: { rows: 0, columns: 0 }, merges: [], conditionalFormats: [], validations: [], pageLayout: {}, protected: false, handlers: [], charts: [],
    };
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = name;
    return sheet;
  }
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  cell(sheet: string, address: string): FakeCell | undefined {
    const s = this.sheet(sheet);
    if (!s) return undefined;
    const r = parseRect(address);
    return s.cells.get(key(r.r1, r.c1));
  }
  /** The value Excel would show for a cell (formula cells: options.calculate). */
  valueOf(sheet: string, address: string): CellScalar {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const r = parseRect(address);
    return this.cellValue(s, r.r1, r.c1);
  }
  /** Sets a cell directly (state before the add-in runs), no sync, no events. */
  setCell(sheet: string, address: string, value: CellScalar, formula: string | null = null, numberFormat = "General"): void {
    const s = this.sheet(sheet) ?? this.addSheet(sheet);
    const r = parseRect(address);
    s.cells.set(key(r.r1, r.c1), { value: formula === null ? value : "", formula, numberFormat, format: {} });
  }
  /**
   * The user types into a cell: the change is applied and onChanged handlers hear of it (triggerSource "Unknown").
   * A locked cell of a protected sheet refuses, as Excel's UI does ("The cell or chart you're trying to change is on a
   * protected sheet"; only unlocked cells take typing: support.microsoft.com, "Lock or unlock specific areas of a
   * protected worksheet").
   */
  async userEdit(sheet: string, address: string, typed: string | number): Promise<void> {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const r = parseRect(address);
    if (s.protected && anyLocked(s, r)) {
      throw new Error(`The cell or chart you're trying to change (${s.name}!${address}) is on a protected sheet. To make a change, unprotect the sheet.`);
    }
    this.writeScalar(s, r.r1, r.c1, typed, "typed");
    if (this.enableEvents) this.pendingEvents.push({ sheet: s, address: rectAddress(r), own: false });
    await this.flushEvents();
  }
  /** Makes the next sync fail with this Office error code (after running nothing). */
  failNextSync(code: string, message = `Fake failure ${code}`): void {
    this.nextFailure = { code, message };
  }
  /** All commands of all syncs. */
  get ops(): OpRecord[] {
    return this.syncs.flatMap((s) => s.ops);
  }
  /** Syncs of the n-th Excel.run (1-based). */
  syncsOfRun(run: number): SyncRecord[] {
    return this.syncs.filter((s) => s.run === run);
  }
  /**
   * A copy of the workbook as it stands (sheets, cells, formats, protection, charts), with no records and no event
   * handlers, as if the file were opened afresh: for tests that need the same big workbook several times without
   * writing it again. `options` replace the fake's own (e.g. another platform).
   */
  clone(options: Partial<FakeExcelOptions> = {}): FakeExcel {
    const copy = new FakeExcel({ ...this.options, ...options });
    for (const { cells, handlers: _, ...rest } of this.sheets) {
      const copied = (c: FakeCell): FakeCell => ({ ...c, format: c.format.borders ? { ...c.format, borders: structuredClone(c.format.borders) } : { ...c.format } });
      copy.sheets.push({ ...structuredClone(rest), handlers: [], cells: new Map([...cells].map(([k, c]) => [k, copied(c)])) });
    }
    copy.nextSheetId = this.nextSheetId;
    copy.activeSheet = this.activeSheet;
    copy.workbookProtected = this.workbookProtected;
    return copy;
  }
  resetRecords(): void {
    this.syncs.length = 0;
    this.unsyncedAtRunEnd = 0;
    this.runs = 0;
    this.deliveredEvents.length = 0;
  }

  /* ---- the host API ---- */

  isSetSupported = (name: string, minVersion?: string): boolean => {
    if (name !== "ExcelApi") return false;
    const have = (this.options.excelApi ?? "1.14").split(".").map(Number);
    const want = (minVersion ?? "1.1").split(".").map(Number);
    for (let i = 0; i < Math.max(have.length, want.length); i++) {
      const h = have[i] ?? 0, w = want[i] ?? 0;
      if (h !== w) return h > w;
    }
    return true;
  };

  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: { delayForCellEdit?: boolean }): Promise<T> => {
    this.runs++;
    const ctx = new FakeRequestContext(this, this.runs, options?.delayForCellEdit === true);
    try {
      const result = await batch(ctx as unknown as Excel.RequestContext);
      if (ctx.pending.length > 0) {
        if (this.options.implicitFinalSync) await ctx.doSync(true);
        else {
          this.unsyncedAtRunEnd += ctx.pending.length;
          ctx.pending.length = 0;
        }
      }
      return result;
    } finally {
      ctx.closed = true;
    }
  };

  /** Excel.run(context, batch): a batch on the context of an earlier run (e.g. removing event handlers). */
  runWith = async <T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = context as unknown as FakeRequestContext;
    if (!(ctx instanceof FakeRequestContext)) throw new Error("runWith needs a context the fake made");
    this.runs++;
    ctx.closed = false;
    try {
      return await batch(ctx as unknown as Excel.RequestContext);
    } finally {
      ctx.pending.length = 0;
      ctx.closed = true;
    }
  };

  /** Installs `Excel.run` and `Office.context.requirements` as globals (for code that uses the globals). */
  install(): () => void {
    const g = globalThis as unknown as Record<string, unknown>;
    const before = { Excel: g.Excel, Office: g.Office };
    type Batch = (context: Excel.RequestContext) => Promise<unknown>;
    g.Excel = {
      run: (a: unknown, b?: unknown) =>
        b === undefined
          ? this.run(a as Batch)
          : a instanceof FakeRequestContext
            ? this.runWith(a as unknown as OfficeExtension.ClientRequestContext, b as Batch)
            : this.run(b as Batch, a as { delayForCellEdit?: boolean }),
    };
    g.Office = { context: { requirements: { isSetSupported: this.isSetSupported } } };
    return () => {
      g.Excel = before.Excel;
      g.Office = before.Office;
    };
  }

  /* ---- internals used by the proxies ---- */

  /** @internal A sync: held while a cell is being edited when its run asked to wait (delayForCellEdit). */
  async executeSync(ctx: FakeRequestContext, implicit: boolean): Promise<void> {
    if (this.editing && ctx.delayForCellEdit && ctx.pending.length > 0) {
      this.delayedSyncs++;
      await new Promise<void>((resume) => this.editWaiters.push(resume));
    }
    return this.runSync(ctx, implicit);
  }

  private runSync(ctx: FakeRequestContext, implicit: boolean): Promise<void> {
    const ops = ctx.pending.splice(0);
    const record: SyncRecord = {
      index: this.syncs.length + 1, run: ctx.run, ops: ops.map((o) => o.record), implicit,
      requestBytes: ops.reduce((n, o) => n + o.record.bytes, 0) + 200, responseBytes: 0,
    };
    this.syncs.push(record);
    const fail = (error: FakeOfficeError) => {
      record.error = error.code;
      return Promise.reject(error);
    };
    if (this.failSyncNumber && this.failSyncNumber.index === record.index) {
      return fail(new FakeOfficeError(this.failSyncNumber.code, `Fake failure ${this.failSyncNumber.code} at sync ${record.index}`));
    }
    if (this.nextFailure) {
      const f = this.nextFailure;
      this.nextFailure = null;
      return fail(new FakeOfficeError(f.code, f.message));
    }
    if (this.editMode && ops.length > 0) {
      return fail(new FakeOfficeError("InvalidOperationInCellEditMode", "The operation is not supported while Excel is in cell edit mode."));
    }
    const web = (this.options.platform ?? "OfficeOnline") === "OfficeOnline";
    if (web && record.requestBytes > 5 * 1024 * 1024) {
      return fail(new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit."));
    }
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i] as PendingOp;
      try {
        const format = op.format;
        let end = i + 1;
        // A style is several format changes of one range in a row (font, fill, alignment, borders...): they change
        // each cell in one pass, in the order queued. The same as one by one: a format change alters neither the
        // sheet, nor the range, nor protection, so the first fails where any of them would, before any applies.
        if (format && !format.range.orNull) while (end < ops.length && ops[end]?.format?.range === format.range) end++;
        if (format && end > i + 1) {
          formatEachCell(format.range, op.record.member, ops.slice(i, end).map((o) => (o.format as CellFormatChange).apply));
          i = end - 1;
          continue;
        }
        op.run();
        if (op.response) record.responseBytes += op.response();
      } catch (e) {
        return fail(e instanceof FakeOfficeError ? e : new FakeOfficeError("GeneralException", String(e)));
      }
    }
    if (web && record.responseBytes > 5 * 1024 * 1024) {
      return fail(new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit."));
    }
    return this.flushEvents();
  }

  /** @internal Events raised by the commands of a sync reach handlers after the sync, asynchronously (as in Excel). */
  private async flushEvents(): Promise<void> {
    const events = this.pendingEvents.splice(0);
    if (events.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const e of events) {
      const triggerSource = this.isSetSupported("ExcelApi", "1.14") ? (e.own ? "ThisLocalAddin" : "Unknown") : undefined;
      for (const h of [...e.sheet.handlers]) {
        this.deliveredEvents.push({ sheet: e.sheet.name, address: e.address, triggerSource });
        await h({ type: "WorksheetChanged", address: e.address, changeType: "RangeEdited", source: "Local", worksheetId: e.sheet.id, triggerSource });
      }
    }
  }

  /** @internal A change the add-in made: raises onChanged unless events are off. */
  changed(sheet: FakeSheet, rect: Rect): void {
    if (this.enableEvents) this.pendingEvents.push({ sheet, address: rectAddress(rect), own: true });
  }

  /** @internal */
  findSheet(name: string): FakeSheet | undefined {
    return this.sheet(name);
  }

  /** @internal */
  createSheet(name: string): FakeSheet {
    if (this.workbookProtected) throw new FakeOfficeError("AccessDenied", "The workbook structure is protected.", "WorksheetCollection.add");
    if (this.sheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} already exists.`, "WorksheetCollection.add");
    if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new FakeOfficeError("InvalidArgument", `Bad sheet name ${name}`, "WorksheetCollection.add");
    return this.addSheet(name);
  }

  /** @internal */
  cellValue(sheet: FakeSheet, r: number, c: number, known?: FakeCell | null): CellScalar {
    const cell = known === undefined ? sheet.cells.get(key(r, c)) : known;
    if (!cell) return "";
    if (cell.formula !== null) return this.options.calculate ? this.options.calculate(sheet.name, `${colLetters(c)}${r}`, cell.formula) : 0;
    return cell.value;
  }

  /** @internal Writes one entry of a values/formulas array with Excel's interpretation. */
  writeScalar(sheet: FakeSheet, r: number, c: number, input: unknown, via: "values" | "formulas" | "typed"): void {
    if (input === null || input === undefined) return;
    const k = key(r, c);
    const cell = cellAt(sheet, k);
    if (input === "") {
      cell.value = "";
      cell.formula = null;
      return;
    }
    if (typeof input === "number" || typeof input === "boolean") {
      cell.value = input;
      cell.formula = null;
      return;
    }
    if (typeof input !== "string") throw new FakeOfficeError("InvalidArgument", `Unsupported cell value ${String(input)}`, `Range.${via}`);
    // Most of a big write: a formula. None of the readings below takes a string starting with "=" (number, percentage
    // and date all start with a sign, digit, point or space; the quote prefix with "'"), so it goes straight to the
    // formula case.
    const first = input.charCodeAt(0);
    if (first === 61 /* = */ && input.length > 1 && (cell.numberFormat !== "@" || via === "values")) {
      cell.formula = input;
      cell.value = "";
      return;
    }
    // Likewise text starting with a letter other than t or f (true, false) is text whatever the number format.
    const letter = first | 32; // lower case, for the letters A-Z and a-z only
    if (((first >= 65 && first <= 90) || (first >= 97 && first <= 122)) && letter !== 116 /* t */ && letter !== 102 /* f */) {
      cell.value = input;
      cell.formula = null;
      return;
    }
    if (cell.numberFormat === "@" && via !== "values") {
      // A Text cell keeps what is typed as text - and, pessimistically, even "=SUM(A1)" written through `formulas`.
      cell.value = input;
      cell.formula = null;
      return;
    }
    if (input.startsWith("'")) {
      cell.value = input.slice(1);
      cell.formula = null;
      return;
    }
    if (NUMBER_TEXT.test(input.trim())) {
      cell.value = Number(input);
      cell.formula = null;
      return;
    }
    const percent = /^\s*([+-]?\d+(\.\d+)?)\s*%\s*$/.exec(input);
    if (percent) {
      cell.value = Number(percent[1]) / 100;
      cell.formula = null;
      return;
    }
    const serial = dateSerial(input);
    if (serial !== null) {
      cell.value = serial;
      cell.formula = null;
      if (cell.numberFormat === "General" || cell.numberFormat === "@") cell.numberFormat = "yyyy-mm-dd";
      return;
    }
    if (input.length > 1 && (input.startsWith("=") || input.startsWith("+") || input.startsWith("-"))) {
      cell.formula = input.startsWith("=") ? input : `=${input}`;
      cell.value = "";
      return;
    }
    if (/^(true|false)$/i.test(input)) {
      cell.value = input.toLowerCase() === "true";
      cell.formula = null;
      return;
    }
    cell.value = input;
    cell.formula = null;
  }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Proxies                                                                                                        */
/* ------------------------------------------------------------------------------------------------------------ */

const OP_OVERHEAD = 60;
const sizeOf = (x: unknown) => (x === undefined ? 0 : JSON.stringify(x).length);

class FakeRequestContext {
  readonly pending: PendingOp[] = [];
  closed = false;
  readonly workbook: FakeWorkbook;
  readonly runtime: FakeRuntime;
  constructor(readonly host: FakeExcel, readonly run: number, readonly delayForCellEdit = false) {
    this.workbook = new FakeWorkbook(this);
    this.runtime = new FakeRuntime(this);
  }
  queue(record: Omit<OpRecord, "bytes"> & { bytes?: number }, run: () => void, response?: () => number, format?: CellFormatChange): void {
    if (this.closed) throw new FakeOfficeError("InvalidObjectPath", "The request context is no longer valid (used after its Excel.run ended).");
    this.pending.push({ record: { ...record, bytes: (record.bytes ?? 0) + OP_OVERHEAD }, run, response, format });
  }
  sync(): Promise<void> {
    return this.doSync(false);
  }
  doSync(implicit: boolean): Promise<void> {
    return this.host.executeSync(this, implicit);
  }
}

/** Loaded properties: available only after the sync that carried the load. */
class Loaded {
  private readonly values = new Map<string, unknown>();
  set(name: string, value: unknown): void {
    this.values.set(name, value);
  }
  get<T>(name: string): T {
    if (!this.values.has(name)) throw propertyNotLoaded(name);
    return this.values.get(name) as T;
  }
}

function parseLoad(arg: unknown): string[] {
  if (arg === undefined) return [];
  if (typeof arg === "string") return arg.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.map(String);
  if (typeof arg === "object" && arg !== null && typeof (arg as { select?: unknown }).select === "string") return parseLoad((arg as { select: string }).select);
  return [];
}

class FakeRuntime implements Pick<Excel.Runtime, "enableEvents"> {
  private readonly loaded = new Loaded();
  constructor(private readonly ctx: FakeRequestContext) {}
  get enableEvents(): boolean {
    return this.loaded.get("enableEvents");
  }
  set enableEvents(v: boolean) {
    this.ctx.queue({ kind: "set", target: "runtime", member: "enableEvents", bytes: 10 }, () => {
      this.ctx.host.enableEvents = v;
    });
  }
  load(names?: string | string[]): this {
    this.ctx.queue({ kind: "load", target: "runtime", member: String(names) }, () => this.loaded.set("enableEvents", this.ctx.host.enableEvents), () => 20);
    return this;
  }
}

class FakeWorkbookProtection implements Pick<Excel.WorkbookProtection, "protected"> {
  private readonly loaded = new Loaded();
  constructor(private readonly ctx: FakeRequestContext) {}
  get protected(): boolean {
    return this.loaded.get("protected");
  }
  load(names?: string | string[]): this {
    this.ctx.queue({ kind: "load", target: "workbook.protection", member: String(names) }, () => this.loaded.set("protected", this.ctx.host.workbookProtected), () => 20);
    return this;
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly protection: FakeWorkbookProtection;
  constructor(ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.protection = new FakeWorkbookProtection(ctx);
  }
}

class FakeWorksheetCollection {
  private readonly loaded = new Loaded();
  constructor(private readonly ctx: FakeRequestContext) {}
  get items(): FakeWorksheet[] {
    return this.loaded.get("items");
  }
  load(names?: string | string[] | { select?: string }): this {
    const props = parseLoad(names).map((p) => p.replace(/^items\//, ""));
    this.ctx.queue({ kind: "load", target: "worksheets", member: props.join(",") || "items" }, () => {
      this.loaded.set("items", this.ctx.host.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, () => s, s.name);
        ws.fill(props.length ? props : ["name", "id", "position"]);
        return ws;
      }));
    }, () => this.ctx.host.sheets.length * 40);
    return this;
  }
  add(name?: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    const sheetName = name ?? `Sheet${this.ctx.host.sheets.length + 1}`;
    this.ctx.queue({ kind: "call", target: "worksheets", member: "add", bytes: sizeOf(sheetName) }, () => {
      created = this.ctx.host.createSheet(sheetName);
    });
    return new FakeWorksheet(this.ctx, () => {
      if (!created) throw new FakeOfficeError("ItemNotFound", `The sheet ${sheetName} was not added.`);
      return created;
    }, sheetName);
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.host.findSheet(name);
      if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist.`, "WorksheetCollection.getItem");
      return s;
    }, name);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.host.findSheet(name) ?? null, name, true);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.host.activeSheet ? this.ctx.host.findSheet(this.ctx.host.activeSheet) : undefined;
      if (!s) throw new FakeOfficeError("ItemNotFound", "No active sheet");
      return s;
    }, "(active)");
  }
}

type SheetResolver = () => FakeSheet | null;

class FakeWorksheet implements Pick<Excel.Worksheet, "name" | "id" | "isNullObject" | "activate" | "delete"> {
  private readonly loaded = new Loaded();
  readonly freezePanes: FakeFreezePanes;
  readonly protection: FakeWorksheetProtection;
  readonly pageLayout: FakePageLayout;
  readonly onChanged: FakeEventHandlers;
  readonly charts: FakeChartCollection;
  constructor(readonly ctx: FakeRequestContext, private readonly resolver: SheetResolver, readonly label: string, readonly orNull = false) {
    this.charts = new FakeChartCollection(this);
    this.freezePanes = new FakeFreezePanes(this);
    this.protection = new FakeWorksheetProtection(this);
    this.pageLayout = new FakePageLayout(this);
    this.onChanged = new FakeEventHandlers(this);
  }
  /** @internal The sheet, for a command being executed; a null object cannot be used for anything but loading. */
  target(): FakeSheet {
    const s = this.resolver();
    if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist (sheet ${this.label}).`);
    return s;
  }
  /** @internal */
  fill(props: string[]): void {
    const s = this.resolver();
    this.loaded.set("isNullObject", s === null);
    if (!s) return;
    for (const p of props) {
      if (p === "name") this.loaded.set("name", s.name);
      else if (p === "id") this.loaded.set("id", s.id);
      else if (p === "position") this.loaded.set("position", this.ctx.host.sheets.indexOf(s));
      else if (p !== "isNullObject") throw new FakeOfficeError("InvalidArgument", `Worksheet.${p} is not loadable in the fake`);
    }
  }
  get name(): string {
    return this.loaded.get("name");
  }
  get id(): string {
    return this.loaded.get("id");
  }
  get position(): number {
    return this.loaded.get("position");
  }
  get isNullObject(): boolean {
    return this.loaded.get("isNullObject");
  }
  load(names?: string | string[]): this {
    const props = parseLoad(names);
    this.ctx.queue({ kind: "load", target: `sheet ${this.label}`, member: props.join(",") }, () => {
      if (!this.orNull) this.target();
      this.fill(props);
    }, () => 60);
    return this;
  }
  activate(): void {
    this.ctx.queue({ kind: "call", target: `sheet ${this.label}`, member: "activate" }, () => {
      this.ctx.host.activeSheet = this.target().name;
    });
  }
  /** Worksheet.delete (ExcelApi 1.1): refused under workbook protection and for the last sheet. */
  delete(): void {
    this.ctx.queue({ kind: "call", target: `sheet ${this.label}`, member: "delete" }, () => {
      const host = this.ctx.host;
      const sheet = this.target();
      if (host.workbookProtected) throw new FakeOfficeError("AccessDenied", "The workbook structure is protected.", "Worksheet.delete");
      if (host.sheets.length === 1) throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.", "Worksheet.delete");
      host.sheets.splice(host.sheets.indexOf(sheet), 1);
      if (host.activeSheet?.toLowerCase() === sheet.name.toLowerCase()) host.activeSheet = host.sheets[0]?.name ?? null;
    });
  }
  getRange(address?: string): FakeRange {
    if (address === undefined) throw new FakeOfficeError("InvalidArgument", "The fake needs an address for getRange");
    const rect = parseRect(address);
    return new FakeRange(this, () => rect);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this, () => usedRect(this.target(), valuesOnly === true), true);
  }
}

function usedRect(sheet: FakeSheet, valuesOnly: boolean): Rect | null {
  // One pass without allocating per cell: large workbooks ask for it on every read.
  let r1 = Infinity, c1 = Infinity, r2 = -Infinity, c2 = -Infinity;
  for (const [k, cell] of sheet.cells) {
    if (cell.formula === null && cell.value === "" && (valuesOnly || (cell.numberFormat === "General" && !hasOwnKey(cell.format)))) continue;
    const r = rowOfKey(k), c = colOfKey(k);
    if (r < r1) r1 = r;
    if (r > r2) r2 = r;
    if (c < c1) c1 = c;
    if (c > c2) c2 = c;
  }
  return r1 === Infinity ? null : { r1, c1, r2, c2 };
}

function hasOwnKey(o: object): boolean {
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) return true;
  return false;
}

let nextChartId = 1;

/** Worksheet.charts: add, load("items") and, on the loaded items, delete (ExcelApi 1.1). */
class FakeChartCollection {
  private readonly loaded = new Loaded();
  constructor(private readonly ws: FakeWorksheet) {}
  get items(): FakeChart[] {
    return this.loaded.get("items");
  }
  load(names?: string | string[]): this {
    this.ws.ctx.queue({ kind: "load", target: `sheet ${this.ws.label}`, member: `charts.${parseLoad(names).join(",") || "items"}` }, () => {
      const sheet = this.ws.target();
      this.loaded.set("items", sheet.charts.map((c) => new FakeChart(this.ws, () => c, c.name)));
    }, () => this.ws.target().charts.length * 40);
    return this;
  }
  add(type: Excel.ChartType | string, sourceData: FakeRange, seriesBy: Excel.ChartSeriesBy | string = "Auto"): FakeChart {
    const id = nextChartId++;
    const record: FakeChartRecord = {
      id: `chart${id}`, name: `Chart ${id}`, type: String(type), source: "", seriesBy: String(seriesBy), seriesCount: 0, seriesNames: {}, seriesValues: {}, seriesCategories: {},
    };
    this.ws.ctx.queue({ kind: "call", target: `sheet ${this.ws.label}`, member: "charts.add", bytes: sizeOf(type) + sizeOf(seriesBy) + 40 }, () => {
      const sheet = this.ws.target();
      if (sourceData.ws.target() !== sheet) throw new FakeOfficeError("InvalidArgument", "The chart's source data is on another sheet (the fake keeps them together).", "ChartCollection.add");
      // WorksheetProtectionOptions.allowEditObjects: "the worksheet protection option allowing editing of objects".
      if (sheet.protected && !sheet.protectionOptions?.allowEditObjects) throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.", "ChartCollection.add");
      const rect = sourceData.rect();
      record.source = rectAddress(rect);
      const columns = rect.c2 - rect.c1 + 1;
      record.seriesCount = record.seriesBy === "Rows" ? rect.r2 - rect.r1 + 1 : Math.max(1, columns - 1);
      sheet.charts.push(record);
    });
    return new FakeChart(this.ws, () => record);
  }
}

interface FakeChartSeries {
  name: string;
  axisGroup: string;
  setValues(range: FakeRange): void;
  setXAxisValues(range: FakeRange): void;
}

class FakeChart {
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly series: { getItemAt(index: number): FakeChartSeries; add(name?: string): FakeChartSeries; getCount(): { readonly value: number } };
  private readonly loadedProps = new Loaded();
  /** The name as loaded with the collection's items (undefined on a chart not loaded). */
  private readonly loadedName: string | undefined;
  constructor(private readonly ws: FakeWorksheet, private readonly record: () => FakeChartRecord, loadedName?: string) {
    this.loadedName = loadedName;
    const set = (member: string, value: unknown, apply: (r: FakeChartRecord) => void) => {
      this.ws.ctx.queue({ kind: "set", target: `sheet ${this.ws.label}`, member: `chart.${member}`, bytes: sizeOf(value) }, () => {
        const r = this.record();
        if (!this.ws.target().charts.includes(r)) throw new FakeOfficeError("ItemNotFound", "The chart was deleted or never added.", `Chart.${member}`);
        apply(r);
      });
    };
    this.title = { set text(v: string) { set("title.text", v, (r) => { r.title = v; }); }, get text(): string { throw propertyNotLoaded("text"); } };
    this.legend = { set visible(v: boolean) { set("legend.visible", v, (r) => { r.legendVisible = v; }); }, get visible(): boolean { throw propertyNotLoaded("visible"); } };
    const inRange = (r: FakeChartRecord, index: number) => {
      if (index < 0 || index >= r.seriesCount) throw new FakeOfficeError("InvalidArgument", `The chart has ${r.seriesCount} series; there is no series ${index}.`, "ChartSeriesCollection.getItemAt");
    };
    const rangeOn = (range: FakeRange, member: string) => {
      if (range.ws.target() !== this.ws.target()) throw new FakeOfficeError("InvalidArgument", "The series' data is on another sheet (the fake keeps them together).", member);
      return rectAddress(range.rect());
    };
    const seriesAt = (at: (r: FakeChartRecord) => number): FakeChartSeries => ({
      set name(v: string) {
        set("series.name", v, (r) => { const i = at(r); inRange(r, i); r.seriesNames[i] = v; });
      },
      get name(): string { throw propertyNotLoaded("name"); },
      setValues: (range: FakeRange) => {
        set("series.setValues", null, (r) => { const i = at(r); inRange(r, i); r.seriesValues[i] = rangeOn(range, "ChartSeries.setValues"); });
      },
      setXAxisValues: (range: FakeRange) => {
        set("series.setXAxisValues", null, (r) => { const i = at(r); inRange(r, i); r.seriesCategories[i] = rangeOn(range, "ChartSeries.setXAxisValues"); });
      },
      set axisGroup(v: string) {
        set("series.axisGroup", v, (r) => {
          const i = at(r);
          inRange(r, i);
          r.seriesAxes = { ...r.seriesAxes, [i]: v };
        });
      },
      get axisGroup(): string { throw propertyNotLoaded("axisGroup"); },
    });
    this.series = {
      getItemAt: (index: number) => seriesAt(() => index),
      getCount: () => clientResult(this.ws.ctx, { kind: "load", target: `sheet ${this.ws.label}`, member: "chart.series.getCount" }, () => this.record().seriesCount),
      add: (name?: string) => {
        let index = -1;
        set("series.add", name ?? null, (r) => {
          index = r.seriesCount++;
          if (name !== undefined) r.seriesNames[index] = name;
        });
        return seriesAt(() => index);
      },
    };
  }
  get name(): string {
    if (this.loadedName === undefined) throw propertyNotLoaded("name");
    return this.loadedName;
  }
  set name(v: string) {
    this.ws.ctx.queue({ kind: "set", target: `sheet ${this.ws.label}`, member: "chart.name", bytes: sizeOf(v) }, () => {
      const r = this.record();
      if (!this.ws.target().charts.includes(r)) throw new FakeOfficeError("ItemNotFound", "The chart was deleted or never added.", "Chart.name");
      r.name = v;
    });
  }
  set top(v: number) { this.setNumber("top", v); }
  set left(v: number) { this.setNumber("left", v); }
  set width(v: number) { this.setNumber("width", v); }
  set height(v: number) { this.setNumber("height", v); }
  get top(): number { return this.loadedProps.get("top"); }
  get left(): number { return this.loadedProps.get("left"); }
  /** Chart.load("top, left, width, height"): the numbers as set. */
  load(names?: string | string[]): this {
    const props = parseLoad(names);
    this.ws.ctx.queue({ kind: "load", target: `sheet ${this.ws.label}`, member: `chart.${props.join(",")}` }, () => {
      const r = this.record();
      if (!this.ws.target().charts.includes(r)) throw new FakeOfficeError("ItemNotFound", "The chart was deleted or never added.", "Chart.load");
      for (const p of props) {
        if (p !== "top" && p !== "left" && p !== "width" && p !== "height") throw new FakeOfficeError("InvalidArgument", `Chart.${p} is not loadable in the fake`);
        this.loadedProps.set(p, r[p] ?? 0);
      }
    }, () => 40);
    return this;
  }
  get width(): number { throw propertyNotLoaded("width"); }
  get height(): number { throw propertyNotLoaded("height"); }
  private setNumber(member: "top" | "left" | "width" | "height", v: number): void {
    this.ws.ctx.queue({ kind: "set", target: `sheet ${this.ws.label}`, member: `chart.${member}`, bytes: sizeOf(v) }, () => {
      const r = this.record();
      if (!this.ws.target().charts.includes(r)) throw new FakeOfficeError("ItemNotFound", "The chart was deleted or never added.", `Chart.${member}`);
      if (!Number.isFinite(v) || v < 0) throw new FakeOfficeError("InvalidArgument", `Chart.${member} must be a non-negative number of points.`, `Chart.${member}`);
      r[member] = v;
    });
  }
  delete(): void {
    this.ws.ctx.queue({ kind: "call", target: `sheet ${this.ws.label}`, member: "chart.delete" }, () => {
      const sheet = this.ws.target();
      const r = this.record();
      if (sheet.protected && !sheet.protectionOptions?.allowEditObjects) throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.", "Chart.delete");
      sheet.charts = sheet.charts.filter((c) => c !== r);
    });
  }
}

class FakeFreezePanes implements Pick<Excel.WorksheetFreezePanes, "freezeRows" | "freezeColumns" | "freezeAt" | "unfreeze"> {
  constructor(private readonly ws: FakeWorksheet) {}
  private freeze(member: string, apply: () => void): void {
    this.ws.ctx.queue({ kind: "call", target: `sheet ${this.ws.label}`, member: `freezePanes.${member}` }, () => {
      if (this.ws.ctx.host.freezeFails) throw new FakeOfficeError("GeneralException", "There was an internal error while processing the request.", `WorksheetFreezePanes.${member}`);
      apply();
    });
  }
  freezeRows(count = 1): void {
    this.freeze("freezeRows", () => { this.ws.target().frozen = { rows: count, columns: 0 }; });
  }
  freezeColumns(count = 1): void {
    this.freeze("freezeColumns", () => { this.ws.target().frozen = { rows: 0, columns: count }; });
  }
  freezeAt(frozenRange: Excel.Range | string): void {
    if (typeof frozenRange !== "string") throw new FakeOfficeError("InvalidArgument", "The fake takes freezeAt with an address");
    const rect = parseRect(frozenRange);
    this.freeze("freezeAt", () => { this.ws.target().frozen = { rows: rect.r2, columns: rect.c2 }; });
  }
  unfreeze(): void {
    this.ws.ctx.queue({ kind: "call", target: `sheet ${this.ws.label}`, member: "freezePanes.unfreeze" }, () => {
      this.ws.target().frozen = { rows: 0, columns: 0 };
    });
  }
}

class FakeWorksheetProtection implements Pick<Excel.WorksheetProtection, "protected" | "protect" | "unprotect"> {
  private readonly loaded = new Loaded();
  constructor(private readonly ws: FakeWorksheet) {}
  get protected(): boolean {
    return this.loaded.get("protected");
  }
  /**
   * As documented (learn.microsoft.com/javascript/api/excel/excel.worksheetprotection): "Protects a worksheet. Fails if
   * the worksheet has already been protected"; options ExcelApi 1.2, the password 1.7. Once protected, writes to
   * locked cells and format changes fail with AccessDenied (FakeRange.write): FormatProtection.locked "Specifies if
   * Excel locks the cells in the object" (excel.formatprotection), and a protected sheet refuses changes to its locked
   * cells and formats unless its options allow them (WorksheetProtectionOptions: allowFormatCells, allowInsertRows...).
   */
  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.ws.ctx.queue({ kind: "call", target: `sheet ${this.ws.label}`, member: "protection.protect", bytes: sizeOf(options) + sizeOf(password) }, () => {
      const sheet = this.ws.target();
      if (sheet.protected) throw new FakeOfficeError("InvalidOperation", "The worksheet is already protected.", "WorksheetProtection.protect");
      if (password && !this.ws.ctx.host.isSetSupported("ExcelApi", "1.7")) throw new FakeOfficeError("ApiNotFound", "The password parameter needs ExcelApi 1.7.", "WorksheetProtection.protect");
      sheet.protected = true;
      sheet.password = password || undefined;
      sheet.protectionOptions = { ...options };
    });
  }
  unprotect(password?: string): void {
    this.ws.ctx.queue({ kind: "call", target: `sheet ${this.ws.label}`, member: "protection.unprotect", bytes: sizeOf(password) }, () => {
      const sheet = this.ws.target();
      // A sheet the user protected with a password stays protected: Excel refuses (the code is not documented; an
      // InvalidArgument is what the error mapping would otherwise call a fault in Outturn).
      if (sheet.protected && sheet.password !== undefined && password !== sheet.password) {
        throw new FakeOfficeError("InvalidArgument", "The password is incorrect.", "WorksheetProtection.unprotect");
      }
      sheet.protected = false;
      sheet.password = undefined;
      sheet.protectionOptions = undefined;
    });
  }
  load(names?: string | string[]): this {
    this.ws.ctx.queue({ kind: "load", target: `sheet ${this.ws.label}`, member: `protection.${String(names)}` }, () => {
      this.loaded.set("protected", this.ws.target().protected);
    }, () => 20);
    return this;
  }
}

class FakePageLayout {
  constructor(private readonly ws: FakeWorksheet) {}
  set orientation(v: Excel.PageLayout["orientation"]) {
    this.ws.ctx.queue({ kind: "set", target: `sheet ${this.ws.label}`, member: "pageLayout.orientation", bytes: sizeOf(v) }, () => {
      this.ws.target().pageLayout.orientation = v;
    });
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this.ws.ctx.queue({ kind: "set", target: `sheet ${this.ws.label}`, member: "pageLayout.zoom", bytes: sizeOf(v) }, () => {
      this.ws.target().pageLayout.zoom = v;
    });
  }
}

class FakeEventHandlers {
  constructor(private readonly ws: FakeWorksheet) {}
  add(handler: (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>): { context: FakeRequestContext; remove(): void } {
    const h = handler as (args: unknown) => Promise<unknown>;
    let sheet: FakeSheet | undefined;
    this.ws.ctx.queue({ kind: "call", target: `sheet ${this.ws.label}`, member: "onChanged.add" }, () => {
      sheet = this.ws.target();
      sheet.handlers.push(h);
    });
    const ctx = this.ws.ctx;
    return {
      context: ctx,
      remove: () => {
        ctx.queue({ kind: "call", target: `sheet ${this.ws.label}`, member: "onChanged.remove" }, () => {
          if (sheet) sheet.handlers = sheet.handlers.filter((x) => x !== h);
        });
      },
    };
  }
}

type RectResolver = () => Rect | null;

class FakeRange implements Pick<Excel.Range, "values" | "formulas" | "numberFormat" | "valueTypes" | "text" | "address" | "rowCount" | "columnCount" | "isNullObject" | "columnHidden" | "merge" | "unmerge" | "select" | "clear"> {
  private readonly loaded = new Loaded();
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormatCollection;
  readonly dataValidation: FakeDataValidation;
  constructor(readonly ws: FakeWorksheet, private readonly rectResolver: RectResolver, readonly orNull = false) {
    this.format = new FakeRangeFormat(this);
    this.conditionalFormats = new FakeConditionalFormatCollection(this);
    this.dataValidation = new FakeDataValidation(this);
  }
  get label(): string {
    return `${this.ws.label}!range`;
  }
  /** @internal */
  rect(): Rect {
    const r = this.rectResolver();
    if (!r) throw new FakeOfficeError("ItemNotFound", "The range is a null object.");
    return r;
  }
  /** @internal Queues a change to this range's cells on its sheet (`format`: a change of each cell's format). */
  write(member: string, bytes: number, apply: (sheet: FakeSheet, rect: Rect) => void, cells?: number, formatOnly = false, format?: (f: FakeCellFormat) => void): void {
    this.ws.ctx.queue({ kind: "set", target: this.ws.label, member, bytes, cells }, () => {
      const { sheet, rect } = this.writable(member, formatOnly);
      apply(sheet, rect);
      if (!formatOnly) this.ws.ctx.host.changed(sheet, rect);
    }, undefined, format && { range: this, apply: format });
  }
  /** @internal The sheet and rectangle a change applies to; refused on a protected sheet's locked cells or formats. */
  writable(member: string, formatOnly: boolean): { sheet: FakeSheet; rect: Rect } {
    const sheet = this.ws.target();
    const rect = this.rect();
    if (sheet.protected && (formatOnly || anyLocked(sheet, rect))) {
      throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.", `Range.${member}`);
    }
    return { sheet, rect };
  }
  private writeArray(member: "values" | "formulas" | "numberFormat", data: unknown[][]): void {
    if (!Array.isArray(data) || data.some((row) => !Array.isArray(row))) throw new FakeOfficeError("InvalidArgument", `Range.${member} takes a 2-D array`);
    const cells = data.reduce((n, row) => n + row.length, 0);
    this.write(member, sizeOf(data), (sheet, rect) => {
      const rows = rect.r2 - rect.r1 + 1, cols = rect.c2 - rect.c1 + 1;
      if (data.length !== rows || data.some((row) => row.length !== cols)) {
        throw new FakeOfficeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols}).`, `Range.${member}`);
      }
      const host = this.ws.ctx.host;
      for (let i = 0; i < rows; i++) {
        const row = data[i] as unknown[];
        for (let j = 0; j < cols; j++) {
          const v = row[j], r = rect.r1 + i, c = rect.c1 + j;
          if (member !== "numberFormat") {
            host.writeScalar(sheet, r, c, v, member);
            continue;
          }
          if (v === null || v === undefined) continue;
          const k = key(r, c);
          cellAt(sheet, k).numberFormat = v === "" ? "General" : String(v);
        }
      }
    }, cells);
  }
  set values(v: unknown[][]) {
    this.writeArray("values", v);
  }
  get values(): unknown[][] {
    return this.loaded.get("values");
  }
  set formulas(v: unknown[][]) {
    this.writeArray("formulas", v);
  }
  get formulas(): unknown[][] {
    return this.loaded.get("formulas");
  }
  set numberFormat(v: unknown[][]) {
    this.writeArray("numberFormat", v);
  }
  get numberFormat(): unknown[][] {
    return this.loaded.get("numberFormat");
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this.loaded.get("valueTypes");
  }
  get text(): string[][] {
    return this.loaded.get("text");
  }
  get address(): string {
    return this.loaded.get("address");
  }
  get rowCount(): number {
    return this.loaded.get("rowCount");
  }
  get columnCount(): number {
    return this.loaded.get("columnCount");
  }
  get isNullObject(): boolean {
    return this.loaded.get("isNullObject");
  }
  get columnHidden(): boolean {
    return this.loaded.get("columnHidden");
  }
  set columnHidden(v: boolean) {
    this.write("columnHidden", 10, (sheet, rect) => {
      for (let c = rect.c1; c <= rect.c2; c++) if (v) sheet.hiddenColumns.add(c); else sheet.hiddenColumns.delete(c);
    }, undefined, true);
  }
  load(names?: string | string[] | { select?: string }): this {
    const props = parseLoad(names);
    let bytes = 0;
    this.ws.ctx.queue({ kind: "load", target: this.ws.label, member: props.join(",") }, () => {
      const sheet = this.ws.target();
      const rect = this.rectResolver();
      this.loaded.set("isNullObject", rect === null);
      if (!rect) return;
      const rows = rect.r2 - rect.r1 + 1, cols = rect.c2 - rect.c1 + 1;
      // The range's cells, and their values, looked up once for all the properties loaded (a big read loads three).
      let cells: Array<Array<FakeCell | undefined>> | null = null, values: CellScalar[][] | null = null;
      const cellsOf = () => cells ??= cellsIn(sheet, rect);
      const host = this.ws.ctx.host;
      const valuesOf = () => values ??= cellsOf().map((row, i) => {
        const out: CellScalar[] = new Array(cols);
        for (let j = 0; j < cols; j++) out[j] = host.cellValue(sheet, rect.r1 + i, rect.c1 + j, row[j] ?? null);
        return out;
      });
      const grid = <T>(f: (cell: FakeCell | undefined, i: number, j: number) => T): T[][] => cellsOf().map((row, i) => row.map((cell, j) => f(cell, i, j)));
      for (const p of props) {
        let v: unknown;
        if (p === "values") v = valuesOf().map((row) => row.slice());
        else if (p === "formulas") v = grid((cell, i, j) => cell?.formula ?? valuesOf()[i]![j]!);
        else if (p === "numberFormat") v = grid((cell) => cell?.numberFormat ?? "General");
        else if (p === "valueTypes") v = grid((_, i, j) => valueType(valuesOf()[i]![j]!));
        else if (p === "text") v = grid((cell, i, j) => displayText(valuesOf()[i]![j]!, cell?.numberFormat ?? "General"));
        else if (p === "address") v = qualify(sheet.name, rectAddress(rect));
        else if (p === "rowCount") v = rows;
        else if (p === "columnCount") v = cols;
        else if (p === "isNullObject") continue;
        else throw new FakeOfficeError("InvalidArgument", `Range.${p} is not loadable in the fake`);
        this.loaded.set(p, v);
        bytes += sizeOf(v);
      }
    }, () => bytes);
    return this;
  }
  merge(across?: boolean): void {
    this.write("merge", 10, (sheet, rect) => {
      if (across) throw new FakeOfficeError("InvalidArgument", "The fake merges whole ranges only");
      const a = rectAddress(rect);
      if (sheet.merges.some((m) => overlaps(parseRect(m), rect))) throw new FakeOfficeError("MergedRangeConflict", `Cannot merge ${a}: it overlaps a merged range.`);
      sheet.merges.push(a);
    }, undefined, true);
  }
  unmerge(): void {
    this.write("unmerge", 10, (sheet, rect) => {
      sheet.merges = sheet.merges.filter((m) => !overlaps(parseRect(m), rect));
    }, undefined, true);
  }
  select(): void {
    this.ws.ctx.queue({ kind: "call", target: this.ws.label, member: "select" }, () => {
      const sheet = this.ws.target();
      if (this.ws.ctx.host.activeSheet?.toLowerCase() !== sheet.name.toLowerCase()) {
        throw new FakeOfficeError("InvalidOperation", "Cannot select a range on a sheet that is not active.", "Range.select");
      }
      this.ws.ctx.host.selection = { sheet: sheet.name, address: rectAddress(this.rect()) };
    });
  }
  clear(applyTo?: "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" | Excel.ClearApplyTo): void {
    const what = applyTo ?? "All";
    this.write(`clear(${what})`, 10, (sheet, rect) => {
      const clearOne = (k: string, cell: FakeCell) => {
        if (what === "All") sheet.cells.delete(k);
        else if (what === "Contents") { cell.value = ""; cell.formula = null; }
        else if (what === "Formats") { cell.numberFormat = "General"; cell.format = {}; }
      };
      // By the range's own cells when it has fewer than the sheet holds (a row band), else through the sheet's cells.
      if ((rect.r2 - rect.r1 + 1) * (rect.c2 - rect.c1 + 1) < sheet.cells.size) {
        for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= rect.c2; c++) {
          const k = key(r, c), cell = sheet.cells.get(k);
          if (cell) clearOne(k, cell);
        }
        return;
      }
      // (Deleting the entry being visited is safe in a Map's iteration.)
      for (const [k, cell] of sheet.cells) {
        const r = rowOfKey(k), c = colOfKey(k);
        if (r < rect.r1 || r > rect.r2 || c < rect.c1 || c > rect.c2) continue;
        clearOne(k, cell);
      }
    });
  }
}

/**
 * The cells of a rectangle, row by row (undefined where there is none). A range that covers most of the sheet's cells
 * (a used range, the usual big read) is filled from one walk over the sheet's cells, which is several times cheaper
 * than looking each position up by its key; a small one is looked up. The same either way, as every key is key(r, c).
 */
function cellsIn(sheet: FakeSheet, rect: Rect): Array<Array<FakeCell | undefined>> {
  const rows = rect.r2 - rect.r1 + 1, cols = rect.c2 - rect.c1 + 1;
  const grid: Array<Array<FakeCell | undefined>> = new Array(rows);
  for (let i = 0; i < rows; i++) grid[i] = new Array<FakeCell | undefined>(cols).fill(undefined);
  if (rows * cols < 2 * sheet.cells.size) {
    for (const [k, cell] of sheet.cells) {
      const r = rowOfKey(k);
      if (r < rect.r1 || r > rect.r2) continue;
      const c = colOfKey(k);
      if (c < rect.c1 || c > rect.c2) continue;
      (grid[r - rect.r1] as Array<FakeCell | undefined>)[c - rect.c1] = cell;
    }
    return grid;
  }
  for (let i = 0; i < rows; i++) {
    const row = grid[i] as Array<FakeCell | undefined>;
    for (let j = 0; j < cols; j++) row[j] = sheet.cells.get(key(rect.r1 + i, rect.c1 + j));
  }
  return grid;
}

function anyLocked(sheet: FakeSheet, rect: Rect): boolean {
  for (let r = rect.r1; r <= Math.min(rect.r2, rect.r1 + 10000); r++) {
    for (let c = rect.c1; c <= Math.min(rect.c2, rect.c1 + 200); c++) {
      if (sheet.cells.get(key(r, c))?.format.locked !== false) return true;
    }
  }
  return false;
}
function overlaps(a: Rect, b: Rect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}
function valueType(v: CellScalar): Excel.RangeValueType {
  if (v === "") return "Empty" as Excel.RangeValueType;
  if (typeof v === "number") return "Double" as Excel.RangeValueType;
  if (typeof v === "boolean") return "Boolean" as Excel.RangeValueType;
  if (v.charCodeAt(0) === 35 /* # */ && /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)$/.test(v)) return "Error" as Excel.RangeValueType;
  return "String" as Excel.RangeValueType;
}

/**
 * Range.text as Excel would show it, for the few number formats Outturn's self-check writes: dates "yyyy-mm-dd",
 * "#,##0" with decimals (negative in brackets when the format says so), General.
 */
function displayText(v: CellScalar, format: string): string {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  if (/^yyyy-mm-dd$/i.test(format)) return new Date(Math.round((v - 25569) * 86400000)).toISOString().slice(0, 10);
  const m = /^#,##0(?:\.(0+))?/.exec(format);
  if (m) {
    const dp = m[1]?.length ?? 0;
    const text = Math.abs(v).toLocaleString("en-GB", { minimumFractionDigits: dp, maximumFractionDigits: dp });
    return v < 0 ? (format.includes(";(") ? `(${text})` : `-${text}`) : text;
  }
  return String(v);
}

/** OfficeExtension.ClientResult: `value` readable only after the sync that computed it. */
function clientResult<T>(ctx: FakeRequestContext, record: Omit<OpRecord, "bytes">, compute: () => T): { readonly value: T } {
  let done = false;
  let result: T;
  ctx.queue(record, () => { result = compute(); done = true; }, () => 20);
  return {
    get value(): T {
      if (!done) throw propertyNotLoaded("value");
      return result;
    },
  };
}

/** Applies a format change to every cell of the range (creating cells as needed). */
function formatCells(range: FakeRange, member: string, value: unknown, apply: (f: FakeCellFormat) => void): void {
  range.write(`format.${member}`, sizeOf(value), (sheet, rect) => changeEachCell(sheet, rect, [apply]), undefined, true, apply);
}

/** Several format changes queued one after another on one range, in one pass over its cells (FakeExcel.runSync). */
function formatEachCell(range: FakeRange, member: string, changes: Array<(f: FakeCellFormat) => void>): void {
  const { sheet, rect } = range.writable(member, true);
  changeEachCell(sheet, rect, changes);
}

function changeEachCell(sheet: FakeSheet, rect: Rect, changes: Array<(f: FakeCellFormat) => void>): void {
  for (let r = rect.r1; r <= rect.r2; r++) {
    for (let c = rect.c1; c <= rect.c2; c++) {
      const k = key(r, c);
      const format = cellAt(sheet, k).format;
      for (const change of changes) change(format);
    }
  }
}

class FakeRangeFormat implements Pick<Excel.RangeFormat, "columnWidth" | "rowHeight" | "wrapText" | "horizontalAlignment" | "verticalAlignment" | "indentLevel"> {
  readonly font: FakeRangeFont;
  readonly fill: FakeRangeFill;
  readonly borders: FakeRangeBorders;
  readonly protection: FakeFormatProtection;
  constructor(readonly range: FakeRange) {
    this.font = new FakeRangeFont(range);
    this.fill = new FakeRangeFill(range);
    this.borders = new FakeRangeBorders(range);
    this.protection = new FakeFormatProtection(range);
  }
  get columnWidth(): number {
    throw propertyNotLoaded("columnWidth");
  }
  set columnWidth(v: number) {
    this.range.write("format.columnWidth", sizeOf(v), (sheet, rect) => {
      for (let c = rect.c1; c <= rect.c2; c++) sheet.columnWidths.set(c, v);
    }, undefined, true);
  }
  get rowHeight(): number {
    throw propertyNotLoaded("rowHeight");
  }
  set rowHeight(v: number) {
    // Whole rows ("5:7") are the usual target: recorded per row, not per cell (a row has 16,384 cells).
    this.range.write("format.rowHeight", sizeOf(v), (sheet, rect) => {
      if (!(v >= 0 && v <= 409)) throw new FakeOfficeError("InvalidArgument", `A row height must be 0 to 409 points (${v}).`, "RangeFormat.rowHeight");
      for (let r = rect.r1; r <= rect.r2; r++) sheet.rowHeights.set(r, v);
    }, undefined, true);
  }
  get wrapText(): boolean {
    throw propertyNotLoaded("wrapText");
  }
  set wrapText(v: boolean) {
    formatCells(this.range, "wrapText", v, (f) => { f.wrapText = v; });
  }
  get horizontalAlignment(): Excel.RangeFormat["horizontalAlignment"] {
    throw propertyNotLoaded("horizontalAlignment");
  }
  set horizontalAlignment(v: Excel.RangeFormat["horizontalAlignment"]) {
    formatCells(this.range, "horizontalAlignment", v, (f) => { f.horizontalAlignment = v; });
  }
  get verticalAlignment(): Excel.RangeFormat["verticalAlignment"] {
    throw propertyNotLoaded("verticalAlignment");
  }
  set verticalAlignment(v: Excel.RangeFormat["verticalAlignment"]) {
    formatCells(this.range, "verticalAlignment", v, (f) => { f.verticalAlignment = v; });
  }
  get indentLevel(): number {
    throw propertyNotLoaded("indentLevel");
  }
  set indentLevel(v: number) {
    formatCells(this.range, "indentLevel", v, (f) => { f.indentLevel = v; });
  }
}

class FakeRangeFont implements Pick<Excel.RangeFont, "bold" | "italic" | "size" | "color"> {
  constructor(private readonly range: FakeRange) {}
  get bold(): boolean { throw propertyNotLoaded("bold"); }
  set bold(v: boolean) { formatCells(this.range, "font.bold", v, (f) => { f.bold = v; }); }
  get italic(): boolean { throw propertyNotLoaded("italic"); }
  set italic(v: boolean) { formatCells(this.range, "font.italic", v, (f) => { f.italic = v; }); }
  get size(): number { throw propertyNotLoaded("size"); }
  set size(v: number) { formatCells(this.range, "font.size", v, (f) => { f.fontSize = v; }); }
  get color(): string { throw propertyNotLoaded("color"); }
  set color(v: string) { formatCells(this.range, "font.color", v, (f) => { f.fontColor = v; }); }
}

class FakeRangeFill implements Pick<Excel.RangeFill, "color" | "clear"> {
  constructor(private readonly range: FakeRange) {}
  get color(): string { throw propertyNotLoaded("color"); }
  set color(v: string) { formatCells(this.range, "fill.color", v, (f) => { f.fill = v; }); }
  clear(): void { formatCells(this.range, "fill.clear", null, (f) => { delete f.fill; }); }
}

class FakeRangeBorders {
  constructor(private readonly range: FakeRange) {}
  getItem(index: Excel.BorderIndex | "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal" | "DiagonalDown" | "DiagonalUp"): FakeRangeBorder {
    return new FakeRangeBorder(this.range, String(index));
  }
}

class FakeRangeBorder implements Pick<Excel.RangeBorder, "style" | "weight" | "color"> {
  constructor(private readonly range: FakeRange, private readonly side: string) {}
  private set(prop: "style" | "weight" | "color", v: string): void {
    formatCells(this.range, `borders.${this.side}.${prop}`, v, (f) => {
      f.borders = f.borders ?? {};
      f.borders[this.side] = { ...f.borders[this.side], [prop]: v };
    });
  }
  get style(): Excel.RangeBorder["style"] { throw propertyNotLoaded("style"); }
  set style(v: Excel.RangeBorder["style"]) { this.set("style", String(v)); }
  get weight(): Excel.RangeBorder["weight"] { throw propertyNotLoaded("weight"); }
  set weight(v: Excel.RangeBorder["weight"]) { this.set("weight", String(v)); }
  get color(): string { throw propertyNotLoaded("color"); }
  set color(v: string) { this.set("color", v); }
}

class FakeFormatProtection implements Pick<Excel.FormatProtection, "locked"> {
  constructor(private readonly range: FakeRange) {}
  get locked(): boolean { throw propertyNotLoaded("locked"); }
  set locked(v: boolean) { formatCells(this.range, "protection.locked", v, (f) => { f.locked = v; }); }
}

class FakeDataValidation {
  private readonly loaded = new Loaded();
  constructor(private readonly range: FakeRange) {}
  /** DataValidation.type (ExcelApi 1.8): "List" when a list rule covers the range's first cell, else "None". */
  get type(): string {
    return this.loaded.get("type");
  }
  load(names?: string | string[]): this {
    this.range.ws.ctx.queue({ kind: "load", target: this.range.ws.label, member: `dataValidation.${String(names)}` }, () => {
      const sheet = this.range.ws.target();
      const rect = this.range.rect();
      const rule = sheet.validations.find((x) => overlaps(parseRect(x.range), { r1: rect.r1, c1: rect.c1, r2: rect.r1, c2: rect.c1 }))?.rule as { list?: unknown } | undefined;
      this.loaded.set("type", rule?.list ? "List" : "None");
    }, () => 20);
    return this;
  }
  set rule(v: Excel.DataValidationRule) {
    this.range.write("dataValidation.rule", sizeOf(v), (sheet, rect) => {
      sheet.validations.push({ range: rectAddress(rect), rule: v });
    }, undefined, true);
  }
  clear(): void {
    this.range.write("dataValidation.clear", 10, (sheet, rect) => {
      sheet.validations = sheet.validations.filter((x) => !overlaps(parseRect(x.range), rect));
    }, undefined, true);
  }
}

class FakeConditionalFormatCollection implements Pick<Excel.ConditionalFormatCollection, "clearAll"> {
  constructor(private readonly range: FakeRange) {}
  add(type: Excel.ConditionalFormatType | "Custom" | "ContainsText" | "CellValue"): FakeConditionalFormat {
    const entry: FakeConditionalFormatRecord = { range: "", type: String(type) };
    this.range.write("conditionalFormats.add", sizeOf(type), (sheet, rect) => {
      entry.range = rectAddress(rect);
      sheet.conditionalFormats.push(entry);
    }, undefined, true);
    return new FakeConditionalFormat(this.range, entry);
  }
  /** ConditionalFormatCollection.getCount (ExcelApi 1.6): the rules overlapping the range. */
  getCount(): { readonly value: number } {
    return clientResult(this.range.ws.ctx, { kind: "load", target: this.range.ws.label, member: "conditionalFormats.getCount" }, () => {
      const rect = this.range.rect();
      return this.range.ws.target().conditionalFormats.filter((cf) => cf.range && overlaps(parseRect(cf.range), rect)).length;
    });
  }
  clearAll(): void {
    this.range.write("conditionalFormats.clearAll", 10, (sheet, rect) => {
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !cf.range || !overlaps(parseRect(cf.range), rect));
    }, undefined, true);
  }
}

class FakeConditionalFormat {
  constructor(private readonly range: FakeRange, private readonly entry: FakeConditionalFormatRecord) {}
  private part(type: string): FakeRuleFormat {
    if (this.entry.type !== type) throw new FakeOfficeError("InvalidArgument", `This conditional format is of type ${this.entry.type}, not ${type}.`);
    return new FakeRuleFormat(this.range, this.entry);
  }
  get cellValue(): FakeRuleFormat { return this.part("CellValue"); }
  get textComparison(): FakeRuleFormat { return this.part("ContainsText"); }
  get custom(): FakeRuleFormat { return this.part("Custom"); }
}

class FakeRuleFormat {
  readonly format: { fill: { color: string }; font: { color: string } };
  private readonly customRule: { formula: string };
  constructor(private readonly range: FakeRange, private readonly entry: FakeConditionalFormatRecord) {
    const queue = (member: string, v: unknown, apply: () => void) =>
      this.range.ws.ctx.queue({ kind: "set", target: this.range.ws.label, member: `conditionalFormat.${member}`, bytes: sizeOf(v) }, apply);
    const e = entry;
    this.format = {
      fill: { set color(v: string) { queue("format.fill.color", v, () => { e.fill = v; }); }, get color(): string { throw propertyNotLoaded("color"); } },
      font: { set color(v: string) { queue("format.font.color", v, () => { e.fontColor = v; }); }, get color(): string { throw propertyNotLoaded("color"); } },
    };
    this.customRule = { set formula(v: string) { queue("rule.formula", v, () => { e.rule = { formula: v }; }); }, get formula(): string { throw propertyNotLoaded("formula"); } };
  }
  set rule(v: Excel.ConditionalCellValueRule | Excel.ConditionalTextComparisonRule | { formula: string }) {
    this.range.ws.ctx.queue({ kind: "set", target: this.range.ws.label, member: "conditionalFormat.rule", bytes: sizeOf(v) }, () => {
      this.entry.rule = v;
    });
  }
  get rule(): { formula: string } {
    // CustomConditionalFormat.rule is an object whose `formula` is set; the other kinds take a whole rule object.
    return this.customRule;
  }
}
