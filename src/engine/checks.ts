/**
 * Checks: what a treasurer should look at before the figures go to the Board. Each has an id, a severity,
 * a message in plain words and the place it concerns (area, row, column), which the sheet plans turn into a cell.
 */
import type { Decimal, MonitoredColumn, MonitoredLine, MonitoringPeriod, ReserveColumn, RevenueLine, Settings } from "../model/types";
import { D } from "../model/amount";
import type { CapitalPosition } from "./capital";
import { type ReservesPosition, type ReserveBalances, closingEntered, enteredGeneralFund } from "./reserves";
import type { RevenuePosition } from "./revenue";
import { MONITORED_COLUMNS, type LineResult, type TotalResult, decimalsOf } from "./rows";
import type { SavingsPosition } from "./savings";
import { varianceWords } from "./convention";
import { money, formatPct, formatRate, pctPlaces } from "./format";
import { CAPITAL_OWN_INPUTS, DEFAULT_BOARD, OPTIONAL_INPUTS, SETTINGS, SETTING_KEYS, capitalInputKey, paneLabel, type CapitalOwnInput, type OptionalInput, type SettingKey } from "../model/settings/registry";
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
  forecastClosing: "forecast closing balance", planned: "planned", achieved: "achieved", slippage: "slippage", variance: "variance", variancePct: "variance %",
  deliveredToDate: "delivered to date", forecastFurtherDelivery: "forecast further delivery", expectedNextYear: "expected next year",
};

export function describePlace(place: Place): string {
  return [AREA_WORDS[place.area], place.row, place.column ? COLUMN_WORDS[place.column] ?? place.column : null].filter(Boolean).join(", ");
}

export function check(id: string, severity: Severity, message: string, place: Place): Check {
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
    if (column === "variancePct") {
      out.push(...reconcilePct(ctx, area, total.label, computed.variancePct ?? null, expected, source));
      continue;
    }
    // A column the body does not keep has no lines to add up: its control total is not reconciled.
    if ((MONITORED_COLUMNS as readonly string[]).includes(column) && !keepsColumn(ctx.model.settings, column as MonitoredColumn, area)) continue;
    const actual = computed[column];
    if (!expected || !actual || actual.equals(expected)) continue;
    const diff = actual.minus(expected);
    const unit = new D(10).pow(-total.decimals);
    const allowance = unit.times(total.lineCount + 1).div(2);
    const place = { area, row: total.label, column };
    const words = `${total.label}, ${COLUMN_WORDS[column] ?? column}: the ${column === "variance" ? "figures give" : "lines add up to"} ${money(actual, ctx.units)}, ${source} says ${money(expected, ctx.units)}`;
    if (diff.abs().lessThanOrEqualTo(allowance)) {
      out.push(check("rounding", "info", `${words}, a difference of ${money(diff.abs(), ctx.units)} from rounding the ${total.lineCount} lines; no action needed.`, place));
    } else {
      out.push(check("control-total", "error", `${words}, a difference of ${money(diff, ctx.units)}, more than rounding can explain. Check the lines against the ledger or the published table.`, place));
    }
  }
  return out;
}

/**
 * A published variance % against the exact one. The body rounds its % once to the places it shows (at least
 * pctDecimals, or as many as the published figure has): the same figure is no check, one unit of the last place off is
 * rounding (info), more is an error.
 */
function reconcilePct(ctx: Ctx, area: Area, label: string, exact: Decimal | null, published: Decimal | undefined, source: string): Check[] {
  if (!published) return [];
  const place = { area, row: label, column: "variancePct" };
  if (exact === null) {
    return [check("control-total", "error", `${label}, variance %: ${source} says ${published.toFixed()}%, but the revised budget is zero, so there is no %. Check the budget or the published table.`, place)];
  }
  const places = Math.max(pctPlaces(ctx.model.settings), published.decimalPlaces());
  const shown = exact.toDecimalPlaces(places, D.ROUND_HALF_UP);
  if (shown.equals(published)) return [];
  const words = `${label}, variance %: the figures give ${formatPct(exact, places)}, ${source} says ${published.toFixed()}%`;
  const unit = new D(10).pow(-places);
  if (shown.minus(published).abs().lessThanOrEqualTo(unit)) {
    return [check("rounding", "info", `${words}, one unit of the last place apart: rounding; no action needed.`, place)];
  }
  return [check("control-total", "error", `${words}, more than rounding can explain. Check the lines against the published table.`, place)];
}

const columnsOf = (t: TotalResult | LineResult): Record<string, Decimal> => ({
  ...("label" in t ? { originalBudget: t.originalBudget, revisedBudget: t.revisedBudget, actualToDate: t.actualToDate, forecastOutturn: t.forecastOutturn } : {}),
  variance: t.variance,
  ...(t.variancePct === null ? {} : { variancePct: t.variancePct }),
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
  // Lines: their published variance and %, one line's rounding (a unit) allowed.
  const lineControls = (area: Area, lines: readonly LineResult[], control: Record<string, Record<string, Decimal | undefined>> | undefined) => {
    for (const l of lines) {
      const given = control?.[l.line.name];
      if (given) out.push(...reconcile(ctx, area, { label: l.line.name, lineCount: 1, decimals: decimalsOf([l.line]) }, columnsOf(l), given, source));
    }
  };
  lineControls("revenue", [...revenue.groups.flatMap((g) => g.lines), ...revenue.transfers], ct.revenue?.lines);
  lineControls("capital", capital.lines, ct.capital?.lines);
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
        `${row.label}: the forecast closing balance given is ${money(control.forecastClosing, ctx.units)}, but opening ${money(row.b.openingBalance, ctx.units)} + commitments ${money(row.b.commitments, ctx.units)} + actual transfer ${money(row.b.actualTransfer, ctx.units)} = ${money(computed.forecastClosing, ctx.units)}. Correct the balance or the movements.`,
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

/** A reserve given both its closing balance and its movements: they must agree (the movements are derived only when blank). */
export function reserveClosingChecks(ctx: Ctx, reserves: ReservesPosition): Check[] {
  return reserves.reserves.flatMap((r) => {
    const given = r.reserve.forecastClosing;
    if (given == null || closingEntered(r.reserve) || given.equals(r.forecastClosing)) return [];
    return [check("reserve-closing", "error",
      `${r.reserve.name}: the forecast closing balance entered is ${money(given, ctx.units)}, but opening ${money(r.openingBalance, ctx.units)} + commitments ${money(r.commitments, ctx.units)} + actual transfer ${money(r.actualTransfer, ctx.units)} = ${money(r.forecastClosing, ctx.units)}. Correct the balance or the movements (or leave the movements blank to derive them).`,
      { area: "reserves", row: r.reserve.name, column: "forecastClosing" })];
  });
}

export function capitalFundingChecks(ctx: Ctx, capital: CapitalPosition): Check[] {
  // A body that does not keep its capital financing (Settings: inputs.capitalFinancing) has no funding to compare.
  if (!keepsColumn(ctx.model.settings, "capitalFinancing")) return [];
  const out: Check[] = [];
  for (const c of MONITORED_COLUMNS) {
    const programme = capital.programme[c], funding = capital.funding[c];
    if (programme.equals(funding)) continue;
    out.push(check("capital-funding", "error",
      `Capital funding does not equal the capital programme in the ${COLUMN_WORDS[c]} column: programme ${money(programme, ctx.units)}, funding ${money(funding, ctx.units)} (a gap of ${money(programme.minus(funding), ctx.units)}). Adjust the balancing source, usually borrowing.`,
      { area: "financing", row: "Total Capital Funding", column: c }));
  }
  return out;
}

/** The commentary check of one line or total: a variance at or above materiality needs a sentence for the Board. */
export function commentaryCheck(ctx: Ctx, area: Area, name: string, favourable: Decimal, commentary: string | null): Check[] {
  const materiality = ctx.model.settings.materiality;
  if (favourable.abs().lessThan(materiality) || (commentary && commentary.trim())) return [];
  return [check("commentary-missing", "warning",
    `${name} has ${varianceWords(favourable, ctx.model.settings)} of ${money(favourable.abs(), ctx.units)}, at or above the materiality of ${money(materiality, ctx.units)}, and no commentary. Add a sentence explaining it for the ${boardName(ctx.model.settings)}.`,
    { area, row: name, column: "commentary" })];
}

export function reservesBandChecks(ctx: Ctx, reserves: ReservesPosition): Check[] {
  const gf = reserves.generalFundPolicy;
  if (!gf || !reserves.generalFund) {
    // Said once: without a general fund there is nothing to judge against the band (a blank is not a balance of zero).
    const { minimumPct, maximumPct } = ctx.model.settings.reservesBand;
    return [check("no-general-fund", "info",
      `No general fund was entered, so the reserves policy band (${formatRate(minimumPct)} to ${formatRate(maximumPct)} of the net budget) is not judged. To have it judged, enter the General Fund Balance's figures on the Reserves sheet (in a monitoring file, a reserve of kind "generalFund").`,
      { area: "reserves", row: null, column: null })];
  }
  const out: Check[] = [];
  const band = `the reserves policy band of ${formatRate(gf.minimumPct)} to ${formatRate(gf.maximumPct)} of the net budget`;
  const place = { area: "reserves" as const, row: reserves.generalFund.reserve.name, column: "forecastClosing" };
  if (gf.forecastBand === "below the minimum") {
    out.push(check("reserves-below-minimum", "warning",
      `After the forecast revenue variance the General Fund would be ${money(gf.forecastClosing, ctx.units)}, ${formatPct(gf.forecastPct, pctPlaces(ctx.model.settings))} of the net budget: below the minimum of ${formatRate(gf.minimumPct)} (${money(gf.minimumBalance, ctx.units)}) in ${band}. The ${boardName(ctx.model.settings)} should agree actions to close the gap of ${money(gf.minimumBalance.minus(gf.forecastClosing), ctx.units)}.`, place));
  } else if (gf.forecastBand === "above the maximum") {
    out.push(check("reserves-above-maximum", "warning",
      `After the forecast revenue variance the General Fund would be ${money(gf.forecastClosing, ctx.units)}, ${formatPct(gf.forecastPct, pctPlaces(ctx.model.settings))} of the net budget: above the maximum of ${formatRate(gf.maximumPct)} in ${band}. Consider transferring the excess to earmarked reserves.`, place));
  }
  if (gf.budgetedBand === "below the minimum") {
    out.push(check("reserves-budget-below-minimum", "warning",
      `The General Fund is budgeted to close at ${money(gf.budgetedClosing, ctx.units)}, ${formatPct(gf.budgetedPct, pctPlaces(ctx.model.settings))} of the net budget: below the minimum of ${formatRate(gf.minimumPct)} in ${band}.`, { ...place, column: "budgetedTransfer" }));
  }
  return out;
}

/** The board or committee that reviews the monitoring: the one named in the settings, or the kind of body's usual one. */
export function boardName(settings: Settings): string {
  return settings.body.board?.trim() || DEFAULT_BOARD[settings.body.kind];
}

function missing(area: Area, row: string, column: string): Check {
  return check("missing-input", "error", `${row} has no ${COLUMN_WORDS[column] ?? column}. Enter a figure (0 if there is none).`, { area, row, column });
}

const onCapitalSheet = (area: Area | undefined) => area === "capital" || area === "financing";

/**
 * Whether the body keeps an input (Settings: inputs.*); the revised budget and the forecast are always kept. On the
 * Capital sheet (`area` "capital"), an original budget or actual to date has its own setting, blank following the shared one.
 */
export function keepsColumn(settings: Settings, column: MonitoredColumn | OptionalInput, area?: Area): boolean {
  if (onCapitalSheet(area) && (CAPITAL_OWN_INPUTS as readonly string[]).includes(column)) {
    const own = settingOf(settings, capitalInputKey(column as CapitalOwnInput));
    if (own !== null) return own !== false;
  }
  return !(OPTIONAL_INPUTS as readonly string[]).includes(column) || settingOf(settings, `inputs.${column as OptionalInput}`) !== false;
}

/**
 * A blank in a column the body keeps but no figure depends on (original budget, actual to date): a warning, since the
 * figures and RAGs stand without it; it names the cell and says how to stop keeping the column.
 */
function blankKept(area: Area, row: string, column: OptionalInput): Check {
  const own = onCapitalSheet(area) && (CAPITAL_OWN_INPUTS as readonly string[]).includes(column);
  const key: SettingKey = own ? capitalInputKey(column as CapitalOwnInput) : `inputs.${column}`;
  const setting = SETTINGS[key].sheet.label;
  return check("missing-input", "warning",
    `${row} has no ${COLUMN_WORDS[column]}. Enter a figure (0 if there is none), or, if the body does not keep this column, set "${setting}" to No in the settings.`,
    { area, row, column });
}

/** Blank amounts of one line: the revised budget and forecast are needed (errors); a kept optional column is a warning. */
export function lineMissing(settings: Settings, area: Area, l: MonitoredLine): Check[] {
  return MONITORED_COLUMNS.filter((c) => l[c] === null && keepsColumn(settings, c, area)).map((c) =>
    (OPTIONAL_INPUTS as readonly string[]).includes(c) ? blankKept(area, l.name, c as OptionalInput) : missing(area, l.name, c));
}

/**
 * A line's budget split into budget-only parts: the parts must add up to the line's revised budget. Each part and the
 * line may be rounded by half a unit of the last place given, so up to (n + 1) / 2 units apart is rounding (info).
 */
export function budgetSplitChecks(ctx: Ctx, l: RevenueLine): Check[] {
  const parts = l.budgetSplit;
  if (!parts?.length) return [];
  const budget = l.revisedBudget ?? D(0);
  const added = parts.reduce((a, p) => a.plus(p.revisedBudget), D(0));
  if (added.equals(budget)) return [];
  const places = Math.max(budget.decimalPlaces(), ...parts.map((p) => p.revisedBudget.decimalPlaces()));
  const allowance = new D(10).pow(-places).times(parts.length + 1).div(2);
  const place = { area: "revenue" as const, row: l.name, column: "revisedBudget" };
  const words = `${l.name}: its budget split (${parts.map((p) => p.name).join(", ")}) adds up to ${money(added, ctx.units)}, but its revised budget is ${money(budget, ctx.units)}`;
  return added.minus(budget).abs().lessThanOrEqualTo(allowance)
    ? [check("rounding", "info", `${words}, a difference of ${money(added.minus(budget).abs(), ctx.units)} from rounding the parts; no action needed.`, place)]
    : [check("budget-split", "error", `${words}: the parts are ${money(added.minus(budget).abs(), ctx.units)} ${added.lessThan(budget) ? "short of" : "over"} it. Correct the parts or the line's budget.`, place)];
}

/** Blank amounts of one revenue line (or transfer). */
export function revenueLineMissing(settings: Settings, l: MonitoredLine): Check[] {
  return lineMissing(settings, "revenue", l);
}

/**
 * Blank amounts of capital lines, reserves and savings schemes where a figure is needed (revenue lines: revenueLineMissing).
 * A missing field is refused when the file is read; a blank is allowed but reported here.
 */
export function otherMissingChecks(ctx: Ctx): Check[] {
  const out: Check[] = [];
  for (const l of ctx.model.capital.lines) out.push(...lineMissing(ctx.model.settings, "capital", l));
  const generalFund = enteredGeneralFund(ctx.model);
  for (const r of ctx.model.reserves) {
    // A General Fund row left wholly blank is no general fund (said once by reservesBandChecks), not four blanks.
    if (r.kind === "generalFund" && r !== generalFund) continue;
    if (closingEntered(r)) { if (r.openingBalance === null) out.push(missing("reserves", r.name, "openingBalance")); continue; }
    for (const c of ["openingBalance", "budgetedTransfer", "commitments", "actualTransfer"] as const) if (r[c] === null) out.push(missing("reserves", r.name, c));
  }
  for (const s of ctx.model.savings) {
    if (!s.replacement && s.planned === null) out.push(missing("savings", s.scheme, "planned"));
    // A column the body does not keep is blank, not zero, and never asked for.
    for (const c of ["deliveredToDate", "forecastFurtherDelivery"] as const) if (s[c] === null && keepsColumn(ctx.model.settings, c)) out.push(missing("savings", s.scheme, c));
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
    const meant = ctx.units === "£000" ? ` Did you mean ${v.div(1000).toFixed()} (£000), i.e. ${money(v, "£")}?` : "";
    return [check("setting-scale", "warning",
      `${label} is ${v.toFixed()}, larger than the whole Net Budget (${money(netBudget, ctx.units)}), so it can never be reached: amounts in the settings are in the file's units (${ctx.units}).${meant} Change it on the Settings sheet or in the pane's Settings.`,
      { area: "settings", row: label, column: null })];
  });
}
