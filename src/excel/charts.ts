/**
 * Draws a sheet plan's charts (SheetPlan.charts: the Slides sheet) as native Excel charts. Nothing here syncs: the
 * gateway queues the charts in the same request as the sheet's cells (after them), so inserting stays at its syncs.
 * Loaded lazily (its own webpack chunk, "excel-charts") only when a plan has charts, to keep the pane's start-up small.
 *
 * Requirement sets (@types/office-js): ChartCollection.add, Chart.top/left/width/height, ChartTitle.text,
 * ChartSeriesCollection.getItemAt, ChartSeries.name, Chart.delete: ExcelApi 1.1.
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

/** Deletes the charts already on a sheet (their collection loaded with "items" in an earlier sync). */
export function queueDeleteCharts(charts: Excel.ChartCollection): void {
  for (const chart of charts.items) chart.delete();
}

/** Queues the plan's charts on `ws`: type, source data (series by columns), title, series names, position and size. */
export function queueCharts(ws: Excel.Worksheet, plan: SheetPlan): void {
  for (const spec of plan.charts ?? []) {
    const chart = ws.charts.add(TYPES[spec.type], ws.getRange(spec.data), "Columns" as Excel.ChartSeriesBy);
    chart.title.text = spec.title;
    spec.series.forEach((s, i) => { chart.series.getItemAt(i).name = s.name; });
    const at = cellPosition(plan, spec.topLeft);
    chart.top = at.top;
    chart.left = at.left;
    chart.width = spec.width;
    chart.height = spec.height;
    chart.legend.visible = spec.series.length > 1;
  }
}
