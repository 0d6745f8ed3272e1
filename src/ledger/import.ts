/**
 * A ledger import, start to end without writing anything: the export's records for the period, added up exactly in
 * pounds by code, mapped to the report's lines, converted to the period's units, and compared with what the period
 * holds. The preview lists every cell that would change (old → new), every rejected row, every unmapped code with
 * its total, and the checks of the file's own total; applyImport then writes exactly those cells.
 */
import Decimal from "decimal.js";
import { ZERO } from "../model/amount";
import { endMonth } from "../model/period";
import type { MonitoringPeriod } from "../model/types";
import { type ImportColumn, type LineChange, columnValue } from "./apply";
import { type MappingRule, compileMapping, mappingIndex, ruleText } from "./mapping";
import { type LedgerAmount, ExactSum } from "./pence";
import { lineTargets } from "./targets";
import type { ImportProfile } from "./profile";
import { type ControlTotal, ROWS_PER_STEP, type RejectedRow, readRecordSteps } from "./records";
import { type Progress, runSteps } from "./steps";
import { startYearOf } from "./periods";
import type { LedgerTable } from "./table";

export { CHANGE_COLUMN_WORDS, IMPORT_COLUMN_WORDS, type ImportColumn, type LineChange, applyImport } from "./apply";

export interface UnmappedCode {
  costCentre: string;
  account: string;
  description: string;
  /** The code's actual for the period, pounds. */
  total: Decimal;
  rows: number;
  firstRow: number;
}

export interface ControlCheck {
  row: number;
  what: "actual" | "budget";
  file: Decimal;
  imported: Decimal;
  /** The file's total equals the sum of its rows read. */
  agrees: boolean;
  message: string;
}

export interface ImportPreview {
  file: string;
  headerRow: number;
  /** Data rows below the header (not blank, not the total row). */
  rowsRead: number;
  /** Rows whose amounts count towards the period (after rejections and the period filter). */
  rowsUsed: number;
  /** Rows of other periods, left out as the profile says (not errors). */
  rowsOtherPeriods: number;
  rejected: RejectedRow[];
  unmapped: UnmappedCode[];
  /** Cells that would change, in the order of the report. */
  changes: LineChange[];
  /** Mapped cells whose value is already the imported one. */
  unchanged: number;
  /** Exact pound totals of the period's rows: all, mapped, unmapped. */
  totals: { all: Decimal; mapped: Decimal; unmapped: Decimal };
  controls: ControlCheck[];
  /** Notes in words (rounding, a period with no rows). */
  info: string[];
}

export interface ImportInput {
  table: LedgerTable;
  profile: ImportProfile;
  rules: readonly MappingRule[];
  model: MonitoringPeriod;
  /** The calendar month the financial year starts in (the setting; 4 for April). */
  yearStartMonth: number;
}

const pounds = (d: Decimal) => `£${d.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;

/** Places an amount in the period's units is written to: whole £000s, or pounds and pence. */
export function placesOf(units: MonitoringPeriod["units"]): number {
  return units === "£000" ? 0 : 2;
}

/** Pounds in the period's units, rounded half away from zero (as Excel's ROUND). */
export function toUnits(p: Decimal, units: MonitoringPeriod["units"]): Decimal {
  return (units === "£000" ? p.div(1000) : p).toDecimalPlaces(placesOf(units), Decimal.ROUND_HALF_UP);
}

/** A code's rows added up: exactly, in pence where they are whole pence (./pence.ts), converted to Decimal once. */
interface CodeTotal { costCentre: string; account: string; description: string; actual: ExactSum; budget: ExactSum | null; commitments: ExactSum | null; rows: number[] }

export function previewImport(input: ImportInput): ImportPreview {
  return runSteps(previewSteps(input));
}

/** previewImport in steps (the rows read so far, and in all), for a caller that yields to the browser between them. */
export function* previewSteps(input: ImportInput): Generator<Progress, ImportPreview> {
  const { table, profile, model } = input;
  const rules = compileMapping(input.rules, model);
  const ctx = { startMonth: input.yearStartMonth, startYear: startYearOf(model.financialYear) };
  const upTo = endMonth(model.period);
  const rejected: RejectedRow[] = [];
  const info: string[] = [];

  // Each row as it is read: duplicate keys (a trial balance lists each code and period once), then its actual for
  // the period and its budget, added up exactly by code.
  const seen = new Map<string, number>();
  /** By cost centre, then account (two lookups of the file's own texts, where one of a joined key would build a string a row). */
  const byCode = new Map<string, Map<string, CodeTotal>>();
  const codeTotals: CodeTotal[] = [];
  let rowsOtherPeriods = 0;
  const allSum = new ExactSum();
  const read = yield* readRecordSteps(table, profile, ctx, (r) => {
    if (profile.duplicates === "reject") {
      const key = `${r.costCentre}\u0000${r.account}\u0000${r.month ?? ""}`;
      const first = seen.get(key);
      if (first !== undefined) {
        rejected.push({ file: table.file, row: r.row, column: null, problem: `repeats the cost centre, account${r.month !== null ? " and period" : ""} of row ${first}; a trial balance lists each once: remove one, or set "duplicates": "add" in the profile if the export lists transactions` });
        return;
      }
      seen.set(key, r.row);
    }
    let actual: LedgerAmount | ExactSum | null;
    if (r.byMonth) {
      actual = new ExactSum();
      for (const [m, v] of r.byMonth) if (profile.actuals === "month" ? m <= upTo : m === upTo) actual.add(v);
    } else if (r.month === null) actual = r.actual;
    else if (profile.actuals === "month" ? r.month <= upTo : r.month === upTo) actual = r.actual;
    else actual = null;
    // A year-to-date file's budget is read from the period's rows; a monthly one's budget rows add up to the year.
    const budget = r.budget !== null && (actual !== null || profile.actuals === "month") ? r.budget : null;
    // Commitments are what is outstanding at the period's end (a balance, not a movement): the period's rows only.
    const commitments = r.commitments !== null && (r.month === null || r.month === upTo) ? r.commitments : null;
    if (actual === null && budget === null && commitments === null) { rowsOtherPeriods++; return; }
    let accounts = byCode.get(r.costCentre);
    if (!accounts) byCode.set(r.costCentre, (accounts = new Map<string, CodeTotal>()));
    let t = accounts.get(r.account);
    if (!t) {
      accounts.set(r.account, (t = { costCentre: r.costCentre, account: r.account, description: r.description, actual: new ExactSum(), budget: null, commitments: null, rows: [] }));
      codeTotals.push(t);
    }
    if (actual instanceof ExactSum) { t.actual.addSum(actual); allSum.addSum(actual); }
    else if (actual !== null) { t.actual.add(actual); allSum.add(actual); }
    if (budget !== null) (t.budget ??= new ExactSum()).add(budget);
    if (commitments !== null) (t.commitments ??= new ExactSum()).add(commitments);
    t.rows.push(r.row);
  });
  let all = allSum.value();
  rejected.push(...read.rejected);
  if (read.recordCount && codeTotals.length === 0) info.push(`No row of ${table.file} is for month ${upTo} of the financial year, the period's last month; check the export is for the period (the profile reads "${profile.actuals}" amounts)`);

  // Map each code once.
  /** By the line's path (the rules resolve lines of the same period, so a path names one line). */
  const perLine = new Map<string, { actual: Decimal; budget: Decimal | null; commitments: Decimal | null; rows: number }>();
  const unmapped: UnmappedCode[] = [];
  let mapped = ZERO, unmappedTotal = ZERO;
  let mappedCodes = 0;
  const rulesOf = mappingIndex(rules);
  for (const sums of codeTotals) {
    // A trial balance of 100,000 rows can hold as many codes: the pane draws between steps here too.
    if (++mappedCodes % ROWS_PER_STEP === 0) yield { done: mappedCodes, of: codeTotals.length, what: "codes" };
    const t = { ...sums, actual: sums.actual.value(), budget: sums.budget?.value() ?? null, commitments: sums.commitments?.value() ?? null };
    const matched = rulesOf(t.costCentre, t.account);
    const code = [t.costCentre && `cost centre ${t.costCentre}`, t.account && `account ${t.account}`].filter(Boolean).join(", ");
    if (matched.length === 0) {
      unmapped.push({ costCentre: t.costCentre, account: t.account, description: t.description, total: t.actual, rows: t.rows.length, firstRow: t.rows[0] ?? 0 });
      unmappedTotal = unmappedTotal.plus(t.actual);
      continue;
    }
    if (matched.length > 1) {
      for (const row of t.rows) rejected.push({ file: table.file, row, column: null, problem: `${code} matches ${matched.map((m) => ruleText(m.rule, m.index)).join(" and ")}; change the mapping so each code matches one rule` });
      all = all.minus(t.actual);
      continue;
    }
    const rule = matched[0]!;
    const sign = rule.rule.flip ? -1 : 1;
    const acc = perLine.get(rule.target.path) ?? { actual: ZERO, budget: null, commitments: null, rows: 0 };
    acc.actual = acc.actual.plus(t.actual.times(sign));
    if (t.budget) acc.budget = (acc.budget ?? ZERO).plus(t.budget.times(sign));
    if (t.commitments) acc.commitments = (acc.commitments ?? ZERO).plus(t.commitments.times(sign));
    acc.rows += t.rows.length;
    perLine.set(rule.target.path, acc);
    mapped = mapped.plus(t.actual);
  }

  // What would change, in the report's order.
  const changes: LineChange[] = [];
  let unchanged = 0;
  const budgetColumn: ImportColumn = profile.budget === "original" ? "originalBudget" : "revisedBudget";
  let roundedSum = ZERO, exactSum = ZERO;
  const uncommitted: string[] = [];
  for (const target of lineTargets(model)) {
    const acc = perLine.get(target.path);
    if (!acc) continue;
    const cells: Array<[ImportColumn, Decimal]> = [["actualToDate", acc.actual]];
    if (acc.budget) cells.push([budgetColumn, acc.budget]);
    // Only a revenue group's lines keep commitments (transfers, capital and financing have none): said, not dropped.
    if (acc.commitments && target.path.startsWith("revenue.groups[")) cells.push(["commitments", acc.commitments]);
    else if (acc.commitments && !acc.commitments.isZero()) uncommitted.push(`${target.label} (${pounds(acc.commitments)})`);
    for (const [column, exact] of cells) {
      const value = toUnits(exact, model.units);
      if (column === "actualToDate") { roundedSum = roundedSum.plus(value); exactSum = exactSum.plus(exact); }
      const old = columnValue(target.line, column);
      if (old !== null && old.equals(value)) { unchanged++; continue; }
      changes.push({ path: target.path, label: target.label, column, old, new: value, pounds: exact, rows: acc.rows });
    }
  }
  if (uncommitted.length) info.push(`Commitments were left out where the line keeps none (only the revenue lines do): ${uncommitted.join(", ")}`);
  const roundedTotal = toUnits(exactSum, model.units);
  if (model.units === "£000" && !roundedSum.equals(roundedTotal)) {
    info.push(`Each line is rounded to £000 from its exact sum in pounds: the lines add to ${roundedSum.toFixed()} where the exact total ${pounds(exactSum)} rounds to ${roundedTotal.toFixed()}; totals may not add due to rounding`);
  }

  const controls = controlChecks(read.control, read.sums, read.rejected.length);
  return {
    file: table.file, headerRow: read.headerRow, rowsRead: read.recordCount + read.rejected.length,
    rowsUsed: codeTotals.reduce((n, t) => n + t.rows.length, 0), rowsOtherPeriods,
    rejected: rejected.sort((a, b) => a.row - b.row), unmapped: unmapped.sort((a, b) => b.total.abs().comparedTo(a.total.abs())),
    changes, unchanged, totals: { all, mapped, unmapped: unmappedTotal }, controls, info,
  };
}


/**
 * The file's own total against the sum of its rows as read (every period, before mapping: the total is the file's,
 * not the period's). A difference is an error; where rows were rejected at reading, the total holds their amounts
 * and the import cannot, so the message says so.
 */
function controlChecks(control: ControlTotal | null, sums: { actual: Decimal; budget: Decimal }, readRejections: number): ControlCheck[] {
  if (!control) return [];
  const checks: ControlCheck[] = [];
  for (const what of ["actual", "budget"] as const) {
    const file = control[what];
    if (file === null) continue;
    const imported = sums[what];
    const agrees = file.equals(imported);
    const difference = file.minus(imported);
    const message = agrees
      ? `The file's total ${what} (row ${control.row}) is ${pounds(file)}, and its rows add to exactly that.`
      : `The file's total ${what} (row ${control.row}) is ${pounds(file)} but the rows read add to ${pounds(imported)}, ${pounds(difference.abs())} ${difference.isPositive() ? "less" : "more"}; ${readRejections ? `${readRejections} row(s) were rejected and the file's total includes them: correct them and import again` : "the export may be cut short, or hold rows Outturn does not read: export it again"}.`;
    checks.push({ row: control.row, what, file, imported, agrees, message });
  }
  return checks;
}
