/**
 * Slides: the figures behind three charts for the quarterly slide pack, each block filled by LIVE formulas from the
 * other sheets, and the charts themselves as specs (`SheetPlan.charts`, sized for a 16:9 slide):
 * - revenue variances by line (Revenue: each group line's name and variance);
 * - capital forecast outturn by category (Capital: each programme line's name and forecast);
 * - the General Fund as a % of the net budget across the year's periods (Period history: the closed periods that
 *   recorded it, oldest first; then this period from Reserves), with the band's minimum and maximum (Settings);
 * - the trend of the year, once two earlier periods are closed (src/engine/trend.ts): the Net Budget's forecast
 *   variance at each (Period history's budget and forecast, in the body's convention; this period from Revenue) and
 *   the General Fund % on a second axis (blank where a period recorded none: a gap, not 0%).
 * Excel draws the charts (src/excel/charts.ts); an .xlsx file written by Outturn has the data and a note instead.
 * The blocks refer to fixed rows of the other sheets: lines added there later appear here when the sheets are
 * inserted again (upgrade). Nothing here is read back: the reader ignores this sheet.
 */
import { D } from "../../../model/amount";
import { SheetBuilder } from "../../builder";
import type { PlanContext } from "../../context";
import { absRef } from "../../a1";
import { RATE_FORMAT } from "../../styles";
import type { ChartPlan, SheetPlan } from "../../types";
import { titleRows, varianceHeading } from "../common";
import { CAPITAL_COLS } from "../capital/layout";
import { HISTORY_COLS } from "../history/layout";
import { REVENUE_COLS } from "../revenue/layout";
import { REVENUE_MARKERS } from "../revenue/markers";
import { endMonth } from "../../../model/period";
import { TREND_MIN_POINTS, trendOf } from "../../../engine/trend";

export const SLIDES_KEY_COLUMN = "E";
/** Points: a 16:9 slide (10 × 5.625 inches). */
export const SLIDE_CHART = { width: 720, height: 405 } as const;
/** The column the charts sit in (right of the data), and the rows between the tops of consecutive charts (15 pt each). */
export const CHART_COLUMN = "G";
export const CHART_ROWS = 29;

export interface SlidesSources {
  /** Row keys of the Revenue and Capital sheet plans ("line:g:l", "cline:i"), and the History sheet's snapshot rows. */
  revenueRows: Record<string, number>;
  capitalRows: Record<string, number>;
  historyRows: number[];
  /** Row of the Reserves sheet's "forecast closing balance after the variance" (its % of the net budget is in C). */
  reservesForecastRow: number;
}

export function slidesSheet(ctx: PlanContext, src: SlidesSources): SheetPlan {
  const { model, position, names } = ctx;
  const b = new SheetBuilder("Slides", names.Slides, [
    { width: 34 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 10, hidden: true },
  ], SLIDES_KEY_COLUMN);
  titleRows(b, ctx, "Slides", "D");
  b.note(3, "Live figures from the other sheets, drawn as charts for the quarterly slides (16:9).", "D");
  const charts: ChartPlan[] = [];
  const chartAt = () => `${CHART_COLUMN}${4 + charts.length * CHART_ROWS}`;
  const text = (ref: string) => `=${ref}&""`;
  let row = 5;

  // Revenue variances by line.
  b.label(row, "A", "Revenue: variance by line", "header");
  varianceHeading(b, ctx, row, "B");
  b.key(row, "header");
  row++;
  const revFirst = row;
  // A block of rows, laid out again as the file is written rather than held (100,000 lines).
  const revLines = position.revenue.groups.flatMap((g, gi) => g.lines.flatMap((l, li) => {
    const at = src.revenueRows[`line:${gi}:${li}`];
    return at === undefined ? [] : [{ l, gi, li, at }];
  }));
  row = b.rows(row, revLines, (r, { l, gi, li, at }) => {
    b.formula(r, "A", text(absRef(names.Revenue, REVENUE_COLS.name, at)), l.line.name, "label");
    b.formula(r, "B", `=${absRef(names.Revenue, REVENUE_COLS.variance, at)}`, l.variance, "calculated", { numberFormat: ctx.amount });
    b.key(r, "revenue-line", `revenue-line:${gi}:${li}`);
  });
  if (row > revFirst) {
    charts.push({
      title: "Revenue: forecast variance by line", type: "bar", data: `A${revFirst}:B${row - 1}`, categories: `A${revFirst}:A${row - 1}`,
      series: [{ name: "Variance", values: `B${revFirst}:B${row - 1}` }], topLeft: chartAt(), ...SLIDE_CHART,
    });
  }

  // Capital forecast outturn by category.
  row++;
  b.label(row, "A", "Capital: forecast outturn by category", "header");
  b.label(row, "B", "Forecast Outturn", "header");
  b.key(row, "capital-header");
  row++;
  const capFirst = row;
  position.capital.lines.forEach((l, i) => {
    const at = src.capitalRows[`cline:${i}`];
    if (at === undefined) return;
    b.formula(row, "A", text(absRef(names.Capital, CAPITAL_COLS.name, at)), l.line.name, "label");
    b.formula(row, "B", `=${absRef(names.Capital, CAPITAL_COLS.forecastOutturn, at)}`, l.line.forecastOutturn ?? D(0), "calculated", { numberFormat: ctx.amount });
    b.key(row, "capital-line", `capital-line:${i}`);
    row++;
  });
  if (row > capFirst) {
    charts.push({
      title: "Capital: forecast outturn by category", type: "column", data: `A${capFirst}:B${row - 1}`, categories: `A${capFirst}:A${row - 1}`,
      series: [{ name: "Forecast outturn", values: `B${capFirst}:B${row - 1}` }], topLeft: chartAt(), ...SLIDE_CHART,
    });
  }

  // The General Fund % by period, against the band.
  row++;
  b.label(row, "A", "General Fund: % of net budget by period", "header");
  b.label(row, "B", "General Fund", "header");
  b.label(row, "C", "Band minimum", "header");
  b.label(row, "D", "Band maximum", "header");
  b.key(row, "reserves-header");
  row++;
  const gf = position.reserves.generalFundPolicy;
  const policy = model.settings.reservesBand;
  const band = (r: number) => {
    b.formula(r, "C", `=${ctx.set("reservesMin")}`, policy.minimumPct.div(100), "calculated", { numberFormat: RATE_FORMAT });
    b.formula(r, "D", `=${ctx.set("reservesMax")}`, policy.maximumPct.div(100), "calculated", { numberFormat: RATE_FORMAT });
  };
  const gfFirst = row;
  model.history.forEach((s, i) => {
    const at = src.historyRows[i];
    // Periods that recorded no General Fund are left out (a blank would be drawn as 0%); this period is the live row below.
    if (at === undefined || !s.generalFund || s.period === model.period) return;
    b.formula(row, "A", text(absRef(names.History, HISTORY_COLS.period, at)), s.period, "label");
    b.formula(row, "B", `=${absRef(names.History, HISTORY_COLS.gfPct, at)}`, s.generalFund.forecastPct.div(100), "calculated", { numberFormat: ctx.pct });
    band(row);
    b.key(row, "reserves-period", `reserves-period:${i}`);
    row++;
  });
  b.formula(row, "A", text(ctx.set("period")), model.period, "label");
  b.formula(row, "B", `=${absRef(names.Reserves, "C", src.reservesForecastRow)}`, gf?.forecastPct.div(100) ?? "", "calculated", { numberFormat: ctx.pct });
  band(row);
  b.key(row, "reserves-current");
  charts.push({
    title: "General Fund: % of net budget against the reserves policy band", type: "line", data: `A${gfFirst}:D${row}`, categories: `A${gfFirst}:A${row}`,
    series: [
      { name: "General Fund", values: `B${gfFirst}:B${row}` },
      { name: "Band minimum", values: `C${gfFirst}:C${row}` },
      { name: "Band maximum", values: `D${gfFirst}:D${row}` },
    ],
    topLeft: chartAt(), ...SLIDE_CHART,
  });
  row = trendBlock(b, ctx, src, charts, row, chartAt);
  row += 2;
  b.note(row, "The charts are drawn by Outturn in Excel when the sheets are inserted; insert again (upgrade) to pick up lines added since.", "D", "charts-note");
  b.print = { orientation: "landscape", fitToWidth: false };
  // The plan itself, not a copy: a copy's cells would be laid out whole (SheetBuilder.build).
  const plan = b.build();
  plan.charts = charts;
  return plan;
}

/**
 * The trend block and its chart (forecast variance, and the General Fund % on the secondary axis) below `last` (the
 * last row used), when the trend has enough points; returns the last row used.
 */
function trendBlock(b: SheetBuilder, ctx: PlanContext, src: SlidesSources, charts: ChartPlan[], last: number, chartAt: () => string): number {
  const { model, names } = ctx;
  const points = trendOf(ctx.position);
  const netBudgetRow = src.revenueRows[REVENUE_MARKERS.netBudget];
  if (points.length < TREND_MIN_POINTS || netBudgetRow === undefined) return last;
  let row = last + 2;
  b.label(row, "A", "Trend: forecast variance and General Fund % by period", "header");
  varianceHeading(b, ctx, row, "B");
  b.label(row, "C", "General Fund %", "header");
  b.key(row, "trend-header");
  row++;
  const first = row;
  const conv = ctx.set("signConvention");
  const text = (ref: string) => `=${ref}&""`;
  const byPeriod = new Map(points.map((t) => [t.period, t]));
  model.history.forEach((s, i) => {
    const at = src.historyRows[i];
    const point = byPeriod.get(s.period);
    if (at === undefined || !point || endMonth(s.period) >= endMonth(model.period)) return;
    const h = (col: string) => absRef(names.History, col, at);
    b.formula(row, "A", text(h(HISTORY_COLS.period)), s.period, "label");
    b.formula(row, "B", `=IF(${conv}="forecast-minus-budget",${h(HISTORY_COLS.revenueForecast)}-${h(HISTORY_COLS.revenueBudget)},${h(HISTORY_COLS.revenueBudget)}-${h(HISTORY_COLS.revenueForecast)})`,
      point.forecastVariance, "calculated", { numberFormat: ctx.amount });
    // A period that recorded no General Fund stays blank (a chart's gap): a formula on a blank cell would draw 0%.
    if (point.generalFundPct) b.formula(row, "C", `=${h(HISTORY_COLS.gfPct)}`, point.generalFundPct.div(100), "calculated", { numberFormat: ctx.pct });
    b.key(row, "trend-period", `trend-period:${i}`);
    row++;
  });
  const now = points[points.length - 1];
  b.formula(row, "A", text(ctx.set("period")), model.period, "label");
  b.formula(row, "B", `=${absRef(names.Revenue, REVENUE_COLS.variance, netBudgetRow)}`, now?.forecastVariance ?? "", "calculated", { numberFormat: ctx.amount });
  if (now?.generalFundPct) b.formula(row, "C", `=${absRef(names.Reserves, "C", src.reservesForecastRow)}`, now.generalFundPct.div(100), "calculated", { numberFormat: ctx.pct });
  b.key(row, "trend-current");
  charts.push({
    title: "Trend: forecast variance and General Fund % by period", type: "line", data: `A${first}:C${row}`, categories: `A${first}:A${row}`,
    series: [
      { name: "Forecast variance", values: `B${first}:B${row}` },
      { name: "General Fund % of net budget", values: `C${first}:C${row}`, axis: "secondary" },
    ],
    topLeft: chartAt(), ...SLIDE_CHART,
  });
  return row;
}
