/**
 * The rows of a ledger export as records (codes, month, amounts in pounds, debit positive), each row either read
 * whole or rejected with its row number, column and what to do. Nothing here knows the report's lines.
 */
import type { Decimal } from "../model/types";
import { ZERO } from "../model/amount";
import { parseLedgerAmount } from "./numbers";
import { type LedgerAmount, ExactSum, poundsOf, absolute, isNegative, isZero, minus, negated, plus } from "./pence";
import { type LedgerPeriod, parseLedgerPeriod, type YearContext } from "./periods";
import type { ImportProfile, ProfileColumn } from "./profile";
import { type Cell, type LedgerTable, LedgerFileError, findHeader, headerKey } from "./table";
import type { Progress } from "./steps";

export interface LedgerRecord {
  row: number;
  costCentre: string;
  account: string;
  description: string;
  /** Month of the financial year, when the file has periods. */
  month: number | null;
  /** Actual (debit positive), pence or pounds (./pence.ts); for a wide layout, by month. */
  actual: LedgerAmount | null;
  byMonth: Map<number, LedgerAmount> | null;
  budget: LedgerAmount | null;
  /** Commitments (orders raised, not yet paid), debit positive, pence or pounds (./pence.ts). */
  commitments: LedgerAmount | null;
}

export interface RejectedRow {
  file: string;
  row: number;
  /** The column's header as in the file, when the problem is in one cell. */
  column: string | null;
  /** What was wrong and what to do, in words. */
  problem: string;
}

export interface ControlTotal {
  row: number;
  actual: Decimal | null;
  budget: Decimal | null;
}

export interface ReadRecords {
  headerRow: number;
  /** Rows read whole (each given to the caller as it was read, so a large export is never held as records). */
  recordCount: number;
  /** The exact sums of the rows read whole, every period (what the file's own total adds up). */
  sums: { actual: Decimal; budget: Decimal };
  rejected: RejectedRow[];
  blankRows: number;
  control: ControlTotal | null;
  /** A wide layout's month columns: the month of the financial year of each column, by the column's index. */
  monthColumns: Map<number, number> | null;
}

const text = (c: Cell | undefined): string => (c === null || c === undefined ? "" : String(c).trim());
/** text(c) === "", without trimming a cell that starts with a printable ASCII character (nearly every one). */
function blank(c: Cell | undefined): boolean {
  if (typeof c === "string") {
    const first = c.charCodeAt(0);
    return first > 32 && first < 127 ? false : c.trim() === "";
  }
  return c === null || c === undefined;
}

/** At most this many distinct texts are remembered by `remembered` (a column of unique values cannot grow it without end). */
const MAX_REMEMBERED = 50_000;

/** `f` remembering its results for the cells it has seen: a ledger's codes and periods repeat down the file. */
function remembered<T>(f: (c: Cell | undefined) => T): (c: Cell | undefined) => T {
  const seen = new Map<Cell | undefined, T>();
  return (c) => {
    let r = seen.get(c);
    if (r === undefined && !seen.has(c)) {
      r = f(c);
      if (seen.size < MAX_REMEMBERED) seen.set(c, r);
    }
    return r as T;
  };
}

/** The profile's columns found in the header row, or a LedgerFileError saying which is missing. */
function locate(table: LedgerTable, profile: ImportProfile) {
  const wanted = Object.values(profile.columns);
  const found = findHeader(table, wanted);
  if ("problem" in found) throw new LedgerFileError(found.problem);
  const at = {} as Partial<Record<ProfileColumn, number>>;
  for (const [k, v] of Object.entries(profile.columns) as Array<[ProfileColumn, string]>) at[k] = found.columns.get(headerKey(v));
  return { index: found.index, at };
}

function monthColumnsOf(table: LedgerTable, headerIndex: number, taken: Set<number>, ctx: YearContext): Map<number, number> {
  const months = new Map<number, number>();
  const header = table.rows[headerIndex] ?? [];
  header.forEach((c, j) => {
    if (taken.has(j) || blank(c)) return;
    const p = parseLedgerPeriod(c, ctx);
    if ("month" in p) months.set(j, p.month);
  });
  return months;
}

/** How many rows are read between the steps a caller may pause at (the pane yields to the browser there). */
export const ROWS_PER_STEP = 1000;

/**
 * Reads every row below the header, giving each row read whole to `onRecord`, in steps: yields the rows read so far
 * (and the rows in all) every ROWS_PER_STEP rows, so a caller that must stay responsive (the task pane) can let the
 * browser draw between them (runSteps in ./steps.ts runs them at once).
 */
export function* readRecordSteps(table: LedgerTable, profile: ImportProfile, ctx: YearContext, onRecord: (r: LedgerRecord) => void): Generator<Progress, ReadRecords> {
  const { index: headerIndex, at } = locate(table, profile);
  const header = table.rows[headerIndex] ?? [];
  const headerWidth = header.length;
  const taken = new Set(Object.values(at).filter((v): v is number => v !== undefined));
  const monthColumns = profile.layout === "wide" ? monthColumnsOf(table, headerIndex, taken, ctx) : null;
  if (monthColumns && monthColumns.size === 0) {
    throw new LedgerFileError(`${table.file}: the header (row ${headerIndex + 1}) has no month columns; a wide layout has a column per month headed by the month (Apr-24, P01, April...)`);
  }
  const name = (j: number) => text(header[j]) || `column ${j + 1}`;
  const totalText = headerKey(profile.totalRow ?? "total");
  const codeCols = [at.costCentre, at.account].filter((v): v is number => v !== undefined);
  const out: ReadRecords = { headerRow: headerIndex + 1, recordCount: 0, sums: { actual: ZERO, budget: ZERO }, rejected: [], blankRows: 0, control: null, monthColumns };
  const sums = { actual: new ExactSum(), budget: new ExactSum() };
  const periodOf = remembered((c): LedgerPeriod => parseLedgerPeriod(c, ctx));
  const startsTotal = remembered((c) => headerKey(c ?? null).startsWith(totalText));

  for (let i = headerIndex + 1; i < table.rows.length; i++) {
    if ((i - headerIndex) % ROWS_PER_STEP === 0) yield { done: i, of: table.rows.length };
    const cells = table.rows[i] ?? [];
    const row = i + 1;
    if (cells.every(blank)) { out.blankRows++; continue; }
    const reject = (column: number | null, problem: string) => out.rejected.push({ file: table.file, row, column: column === null ? null : name(column), problem });

    // The file's own total: a row without codes whose first words are the total's (e.g. "Grand Total").
    const isTotal = codeCols.every((j) => blank(cells[j]) || startsTotal(cells[j]))
      && cells.some((c) => typeof c === "string" && startsTotal(c));
    if (isTotal) {
      if (out.control) { reject(null, `is a second total row (the first is row ${out.control.row}); Outturn checks the file against one total: delete the other`); continue; }
      const amounts = readAmounts(cells, at, profile, monthColumns);
      if ("problems" in amounts) for (const [j, p] of amounts.problems) reject(j, `the file's total ${p}`);
      else {
        const actual = amounts.actual ?? sumMonths(amounts.byMonth);
        out.control = { row, actual: actual === null ? null : poundsOf(actual), budget: amounts.budget === null ? null : poundsOf(amounts.budget) };
      }
      continue;
    }

    // Fields where the header has none: a delimiter inside an unquoted description, or a field left out. (An .xlsx
    // row is as long as its last filled cell, so only a CSV's count says anything.)
    if (table.sheet === null && cells.length !== headerWidth && !(cells.length > headerWidth && cells.slice(headerWidth).every(blank))) {
      reject(null, `has ${cells.length} fields but the header (row ${headerIndex + 1}) has ${headerWidth}: ${cells.length > headerWidth ? "a description holding the delimiter without quotes around it?" : "fields missing"}; correct the row or export the file again with text in quotes`);
      continue;
    }
    const costCentre = at.costCentre === undefined ? "" : text(cells[at.costCentre]);
    const account = at.account === undefined ? "" : text(cells[at.account]);
    if (at.costCentre !== undefined && !costCentre) { reject(at.costCentre, "is blank; every row needs its cost centre (a subtotal row? remove subtotals from the export)"); continue; }
    if (at.account !== undefined && !account) { reject(at.account, "is blank; every row needs its account (a subtotal row? remove subtotals from the export)"); continue; }
    let month: number | null = null;
    if (at.period !== undefined) {
      const p = periodOf(cells[at.period]);
      if ("problem" in p) { reject(at.period, p.problem); continue; }
      month = p.month;
    }
    const amounts = readAmounts(cells, at, profile, monthColumns);
    if ("problems" in amounts) { for (const [j, p] of amounts.problems) reject(j, p); continue; }
    out.recordCount++;
    const actual = amounts.actual ?? sumMonths(amounts.byMonth);
    if (actual !== null) sums.actual.add(actual);
    if (amounts.budget !== null) sums.budget.add(amounts.budget);
    onRecord({ row, costCentre, account, description: at.description === undefined ? "" : text(cells[at.description]), month, actual: amounts.actual, byMonth: amounts.byMonth, budget: amounts.budget, commitments: amounts.commitments });
  }
  out.sums = { actual: sums.actual.value(), budget: sums.budget.value() };
  return out;
}

function sumMonths(byMonth: Map<number, LedgerAmount> | null): LedgerAmount | null {
  if (!byMonth) return null;
  let t: LedgerAmount = 0;
  for (const v of byMonth.values()) t = plus(t, v);
  return t;
}

type Amounts = { actual: LedgerAmount | null; byMonth: Map<number, LedgerAmount> | null; budget: LedgerAmount | null; commitments: LedgerAmount | null } | { problems: Array<[number | null, string]> };

/** The row's amounts, debit positive, with the profile's sign convention applied where the text does not say. */
function readAmounts(cells: Cell[], at: Partial<Record<ProfileColumn, number>>, profile: ImportProfile, monthColumns: Map<number, number> | null): Amounts {
  const problems: Array<[number, string]> = [];
  const flip = profile.signs === "credits-positive";
  /** A cell's amount; `signed`: a plain amount, so the export's convention applies (a debit or credit column says it itself). */
  const read = (j: number, signed = true): LedgerAmount | null => {
    const n = parseLedgerAmount(cells[j]);
    if ("problem" in n) { problems.push([j, n.problem]); return null; }
    return signed && flip && !n.explicit ? negated(n.amount) : n.amount;
  };
  let actual: LedgerAmount | null = null;
  if (at.amount !== undefined) {
    const raw = parseLedgerAmount(cells[at.amount]);
    if ("problem" in raw) problems.push([at.amount, raw.problem]);
    else {
      let v = flip && !raw.explicit ? negated(raw.amount) : raw.amount;
      if (at.drCr !== undefined) {
        const ind = text(cells[at.drCr]).toUpperCase().replace(/\.$/, "");
        if (ind === "CR" || ind === "C" || ind === "CREDIT") {
          if (isNegative(raw.amount) || raw.explicit) problems.push([at.drCr, `is CR but the amount "${text(cells[at.amount])}" is already signed; an amount with a Dr/Cr column is written unsigned`]);
          v = negated(absolute(raw.amount));
        } else if (ind === "DR" || ind === "D" || ind === "DEBIT") {
          if (isNegative(raw.amount) || raw.explicit) problems.push([at.drCr, `is DR but the amount "${text(cells[at.amount])}" is already signed; an amount with a Dr/Cr column is written unsigned`]);
          v = absolute(raw.amount);
        } else if (ind !== "" || !isZero(raw.amount)) {
          problems.push([at.drCr, `is "${text(cells[at.drCr])}"; write DR for a debit or CR for a credit`]);
        }
      }
      actual = v;
    }
  } else if (at.debit !== undefined && at.credit !== undefined) {
    const d = read(at.debit, false), c = read(at.credit, false);
    if (d !== null && c !== null) actual = minus(d, c);
  }
  let byMonth: Map<number, LedgerAmount> | null = null;
  if (monthColumns) {
    byMonth = new Map();
    for (const [j, m] of monthColumns) {
      const v = read(j);
      if (v !== null) byMonth.set(m, plus(byMonth.get(m) ?? 0, v));
    }
  }
  const budget = at.budget !== undefined ? read(at.budget) : null;
  const commitments = at.commitments !== undefined ? read(at.commitments) : null;
  if (problems.length) return { problems };
  return { actual, byMonth, budget, commitments };
}
