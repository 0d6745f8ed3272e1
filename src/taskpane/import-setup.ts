/**
 * The Import view's work that is not drawing (pure, apart from fetching ExcelJS for an .xlsx): reading a chosen file
 * into a ledger table, the mapping or a profile from their files, the header row and sample rows a new profile is set
 * up from, and the preview. Loaded with the view, never at start-up.
 */
import { type Cell, type LedgerTable, LedgerFileError, csvTableSteps, findHeader } from "../ledger/table";
import type { Progress } from "../ledger/steps";
import { type ImportProfile, PRESETS, ProfileError, consistencyProblems, profileFrom } from "../ledger/profile";
import { type MappingRule, MappingError, mappingFrom, mappingFromTable } from "../ledger/mapping";
import { type ImportPreview, previewImport, previewSteps } from "../ledger/import";
import { yearStartMonth } from "../ledger/periods";
import { decodeLedgerText } from "../ledger/table";
import type { MonitoringPeriod } from "../model/types";

export { PRESETS };
export type { ImportPreview, ImportProfile, LedgerTable, MappingRule, Progress };

/** How long the pane computes before it gives the browser the thread back (well under a frame the user would notice). */
const SLICE_MS = 25;

/**
 * Runs a stepped computation (src/ledger/steps.ts), giving the browser the thread back every SLICE_MS between steps
 * (a macrotask, so input and drawing go first) and saying how far it got: a 100,000-row export keeps the pane
 * responsive, with its progress shown, where one long task would freeze it.
 */
export async function stepped<T>(steps: Generator<Progress, T>, onProgress?: (p: Progress) => void): Promise<T> {
  let since = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - since >= SLICE_MS) {
      onProgress?.(next.value);
      await new Promise((resolve) => setTimeout(resolve, 0));
      since = performance.now();
    }
  }
}

/** A file as chosen: its name and bytes. */
export interface ChosenFile {
  name: string;
  bytes: Uint8Array;
}

const extOf = (name: string) => (/\.[^.]+$/.exec(name.toLowerCase())?.[0] ?? "");

/** A file's problem in words (anything the readers refuse), or rethrows what is not the user's to correct. */
export function fileProblem(err: unknown): string {
  if (err instanceof LedgerFileError || err instanceof ProfileError || err instanceof MappingError) return err.message;
  if (err instanceof SyntaxError) return `is not valid JSON (${err.message})`;
  throw err;
}

/** A ledger export (CSV in any delimiter and encoding, or .xlsx) as a table. `sheet`: the .xlsx's sheet, when not the first. */
export async function ledgerTable(file: ChosenFile, options: { delimiter?: string | null; sheet?: string | null } = {}, onProgress?: (p: Progress) => void): Promise<LedgerTable> {
  const ext = extOf(file.name);
  if (ext === ".xls") throw new LedgerFileError(`${file.name}: is an Excel 97-2003 workbook; open it in Excel and save it as an Excel Workbook (.xlsx) or CSV`);
  if (ext === ".xlsx") {
    // In the pane, off its thread (ExcelJS parses a sheet in one long task); fetched only when an .xlsx is chosen.
    if (typeof Worker !== "undefined") {
      const { xlsxTableInWorker } = await import(/* webpackChunkName: "ledger-xlsx-start" */ "./ledger-xlsx-worker-start");
      try {
        return await xlsxTableInWorker({ bytes: file.bytes, file: file.name, sheet: options.sheet ?? null });
      } catch (e) {
        // The file's own problem is the user's; a worker the webview would not start (or that stopped) is not: then
        // the file is read here, on the pane's thread, as before.
        if (e instanceof LedgerFileError) throw e;
      }
    }
    // ExcelJS is large: fetched only when an .xlsx is chosen.
    const { ledgerXlsxTable } = await import(/* webpackChunkName: "ledger-xlsx" */ "../xlsx/ledger");
    return ledgerXlsxTable(file.bytes, file.name, options.sheet ?? null);
  }
  return stepped(csvTableSteps(file.bytes, file.name, options.delimiter ?? undefined), onProgress);
}

/** The mapping from its file: JSON ({ "rules": [...] }), or a sheet saved as CSV or .xlsx (Cost Centre, Account, Line, Flip). */
export async function mappingOfFile(file: ChosenFile): Promise<MappingRule[]> {
  if (extOf(file.name) === ".json") return mappingFrom(JSON.parse(decodeLedgerText(file.bytes).text) as unknown, file.name);
  return mappingFromTable(await ledgerTable(file));
}

/** A profile from its JSON file (as the command line's --profile). */
export function profileOfFile(file: ChosenFile): ImportProfile {
  return profileFrom(JSON.parse(decodeLedgerText(file.bytes).text) as unknown, file.name);
}

const blank = (c: Cell | undefined) => c === null || c === undefined || String(c).trim() === "";

/**
 * The row a new profile's columns are picked from (0-based): of the first 50, the one with the most cells of text
 * that are not numbers (a header), the first of equals; a report's title lines above it have one or two cells.
 */
export function headerGuess(table: LedgerTable): number {
  let best = 0, bestCount = -1;
  for (let i = 0; i < Math.min(50, table.rows.length); i++) {
    const count = (table.rows[i] ?? []).filter((c) => typeof c === "string" && c.trim() !== "" && !/^[-+(]?[£$€]?[\d,.]+\)?-?$/.test(c.trim())).length;
    if (count > bestCount) { best = i; bestCount = count; }
  }
  return best;
}

/** The header texts of a row, in order, blanks left out (the choices for each column of a profile). */
export function headerTexts(table: LedgerTable, index: number): string[] {
  return (table.rows[index] ?? []).filter((c) => !blank(c)).map((c) => String(c).trim());
}

/** The first `n` rows below the header that hold something, with their row numbers as in the file. */
export function sampleRows(table: LedgerTable, index: number, n = 5): Array<{ row: number; cells: string[] }> {
  const width = (table.rows[index] ?? []).length;
  const out: Array<{ row: number; cells: string[] }> = [];
  for (let i = index + 1; i < table.rows.length && out.length < n; i++) {
    const r = table.rows[i] ?? [];
    if (r.every(blank)) continue;
    out.push({ row: i + 1, cells: Array.from({ length: width }, (_, j) => (blank(r[j]) ? "" : String(r[j]))) });
  }
  return out;
}

/**
 * Whether a profile fits a file, in words: what its columns say together (both debit and credit...), then whether the
 * file has a header row with every column it names. Empty when it fits.
 */
export function profileFit(profile: ImportProfile, table: LedgerTable): string[] {
  const problems = consistencyProblems(profile);
  if (problems.length) return problems;
  const found = findHeader(table, Object.values(profile.columns));
  return "problem" in found ? [found.problem] : [];
}

/** The preview of importing `table` into the period read from the workbook (nothing is written). */
export function previewOf(table: LedgerTable, profile: ImportProfile, rules: readonly MappingRule[], model: MonitoringPeriod): ImportPreview {
  return previewImport({ table, profile, rules, model, yearStartMonth: yearStartMonth(model.settings) });
}

/** previewOf in steps, the browser drawing between them (the pane's Preview). */
export function previewStepped(table: LedgerTable, profile: ImportProfile, rules: readonly MappingRule[], model: MonitoringPeriod, onProgress?: (p: Progress) => void): Promise<ImportPreview> {
  return stepped(previewSteps({ table, profile, rules, model, yearStartMonth: yearStartMonth(model.settings) }), onProgress);
}

/** A chosen File's bytes. */
export async function chosen(file: File): Promise<ChosenFile> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
