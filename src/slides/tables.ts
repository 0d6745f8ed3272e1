/**
 * The tables of the slide deck as plain text, in £000 with brackets for negatives (as the published report), built
 * from a position. Pure and free of pptxgenjs, so the task pane can preview them and tests can read them.
 */
import type { Decimal, PeriodSnapshot, Rag, Units, VarianceRagRule, Threshold } from "../model/types";
import { sum } from "../model/amount";
import { poundsPerUnit } from "../model/defaults";
import { money, bracketed, formatPct, formatRate, pctFigure, pctPlaces } from "../engine/format";
import type { NegativeStyle } from "../model/settings/registry";
import type { Position } from "../engine/position";
import { varianceWords } from "../engine/convention";
import { STATUS_RAG } from "../engine/savings";
import type { MonitoredLine } from "../model/types";
import { formatSavingsMillions, yearBounds } from "../narrative/narrative";

/**
 * - line: an input line; heading: a group's name above its lines; subtotal: a group or section total (bold);
 *   total: the table's grand total (bold, ruled).
 */
export type RowStyle = "line" | "heading" | "subtotal" | "total";

export interface TableRowSpec {
  cells: string[];
  style: RowStyle;
  /** RAG of cells by column index (coloured on the slide, with the word kept as text). */
  rag?: Record<number, Rag | null>;
}

export interface TableSpec {
  header: string[];
  rows: TableRowSpec[];
  /** Relative column widths. */
  widths: number[];
  /** Text alignment per column. */
  align: Array<"left" | "right" | "center">;
  /** A note printed under the table, if any. */
  note?: string;
}

const DASH = "–";
const capitalised = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** An amount in the file's units as £000 (rounded half away from zero to whole thousands only when shown). */
export function toThousands(d: Decimal, units: Units): Decimal {
  return units === "£000" ? d : d.times(poundsPerUnit(units)).div(1000);
}

/** A £000 table cell: 2,052 or (5,191); blank (null) as –. */
export function k(d: Decimal | null, units: Units, style: NegativeStyle = "brackets"): string {
  return d === null ? DASH : bracketed(toThousands(d, units), 0, style);
}

/** A computed percentage as a table shows it: 1.34% or (3.49%). */
export function pctCell(d: Decimal | null, dp = 2, style: NegativeStyle = "brackets"): string {
  return d === null ? DASH : pctFigure(d, dp, style);
}

/** The variance column's heading in the body's sign convention. */
export function varianceHeading(p: Position): string {
  return p.model.settings.signConvention === "budget-minus-forecast" ? "Variance fav / (adverse)\n£000" : "Variance adverse / (fav)\n£000";
}

const MONEY_HEADINGS = ["Original Budget\n£000", "Revised Budget\n£000", "Actual to Date\n£000", "Forecast Outturn\n£000"];

function lineCells(l: MonitoredLine, variance: Decimal, u: Units, ns: NegativeStyle): string[] {
  return [l.name, k(l.originalBudget, u, ns), k(l.revisedBudget, u, ns), k(l.actualToDate, u, ns), k(l.forecastOutturn, u, ns), k(variance, u, ns)];
}

function totalCells(label: string, t: { originalBudget: Decimal; revisedBudget: Decimal; actualToDate: Decimal; forecastOutturn: Decimal; variance: Decimal }, u: Units, ns: NegativeStyle): string[] {
  return [label, k(t.originalBudget, u, ns), k(t.revisedBudget, u, ns), k(t.actualToDate, u, ns), k(t.forecastOutturn, u, ns), k(t.variance, u, ns)];
}

/** The revenue budget monitoring table, laid out as the published one. */
export function revenueTable(p: Position): TableSpec {
  const u = p.model.units;
  const ns = p.model.settings.negativeStyle;
  const rows: TableRowSpec[] = [];
  for (const g of p.revenue.groups) {
    const single = g.lines.length === 1 && g.lines[0]?.line.name === g.group.name;
    if (!single) rows.push({ cells: [g.group.name, "", "", "", "", "", ""], style: "heading" });
    for (const l of g.lines) rows.push({ cells: [...lineCells(l.line, l.variance, u, ns), l.line.ref ?? ""], style: "line" });
    if (!single) rows.push({ cells: [...totalCells(`Total ${g.group.name}`, g.total, u, ns), g.group.ref ?? ""], style: "subtotal" });
  }
  rows.push({ cells: [...totalCells("Total Net Revenue Expenditure", p.revenue.totalNetRevenueExpenditure, u, ns), ""], style: "subtotal" });
  for (const l of p.revenue.transfers) rows.push({ cells: [...lineCells(l.line, l.variance, u, ns), l.line.ref ?? ""], style: "line" });
  rows.push({ cells: [...totalCells("Net Budget", p.revenue.netBudget, u, ns), p.model.revenue.netBudgetRef ?? ""], style: "total" });
  return {
    header: [p.model.financialYear, ...MONEY_HEADINGS, varianceHeading(p), "Ref"],
    rows,
    widths: [2.5, 1, 1, 1, 1, 1.15, 0.45],
    align: ["left", "right", "right", "right", "right", "right", "center"],
  };
}

/** Revenue variances by line (£000, the body's convention) with the favourable-positive figure for colouring. */
export function revenueVarianceSeries(p: Position): Array<{ name: string; variance: number; favourable: number }> {
  const u = p.model.units;
  const lines = [...p.revenue.groups.flatMap((g) => g.lines), ...p.revenue.transfers];
  return lines.map((l) => ({
    name: l.line.name,
    variance: toThousands(l.variance, u).toDecimalPlaces(0).toNumber(),
    favourable: toThousands(l.favourable, u).toDecimalPlaces(0).toNumber(),
  }));
}

/** Revenue lines whose variance needs explaining, with their reference and commentary, e.g. "R1. Additional income ...". */
export function revenueCommentary(p: Position): string[] {
  const out: string[] = [];
  const note = (ref: string | null, text: string | null) => {
    if (text) out.push(ref ? `${ref}. ${text}` : text);
  };
  for (const g of p.revenue.groups) {
    for (const l of g.lines) note(l.line.ref, l.line.commentary);
    note(g.group.ref, g.group.commentary);
  }
  for (const l of p.revenue.transfers) note(l.line.ref, l.line.commentary);
  note(p.model.revenue.netBudgetRef, p.model.revenue.netBudgetCommentary);
  return out;
}

/** The capital budget monitoring table, with the slippage part of each variance. */
export function capitalTable(p: Position): TableSpec {
  const u = p.model.units;
  const ns = p.model.settings.negativeStyle;
  const rows: TableRowSpec[] = p.capital.lines.map((l) => ({ cells: [...lineCells(l.line, l.variance, u, ns), k(l.slippage, u, ns)], style: "line" }));
  rows.push({ cells: [...totalCells("Total Capital Programme", p.capital.programme, u, ns), k(p.capital.slippage, u, ns)], style: "total" });
  return {
    header: [p.model.financialYear, ...MONEY_HEADINGS, varianceHeading(p), "of which slippage\n£000"],
    rows,
    widths: [2.2, 1, 1, 1, 1, 1.15, 1.05],
    align: ["left", "right", "right", "right", "right", "right", "right"],
  };
}

/** The capital financing table. */
export function financingTable(p: Position): TableSpec {
  const u = p.model.units;
  const ns = p.model.settings.negativeStyle;
  const rows: TableRowSpec[] = p.capital.financing.map((l) => ({ cells: lineCells(l.line, l.variance, u, ns), style: "line" }));
  rows.push({ cells: totalCells("Total Capital Funding", p.capital.funding, u, ns), style: "total" });
  return {
    header: ["Sources of Finance", ...MONEY_HEADINGS, varianceHeading(p)],
    rows,
    widths: [2.2, 1, 1, 1, 1, 1.15],
    align: ["left", "right", "right", "right", "right", "right"],
  };
}

/** Capital forecast outturn by category (£000), positive forecasts only (a share of spend). */
export function capitalForecastSeries(p: Position): Array<{ name: string; forecast: number }> {
  const u = p.model.units;
  return p.capital.lines
    .filter((l) => l.line.forecastOutturn !== null && l.line.forecastOutturn.greaterThan(0))
    .map((l) => ({ name: l.line.name, forecast: toThousands(l.line.forecastOutturn as Decimal, u).toDecimalPlaces(0).toNumber() }));
}

/** The usable reserves table, laid out as the published one. */
export function reservesTable(p: Position): TableSpec {
  const u = p.model.units;
  const ns = p.model.settings.negativeStyle;
  const r = p.reserves;
  const cells = (name: string, b: { openingBalance: Decimal; budgetedTransfer: Decimal; commitments: Decimal; actualTransfer: Decimal; forecastClosing: Decimal }) =>
    [name, k(b.openingBalance, u, ns), k(b.budgetedTransfer, u, ns), k(b.commitments, u, ns), k(b.actualTransfer, u, ns), k(b.forecastClosing, u, ns)];
  const rows: TableRowSpec[] = r.reserves.filter((x) => x.reserve.kind === "earmarked").map((x) => ({ cells: cells(x.reserve.name, x), style: "line" }));
  rows.push({ cells: cells(r.earmarked.label, r.earmarked), style: "subtotal" });
  if (r.generalFund) rows.push({ cells: cells(r.generalFund.reserve.name, r.generalFund), style: "subtotal" });
  rows.push({ cells: cells(r.totalRevenue.label, r.totalRevenue), style: "subtotal" });
  const receipts = r.reserves.filter((x) => x.reserve.kind === "capitalReceipts");
  if (receipts.length === 1 && receipts[0]) rows.push({ cells: cells(receipts[0].reserve.name, receipts[0]), style: "subtotal" });
  else if (receipts.length > 1) {
    for (const x of receipts) rows.push({ cells: cells(x.reserve.name, x), style: "line" });
    rows.push({ cells: cells(r.capitalReceipts.label, r.capitalReceipts), style: "subtotal" });
  }
  rows.push({ cells: cells(r.totalUsable.label, r.totalUsable), style: "total" });
  const y = yearBounds(p.model.financialYear);
  const yy = (n: number) => String(n % 100).padStart(2, "0");
  return {
    header: [
      "Reserve",
      y ? `Opening Balance at 1/4/${yy(y.start)}\n£000` : "Opening Balance\n£000",
      "Budgeted transfer to/(from) reserves\n£000",
      "Commitments to transfer to/(from) reserves\n£000",
      "Actual transfer to/(from) reserves\n£000",
      y ? `Forecast Closing Balance at 31/3/${yy(y.end)}\n£000` : "Forecast Closing Balance\n£000",
    ],
    rows,
    widths: [2.6, 1.05, 1.15, 1.2, 1.1, 1.15],
    align: ["left", "right", "right", "right", "right", "right"],
  };
}

/** Delivery of savings by category. */
export function savingsTable(p: Position): TableSpec {
  const u = p.model.units;
  const ns = p.model.settings.negativeStyle;
  const s = p.savings;
  const row = (name: string, f: { planned: Decimal; deliveredToDate: Decimal; forecastFurtherDelivery: Decimal; achieved: Decimal; unachieved: Decimal; expectedNextYear: Decimal }) =>
    [name, k(f.planned, u, ns), k(f.deliveredToDate, u, ns), k(f.forecastFurtherDelivery, u, ns), k(f.achieved, u, ns), k(f.unachieved, u, ns), k(f.expectedNextYear, u, ns)];
  const rows: TableRowSpec[] = s.categories.map((c) => ({ cells: row(c.category, c), style: "line" }));
  rows.push({ cells: row("Total", s), style: "total" });
  const categoryShortfall = sum(s.categories.map((c) => c.unachieved));
  const note = categoryShortfall.equals(s.unachieved) ? undefined
    : `The total not yet achieved (${k(s.unachieved, u, ns)}) is planned less achieved for the whole budget, so the ${k(s.replacementAchieved, u, ns)} of new savings replacing those no longer taken forward count against it; the categories' figures are not netted off.`;
  return {
    header: ["Category", "Planned\n£000", "Delivered to date\n£000", "Forecast further delivery\n£000", "Achieved in year\n£000", "Not yet achieved\n£000", "Expected next year\n£000"],
    rows,
    widths: [2.4, 1, 1, 1.1, 1, 1, 1],
    align: ["left", "right", "right", "right", "right", "right", "right"],
    ...(note ? { note } : {}),
  };
}

/** The savings schemes with their status (coloured by the status's RAG). */
export function savingsSchemesTable(p: Position): TableSpec {
  const u = p.model.units;
  const ns = p.model.settings.negativeStyle;
  const rows: TableRowSpec[] = p.savings.schemes.map((s) => ({
    cells: [s.scheme.scheme, s.scheme.category, k(s.scheme.planned, u, ns), k(s.achieved, u, ns), s.scheme.status],
    style: "line",
    rag: { 4: STATUS_RAG[s.scheme.status] },
  }));
  return {
    header: ["Scheme", "Category", "Planned\n£000", "Achieved in year\n£000", "Status"],
    rows,
    widths: [4.6, 1.8, 0.9, 1.0, 1.3],
    align: ["left", "left", "right", "right", "center"],
  };
}

// ---- RAG ----

export type Area = "revenue" | "capital" | "reserves" | "savings";
export const AREAS: ReadonlyArray<{ key: Area; label: string }> = [
  { key: "revenue", label: "Revenue" },
  { key: "capital", label: "Capital" },
  { key: "reserves", label: "Reserves" },
  { key: "savings", label: "Savings" },
];

/** The RAG of each area in a closed period's snapshot (null when the snapshot does not hold it). */
export function snapshotRag(s: PeriodSnapshot | null, area: Area): Rag | null {
  if (!s) return null;
  switch (area) {
    case "revenue": return s.revenue.rag;
    case "capital": return s.capital?.rag ?? null;
    case "reserves": return s.generalFund?.rag ?? null;
    case "savings": return s.savings?.rag ?? null;
  }
}

/** This period's and last period's RAG for the four areas. */
export function ragStatus(p: Position): Array<{ area: Area; label: string; thisPeriod: Rag | null; lastPeriod: Rag | null }> {
  const previous = p.movement?.previous ?? null;
  return AREAS.map(({ key, label }) => ({ area: key, label, thisPeriod: p.rag[key], lastPeriod: snapshotRag(previous, key) }));
}

function thresholdText(t: Threshold, units: Units, combine: VarianceRagRule["combine"], base: string): string | null {
  const amount = t.amount === null ? null : money(t.amount, units);
  const pct = t.pct === null ? null : `${formatRate(t.pct)} of ${base}`;
  if (amount && pct) return `${amount} or ${pct}, whichever is ${combine}`;
  return amount ?? pct;
}

/** A variance RAG rule in words, e.g. "Amber from an adverse 0.5% of the net budget; Red from 1% of the net budget". */
export function varianceRuleText(rule: VarianceRagRule, units: Units, base: string): string {
  const amber = thresholdText(rule.amber, units, rule.combine, base);
  const red = thresholdText(rule.red, units, rule.combine, base);
  const parts = [amber && `Amber from an adverse ${amber}`, red && `Red from ${red}`].filter((x): x is string => !!x);
  return parts.length ? `${parts.join("; ")}.` : "Always Green.";
}

/** The RAG summary: each area's RAG this period and last, the measure it is judged on, and the rule. */
export function ragTable(p: Position): TableSpec {
  const u = p.model.units;
  const s = p.model.settings;
  const previous = p.movement?.previous ?? null;
  const m3 = (d: Decimal) => money(d, u, "m");
  const nb = p.revenue.netBudget;
  const fav = nb.favourable;
  const revenueMeasure = fav.isZero() ? "Forecast in line with the net budget"
    : `${capitalised(varianceWords(fav, p.model.settings).replace(/^an? /, ""))} of ${m3(fav.abs())}${nb.variancePct ? ` (${formatPct(nb.variancePct.abs(), pctPlaces(p.model.settings))} of the net budget)` : ""}`;
  const c = p.capital;
  const capitalMeasure = `${c.slippage === null ? "Slippage not kept" : `Slippage ${m3(c.slippage)}`}${c.slippagePct ? ` (${formatPct(c.slippagePct, pctPlaces(p.model.settings))} of the revised budget)` : ""}; ${c.overspendPct.greaterThan(0) ? `overspend ${formatPct(c.overspendPct, pctPlaces(p.model.settings))}` : "no overspend"}`;
  const gf = p.reserves.generalFundPolicy;
  const band = s.reservesBand;
  const reservesMeasure = gf
    ? `General Fund after the forecast ${m3(gf.forecastClosing)}, ${formatPct(gf.forecastPct, pctPlaces(p.model.settings))} of the net budget: ${gf.forecastBand} of the ${formatRate(gf.minimumPct)} to ${formatRate(gf.maximumPct)} band`
    : "No general fund entered: not judged";
  const sv = p.savings;
  const mS = (d: Decimal) => formatSavingsMillions(d, u, [sv.planned, sv.achieved]);
  const savingsMeasure = `${mS(sv.achieved)} of ${mS(sv.planned)} planned savings achieved${sv.achievedPct ? ` (${formatPct(sv.achievedPct, pctPlaces(p.model.settings))})` : ""}`;
  const cap = s.rag.capital;
  const rules: Record<Area, string> = {
    revenue: varianceRuleText(s.rag.revenueTotal, u, "the net budget"),
    capital: `Slippage: Amber from ${formatRate(cap.slippageAmberPct)}, Red from ${formatRate(cap.slippageRedPct)} of the revised budget. Overspend: Amber ${cap.overspendAmberPct.isZero() ? "from any overspend" : `from ${formatRate(cap.overspendAmberPct)}`}, Red from ${formatRate(cap.overspendRedPct)}.`,
    reserves: `Red below ${formatRate(band.minimumPct)}; Amber below ${formatRate(band.minimumPct.plus(s.rag.generalFund.warningMarginPct))} or above ${formatRate(band.maximumPct)}; otherwise Green.`,
    savings: `Green from ${formatRate(s.rag.savings.greenPct)} of planned savings achieved, Amber from ${formatRate(s.rag.savings.amberPct)}, Red below.`,
  };
  const measures: Record<Area, string> = { revenue: revenueMeasure, capital: capitalMeasure, reserves: reservesMeasure, savings: savingsMeasure };
  const rows: TableRowSpec[] = ragStatus(p).map((r) => ({
    cells: [r.label, r.thisPeriod ?? DASH, r.lastPeriod ?? DASH, measures[r.area], rules[r.area]],
    style: "line",
    rag: { 1: r.thisPeriod, 2: r.lastPeriod },
  }));
  return {
    header: ["Area", "This period", previous ? `Last period (${previous.period})` : "Last period", "Measure", "RAG rule"],
    rows,
    widths: [1.2, 1.1, 1.2, 4.2, 4.6],
    align: ["left", "center", "center", "left", "left"],
  };
}

/** Revenue lines' variances and RAG (the line rule), for the RAG summary. */
export function revenueLinesRagTable(p: Position): TableSpec {
  const u = p.model.units;
  const ns = p.model.settings.negativeStyle;
  const rows: TableRowSpec[] = [];
  for (const g of p.revenue.groups) {
    for (const l of g.lines) rows.push({ cells: [l.line.name, g.group.name, k(l.variance, u, ns), pctCell(l.variancePct, pctPlaces(p.model.settings), ns), l.rag], style: "line", rag: { 4: l.rag } });
  }
  for (const l of p.revenue.transfers) rows.push({ cells: [l.line.name, "Transfers", k(l.variance, u, ns), pctCell(l.variancePct, pctPlaces(p.model.settings), ns), l.rag], style: "line", rag: { 4: l.rag } });
  return {
    header: ["Revenue line", "Group", varianceHeading(p), "% of budget", "RAG"],
    rows,
    widths: [3.0, 2.0, 1.5, 1.2, 1.1],
    align: ["left", "left", "right", "right", "center"],
    note: `Line rule: ${varianceRuleText(p.model.settings.rag.revenueLine, u, "the line's budget")}`,
  };
}

export interface HeadlineTile {
  area: Area;
  title: string;
  value: string;
  caption: string;
  rag: Rag;
}

/** The four headline figures of the overview slide. */
export function headlineTiles(p: Position): HeadlineTile[] {
  const u = p.model.units;
  const m1 = (d: Decimal) => money(d, u, "m1");
  const m3 = (d: Decimal) => money(d, u, "m");
  const nb = p.revenue.netBudget;
  const fav = nb.favourable;
  const gf = p.reserves.generalFundPolicy;
  const c = p.capital;
  const s = p.savings;
  const sm = (d: Decimal) => formatSavingsMillions(d, u, [s.achieved, s.planned, s.unachieved]);
  const tiles: Array<HeadlineTile | null> = [
    {
      area: "revenue", title: "Revenue forecast variance", rag: p.rag.revenue,
      value: fav.isZero() ? "On budget" : `${m3(fav.abs())} ${varianceWords(fav, p.model.settings).replace(/^an? /, "").replace(/ variance$/, "")}`,
      caption: `${nb.variancePct ? `${formatPct(nb.variancePct.abs(), pctPlaces(p.model.settings))} of the` : "Against the"} ${m1(nb.revisedBudget)} net budget; forecast ${m1(nb.forecastOutturn)}`,
    },
    // Without a general fund there is no balance to show or judge.
    gf && p.rag.reserves && {
      area: "reserves", title: "General Fund after the forecast", rag: p.rag.reserves,
      value: `${formatPct(gf.forecastPct, pctPlaces(p.model.settings))} of net budget`,
      caption: `${m3(gf.forecastClosing)}: ${gf.forecastBand} of the ${formatRate(gf.minimumPct)} to ${formatRate(gf.maximumPct)} policy band`,
    },
    {
      area: "capital", title: "Capital forecast", rag: p.rag.capital,
      value: m3(c.programme.forecastOutturn),
      caption: `Against a revised budget of ${m3(c.programme.revisedBudget)}${c.slippage === null ? "" : `; slippage ${m3(c.slippage)}`}`,
    },
    {
      area: "savings", title: "Savings achieved", rag: p.rag.savings,
      value: `${sm(s.achieved)} of ${sm(s.planned)}`,
      caption: `${s.achievedPct ? `${formatPct(s.achievedPct, pctPlaces(p.model.settings))} of planned savings; ` : ""}${sm(s.unachieved)} not yet achieved`,
    },
  ];
  return tiles.filter((t): t is HeadlineTile => t !== null);
}

/** A round axis bound at or beyond |x|: 1, 2 or 5 × a power of ten. */
export function niceBound(x: number): number {
  if (x <= 0) return 0;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}
