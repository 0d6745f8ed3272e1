/**
 * window.outturnPreview: a small API over the in-memory preview workbook, for browser tests and demonstrations.
 * Setting cells is what a person typing into Excel would do: it raises the monitoring-changed event, so the pane
 * refreshes itself as it would in Excel.
 */
import type { MemoryWorkbook, CellInput, FailableMethod } from "../workbook/memory";
import { type InsertRequest, type InsertResult, WorkbookError, type WorkbookErrorCode } from "../workbook/gateway";

export interface OutturnPreviewApi {
  /** Inserts Outturn's sheets as the pane's Insert does (for setting up a workbook before the pane opens). */
  insertSheets(request: InsertRequest): Promise<InsertResult>;
  /** Sets one cell, as typing it would: a number, text, a formula ("=..."), or null to clear it. */
  setCell(sheet: string, address: string, value: CellInput): void;
  /** Sets many cells of a sheet at once (one change event, as a paste would). */
  setCells(sheet: string, cells: Record<string, CellInput>): void;
  /** Inserts empty rows before a row, as Excel's Insert Sheet Rows (formulas follow). */
  insertRows(sheet: string, before: number, count: number): void;
  /** Adds an empty sheet, as a person would (e.g. to paste a sheet Outturn wrote elsewhere into it). */
  addSheet(name: string): void;
  getCell(sheet: string, address: string): { value: unknown; formula: string | null } | null;
  sheetNames(): string[];
  /** Whether a sheet is protected (Review > Protect Sheet); Close period protects the Period history sheet. */
  isProtected(sheet: string): boolean;
  /** Review > Protect Sheet (without a password) or Unprotect Sheet, as a person would. */
  setProtected(sheet: string, on: boolean): void;
  /** The treasurer or the board signs off the figures, as `outturn signoff` and the pane's Review view do. */
  signOff(name: string, role: "Treasurer" | "Board"): Promise<void>;
  /** The cell last selected by the pane (Checks, Go to). */
  selection(): { sheet: string; address: string } | null;
  /** The next call of `method` fails with a WorkbookError (e.g. code "CellEditMode"), as Excel would. */
  failNext(method: FailableMethod, message: string, code?: WorkbookErrorCode): void;
  /** Every gateway call takes this long (ms), to see progress indicators. */
  setLatency(ms: number): void;
  /** How many times each gateway method has been called. */
  calls(): Partial<Record<FailableMethod, number>>;
}

declare global {
  interface Window {
    outturnPreview?: OutturnPreviewApi;
    /**
     * Set by a test before the page loads (e.g. Playwright's addInitScript): called with the API before the pane
     * opens, to start from a workbook that already has Outturn sheets.
     */
    outturnPreviewSetup?: (api: OutturnPreviewApi) => void | Promise<void>;
  }
}

export function installPreviewApi(target: Window, workbook: MemoryWorkbook): OutturnPreviewApi {
  const api: OutturnPreviewApi = {
    insertSheets: (request) => workbook.insertSheets(request),
    setCell: (sheet, address, value) => workbook.setCells(sheet, { [address]: value }),
    setCells: (sheet, cells) => workbook.setCells(sheet, cells),
    insertRows: (sheet, before, count) => workbook.insertRows(sheet, before, count),
    addSheet: (name) => workbook.addSheet(name),
    getCell: (sheet, address) => {
      const cell = workbook.previewCell(sheet, address);
      return cell ? { value: cell.value, formula: cell.formula } : null;
    },
    sheetNames: () => workbook.sheetNames(),
    isProtected: (sheet) => workbook.isProtected(sheet),
    setProtected: (sheet, on) => workbook.setProtected(sheet, on),
    signOff: async (name, role) => {
      await workbook.signOff({ name, role });
    },
    selection: () => (workbook.selection ? { ...workbook.selection } : null),
    failNext: (method, message, code: WorkbookErrorCode = "Unexpected") => workbook.failNext(method, new WorkbookError(message, code)),
    setLatency: (ms) => {
      workbook.latencyMs = ms;
    },
    calls: () => ({ ...workbook.calls }),
  };
  target.outturnPreview = api;
  return api;
}
