/**
 * Checks: what a treasurer should look at before the figures go to the Board. Each has an id, a severity,
 * a message in plain words and the place it concerns (area, row, column), which the sheet plans turn into a cell.
 */
import type { Decimal, MonitoredColumn, MonitoredLine, MonitoringPeriod, ReserveColumn } from "../model/types";
import { D } from "../model/amount";
import type { CapitalPosition } from "./capital";
import type { ReservesPosition, ReserveBalances } from "./reserves";
import type { RevenuePosition } from "./revenue";
import { MONITORED_COLUMNS, type TotalResult } from "./rows";
import type { SavingsPosition } from "./savings";
import { formatAmount, formatPct, formatRate, pctPlaces } from "./format";
import { SETTINGS, SETTING_KEYS, paneLabel } from "../model/settings/registry";
import { settingOf } from "../model/settings/values";

export type Severity = "error" | "warning" | "info";
export type Area = "revenue" | "capital" | "financing" | "reserves" | "savings" | "workforce" | "settings" | "workbook";

export interface Place {
  area: Area;
  /** The line or total, by its name as shown (e.g. "Total Chief Constable"). */
  row: string | null;
  /** The model's column name (e.g. "originalBudget"), when the check concerns one. */
  column: string | null;
}

export interface Check {
  id: string;
  severity: Severity;
  message: string;
  /** Where, in words a reader can follow, or a cell address once a workbook is involved (Revenue!C12). */
  where: string;
  place: Place;
}

const AREA_WORDS: Record<Area, string> = {
  revenue: "Revenue", capital: "Capital programme", financing: "Capital financing", reserves: "Usable reserves",
  savings: "Savings", workforce: "Workforce", settings: "Settings", workbook: "Workbook",
};
export const COLUMN_WORDS: Record<string, string> = {
  originalBudget: "original budget", revisedBudget: "revised budget", actualToDate: "actual to date", forecastOutturn: "forecast outturn",
  openingBalance: "opening balance", budgetedTransfer: "budgeted transfer", commitments: "commitments", actualTransfer: "actual transfer",
  forecastClosing: "forecast closing balance", planned: "planned", achieved: "achieved", slippage: "slippage",
  deliveredToDate: "delivered to date", forecastFurtherDelivery: "forecast further delivery", expectedNextYear: "expected next year",
};

export function describePlace(place: Place): string {
  return [AREA_WORDS[place.area], place.row, place.column ? COLUMN_WORDS[place.column] ?? place.column : null].filter(Boolean).join(", ");
}

function check(id: string, severity: Severity, message: string, place: Place): Check {
  return { id, severity, message, where: describePlace(place), place };
}

export interface Ctx {
  model: MonitoringPeriod;
  units: string;
}

/**
 * A computed total against a control total. The allowance for rounding: each of the n lines and the
 * control total itself may be off by half a unit of the last place shown, so up to (n + 1) / 2 units.
 */
function reconcile(ctx: Ctx, area: Area, total: { label: string; lineCount: number; decimals: number }, computed: Record<string, Decimal>, control: Record<string, Decimal | undefined> | null | undefined, source: string): Check[] {
  if (!control) return [];
  const out: Check[] = [];
  for (const [column, expected] of Object.entries(control)) {
    const actual = computed[column];
    if (!expected || !actual || actual.equals(expected)) continue;
    const diff = actual.minus(expected);
    const unit = new D(10).pow(-total.decimals);
    const allowance = unit.times(total.lineCount + 1).div(2);
    const place = { area, row: total.label, column };
    const words = `${total.label}, ${COLUMN_WORDS[column] ?? column}: the lines add up to ${formatAmount(actual, ctx.units)}, ${source} says ${formatAmount(expected, ctx.units)}`;
    if (diff.abs().lessThanOrEqualTo(allowance)) {
      out.push(check("rounding", "info", `${words}, a difference of ${formatAmount(diff.abs(), ctx.units)} from rounding the ${total.lineCount} lines; no action needed.`, place));
    } else {
      out.push(check("control-total", "error", `${words}, a difference of ${formatAmount(diff, ctx.units)}, more than rounding can explain. Check the lines against the ledger or the published table.`, place));
    }
  }
  return out;
}

const columnsOf = (t: TotalResult): Record<MonitoredColumn, Decimal> => ({
  originalBudget: t.originalBudget, revisedBudget: t.revisedBudget, actualToDate: t.actualToDate, forecastOutturn: t.forecastOutturn,
});
const reserveColumnsOf = (b: ReserveBalances): Record<ReserveColumn, Decimal> => ({
  openingBalance: b.openingBalance, budgetedTransfer: b.budgetedTransfer, commitments: b.commitments, actualTransfer: b.actualTransfer, forecastClosing: b.forecastClosing,
});

export function controlTotalChecks(ctx: Ctx, revenue: RevenuePosition, capital: CapitalPosition, reserves: ReservesPosition, savings: SavingsPosition): Check[] {
  const ct = ctx.model.controlTotals;
  if (!ct) return [];
  const source = "the control total";
  const out: Check[] = [];
  for (const g of revenue.groups) out.push(...reconcile(ctx, "revenue", g.total, columnsOf(g.total), ct.revenue?.groups[g.group.name], source));
  out.push(...reconcile(ctx, "revenue", revenue.totalNetRevenueExpenditure, columnsOf(revenue.totalNetRevenueExpenditure), ct.revenue?.totalNetRevenueExpenditure, source));
  out.push(...reconcile(ctx, "revenue", revenue.netBudget, columnsOf(revenue.netBudget), ct.revenue?.netBudget, source));
  out.push(...reconcile(ctx, "capital", capital.programme, columnsOf(capital.programme), ct.capital?.programme, source));
  out.push(...reconcile(ctx, "financing", capital.funding, columnsOf(capital.funding), ct.capital?.financing, source));
  const reserveRows: Array<{ label: string; lineCount: number; b: ReserveBalances }> = [
    ...reserves.reserves.map((r) => ({ label: r.reserve.name, lineCount: 1, b: r })),
    ...[reserves.earmarked, reserves.totalRevenue, reserves.totalUsable].map((t) => ({ label: t.label, lineCount: t.lineCount, b: t })),
  ];
  for (const row of reserveRows) {
    const control = ct.reserves?.[row.label];
    if (!control) continue;
    const computed = reserveColumnsOf(row.b);
    // A single reserve's closing balance is a sum of its own movements: a difference there is not rounding of other lines.
    if (row.lineCount === 1 && control.forecastClosing && !control.forecastClosing.equals(computed.forecastClosing)) {
      out.push(check("reserve-closing", "error",
        `${row.label}: the forecast closing balance given is ${formatAmount(control.forecastClosing, ctx.units)}, but opening ${formatAmount(row.b.openingBalance, ctx.units)} + commitments ${formatAmount(row.b.commitments, ctx.units)} + actual transfer ${formatAmount(row.b.actualTransfer, ctx.units)} = ${formatAmount(computed.forecastClosing, ctx.units)}. Correct the balance or the movements.`,
        { area: "reserves", row: row.label, column: "forecastClosing" }));
      const { forecastClosing: _, ...rest } = control;
      out.push(...reconcile(ctx, "reserves", { label: row.label, lineCount: 1, decimals: 0 }, computed, rest, source));
      continue;
    }
    out.push(...reconcile(ctx, "reserves", { label: row.label, lineCount: row.lineCount, decimals: 0 }, computed, control, source));
  }
  if (ct.savings) {
    const control = { planned: ct.savings.planned ?? undefined, achieved: ct.savings.achieved ?? undefined };
    out.push(...reconcile(ctx, "savings", { label: "Total savings", lineCount: savings.schemes.length, decimals: 0 }, { planned: savings.planned, achieved: savings.achieved }, control, source));
  }
  return out;
}

export function capitalFundingChecks(ctx: Ctx, capital: CapitalPosition): Check[] {
  const out: Check[] = [];
  for (const c of MONITORED_COLUMNS) {
    const programme = capital.programme[c], funding = capital.funding[c];
    if (programme.equals(funding)) continue;
    out.push(check("capital-funding", "error",
      `Capital funding does not equal the capital programme in the ${COLUMN_WORDS[c]} column: programme ${formatAmount(programme, ctx.units)}, funding ${formatAmount(funding, ctx.units)} (a gap of ${formatAmount(programme.minus(funding), ctx.units)}). Adjust the balancing source, usually borrowing.`,
      { area: "financing", row: "Total Capital Funding", column: c }));
  }
  return out;
}

/** The commentary check of one line or total: a variance at or above materiality needs a sentence for the Board. */
export function commentaryCheck(ctx: Ctx, area: Area, name: string, favourable: Decimal, commentary: string | null): Check[] {
  const materiality = ctx.model.settings.materiality;
  if (favourable.abs().lessThan(materiality) || (commentary && commentary.trim())) return [];
  return [check("commentary-missing", "warning",
    `${name} has ${favourable.lessThan(0) ? "an adverse" : "a favourable"} variance of ${formatAmount(favourable.abs(), ctx.units)}, at or above the materiality of ${formatAmount(materiality, ctx.units)}, and no commentary. Add a sentence explaining it for the Board.`,
    { area, row: name, column: "commentary" })];
}

export function reservesBandChecks(ctx: Ctx, reserves: ReservesPosition): Check[] {
  const gf = reserves.generalFundPolicy;
  const out: Check[] = [];
  const band = `the reserves policy band of ${formatRate(gf.minimumPct)} to ${formatRate(gf.maximumPct)} of the net budget`;
  const place = { area: "reserves" as const, row: reserves.generalFund.reserve.name, column: "forecastClosing" };
  if (gf.forecastBand === "below the minimum") {
    out.push(check("reserves-below-minimum", "warning",
      `After the forecast revenue variance the General Fund would be ${formatAmount(gf.forecastClosing, ctx.units)}, ${formatPct(gf.forecastPct, pctPlaces(ctx.model.settings))} of the net budget: below the minimum of ${formatRate(gf.minimumPct)} (${formatAmount(gf.minimumBalance, ctx.units)}) in ${band}. The Resource Control Board should agree actions to close the gap of ${formatAmount(gf.minimumBalance.minus(gf.forecastClosing), ctx.units)}.`, place));
  } else if (gf.forecastBand === "above the maximum") {
    out.push(check("reserves-above-maximum", "warning",
      `After the forecast revenue variance the General Fund would be ${formatAmount(gf.forecastClosing, ctx.units)}, ${formatPct(gf.forecastPct, pctPlaces(ctx.model.settings))} of the net budget: above the maximum of ${formatRate(gf.maximumPct)} in ${band}. Consider transferring the excess to earmarked reserves.`, place));
  }
  if (gf.budgetedBand === "below the minimum") {
    out.push(check("reserves-budget-below-minimum", "warning",
      `The General Fund is budgeted to close at ${formatAmount(gf.budgetedClosing, ctx.units)}, ${formatPct(gf.budgetedPct, pctPlaces(ctx.model.settings))} of the net budget: below the minimum of ${formatRate(gf.minimumPct)} in ${band}.`, { ...place, column: "budgetedTransfer" }));
  }
  return out;
}

function missing(area: Area, row: string, column: string): Check {
  return check("missing-input", "error", `${row} has no ${COLUMN_WORDS[column] ?? column}. Enter a figure (0 if there is none).`, { area, row, column });
}

/** Blank amounts of one revenue line (or transfer): every column is needed. */
export function revenueLineMissing(l: MonitoredLine): Check[] {
  return MONITORED_COLUMNS.filter((c) => l[c] === null).map((c) => missing("revenue", l.name, c));
}

/**
 * Blank amounts of capital lines, reserves and savings schemes where a figure is needed (revenue lines: revenueLineMissing).
 * A missing field is refused when the file is read; a blank is allowed but reported here.
 */
export function otherMissingChecks(ctx: Ctx): Check[] {
  const out: Check[] = [];
  for (const l of ctx.model.capital.lines) {
    for (const c of ["revisedBudget", "forecastOutturn"] as const) if (l[c] === null) out.push(missing("capital", l.name, c));
  }
  for (const r of ctx.model.reserves) {
    for (const c of ["openingBalance", "budgetedTransfer", "commitments", "actualTransfer"] as const) if (r[c] === null) out.push(missing("reserves", r.name, c));
  }
  for (const s of ctx.model.savings) {
    if (!s.replacement && s.planned === null) out.push(missing("savings", s.scheme, "planned"));
    for (const c of ["deliveredToDate", "forecastFurtherDelivery"] as const) if (s[c] === null) out.push(missing("savings", s.scheme, c));
  }
  return out;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
export function sortChecks(checks: Check[]): Check[] {
  return [...checks].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

const placeKey = (p: Place) => `${p.area}|${p.row ?? ""}|${p.column ?? ""}`;

/**
 * The checks found while reading a workbook, then the engine's, without the engine restating a reading problem: a cell
 * that holds text (or an error) is already an error at that cell, so the engine's "has no forecast outturn" for the
 * same figure is left out.
 */
export function withReadChecks(read: readonly Check[], engine: readonly Check[]): Check[] {
  const unreadable = new Set(read.filter((c) => c.severity === "error" && c.place.row !== null && c.place.column !== null).map((c) => placeKey(c.place)));
  return [...read, ...engine.filter((c) => !(c.id === "missing-input" && unreadable.has(placeKey(c.place))))];
}

/**
 * An amount setting larger than the whole Net Budget can never be reached: most often pounds typed into a £000 file
 * (100000 for £100k). Said once per setting, with what was probably meant.
 */
export function settingScaleChecks(ctx: Ctx, netBudget: Decimal): Check[] {
  const base = netBudget.abs();
  if (base.isZero()) return [];
  return SETTING_KEYS.filter((k) => SETTINGS[k].type === "amount").flatMap((key) => {
    const v = settingOf(ctx.model.settings, key);
    if (v === null || typeof v !== "object" || !v.greaterThan(base)) return [];
    const label = paneLabel(key, ctx.units);
    const meant = ctx.units === "£000" ? ` Did you mean ${v.div(1000).toFixed()} (£000), i.e. ${formatAmount(v, "£")}?` : "";
    return [check("setting-scale", "warning",
      `${label} is ${v.toFixed()}, larger than the whole Net Budget (${formatAmount(netBudget, ctx.units)}), so it can never be reached: amounts in the settings are in the file's units (${ctx.units}).${meant} Change it on the Settings sheet or in the pane's Settings.`,
      { area: "settings", row: label, column: null })];
  });
}
