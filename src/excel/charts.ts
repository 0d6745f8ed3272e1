/**
 * Draws a sheet plan's charts (SheetPlan.charts: the Slides sheet) as native Excel charts. Nothing here syncs: the
 * gateway queues the charts in the same request as the sheet's cells (after them), so inserting stays at its syncs.
 * Loaded lazily (its own webpack chunk, "excel-charts") only when a plan has charts, to keep the pane's start-up small.
 *
 * Requirement sets (@types/office-js): ChartCollection.add, Chart.name/top/left/width/height, ChartTitle.text,
 * ChartSeriesCollection.getItemAt, ChartSeries.name, Chart.delete: ExcelApi 1.1; ChartSeriesCollection.add,
 * ChartSeries.setValues / setXAxisValues: ExcelApi 1.7; ChartSeries.axisGroup (a series on the secondary value axis,
 * the trend's General Fund %): ExcelApi 1.8 (inserting needs 1.8 anyway). @types/office-js: "Specifies the group for
 * the specified series", Primary or Secondary.
 *
 * Series are given explicitly, not left to Excel's guess: ChartCollection.add(type, sourceData, seriesBy) makes Excel
 * decide which row or column holds names and categories ("Auto" detection), which is least certain for a block of one
 * row (the General Fund by period early in the year). So each chart is created over its FIRST series' values only
 * (one column of numbers: one series, nothing to guess), and every series gets its name, its values
 * (ChartSeries.setValues) and the categories (ChartSeries.setXAxisValues) from the plan.
 *
 * Each chart is named "Outturn: <title>" (Chart.name), so upgrading the Slides sheet deletes Outturn's own charts and
 * leaves any chart the user made there.
 */
import type { ChartPlan, SheetPlan } from "../plans/types";
import { parseA1 } from "../plans/a1";
import { widthToPoints } from "./render";

/** Excel's default row height in points (Calibri 11), for rows the plan gives no height. */
export const DEFAULT_ROW_POINTS = 15;

const TYPES: Record<ChartPlan["type"], Excel.ChartType> = {
  bar: "BarClustered" as Excel.ChartType,
  column: "ColumnClustered" as Excel.ChartType,
  line: "LineMarkers" as Excel.ChartType,
};

/** Where a cell's top-left corner is, in points from the sheet's top-left, from the plan's column widths and row heights. */
export function cellPosition(plan: Pick<SheetPlan, "columns" | "rowHeights">, address: string): { left: number; top: number } {
  const { row, col } = parseA1(address);
  let left = 0;
  for (let c = 1; c < col; c++) {
    const column = plan.columns[c - 1];
    left += column?.hidden ? 0 : widthToPoints(column?.width ?? 8.43);
  }
  let top = 0;
  for (let r = 1; r < row; r++) top += plan.rowHeights?.[r] ?? DEFAULT_ROW_POINTS;
  return { left: Math.round(left * 100) / 100, top: Math.round(top * 100) / 100 };
}

/** Outturn's charts are named with this prefix. */
export const CHART_NAME_PREFIX = "Outturn: ";
export const chartName = (title: string): string => `${CHART_NAME_PREFIX}${title}`;
export const isOutturnChart = (name: string): boolean => name.startsWith(CHART_NAME_PREFIX);

/** Deletes Outturn's own charts on a sheet (its collection loaded with "items/name" in an earlier sync), not the user's. */
export function queueDeleteCharts(charts: Excel.ChartCollection): void {
  for (const chart of charts.items) if (isOutturnChart(chart.name)) chart.delete();
}

/** Queues the plan's charts on `ws`: type, source data (series by columns), title, series names, position and size. */
export function queueCharts(ws: Excel.Worksheet, plan: SheetPlan): void {
  for (const spec of plan.charts ?? []) {
    const [first, ...rest] = spec.series;
    if (!first) continue;
    const categories = ws.getRange(spec.categories);
    const chart = ws.charts.add(TYPES[spec.type], ws.getRange(first.values), "Columns" as Excel.ChartSeriesBy);
    chart.name = chartName(spec.title);
    chart.title.text = spec.title;
    const series0 = chart.series.getItemAt(0);
    series0.name = first.name;
    series0.setXAxisValues(categories);
    for (const s of rest) {
      const series = chart.series.add(s.name);
      series.setValues(ws.getRange(s.values));
      series.setXAxisValues(categories);
      if (s.axis === "secondary") series.axisGroup = "Secondary";
    }
    const at = cellPosition(plan, spec.topLeft);
    chart.top = at.top;
    chart.left = at.left;
    chart.width = spec.width;
    chart.height = spec.height;
    chart.legend.visible = spec.series.length > 1;
  }
}
