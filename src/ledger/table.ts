/**
 * A ledger export as a table of cells with the row numbers a person sees when they open the file (in Excel or a
 * text editor), whatever it was: CSV in any delimiter and encoding, or a sheet of an .xlsx (src/xlsx reads those
 * into the same table). The header row is found even below a report's title lines.
 */
import Papa from "papaparse";
import { decodeWindows1252 } from "./windows-1252";
import { type Progress, runSteps } from "./steps";

export type Cell = string | number | boolean | null;

export interface LedgerTable {
  /** The file's name, for messages. */
  file: string;
  /** The sheet, for an .xlsx. */
  sheet: string | null;
  /** rows[i] is row i + 1 of the file (a CSV's records; a sheet's rows, blank ones included). */
  rows: Cell[][];
  /** How the text was read: "UTF-8", "UTF-8 with a byte order mark", "Windows-1252", "UTF-16". */
  encoding: string | null;
  /** The CSV's delimiter as found (or as the profile said). */
  delimiter: string | null;
}

/** A table that cannot be read at all (not a problem of one row); the message names the file and what to do. */
export class LedgerFileError extends Error {}

/**
 * The text of a CSV export. UTF-8 with or without the byte order mark Excel's "CSV UTF-8" adds; UTF-16 as Excel's
 * "Unicode Text"; anything that is not valid UTF-8 as Windows-1252 ("ANSI", what Excel's plain "CSV" and older
 * ledgers write, where £ is the single byte 0xA3), decoded by ./windows-1252.ts (iconv-lite in Node, the browser's own
 * TextDecoder in the pane).
 */
export function decodeLedgerText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes), encoding: "UTF-8 with a byte order mark" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "UTF-16" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "UTF-16" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "Windows-1252" };
  }
}

const DELIMITERS = [",", ";", "\t", "|"];

/**
 * The delimiter of a CSV: the one that splits the most lines into the same number (two or more) of fields. Title
 * lines above the header have one field whatever the delimiter, so they do not vote; Papa Parse's own guess looks
 * only at the first lines, which are often those titles.
 */
function guessDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/, 60).filter((l) => l.trim() !== "");
  let best = ",", bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = new Map<number, number>();
    for (const l of lines) {
      const n = Papa.parse<string[]>(l, { delimiter: d }).data[0]?.length ?? 0;
      if (n >= 2) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    const score = Math.max(0, ...counts.values());
    if (score > bestScore) { best = d; bestScore = score; }
  }
  return best;
}

/** A CSV export's bytes as a table. `delimiter` when the profile gives one; otherwise found. */
export function csvTable(bytes: Uint8Array, file: string, delimiter?: string): LedgerTable {
  return runSteps(csvTableSteps(bytes, file, delimiter));
}

/** About how much text is parsed between the steps a caller may pause at (a few thousand rows of a ledger export). */
const CHARS_PER_STEP = 256 * 1024;

/**
 * csvTable in steps: the text is parsed a piece at a time, each piece ending at a line break outside quotes (an even
 * number of quote marks before it, as CSV doubles a quote inside a quoted field), so the rows are those of parsing the
 * whole text at once; between pieces it yields the characters parsed so far and in all, for the task pane to let the
 * browser draw.
 */
export function* csvTableSteps(bytes: Uint8Array, file: string, delimiter?: string): Generator<Progress, LedgerTable> {
  const { text: raw, encoding } = decodeLedgerText(bytes);
  if (raw.trim() === "") throw new LedgerFileError(`${file}: is empty; export the ledger again`);
  const text = raw.replace(/^\uFEFF/, "");
  const used = delimiter ?? guessDelimiter(text);
  // The line ending Papa Parse finds in the file's first megabyte, found once as parsing the whole text would, rather
  // than again in every piece (a tenth of the parse of a large export).
  const newline = Papa.parse<string[]>(text.slice(0, 1024 * 1024), { delimiter: used, preview: 1 }).meta.linebreak as "\n" | "\r" | "\r\n";
  const rows: string[][] = [];
  const same = new Interned();
  let start = 0;
  while (start < text.length) {
    const end = pieceEnd(text, start);
    // Papa Parse: quoted fields (with the delimiter, quotes doubled, line breaks inside), any line ending.
    const parsed = Papa.parse<string[]>(text.slice(start, end), { delimiter: used, newline, skipEmptyLines: false }).data;
    // A piece (or the file) ending in a line break gives one last empty record, which is no row of the file.
    if (parsed.length && parsed[parsed.length - 1]!.length === 1 && parsed[parsed.length - 1]![0] === "") parsed.pop();
    for (const r of parsed) {
      // A copy of the row's own length: the parser's rows grow by push and keep room for 17 fields, which for a
      // 500,000-row export of 5 columns was 50 MB of empty slots.
      const row = new Array<string>(r.length);
      for (let j = 0; j < r.length; j++) row[j] = same.of(j, r[j]!);
      rows.push(row);
    }
    start = end;
    if (start < text.length) yield { done: start, of: text.length };
  }
  return { file, sheet: null, rows, encoding, delimiter: used };
}

/**
 * One copy of each short text that repeats down an export (its cost centres, accounts, periods, the blanks of an unused
 * debit or credit), where the parser gives each row its own: about a third less memory for a large export's rows. At
 * most MAX_INTERNED texts are kept, so a column of unique values (journal descriptions) cannot make it grow without end;
 * and a column whose first SAMPLE texts mostly differ (descriptions, amounts) is no longer looked up at all, as it
 * saves nothing and the look-ups were a third of the parse.
 */
class Interned {
  private static readonly MAX_INTERNED = 20_000;
  private static readonly SAMPLE = 2000;
  private readonly seen = new Map<string, string>();
  /** By column: texts looked up, and found already kept. */
  private readonly tries: number[] = [];
  private readonly hits: number[] = [];
  of(column: number, text: string): string {
    if (text.length > 16) return text;
    const tries = (this.tries[column] ?? 0) + 1;
    const hits = this.hits[column] ?? 0;
    if (tries > Interned.SAMPLE && hits * 2 < Interned.SAMPLE) return text;
    if (tries <= Interned.SAMPLE) this.tries[column] = tries;
    const kept = this.seen.get(text);
    if (kept !== undefined) {
      if (tries <= Interned.SAMPLE) this.hits[column] = hits + 1;
      return kept;
    }
    if (this.seen.size < Interned.MAX_INTERNED) this.seen.set(text, text);
    return text;
  }
}

/** Where the piece of `text` from `start` ends: just after the first line feed past CHARS_PER_STEP with no quoted field open. */
function pieceEnd(text: string, start: number): number {
  let quotes = 0, at = start;
  let end = Math.min(text.length, start + CHARS_PER_STEP);
  for (;;) {
    for (let q = text.indexOf('"', at); q !== -1 && q < end; q = text.indexOf('"', q + 1)) quotes++;
    at = end;
    if (end >= text.length) return text.length;
    const lf = text.indexOf("\n", end);
    if (lf === -1) return text.length;
    for (let q = text.indexOf('"', at); q !== -1 && q < lf + 1; q = text.indexOf('"', q + 1)) quotes++;
    at = end = lf + 1;
    if (quotes % 2 === 0) return end;
    end = Math.min(text.length, end + 4096);
  }
}

/** Header text compared as a reader would: case, spaces and punctuation around the words do not matter. */
export function headerKey(text: Cell): string {
  return String(text ?? "").toLowerCase().replace(/[^a-z0-9£%]+/g, " ").trim();
}

export type HeaderFound = { index: number; columns: Map<string, number> } | { problem: string };

/**
 * The header row: the first of the first 50 rows holding every wanted column name. When none does, the message
 * names the row that came closest and what it lacks, so a typo in the profile shows.
 */
export function findHeader(table: LedgerTable, wanted: readonly string[], scan = 50): HeaderFound {
  let closest: { index: number; missing: string[] } | null = null;
  const limit = Math.min(scan, table.rows.length);
  for (let i = 0; i < limit; i++) {
    const row = table.rows[i] ?? [];
    const columns = new Map<string, number>();
    row.forEach((c, j) => {
      const k = headerKey(c);
      if (k && !columns.has(k)) columns.set(k, j);
    });
    const missing = wanted.filter((w) => !columns.has(headerKey(w)));
    if (missing.length === 0) return { index: i, columns };
    if (missing.length < wanted.length && (!closest || missing.length < closest.missing.length)) closest = { index: i, missing };
  }
  const where = `${table.file}${table.sheet ? ` (sheet "${table.sheet}")` : ""}`;
  if (closest) {
    const row = (table.rows[closest.index] ?? []).filter((c) => c !== null && c !== "").map((c) => `"${String(c)}"`).join(", ");
    return { problem: `${where}: row ${closest.index + 1} looks like the header but has no column ${closest.missing.map((m) => `"${m}"`).join(", ")} (it has ${row}); correct the column names in the profile to the file's` };
  }
  return { problem: `${where}: no row in the first ${limit} holds the columns the profile names (${wanted.map((w) => `"${w}"`).join(", ")}); check the profile is the one for this export, and that the file is the ledger export` };
}

/** A sheet as any reader gives it (src/plans/grid.ts's GridSheet fits): 1-based cells, errors as { error: "#REF!" }. */
export interface SheetCells {
  name: string;
  maxRow: number;
  maxCol: number;
  get(row: number, col: number): { value: unknown } | undefined;
}

/** A sheet of an .xlsx export (or of the open workbook) as a ledger table; an error value is kept as its text (#REF!), which no amount or period reads. */
export function sheetTable(sheet: SheetCells, file: string): LedgerTable {
  const rows: Cell[][] = [];
  for (let r = 1; r <= sheet.maxRow; r++) {
    const row: Cell[] = [];
    for (let c = 1; c <= sheet.maxCol; c++) {
      const v = sheet.get(r, c)?.value;
      row.push(v === undefined || v === null ? null : typeof v === "object" ? String((v as { error?: string }).error ?? JSON.stringify(v)) : (v as Cell));
    }
    while (row.length && (row[row.length - 1] === null || row[row.length - 1] === "")) row.pop();
    rows.push(row);
  }
  return { file, sheet: sheet.name, rows, encoding: null, delimiter: null };
}
