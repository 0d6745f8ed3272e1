/**
 * Writes a WorkbookPlan as an .xlsx file with ExcelJS: values, formulas with the engine's values as cached results,
 * styles, widths, frozen panes, merges, conditional formats (RAG colours), drop-down lists and print setup.
 * Not charts (ExcelJS cannot write them): the Slides sheet gets its data blocks and a note (CHARTS_NOTE) instead.
 * Text is always written as a text cell (a shared string), never as a formula, whatever it starts with; text inputs
 * also get the "@" number format so what the user types later stays text too.
 */
import * as ExcelJS from "exceljs";
import { parseA1, colLetter, sheetPrefix } from "../plans/a1";
import type { CellStyle, PlanCell, SheetPlan, WorkbookPlan } from "../plans/types";
import { planCells, planRows } from "../plans/builder";
import { allowancesFor, isLockedCell } from "../plans/protection";

/** How the sheets are protected: without a password unless the user gives one (Outturn never stores it). */
export interface WriteOptions {
  password?: string;
}

/** Excel's limit on the characters in a cell (Excel specifications and limits); src/excel/render.ts holds the pane to it too. */
export const CELL_TEXT_LIMIT = 32767;

/**
 * Characters XML 1.0 cannot hold (C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF; a lone half of
 * a surrogate pair). ExcelJS escapes & < > " ' itself (lib/utils/utils.js xmlEncode) but silently drops control
 * characters and DEL, and passes lone surrogates and U+FFFE/U+FFFF into the XML: each is replaced here by U+FFFD,
 * visibly, so a vertical tab pasted from Word is neither lost without trace nor able to break the part.
 */
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
export const REPLACEMENT = "\ufffd";

/**
 * Text as it can be written into the file: forbidden characters replaced, and "_xHHHH_" (which Excel reads as an
 * escaped character in cell text, ECMA-376 Part 1, 22.9.2.19 ST_Xstring) kept literal by escaping its underscore.
 */
export function xmlSafe(text: string): string {
  return text.replace(XML_FORBIDDEN, REPLACEMENT).replace(/_(x[0-9a-fA-F]{4}_)/g, "_x005F_$1");
}

/** Each text of the plan longer than a cell holds, naming the cell. */
export function textLimitProblems(plan: WorkbookPlan): string[] {
  const out: string[] = [];
  for (const sheet of plan.sheets) {
    for (const c of planCells(sheet)) {
      const text = c.content.kind === "text" ? c.content.text : c.content.kind === "formula" && typeof c.content.expected === "string" ? c.content.expected : null;
      if (text !== null && text.length > CELL_TEXT_LIMIT) {
        out.push(`${sheetPrefix(sheet.name)}${c.address} would hold ${text.length.toLocaleString("en-GB")} characters; an Excel cell holds at most ${CELL_TEXT_LIMIT.toLocaleString("en-GB")}: shorten the text (it starts "${text.slice(0, 40)}")`);
      }
    }
  }
  return out;
}

const FONT_NAME = "Calibri";
const BASE_SIZE = 10;

function argb(hex: string): string {
  return "FF" + hex.replace(/^#/, "").toUpperCase();
}

function fontOf(style: CellStyle): Partial<ExcelJS.Font> {
  const f = style.font ?? {};
  const font: Partial<ExcelJS.Font> = { name: FONT_NAME, size: f.size ?? BASE_SIZE };
  if (f.bold) font.bold = true;
  if (f.italic) font.italic = true;
  if (f.color) font.color = { argb: argb(f.color) };
  return font;
}

/** ExcelJS's style for a role, with a number format of the cell's own when it has one, locked or not. */
function styleOf(style: CellStyle, numberFormat: string | undefined, locked: boolean): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = { font: fontOf(style) };
  if (style.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.border) {
    const border: Partial<ExcelJS.Borders> = {};
    for (const side of ["top", "bottom", "left", "right"] as const) {
      const w = style.border[side];
      if (w) border[side] = { style: w };
    }
    out.border = border;
  }
  if (style.alignment) {
    const a = style.alignment;
    const alignment: Partial<ExcelJS.Alignment> = {};
    if (a.horizontal) alignment.horizontal = a.horizontal;
    if (a.vertical) alignment.vertical = a.vertical;
    if (a.wrapText) alignment.wrapText = true;
    if (a.indent) alignment.indent = a.indent;
    out.alignment = alignment;
  }
  const fmt = numberFormat ?? style.numberFormat;
  if (fmt) out.numFmt = fmt;
  // Excel's default is locked; inputs are unlocked so people can type in them on the protected sheet.
  if (!locked) out.protection = { locked: false };
  return out;
}

function cellValue(c: PlanCell): ExcelJS.CellValue {
  switch (c.content.kind) {
    case "text":
      return xmlSafe(c.content.text);
    case "amount":
      return c.content.value.toNumber();
    case "formula": {
      const e = c.content.expected;
      const result = typeof e === "string" ? xmlSafe(e) : e.toNumber();
      return { formula: xmlSafe(c.content.formula.replace(/^=/, "")), result };
    }
    case "blank":
      return null;
  }
}

/** A range's first and last rows and columns. */
function spanOf(range: string): { top: number; bottom: number; left: number; right: number } {
  const [from, to = from] = range.split(":") as [string, string?];
  const a = parseA1(from), b = parseA1(to);
  return { top: a.row, bottom: b.row, left: a.col, right: b.col };
}

/** The worksheet options of a sheet plan: frozen panes, no grid lines, A4 print set-up. */
function sheetOptions(plan: SheetPlan): Partial<ExcelJS.AddWorksheetOptions> {
  const views: Array<Partial<ExcelJS.WorksheetView>> = plan.freeze.rows || plan.freeze.columns
    ? [{ state: "frozen", xSplit: plan.freeze.columns, ySplit: plan.freeze.rows, showGridLines: false }]
    : [{ showGridLines: false }];
  return {
    views,
    pageSetup: {
      orientation: plan.print.orientation, paperSize: 9, fitToPage: plan.print.fitToWidth, fitToWidth: 1, fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
  };
}

/** What a sheet has on one row: its cells, drop-down lists and merges ending there, and its height. */
interface RowWork {
  row: number;
  cells: PlanCell[];
  height?: number;
  /** Drop-down lists: one rule object per list of the plan, shared by its cells (ExcelJS keeps one per cell). */
  validations: Array<{ address: string; rule: ExcelJS.DataValidation }>;
  /** Merges whose last row this is: made once that row has its values, before any of their rows is written. */
  merges: string[];
}

/**
 * The sheet's rows in ascending order, each with what goes on it (plain data, no closures: at 100,000 lines a closure
 * per cell held hundreds of megabytes while the file was written), made one at a time as the writer asks: the plan's
 * blocks of rows are laid out again here (planRows), so a sheet's cells are never all held.
 */
function* rowsOf(plan: SheetPlan): Generator<RowWork> {
  const heights = plan.rowHeights ?? {};
  const mergesAt = new Map<number, string[]>();
  for (const m of plan.merges) {
    const { bottom } = spanOf(m);
    mergesAt.set(bottom, [...(mergesAt.get(bottom) ?? []), m]);
  }
  const validations = plan.validations.map((v) => ({ ...spanOf(v.range), rule: listRule(v.values) }));
  const firstChart = plan.charts?.[0];
  // Rows with something on them but maybe no cells: a height, a merge's last row, a drop-down, the first chart.
  const others = [...new Set([
    ...Object.keys(heights).map(Number), ...mergesAt.keys(), ...(firstChart ? [parseA1(firstChart.topLeft).row] : []),
    ...validations.flatMap((v) => Array.from({ length: v.bottom - v.top + 1 }, (_, i) => v.top + i)),
  ])].sort((a, b) => a - b);
  const work = (row: number, cells: PlanCell[]): RowWork => ({
    row, cells, height: heights[row], merges: mergesAt.get(row) ?? [],
    validations: validations.filter((v) => v.top <= row && row <= v.bottom).flatMap((v) => Array.from({ length: v.right - v.left + 1 }, (_, i) => ({ address: `${colLetter(v.left + i)}${row}`, rule: v.rule }))),
  });
  let o = 0;
  for (const { row, cells } of planRows(plan)) {
    for (; o < others.length && (others[o] as number) < row; o++) yield work(others[o] as number, []);
    if (others[o] === row) o++;
    yield work(row, cells);
  }
  for (; o < others.length; o++) yield work(others[o] as number, []);
}

/** An in-cell drop-down list of `values`. */
function listRule(values: string[]): ExcelJS.DataValidation {
  return { type: "list", allowBlank: true, formulae: [`"${values.join(",")}"`], showErrorMessage: true, errorTitle: "Outturn", error: `Choose one of: ${values.join(", ")}` };
}

/**
 * One look per role and number format, shared by every cell that has it (ExcelJS shares style objects between
 * cells itself, e.g. across a merge), rather than new font, fill and border objects for each of a million cells.
 */
function styleCache(styles: WorkbookPlan["styles"]): (role: PlanCell["style"], numberFormat: string | undefined, locked?: boolean) => Partial<ExcelJS.Style> {
  const cache = new Map<string, Partial<ExcelJS.Style>>();
  return (role, numberFormat, locked = true) => {
    const key = `${role}\u0000${numberFormat ?? ""}\u0000${locked ? 1 : 0}`;
    let style = cache.get(key);
    if (!style) cache.set(key, style = styleOf(styles[role], numberFormat, locked));
    return style;
  };
}

/** Excel's salted hash of a sheet's password, as ExcelJS writes it in sheetProtection (SHA-512, 100,000 spins). */
interface PasswordHash { algorithmName?: string; saltValue?: string; spinCount?: number; hashValue?: string }
type ProtectedSheet = ExcelJS.Worksheet & { sheetProtection?: PasswordHash };
/** Protects one sheet of a file; made by sheetProtector once per file. */
export type SheetProtector = (ws: ExcelJS.Worksheet, plan: SheetPlan) => Promise<void>;

/**
 * Protects each sheet of one file (OOXML sheetProtection): formulas and labels locked, inputs not
 * (src/plans/protection.ts), as the add-in protects it. ExcelJS's "allow" options; `objects: true` leaves charts
 * editable (the Slides sheet). With a password, its hash (100,000 rounds of SHA-512, about 0.3 s) is worked out for
 * the first sheet and given to the others rather than again for each: every sheet of the file has the same password,
 * so a salt of their own would hide nothing more, and a ten-sheet file is written in a tenth of the time.
 */
export function sheetProtector(options: WriteOptions): SheetProtector {
  let hash: PasswordHash | undefined;
  return async (ws, plan) => {
    const allow = allowancesFor(plan.kind);
    const sheet = ws as ProtectedSheet;
    // ExcelJS hashes the password it is given: only the first sheet is given it.
    await ws.protect(hash ? "" : options.password ?? "", {
      selectLockedCells: true, selectUnlockedCells: true, formatColumns: allow.formatColumns, formatRows: allow.formatRows,
      insertRows: allow.insertRows, objects: allow.editObjects,
    });
    if (!options.password) return;
    if (hash) {
      sheet.sheetProtection = { ...sheet.sheetProtection, ...hash };
    } else {
      const { algorithmName, saltValue, spinCount, hashValue } = sheet.sheetProtection ?? {};
      hash = { algorithmName, saltValue, spinCount, hashValue };
    }
  };
}

function fillRow(ws: ExcelJS.Worksheet, plan: SheetPlan, work: RowWork, look: ReturnType<typeof styleCache>): void {
  if (work.height !== undefined) ws.getRow(work.row).height = work.height;
  for (const c of work.cells) {
    const cell = ws.getCell(c.address);
    cell.value = cellValue(c);
    const textInput = c.input && (c.content.kind === "text" || (c.content.kind === "blank" && (c.style === "inputText" || c.style === "lineName" || c.style === "section")));
    cell.style = look(c.style, c.numberFormat ?? (textInput ? "@" : undefined), isLockedCell(plan.kind, c));
  }
  const firstChart = plan.charts?.[0];
  if (firstChart && parseA1(firstChart.topLeft).row === work.row) {
    // ExcelJS cannot write charts: the file has their data, and says where the charts come from.
    const note = ws.getCell(firstChart.topLeft);
    note.value = CHARTS_NOTE;
    note.style = look("note", undefined);
  }
  for (const v of work.validations) ws.getCell(v.address).dataValidation = v.rule;
  for (const m of work.merges) ws.mergeCells(m);
}

function columnsAndFormats(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  plan.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.hidden) col.hidden = true;
  });
  let priority = 1;
  for (const cf of plan.conditionalFormats) {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: cf.rules.map((r) => ({
        type: "cellIs" as const, operator: "equal" as const, formulae: [`"${r.textEquals.replace(/"/g, '""')}"`], priority: priority++,
        style: { fill: { type: "pattern" as const, pattern: "solid" as const, bgColor: { argb: argb(r.fill) } }, font: { color: { argb: argb(r.fontColor) } } },
      })),
    });
  }
}

/** Fills an in-memory worksheet from its plan. */
function fillSheet(ws: ExcelJS.Worksheet, plan: SheetPlan, styles: WorkbookPlan["styles"]): void {
  columnsAndFormats(ws, plan);
  const look = styleCache(styles);
  for (const work of rowsOf(plan)) fillRow(ws, plan, work, look);
}

/**
 * Fills a streamed worksheet row by row, committing the rows no merge still spans (the writer then turns them into
 * XML and lets them go), and every ROWS_PER_WAIT rows waits until the zip has taken in what was written: ExcelJS's
 * sheet stream pushes into the archiver without back-pressure, so a sheet filled in one go is held whole as XML
 * (about 200 MB at 100,000 lines) before any of it is compressed.
 */
async function streamSheet(ws: ExcelJS.Worksheet, plan: SheetPlan, styles: WorkbookPlan["styles"], failed: Promise<never>): Promise<void> {
  columnsAndFormats(ws, plan);
  forgetFormulae(ws);
  const look = styleCache(styles);
  const merges = plan.merges.map(spanOf);
  let sinceWait = 0;
  for (const work of rowsOf(plan)) {
    fillRow(ws, plan, work, look);
    const open = merges.filter((m) => m.top <= work.row && m.bottom > work.row).reduce((low, m) => Math.min(low, m.top - 1), work.row);
    if (open >= 1) ws.getRow(open).commit();
    if (++sinceWait >= ROWS_PER_WAIT) {
      sinceWait = 0;
      await Promise.race([zipCaughtUp(ws), failed]);
    }
  }
}

const ROWS_PER_WAIT = 500;

/**
 * ExcelJS 4.4's cell writer keeps the model of every formula cell written in its sheet's `_formulae`, for a shared
 * formula to find its master (lib/xlsx/xform/sheet/cell-xform.js prepare; lib/stream/xlsx/worksheet-writer.js
 * _writeRow passes the sheet's map): a streamed sheet so holds all its formulas until it is done, about 1.8 million
 * cells at 100,000 lines. Outturn writes no shared formulas, so each row written gets an empty map, let go after.
 */
function forgetFormulae(ws: ExcelJS.Worksheet): void {
  Object.defineProperty(ws, "_formulae", { get: () => ({}), set: () => undefined, configurable: true });
}

/**
 * Resolves when the zip has taken in enough of the sheet's XML written so far. ExcelJS 4.4 (lib/stream/xlsx/
 * workbook-writer.js _openStream) appends each sheet's StreamBuf to archiver, which pipes it into a PassThrough of
 * readable-stream 2 (archiver-utils normalizeInputSource); StreamBuf writes into that pipe ignoring its answer
 * (lib/utils/stream-buf.js _pipe), but the PassThrough keeps count (`_writableState.needDrain`, as Node's own
 * streams): wait for its 'drain'. It drains once archiver reaches the sheet's entry, which it does, the sheets
 * before being committed.
 */
async function zipCaughtUp(ws: ExcelJS.Worksheet): Promise<void> {
  const pipe = (ws as unknown as { stream: { pipes?: Array<NodeJS.EventEmitter & { _writableState?: { needDrain?: boolean } }> } }).stream.pipes?.[0];
  if (pipe?._writableState?.needDrain) await new Promise<void>((resolve) => pipe.once("drain", () => resolve()));
  else await new Promise<void>((resolve) => setImmediate(resolve));
}

export async function renderSheet(
  wb: ExcelJS.Workbook, plan: SheetPlan, styles: WorkbookPlan["styles"], protect: SheetProtector = sheetProtector({}),
): Promise<ExcelJS.Worksheet> {
  const ws = wb.addWorksheet(xmlSafe(plan.name), sheetOptions(plan));
  fillSheet(ws, plan, styles);
  await protect(ws, plan);
  return ws;
}

/** Shown on a sheet whose plan has charts (Slides), in the first chart's place. */
export const CHARTS_NOTE = "The charts are drawn by the Outturn add-in in Excel; this file has their data.";

/** An ExcelJS workbook holding the plan's sheets. */
export async function renderWorkbook(plan: WorkbookPlan, options: WriteOptions = {}): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Outturn";
  wb.calcProperties.fullCalcOnLoad = true;
  const protect = sheetProtector(options);
  for (const sheet of plan.sheets) await renderSheet(wb, sheet, plan.styles, protect);
  return wb;
}

/** Refuses a plan with a text longer than a cell holds (each named), rather than writing a file Excel would repair. */
function checkTexts(plan: WorkbookPlan): void {
  const problems = textLimitProblems(plan);
  if (problems.length) throw new Error(`the workbook cannot hold these texts: ${problems.join("; ")}`);
}

/**
 * Writes the plan to an .xlsx file with ExcelJS's streaming writer: rows go to the file as they are finished, so
 * memory holds the plan and the shared strings, not every cell twice over (a 33,000-line period: see
 * bench/cli.bench.ts). Same sheets, styles and formulas as renderWorkbook.
 */
export async function writeWorkbookFile(plan: WorkbookPlan, path: string, options: WriteOptions = {}): Promise<void> {
  checkTexts(plan);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  wb.creator = "Outturn";
  recalculateOnLoad(wb);
  // A failed write (a full disk) ends the wait for the zip with its error, for the caller to word, not a hang.
  const streams = wb as unknown as { zip: NodeJS.EventEmitter; stream: NodeJS.EventEmitter };
  const failed = new Promise<never>((_, reject) => {
    streams.zip.once("error", reject);
    streams.stream.once("error", reject);
  });
  failed.catch(() => undefined);
  const protect = sheetProtector(options);
  for (const sheet of plan.sheets) {
    const ws = wb.addWorksheet(xmlSafe(sheet.name), sheetOptions(sheet));
    await streamSheet(ws, sheet, plan.styles, failed);
    await protect(ws, sheet);
    ws.commit();
  }
  await Promise.race([wb.commit(), failed]);
}

/**
 * The streaming writer writes an empty <calcPr/> (exceljs 4.4 lib/stream/xlsx/workbook-writer.js addWorkbook has
 * calcProperties: {}); the file must still say fullCalcOnLoad, as renderWorkbook's does, so Excel recalculates the
 * formulas on opening rather than trusting the cached results.
 */
function recalculateOnLoad(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const writer = wb as unknown as { addWorkbook(): Promise<void>; zip: { append(data: string, options: { name: string }): void } };
  const addWorkbook = writer.addWorkbook.bind(writer);
  writer.addWorkbook = () => {
    const append = writer.zip.append.bind(writer.zip);
    writer.zip.append = (data, options) => append(options.name === "/xl/workbook.xml" ? data.replace(/<calcPr\b/, '<calcPr fullCalcOnLoad="1"') : data, options);
    try {
      return addWorkbook();
    } finally {
      writer.zip.append = append;
    }
  };
}

export async function workbookBuffer(plan: WorkbookPlan, options: WriteOptions = {}): Promise<Buffer> {
  checkTexts(plan);
  return Buffer.from(await (await renderWorkbook(plan, options)).xlsx.writeBuffer());
}
