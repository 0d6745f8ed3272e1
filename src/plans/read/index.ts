/**
 * Reading a workbook back: from a Grid (whatever opened the workbook) into the monitoring model, plus integrity
 * checks on the workbook itself. Pure.
 *
 * Rows are found by the markers in each sheet's hidden key column, and a row without a marker inside a section
 * (a row the user inserted) is read as a new line of that section. Then the plan Outturn would write for the model
 * read is compared with the workbook, formula cell by formula cell:
 * - a formula replaced by a typed value, deleted, or showing an error (#REF!...);
 * - a formula whose value differs from the engine's value of the model read (equal after rounding to 6 dp);
 * - a total whose SUM range no longer covers its section's lines, a line moved below its total;
 * - text in an amount cell ("12,345", "abc"), a choice that is not one of the list, a missing or renamed sheet.
 * Every check's `where` is a cell ("Revenue!F12", "'Period history'!C6"), or a sheet name for a missing sheet.
 */
import type {
  CapitalLine, ControlTotals, Decimal, MonitoredLine, MonitoringPeriod, PeriodId, PeriodSnapshot, Rag,
  Reserve, ReserveColumn, RevenueGroup, SavingsScheme, SavingsStatus, Settings, Threshold, Units, VarianceRagRule,
} from "../../model/types";
import { SAVINGS_STATUSES } from "../../model/types";
import { D, parseAmount } from "../../model/amount";
import { isPeriodId } from "../../model/period";
import { semanticProblems } from "../../model/semantics";
import { computePosition } from "../../engine/position";
import type { Area, Check, Place, Severity } from "../../engine/checks";
import { colIndex, colLetter, parseA1, sheetPrefix } from "../a1";
import { type Grid, type GridCell, type GridSheet, type GridValue, isGridError } from "../grid";
import { type SheetNames, defaultSheetNames } from "../context";
import type { SheetKind, SheetPlan } from "../types";
import { buildWorkbookPlan } from "../workbook";
import { ALL_SETTING_SPECS, type SettingSpec } from "../sheets/settings/layout";
import { AMOUNT_COLUMNS, REVENUE_COLS } from "../sheets/revenue/layout";
import { CAPITAL_COLS } from "../sheets/capital/layout";
import { RESERVES_COLS, RESERVE_COLUMNS, RESERVE_INPUTS } from "../sheets/reserves/layout";
import { SAVINGS_COLS, SAVINGS_INPUTS } from "../sheets/savings/layout";
import { HISTORY_COLS } from "../sheets/history/layout";

export interface WorkbookReadResult {
  /** Null when the workbook cannot be read into a period at all (the checks say why). */
  model: MonitoringPeriod | null;
  /** Integrity problems, errors first. */
  checks: Check[];
  /** The cell showing a model figure (as engine checks name it), e.g. "Revenue!E9"; null when not shown. */
  locate(place: Place): string | null;
}

export interface ReadOptions {
  /** Sheet names other than the kinds' own, as for buildWorkbookPlan. */
  names?: Partial<SheetNames>;
}

/** The sheets the model is read from (Summary only shows; History may be absent in old workbooks but is templated). */
const MODEL_SHEETS: SheetKind[] = ["Settings", "Revenue", "Capital", "Reserves", "Savings"];
const TEMPLATE_SHEETS: SheetKind[] = ["Summary", "Revenue", "Capital", "Reserves", "Savings", "History", "Settings"];
const KEY_COLUMN: Partial<Record<SheetKind, string>> = {
  Summary: "E", Revenue: REVENUE_COLS.key, Capital: CAPITAL_COLS.key, Reserves: RESERVES_COLS.key, Savings: SAVINGS_COLS.key, History: HISTORY_COLS.key, Settings: "D",
};
/** How each sheet's title starts, to recognise a renamed sheet. */
const TITLE_START: Partial<Record<SheetKind, string>> = {
  Summary: "Financial monitoring summary:", Revenue: "Revenue budget monitoring:", Capital: "Capital budget monitoring:",
  Reserves: "Usable reserves:", Savings: "Delivery of savings:", History: "Closed periods:", Settings: "Outturn settings",
};
const AREA: Record<string, Area> = { Revenue: "revenue", Capital: "capital", Reserves: "reserves", Savings: "savings", Settings: "settings" };

const placeKey = (p: Place) => `${p.area}|${p.row ?? ""}|${p.column ?? ""}`;

function show(v: GridValue | undefined): string {
  if (v === null || v === undefined) return "empty";
  if (isGridError(v)) return v.error;
  if (typeof v === "string") return `the text "${v}"`;
  return String(v);
}

/** A number as an exact decimal: the shortest text that round-trips (what was typed), at most 6 places. */
export function decimalOfNumber(n: number): Decimal {
  const d = new D(String(n));
  return d.decimalPlaces() > 6 ? d.toDecimalPlaces(6) : d;
}

/** What to type instead of text such as "12,345", "(5,191)" or "£1.2k": a suggestion, or null. */
function suggestNumber(text: string): string | null {
  let t = text.trim().replace(/[£,\s]/g, "");
  let negative = false;
  const bracket = /^\((.*)\)$/.exec(t);
  if (bracket) { t = bracket[1] as string; negative = true; }
  if (t.startsWith("-")) { t = t.slice(1); negative = !negative; }
  if (!/^[0-9]+(\.[0-9]+)?$/.test(t)) return null;
  return (negative ? "-" : "") + t;
}

class SheetView {
  readonly keyCol: number;
  constructor(readonly kind: SheetKind, readonly name: string, readonly sheet: GridSheet, keyColumn: string) {
    this.keyCol = colIndex(keyColumn);
  }
  cell(row: number, col: string | number): GridCell | undefined {
    return this.sheet.get(row, typeof col === "number" ? col : colIndex(col));
  }
  value(row: number, col: string | number): GridValue {
    return this.cell(row, col)?.value ?? null;
  }
  marker(row: number): string {
    const v = this.value(row, this.keyCol);
    return typeof v === "string" ? v.trim() : "";
  }
  where(row: number, col: string | number): string {
    return `${sheetPrefix(this.name)}${typeof col === "number" ? colLetter(col) : col}${row}`;
  }
  /** True when any cell of the row left of the key column holds something. */
  hasContent(row: number): boolean {
    for (let c = 1; c < this.keyCol; c++) {
      const v = this.value(row, c);
      if (v !== null && v !== "") return true;
    }
    return false;
  }
  findMarker(marker: string): number | null {
    for (let r = 1; r <= this.sheet.maxRow; r++) if (this.marker(r) === marker) return r;
    return null;
  }
}

class Reader {
  readonly checks: Check[] = [];
  /** Per sheet kind: logical row key -> row found. */
  readonly rowKeys: Partial<Record<SheetKind, Record<string, number>>> = {};
  /** Rows read as lines without a marker (inserted by the user): "Sheet|row". */
  readonly inserted = new Set<string>();
  /** Cells whose value check is superseded by a more precise check. */
  readonly skip = new Set<string>();
  fatal = false;

  add(id: string, severity: Severity, where: string, message: string, place: Partial<Place> = {}): void {
    this.checks.push({ id, severity, message, where, place: { area: place.area ?? "workbook", row: place.row ?? null, column: place.column ?? null } });
  }

  keys(kind: SheetKind): Record<string, number> {
    return (this.rowKeys[kind] ??= {});
  }

  /** Text typed in a cell; null when blank. Numbers become their text. */
  text(s: SheetView, row: number, col: string, what: string): string | null {
    const v = s.value(row, col);
    if (v === null || v === "") return null;
    if (isGridError(v)) {
      this.add("cell-error", "error", s.where(row, col), `${s.where(row, col)} (${what}) shows ${v.error}; type the text again.`, { area: AREA[s.kind] });
      return null;
    }
    const t = typeof v === "string" ? v : String(v);
    return t.trim() === "" ? null : t;
  }

  /** An amount typed in a cell; null when blank. Text, booleans and errors are checks naming the cell. */
  amount(s: SheetView, row: number, col: string, what: string, place?: Partial<Place>): Decimal | null {
    const cell = s.cell(row, col);
    const v = cell?.value ?? null;
    const where = s.where(row, col);
    if (v === null || v === "") return null;
    if (typeof v === "number") {
      if (!Number.isFinite(v)) return null;
      const d = decimalOfNumber(v);
      try {
        return parseAmount(d.toFixed());
      } catch (e) {
        this.add("bad-amount", "error", where, `${where} (${what}) is ${v}: ${(e as Error).message}.`, { area: AREA[s.kind], ...place });
        return null;
      }
    }
    if (isGridError(v)) {
      this.add(cell?.formula ? "formula-error" : "cell-error", "error", where, `${where} (${what}) shows ${v.error}${cell?.formula ? ` from its formula ${cell.formula}` : ""}; correct it or type the figure.`, { area: AREA[s.kind], ...place });
      return null;
    }
    if (typeof v === "boolean") {
      this.add("text-in-amount", "error", where, `${where} (${what}) holds ${v ? "TRUE" : "FALSE"}, not an amount. Type a number such as 1234 or -1234.`, { area: AREA[s.kind], ...place });
      return null;
    }
    const suggestion = suggestNumber(v);
    this.add("text-in-amount", "error", where,
      `${where} (${what}) holds the text "${v}", not a number, so it is not added up or read. ${suggestion !== null ? `Type ${suggestion}` : "Type a number such as 1234 or -1234"} (without commas, £ signs or brackets; Outturn's number format adds them).`,
      { area: AREA[s.kind], ...place });
    return null;
  }

  choice<T extends string>(s: SheetView, row: number, col: string, what: string, allowed: readonly T[], fallback: T | null): T | null {
    const t = this.text(s, row, col, what);
    if (t === null) return fallback;
    const found = allowed.find((a) => a.toLowerCase() === t.trim().toLowerCase());
    if (found) return found;
    this.add("bad-choice", "error", s.where(row, col), `${s.where(row, col)} (${what}) is "${t}"; choose one of ${allowed.join(", ")}.`, { area: AREA[s.kind] });
    return fallback;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Sheets.

function findSheets(grid: Grid, names: SheetNames, r: Reader): Partial<Record<SheetKind, SheetView>> {
  const views: Partial<Record<SheetKind, SheetView>> = {};
  const claimed = new Set<string>();
  for (const kind of TEMPLATE_SHEETS) {
    const sheet = grid.sheets.find((s) => s.name === names[kind]);
    if (sheet) { views[kind] = new SheetView(kind, sheet.name, sheet, KEY_COLUMN[kind] as string); claimed.add(sheet.name); }
  }
  for (const kind of TEMPLATE_SHEETS) {
    if (views[kind]) continue;
    const start = TITLE_START[kind] as string;
    const renamed = grid.sheets.find((s) => !claimed.has(s.name) && typeof s.get(1, 1)?.value === "string" && (s.get(1, 1)?.value as string).startsWith(start));
    if (renamed) {
      claimed.add(renamed.name);
      views[kind] = new SheetView(kind, renamed.name, renamed, KEY_COLUMN[kind] as string);
      r.add("sheet-renamed", "warning", `${sheetPrefix(renamed.name)}A1`,
        `The ${names[kind]} sheet has been renamed "${renamed.name}". Outturn read it, but rename it back to "${names[kind]}" so Outturn and the task pane find it.`);
    } else {
      const required = MODEL_SHEETS.includes(kind);
      r.add("sheet-missing", "error", names[kind],
        `The ${names[kind]} sheet is missing (deleted or renamed).${required ? " Outturn cannot read the period without it." : ""} Insert it again from the Outturn pane, or undo the deletion.`);
    }
  }
  for (const [kind, view] of Object.entries(views) as Array<[SheetKind, SheetView]>) {
    if (view.findMarker("header") === null) {
      r.add("sheet-layout", "error", `${sheetPrefix(view.name)}A1`,
        `The ${view.name} sheet's layout has changed so Outturn cannot find its rows: its hidden column ${colLetter(view.keyCol)} of row markers has moved or been cleared (were columns inserted or deleted?). Undo the change, or insert the sheet again.`);
      delete views[kind];
    }
  }
  return views;
}

function readSettings(s: SheetView, r: Reader): Record<string, string | Decimal | null> | null {
  const out: Record<string, string | Decimal | null> = {};
  const keys = r.keys("Settings");
  let ok = true;
  const rows = new Map<string, number>();
  for (let row = 1; row <= s.sheet.maxRow; row++) {
    const m = s.marker(row);
    if (m && !rows.has(m)) rows.set(m, row);
    if (m) keys[m] = row;
  }
  for (const spec of ALL_SETTING_SPECS) {
    const row = rows.get(`set:${spec.key}`);
    if (row === undefined) {
      r.add("setting-missing", "error", `${sheetPrefix(s.name)}A1`, `The Settings sheet has no "${spec.label}" row (deleted?). Insert the Settings sheet again.`, { area: "settings" });
      ok = false;
      continue;
    }
    out[spec.key] = readSetting(s, row, spec, r);
    if (out[spec.key] === null && !spec.optional) ok = false;
  }
  return ok ? out : null;
}

function readSetting(s: SheetView, row: number, spec: SettingSpec, r: Reader): string | Decimal | null {
  const where = s.where(row, "B");
  let v: string | Decimal | null;
  if (spec.kind === "amount") v = r.amount(s, row, "B", spec.label, { area: "settings", row: spec.label });
  else if (spec.kind === "rate") {
    const d = r.amount(s, row, "B", spec.label, { area: "settings", row: spec.label });
    v = d === null ? null : d.times(100);
  } else if (spec.kind === "choice") v = r.choice(s, row, "B", spec.label, spec.values as readonly string[], null);
  else v = r.text(s, row, "B", spec.label);
  if (v === null && !spec.optional && !r.checks.some((c) => c.where === where)) {
    r.add("setting-blank", "error", where, `${where} (${spec.label}) is blank; fill it in.`, { area: "settings", row: spec.label });
  }
  if (spec.key === "financialYear" && typeof v === "string" && !/^[0-9]{4}\/[0-9]{2}$/.test(v.trim())) {
    r.add("bad-value", "error", where, `${where} (financial year) is "${v}"; write it as 2024/25.`, { area: "settings" });
  }
  return typeof v === "string" ? v.trim() : v;
}

function settingsFrom(v: Record<string, string | Decimal | null>): Settings {
  const dec = (k: string) => v[k] as Decimal;
  const rule = (p: string): VarianceRagRule => {
    const t = (level: "amber" | "red"): Threshold => ({ amount: (v[`${p}.${level}Amount`] as Decimal | null) ?? null, pct: (v[`${p}.${level}Pct`] as Decimal | null) ?? null });
    return { amber: t("amber"), red: t("red"), combine: v[`${p}.combine`] as "lower" | "higher", favourableIsGreen: v[`${p}.favourableIsGreen`] === "Yes" };
  };
  return {
    signConvention: v.signConvention as Settings["signConvention"],
    reservesBand: { minimumPct: dec("reservesMin"), maximumPct: dec("reservesMax") },
    materiality: dec("materiality"),
    rag: {
      revenueLine: rule("revenueLine"), revenueGroup: rule("revenueGroup"), revenueTotal: rule("revenueTotal"),
      generalFund: { warningMarginPct: dec("generalFund.warningMargin") },
      capital: { overspendAmberPct: dec("capital.overspendAmber"), overspendRedPct: dec("capital.overspendRed"), slippageAmberPct: dec("capital.slippageAmber"), slippageRedPct: dec("capital.slippageRed") },
      savings: { greenPct: dec("savings.green"), amberPct: dec("savings.amber") },
    },
  };
}

function monitoredLine(s: SheetView, r: Reader, row: number, cols: { name: string; ref: string; commentary: string }, area: Area): MonitoredLine {
  let name = r.text(s, row, cols.name, "line name");
  if (name === null) {
    r.add("line-unnamed", "error", s.where(row, cols.name), `${s.where(row, cols.name)}: the line in row ${row} has figures but no name; type its name.`, { area });
    name = `(row ${row})`;
  }
  const line: MonitoredLine = { name, ref: r.text(s, row, cols.ref, "ref"), commentary: r.text(s, row, cols.commentary, "commentary"), originalBudget: null, revisedBudget: null, actualToDate: null, forecastOutturn: null };
  for (const [col, letter] of AMOUNT_COLUMNS) line[col] = r.amount(s, row, letter, `${name}, ${COLUMN_LABEL[col]}`, { area, row: name, column: col });
  return line;
}

const COLUMN_LABEL: Record<string, string> = {
  originalBudget: "original budget", revisedBudget: "revised budget", actualToDate: "actual to date", forecastOutturn: "forecast outturn",
  openingBalance: "opening balance", budgetedTransfer: "budgeted transfer", commitments: "commitments", actualTransfer: "actual transfer", forecastClosing: "forecast closing balance",
  planned: "planned", deliveredToDate: "delivered to date", forecastFurtherDelivery: "forecast further delivery", expectedNextYear: "expected next year", achieved: "achieved",
};

function columnTotals(s: SheetView, r: Reader, row: number, columns: ReadonlyArray<readonly [string, string]>, label: string): Record<string, Decimal> | null {
  const out: Record<string, Decimal> = {};
  for (const [col, letter] of columns) {
    const v = r.amount(s, row, letter, `control total ${label}, ${COLUMN_LABEL[col] ?? col}`);
    if (v !== null) out[col] = v;
  }
  return Object.keys(out).length ? out : null;
}

/** Marks a line found outside its section. */
function outside(s: SheetView, r: Reader, row: number, area: Area, hint: string): void {
  const name = s.value(row, 1);
  r.add("line-outside-section", "error", s.where(row, "A"),
    `${s.where(row, "A")}: the line${typeof name === "string" && name ? ` "${name}"` : ""} in row ${row} is outside its section (${hint}), so no total adds it. Move it back between its section's heading and total.`, { area });
}

interface RevenueRead {
  groups: RevenueGroup[];
  transfers: MonitoredLine[];
  netBudgetRef: string | null;
  netBudgetCommentary: string | null;
  control: NonNullable<ControlTotals["revenue"]>;
}

function readRevenue(s: SheetView, r: Reader): RevenueRead | null {
  const keys = r.keys("Revenue");
  const C = REVENUE_COLS;
  const groups: RevenueGroup[] = [];
  const transfers: MonitoredLine[] = [];
  let state: "top" | "group" | "between" | "transfers" | "after" | "controls" = "top";
  let netBudgetRef: string | null = null, netBudgetCommentary: string | null = null;
  const found = { tnre: false, netBudget: false };
  const control: RevenueRead["control"] = { groups: {}, totalNetRevenueExpenditure: null, netBudget: null };
  let controlGroups = 0;
  for (let row = 1; row <= s.sheet.maxRow; row++) {
    const m = s.marker(row);
    if (["title", "subtitle", "header", "units"].includes(m)) { keys[m] = row; continue; }
    const current = groups[groups.length - 1];
    if (m === "group") {
      const name = r.text(s, row, C.name, "group name") ?? `(group in row ${row})`;
      groups.push({ name, ref: null, commentary: null, lines: [] });
      keys[`group:${groups.length - 1}`] = row;
      state = "group";
    } else if (m === "total") {
      if (state !== "group" || !current) { r.add("structure", "error", s.where(row, "A"), `${s.where(row, "A")}: a group total without its group heading above it; undo the move or insert the sheet again.`, { area: "revenue" }); continue; }
      current.ref = r.text(s, row, C.ref, "ref");
      current.commentary = r.text(s, row, C.commentary, "commentary");
      keys[`total:${groups.length - 1}`] = row;
      state = "between";
    } else if (m === "tnre") { keys.tnre = row; found.tnre = true; state = "between"; }
    else if (m === "transfers") { keys.transfers = row; state = "transfers"; }
    else if (m === "netBudget") {
      keys.netBudget = row; found.netBudget = true; state = "after";
      netBudgetRef = r.text(s, row, C.ref, "ref");
      netBudgetCommentary = r.text(s, row, C.commentary, "commentary");
    } else if (m === "controls") { keys.controls = row; state = "controls"; }
    else if (m === "control-tnre" || m === "control-netBudget") {
      keys[m] = row;
      const v = columnTotals(s, r, row, AMOUNT_COLUMNS, m === "control-tnre" ? "Total Net Revenue Expenditure" : "Net Budget");
      if (m === "control-tnre") control.totalNetRevenueExpenditure = v; else control.netBudget = v;
    } else if (m === "control-group" || (state === "controls" && !m && s.hasContent(row))) {
      keys[`control-group:${controlGroups++}`] = row;
      const name = r.text(s, row, "A", "group name");
      const v = columnTotals(s, r, row, AMOUNT_COLUMNS, name ?? "group");
      if (name && v) control.groups[name] = v;
    } else if (m === "line" || (!m && s.hasContent(row))) {
      if (state === "group" && current) {
        keys[`line:${groups.length - 1}:${current.lines.length}`] = row;
        if (!m) r.inserted.add(`Revenue|${row}`);
        current.lines.push(monitoredLine(s, r, row, C, "revenue"));
      } else if (state === "transfers") {
        keys[`transfer:${transfers.length}`] = row;
        if (!m) r.inserted.add(`Revenue|${row}`);
        transfers.push(monitoredLine(s, r, row, C, "revenue"));
      } else if (m === "line") outside(s, r, row, "revenue", "below its group's total or the Net Budget");
      else if (state !== "controls") r.add("row-ignored", "warning", s.where(row, "A"), `${s.where(row, "A")}: row ${row} is outside the table's sections, so Outturn ignores it. To add a line, insert a row between a group's heading and its total.`, { area: "revenue" });
    }
  }
  if (!groups.length || !found.tnre || !found.netBudget) {
    r.add("structure", "error", `${sheetPrefix(s.name)}A1`, `The ${s.name} sheet is missing ${!groups.length ? "its groups" : !found.tnre ? "the Total Net Revenue Expenditure row" : "the Net Budget row"} (deleted?). Undo the deletion or insert the sheet again.`, { area: "revenue" });
    return null;
  }
  for (const [i, g] of groups.entries()) {
    if (!g.lines.length) r.add("structure", "error", s.where(keys[`group:${i}`] as number, "A"), `The group "${g.name}" has no lines; add at least one line between its heading and its total.`, { area: "revenue" });
  }
  return { groups, transfers, netBudgetRef, netBudgetCommentary, control };
}

interface CapitalRead {
  lines: CapitalLine[];
  financing: MonitoredLine[];
  control: NonNullable<ControlTotals["capital"]>;
}

function readCapital(s: SheetView, r: Reader): CapitalRead | null {
  const keys = r.keys("Capital");
  const C = CAPITAL_COLS;
  const lines: CapitalLine[] = [];
  const financing: MonitoredLine[] = [];
  const control: CapitalRead["control"] = { programme: null, financing: null };
  let state: "top" | "programme" | "financing" | "between" | "controls" = "top";
  let found = 0;
  for (let row = 1; row <= s.sheet.maxRow; row++) {
    const m = s.marker(row);
    if (["title", "subtitle", "header", "units", "gap", "controls"].includes(m)) { keys[m] = row; if (m === "controls") state = "controls"; continue; }
    if (m === "programme-section") { keys[m] = row; state = "programme"; }
    else if (m === "financing-section") { keys[m] = row; state = "financing"; }
    else if (m === "programme" || m === "funding") { keys[m] = row; state = "between"; found++; }
    else if (m === "control-programme") { keys[m] = row; control.programme = columnTotals(s, r, row, AMOUNT_COLUMNS, "Total Capital Programme"); }
    else if (m === "control-financing") { keys[m] = row; control.financing = columnTotals(s, r, row, AMOUNT_COLUMNS, "Total Capital Funding"); }
    else if (m === "line" || (!m && s.hasContent(row) && state !== "controls")) {
      if (state === "programme") {
        keys[`cline:${lines.length}`] = row;
        if (!m) r.inserted.add(`Capital|${row}`);
        const line = monitoredLine(s, r, row, C, "capital");
        lines.push({ ...line, slippage: r.amount(s, row, C.slippage, `${line.name}, slippage`, { area: "capital", row: line.name, column: "slippage" }) });
      } else if (state === "financing") {
        keys[`fline:${financing.length}`] = row;
        if (!m) r.inserted.add(`Capital|${row}`);
        financing.push(monitoredLine(s, r, row, C, "financing"));
      } else if (m === "line") outside(s, r, row, "capital", "below its total");
      else r.add("row-ignored", "warning", s.where(row, "A"), `${s.where(row, "A")}: row ${row} is outside the table's sections, so Outturn ignores it.`, { area: "capital" });
    }
  }
  if (found < 2) {
    r.add("structure", "error", `${sheetPrefix(s.name)}A1`, `The ${s.name} sheet is missing its Total Capital Programme or Total Capital Funding row (deleted?). Undo the deletion or insert the sheet again.`, { area: "capital" });
    return null;
  }
  return { lines, financing, control };
}

interface ReservesRead {
  reserves: Reserve[];
  control: Record<string, Partial<Record<ReserveColumn, Decimal>>>;
}

function readReserves(s: SheetView, r: Reader): ReservesRead | null {
  const keys = r.keys("Reserves");
  const C = RESERVES_COLS;
  const earmarked: Reserve[] = [], generalFund: Reserve[] = [], receipts: Reserve[] = [];
  const control: ReservesRead["control"] = {};
  let state: "top" | "earmarked" | "afterEarmarked" | "receipts" | "after" | "controls" = "top";
  let controls = 0;
  const reserve = (row: number, kind: Reserve["kind"]): Reserve => {
    let name = r.text(s, row, C.name, "reserve name");
    if (name === null) {
      r.add("line-unnamed", "error", s.where(row, C.name), `${s.where(row, C.name)}: the reserve in row ${row} has figures but no name; type its name.`, { area: "reserves" });
      name = `(row ${row})`;
    }
    const res: Reserve = { name, kind, openingBalance: null, budgetedTransfer: null, commitments: null, actualTransfer: null, commentary: r.text(s, row, C.commentary, "commentary") };
    for (const [col, letter] of RESERVE_INPUTS) res[col] = r.amount(s, row, letter, `${name}, ${COLUMN_LABEL[col]}`, { area: "reserves", row: name, column: col });
    return res;
  };
  for (let row = 1; row <= s.sheet.maxRow; row++) {
    const m = s.marker(row);
    if (["title", "subtitle", "header", "units", "policy-section", "control-note"].includes(m) || m.startsWith("policy:")) { keys[m] = row; if (m === "policy-section") state = "after"; continue; }
    if (m === "earmarked-section") { keys[m] = row; state = "earmarked"; }
    else if (m === "total-earmarked") { keys[m] = row; state = "afterEarmarked"; }
    else if (m === "generalFund") {
      if (generalFund.length) { r.add("structure", "error", s.where(row, "A"), `${s.where(row, "A")}: a second General Fund Balance row; there is one General Fund. Delete the copy.`, { area: "reserves" }); continue; }
      keys.generalFund = row;
      generalFund.push(reserve(row, "generalFund"));
    } else if (m === "total-revenue") { keys[m] = row; state = "receipts"; }
    else if (m === "total-usable") { keys[m] = row; state = "after"; }
    else if (m === "controls") { keys[m] = row; state = "controls"; }
    else if (m === "control-reserve" || (state === "controls" && !m && s.hasContent(row))) {
      keys[`control-reserve:${controls++}`] = row;
      const name = r.text(s, row, "A", "reserve name");
      const v = columnTotals(s, r, row, RESERVE_COLUMNS, name ?? "reserve");
      if (name && v) control[name] = v;
    } else if (m === "reserve" || m === "capitalReceipts" || (!m && s.hasContent(row))) {
      if (state === "earmarked" && m !== "capitalReceipts") {
        keys[`earmarked:${earmarked.length}`] = row;
        if (!m) r.inserted.add(`Reserves|${row}`);
        earmarked.push(reserve(row, "earmarked"));
      } else if (state === "receipts" && m !== "reserve") {
        keys[`capitalReceipts:${receipts.length}`] = row;
        if (!m) r.inserted.add(`Reserves|${row}`);
        receipts.push(reserve(row, "capitalReceipts"));
      } else if (m) outside(s, r, row, "reserves", m === "reserve" ? "earmarked reserves belong between their heading and Total Earmarked Reserves" : "capital receipts reserves belong between Total Revenue Reserves and Total Usable Reserves");
      else r.add("row-ignored", "warning", s.where(row, "A"), `${s.where(row, "A")}: row ${row} is outside the table's sections, so Outturn ignores it. Insert earmarked reserves above Total Earmarked Reserves.`, { area: "reserves" });
    }
  }
  if (!generalFund.length || keys["total-usable"] === undefined || keys["total-revenue"] === undefined || keys["total-earmarked"] === undefined) {
    r.add("structure", "error", `${sheetPrefix(s.name)}A1`, `The ${s.name} sheet is missing ${!generalFund.length ? "the General Fund Balance row" : "one of its total rows"} (deleted?). Undo the deletion or insert the sheet again.`, { area: "reserves" });
    return null;
  }
  return { reserves: [...earmarked, ...generalFund, ...receipts], control };
}

interface SavingsRead {
  schemes: SavingsScheme[];
  control: ControlTotals["savings"];
}

function readSavings(s: SheetView, r: Reader): SavingsRead | null {
  const keys = r.keys("Savings");
  const C = SAVINGS_COLS;
  const schemes: SavingsScheme[] = [];
  let control: ControlTotals["savings"] = null;
  let state: "top" | "schemes" | "after" = "top";
  for (let row = 1; row <= s.sheet.maxRow; row++) {
    const m = s.marker(row);
    if (["title", "subtitle", "header", "units", "achievedPct", "controls"].includes(m)) { keys[m] = row; if (m === "controls") state = "after"; continue; }
    if (m === "schemes-section") { keys[m] = row; state = "schemes"; }
    else if (m === "total-savings") { keys[m] = row; state = "after"; }
    else if (m === "control-savings") {
      keys[m] = row;
      const planned = r.amount(s, row, "C", "control total, planned savings"), achieved = r.amount(s, row, "F", "control total, achieved savings");
      control = planned === null && achieved === null ? null : { planned, achieved };
    } else if (m === "scheme" || (!m && s.hasContent(row) && state !== "after")) {
      if (state !== "schemes") { if (m) outside(s, r, row, "savings", "below the total"); else r.add("row-ignored", "warning", s.where(row, "A"), `${s.where(row, "A")}: row ${row} is outside the savings table, so Outturn ignores it.`, { area: "savings" }); continue; }
      keys[`scheme:${schemes.length}`] = row;
      if (!m) r.inserted.add(`Savings|${row}`);
      let scheme = r.text(s, row, C.scheme, "scheme");
      if (scheme === null) {
        r.add("line-unnamed", "error", s.where(row, C.scheme), `${s.where(row, C.scheme)}: the saving in row ${row} has no scheme name; type one.`, { area: "savings" });
        scheme = `(row ${row})`;
      }
      const category = r.text(s, row, C.category, "category") ?? scheme;
      const status = r.choice<SavingsStatus>(s, row, C.status, `${scheme}, status`, SAVINGS_STATUSES, null);
      if (status === null && r.text(s, row, C.status, "status") === null) {
        r.add("bad-choice", "error", s.where(row, C.status), `${s.where(row, C.status)} (${scheme}, status) is blank; choose one of ${SAVINGS_STATUSES.join(", ")}.`, { area: "savings", row: scheme, column: "status" });
      }
      const item: SavingsScheme = {
        category, scheme, status: status ?? "At risk", planned: null, deliveredToDate: null, forecastFurtherDelivery: null, expectedNextYear: null,
        replacement: r.choice(s, row, C.replacement, `${scheme}, replacement saving`, ["Yes", "No"] as const, "No") === "Yes",
        commentary: r.text(s, row, C.commentary, "commentary"),
      };
      for (const [col, letter] of SAVINGS_INPUTS) item[col] = r.amount(s, row, letter, `${scheme}, ${COLUMN_LABEL[col]}`, { area: "savings", row: scheme, column: col });
      schemes.push(item);
    }
  }
  if (keys["total-savings"] === undefined) {
    r.add("structure", "error", `${sheetPrefix(s.name)}A1`, `The ${s.name} sheet is missing its Total row (deleted?). Undo the deletion or insert the sheet again.`, { area: "savings" });
    return null;
  }
  return { schemes, control };
}

function readHistory(s: SheetView, r: Reader): PeriodSnapshot[] {
  const keys = r.keys("History");
  const C = HISTORY_COLS;
  const out: PeriodSnapshot[] = [];
  let state: "top" | "rows" | "after" = "top";
  const rag = (row: number, col: string, what: string): Rag | null => r.choice<Rag>(s, row, col, what, ["Red", "Amber", "Green"], null);
  for (let row = 1; row <= s.sheet.maxRow; row++) {
    const m = s.marker(row);
    if (["title", "subtitle", "header"].includes(m)) { keys[m] = row; continue; }
    if (m === "units") { keys[m] = row; state = "rows"; continue; }
    if (m === "note") { keys[m] = row; state = "after"; continue; }
    if (state !== "rows" || !(m === "snapshot" || (!m && s.hasContent(row)))) continue;
    keys[`snapshot:${out.length}`] = row;
    if (!m) r.inserted.add(`History|${row}`);
    const periodText = r.text(s, row, C.period, "period");
    const period = periodText?.trim().toUpperCase() ?? "";
    if (!isPeriodId(period)) {
      r.add("bad-value", "error", s.where(row, C.period), `${s.where(row, C.period)} (period) is ${periodText === null ? "blank" : `"${periodText}"`}; type Q1 to Q4 or M01 to M12. The row is ignored until then.`, { area: "workbook" });
      continue;
    }
    const amt = (col: string, what: string) => r.amount(s, row, col, `${period} ${what}`);
    const need = (v: Decimal | null, col: string, what: string): Decimal => {
      if (v === null) r.add("missing-input", "error", s.where(row, col), `${s.where(row, col)} (${period} ${what}) is blank; fill it in or clear the row's other ${what.split(":")[0]} cells.`);
      return v ?? new D(0);
    };
    const blank = (cols: string[]) => cols.every((c) => { const v = s.value(row, c); return v === null || v === ""; });
    const closedValue = s.value(row, C.closedOn);
    let closedOn: string | null = null;
    if (typeof closedValue === "number") closedOn = new Date(Math.round((closedValue - 25569) * 86400000)).toISOString().slice(0, 10);
    else closedOn = r.text(s, row, C.closedOn, "closed on");
    out.push({
      period: period as PeriodId,
      closedOn,
      revenue: { revisedBudget: need(amt(C.revenueBudget, "revenue: revised budget"), C.revenueBudget, "revenue: revised budget"), forecastOutturn: need(amt(C.revenueForecast, "revenue: forecast outturn"), C.revenueForecast, "revenue: forecast outturn"), rag: rag(row, C.revenueRag, "revenue RAG") },
      capital: blank([C.capitalBudget, C.capitalForecast, C.capitalSlippage, C.capitalRag]) ? null : {
        revisedBudget: need(amt(C.capitalBudget, "capital: revised budget"), C.capitalBudget, "capital: revised budget"),
        forecastOutturn: need(amt(C.capitalForecast, "capital: forecast outturn"), C.capitalForecast, "capital: forecast outturn"),
        slippage: amt(C.capitalSlippage, "capital: slippage"), rag: rag(row, C.capitalRag, "capital RAG"),
      },
      generalFund: blank([C.gfClosing, C.gfPct, C.gfRag]) ? null : {
        forecastClosing: need(amt(C.gfClosing, "general fund: forecast closing"), C.gfClosing, "general fund: forecast closing"),
        forecastPct: need(amt(C.gfPct, "general fund: %"), C.gfPct, "general fund: %").times(100), rag: rag(row, C.gfRag, "reserves RAG"),
      },
      savings: blank([C.savingsPlanned, C.savingsAchieved, C.savingsRag]) ? null : {
        planned: need(amt(C.savingsPlanned, "savings: planned"), C.savingsPlanned, "savings: planned"),
        achieved: need(amt(C.savingsAchieved, "savings: achieved"), C.savingsAchieved, "savings: achieved"), rag: rag(row, C.savingsRag, "savings RAG"),
      },
    });
  }
  return out;
}

function readSummaryKeys(s: SheetView, r: Reader): void {
  const keys = r.keys("Summary");
  for (let row = 1; row <= s.sheet.maxRow; row++) {
    const m = s.marker(row);
    if (m && m !== "check" && keys[m] === undefined) keys[m] = row;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Integrity of the formulas.

function numberEqual(actual: number, expected: Decimal): boolean {
  const a = decimalOfNumber(actual);
  if (a.toDecimalPlaces(6).equals(expected.toDecimalPlaces(6))) return true;
  return a.minus(expected).abs().lessThanOrEqualTo(new D("1e-9").times(D.max(1, expected.abs())));
}

function describeExpected(e: Decimal | string, fmt: string | undefined): string {
  if (typeof e === "string") return e === "" ? "nothing (blank)" : `"${e}"`;
  if (fmt && fmt.includes("%")) return `${e.times(100).toDecimalPlaces(2).toFixed()}%`;
  return e.toDecimalPlaces(6).toFixed();
}

function describeActual(v: GridValue, fmt: string | undefined): string {
  if (typeof v === "number" && fmt && fmt.includes("%")) return `${new D(String(v)).times(100).toDecimalPlaces(2).toFixed()}%`;
  if (typeof v === "number") return decimalOfNumber(v).toDecimalPlaces(6).toFixed();
  return show(v);
}

/** SUM(Xa:Xb) of a column in a formula: the rows covered, or null. */
function sumRange(formula: string, col: string): { from: number; to: number } | null {
  const re = new RegExp(`SUM\\(\\$?${col}\\$?([0-9]+):\\$?${col}\\$?([0-9]+)\\)`, "i");
  const m = re.exec(formula);
  return m ? { from: Number(m[1]), to: Number(m[2]) } : null;
}

interface Section { kind: SheetKind; header: string | null; lines: string; total: string; columns: string[]; label: string }

function sections(r: Reader): Section[] {
  const out: Section[] = [];
  const rev = r.rowKeys.Revenue ?? {};
  for (const k of Object.keys(rev)) {
    const m = /^group:([0-9]+)$/.exec(k);
    if (m) out.push({ kind: "Revenue", header: k, lines: `line:${m[1]}:`, total: `total:${m[1]}`, columns: ["B", "C", "D", "E"], label: "the group's total" });
  }
  out.push({ kind: "Revenue", header: "transfers", lines: "transfer:", total: "netBudget", columns: ["B", "C", "D", "E"], label: "the Net Budget" });
  out.push({ kind: "Capital", header: "programme-section", lines: "cline:", total: "programme", columns: ["B", "C", "D", "E", "H"], label: "Total Capital Programme" });
  out.push({ kind: "Capital", header: "financing-section", lines: "fline:", total: "funding", columns: ["B", "C", "D", "E"], label: "Total Capital Funding" });
  out.push({ kind: "Reserves", header: "earmarked-section", lines: "earmarked:", total: "total-earmarked", columns: ["B", "C", "D", "E", "F"], label: "Total Earmarked Reserves" });
  out.push({ kind: "Reserves", header: "total-revenue", lines: "capitalReceipts:", total: "total-usable", columns: ["B", "C", "D", "E", "F"], label: "Total Usable Reserves" });
  out.push({ kind: "Savings", header: "schemes-section", lines: "scheme:", total: "total-savings", columns: ["C", "D", "E", "F", "H"], label: "the savings total" });
  return out;
}

function sumRangeChecks(r: Reader, views: Partial<Record<SheetKind, SheetView>>): void {
  for (const sec of sections(r)) {
    const s = views[sec.kind];
    const keys = r.rowKeys[sec.kind];
    if (!s || !keys) continue;
    const totalRow = keys[sec.total];
    const headerRow = sec.header ? keys[sec.header] : undefined;
    if (totalRow === undefined || headerRow === undefined) continue;
    const lineRows = Object.entries(keys).filter(([k]) => k.startsWith(sec.lines)).map(([, row]) => row);
    for (const col of sec.columns) {
      const f = s.cell(totalRow, col)?.formula;
      if (!f) continue;
      const range = sumRange(f, col);
      if (!range) continue;
      const where = s.where(totalRow, col);
      const left = lineRows.filter((row) => row < range.from || row > range.to);
      if (left.length) {
        const names = left.map((row) => { const v = s.value(row, sec.kind === "Savings" ? "B" : "A"); return `row ${row}${typeof v === "string" ? ` ("${v}")` : ""}`; });
        r.add("sum-range", "error", where,
          `${where}: ${sec.label}'s SUM(${col}${range.from}:${col}${range.to}) leaves out ${names.join(", ")}, so the total is wrong. Extend it to SUM(${col}${headerRow}:${col}${totalRow - 1}) to cover every line of the section.`,
          { area: AREA[sec.kind] ?? "workbook" });
        r.skip.add(`${sec.kind}|${where}`);
      } else if (range.from < headerRow || range.to >= totalRow) {
        r.add("sum-range", "error", where,
          `${where}: ${sec.label}'s SUM(${col}${range.from}:${col}${range.to}) reaches outside its section (rows ${headerRow} to ${totalRow - 1}), so it adds rows that are not its lines. Make it SUM(${col}${headerRow}:${col}${totalRow - 1}).`,
          { area: AREA[sec.kind] ?? "workbook" });
        r.skip.add(`${sec.kind}|${where}`);
      }
    }
  }
}

const FORMULA_ERROR_GROUP = 3;

/** Plan row -> row found, per sheet name of the plan, to move a planned formula's references to where its rows are. */
type Translation = Map<string, Map<number, number>>;

function translation(r: Reader, plan: SheetPlan[]): Translation {
  const out: Translation = new Map();
  for (const sp of plan) {
    const keys = r.rowKeys[sp.kind];
    const rows = new Map<number, number>();
    if (keys) for (const [k, row] of Object.entries(sp.rowKeys)) if (keys[k] !== undefined) rows.set(row, keys[k] as number);
    out.set(sp.name, rows);
  }
  return out;
}

const REF = /((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?)([A-Z]{1,3})(\$?)([0-9]+)(?![0-9(])/g;

/** The planned formula with its row references moved to the rows found (outside string literals). */
function translate(formula: string, sp: SheetPlan, t: Translation): string {
  return formula.split(/("(?:[^"]|"")*")/).map((part, i) => (i % 2 === 1 ? part : part.replace(REF, (all, prefix: string | undefined, d1: string, col: string, d2: string, row: string) => {
    const sheet = prefix ? prefix.slice(0, -1).replace(/^'(.*)'$/, "$1").replace(/''/g, "'") : sp.name;
    const moved = t.get(sheet)?.get(Number(row));
    return moved === undefined ? all : `${prefix ?? ""}${d1}${col}${d2}${moved}`;
  }))).join("");
}

/** Formulas equal but for $ signs, spaces, case and the leading "=" (outside string literals). */
function sameFormula(a: string, b: string): boolean {
  const norm = (f: string) => f.replace(/^=/, "").split(/("(?:[^"]|"")*")/).map((part, i) => (i % 2 === 1 ? part : part.replace(/[$\s]/g, "").toUpperCase().replace(/\b(TRUE|FALSE)\(\)/g, "$1"))).join("");
  return norm(a) === norm(b);
}

function formulaChecks(r: Reader, views: Partial<Record<SheetKind, SheetView>>, plan: SheetPlan[]): void {
  const moved = translation(r, plan);
  for (const sp of plan) {
    const s = views[sp.kind];
    const keys = r.rowKeys[sp.kind];
    if (!s || !keys) continue;
    const keyOfRow = new Map<number, string>(Object.entries(sp.rowKeys).map(([k, row]) => [row, k]));
    const errorCells: Array<{ where: string; error: string; formula: string }> = [];
    for (const c of sp.cells) {
      if (c.content.kind !== "formula") continue;
      const at = parseA1(c.address);
      const key = keyOfRow.get(at.row);
      const row = key === undefined ? undefined : keys[key];
      if (row === undefined) continue;
      const cell = s.cell(row, at.col);
      const where = s.where(row, at.col);
      if (r.skip.has(`${sp.kind}|${where}`)) continue;
      const expected = c.content.expected;
      const area = AREA[sp.kind] ?? "workbook";
      const place = c.place ?? { area, row: null, column: null };
      const v: GridValue = cell?.value ?? null;
      const shouldBe = c.content.formula;
      if (!cell?.formula) {
        if (v === null || v === "") {
          if (typeof expected === "string" && expected === "") continue;
          const inserted = r.inserted.has(`${sp.kind}|${row}`);
          r.add("formula-missing", inserted ? "warning" : "error", where, inserted
            ? `${where}: the line you inserted in row ${row} has no formula here (it should be ${shouldBe}). Copy the formulas across from the line above so its ${headerOf(sp, at.col)} is worked out.`
            : `${where}: the formula (${shouldBe}) has been deleted, so this ${headerOf(sp, at.col)} no longer updates. Put the formula back (copy it from the row above, or undo).`, place);
        } else {
          r.add("formula-overwritten", "error", where,
            `${where}: the formula (${shouldBe}) has been overwritten with ${show(v)}, so it no longer updates when the figures change${typeof expected !== "string" ? `; the figures give ${describeExpected(expected, c.numberFormat)}` : ""}. Put the formula back (undo, or copy it from the row above).`, place);
        }
        continue;
      }
      if (isGridError(v)) { errorCells.push({ where, error: v.error, formula: cell.formula }); continue; }
      const ok = typeof expected === "string"
        ? (v === null ? "" : typeof v === "string" ? v : String(v)) === expected
        : typeof v === "number" && numberEqual(v, expected);
      if (!ok && sameFormula(cell.formula, translate(shouldBe, sp, moved))) continue; // an upstream cell is wrong (reported there)
      if (!ok) {
        r.add("formula-changed", "error", where,
          `${where} shows ${describeActual(v, c.numberFormat)}, but the figures give ${describeExpected(expected, c.numberFormat)}: its formula ${cell.formula} has been changed or refers to the wrong cells (Outturn's is ${shouldBe}). Put Outturn's formula back.`, place);
      }
    }
    if (errorCells.length > FORMULA_ERROR_GROUP) {
      const first = errorCells[0] as { where: string; error: string; formula: string };
      const kinds = [...new Set(errorCells.map((e) => e.error))].join(", ");
      r.add("formula-error", "error", first.where,
        `${errorCells.length} formulas on the ${s.name} sheet show errors (${kinds}), the first ${first.where} (${first.formula}). ${kinds.includes("#REF!") ? "A sheet, row or column they refer to has been deleted: undo the deletion, or insert the Outturn sheets again." : "Check the cells they refer to."}`,
        { area: AREA[sp.kind] ?? "workbook" });
    } else {
      for (const e of errorCells) {
        r.add("formula-error", "error", e.where,
          `${e.where} shows ${e.error} from its formula ${e.formula}. ${e.error === "#REF!" ? "A sheet, row or column it refers to has been deleted: undo the deletion, or put Outturn's formula back." : "Check the cells it refers to."}`,
          { area: AREA[sp.kind] ?? "workbook" });
      }
    }
  }
}

function headerOf(sp: SheetPlan, col: number): string {
  const letter = colLetter(col);
  const h = sp.cells.find((c) => c.address === `${letter}4` && (c.style === "header"));
  if (h?.content.kind === "text") return h.content.text.toLowerCase();
  if (h?.content.kind === "formula" && typeof h.content.expected === "string") return h.content.expected.toLowerCase();
  return "figure";
}

// ---------------------------------------------------------------------------------------------------------------

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function readWorkbook(grid: Grid, options: ReadOptions = {}): WorkbookReadResult {
  const names = defaultSheetNames(options.names);
  const r = new Reader();
  const views = findSheets(grid, names, r);
  const settingsValues = views.Settings ? readSettings(views.Settings, r) : null;
  const revenue = views.Revenue ? readRevenue(views.Revenue, r) : null;
  const capital = views.Capital ? readCapital(views.Capital, r) : null;
  const reserves = views.Reserves ? readReserves(views.Reserves, r) : null;
  const savings = views.Savings ? readSavings(views.Savings, r) : null;
  const history = views.History ? readHistory(views.History, r) : [];
  if (views.Summary) readSummaryKeys(views.Summary, r);

  let model: MonitoringPeriod | null = null;
  const located = new Map<string, string>();
  if (settingsValues && revenue && capital && reserves && savings) {
    const v = settingsValues;
    const source = (v.controlSource as string | null) ?? null;
    const anyControl = Object.keys(revenue.control.groups).length || revenue.control.totalNetRevenueExpenditure || revenue.control.netBudget ||
      capital.control.programme || capital.control.financing || Object.keys(reserves.control).length || savings.control;
    const controlTotals: ControlTotals | null = anyControl || source ? {
      source,
      revenue: revenue.control,
      capital: capital.control,
      reserves: reserves.control,
      savings: savings.control,
    } : null;
    model = {
      schemaVersion: 1,
      organisation: v.organisation as string,
      financialYear: v.financialYear as string,
      period: (v.period as string).toUpperCase() as PeriodId,
      units: v.units as Units,
      settings: settingsFrom(v),
      revenue: { groups: revenue.groups, transfers: revenue.transfers, netBudgetRef: revenue.netBudgetRef, netBudgetCommentary: revenue.netBudgetCommentary },
      capital: { lines: capital.lines, financing: capital.financing },
      reserves: reserves.reserves,
      savings: savings.schemes,
      history,
      controlTotals,
    };
    for (const p of semanticProblems(model)) {
      const fatal = p.field === "reserves";
      r.add("model", "error", p.field.startsWith("settings") ? `${sheetPrefix(names.Settings)}B5` : p.field === "revenue" ? `${sheetPrefix(names.Revenue)}C5` : p.field.startsWith("history") ? `${sheetPrefix(names.History)}A6` : `${sheetPrefix(names.Reserves)}A5`,
        `${p.message}.`, { area: p.field.startsWith("settings") ? "settings" : p.field === "revenue" ? "revenue" : "workbook" });
      if (fatal) model = null;
    }
    if (model && revenue.groups.some((g) => g.lines.length === 0)) model = null;
  }
  if (model) {
    const position = computePosition(model);
    const plan = buildWorkbookPlan(model, { names, position });
    sumRangeChecks(r, views);
    formulaChecks(r, views, plan.sheets);
    for (const sp of plan.sheets) {
      const keys = r.rowKeys[sp.kind];
      const s = views[sp.kind];
      if (!keys || !s) continue;
      const keyOfRow = new Map<number, string>(Object.entries(sp.rowKeys).map(([k, row]) => [row, k]));
      for (const c of sp.cells) {
        if (!c.place) continue;
        const at = parseA1(c.address);
        const key = keyOfRow.get(at.row);
        const row = key === undefined ? undefined : keys[key];
        const k = placeKey(c.place);
        if (row !== undefined && !located.has(k)) located.set(k, s.where(row, at.col));
      }
    }
  }
  const checks = [...r.checks].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return { model, checks, locate: (place) => located.get(placeKey(place)) ?? null };
}
