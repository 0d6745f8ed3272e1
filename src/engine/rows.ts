/** Line and total rows with their variances: the shape shared by revenue, capital and financing. */
import type { Decimal, MonitoredColumn, MonitoredLine, Rag, SignConvention, VarianceRagRule } from "../model/types";
import { ZERO, pctOf, sum } from "../model/amount";
import { favourableVariance, inConvention } from "./convention";
import { varianceRag } from "./rag";

/** Where a revenue line is in the monitoring file, the stable key of the report's rows: revenue.groups[0].lines[1]. */
export function revenueLinePath(group: number, line: number): string {
  return `revenue.groups[${group}].lines[${line}]`;
}

export const MONITORED_COLUMNS: readonly MonitoredColumn[] = ["originalBudget", "revisedBudget", "actualToDate", "forecastOutturn"];

export type ColumnValues = Record<MonitoredColumn, Decimal>;

export interface VarianceFigures {
  /** Revised budget − forecast outturn: favourable positive, whatever the convention. */
  favourable: Decimal;
  /** The variance in the body's sign convention. */
  variance: Decimal;
  /** The variance as a % of the absolute revised budget, in the body's sign convention; null when the budget is zero. */
  variancePct: Decimal | null;
  rag: Rag;
}

export interface LineResult<L extends MonitoredLine = MonitoredLine> extends VarianceFigures {
  line: L;
}

export interface TotalResult extends VarianceFigures, ColumnValues {
  label: string;
  /** How many input lines the total adds, for the rounding allowance of control totals. */
  lineCount: number;
  /** The most decimal places any of those lines is given to (0 for whole £000). */
  decimals: number;
}

export function varianceFigures(revised: Decimal | null, forecast: Decimal | null, convention: SignConvention, rule: VarianceRagRule | null): VarianceFigures {
  const favourable = favourableVariance(revised, forecast);
  const variance = inConvention(favourable, convention);
  const budget = (revised ?? ZERO).abs();
  return { favourable, variance, variancePct: pctOf(variance, budget), rag: rule ? varianceRag(rule, favourable, budget) : "Green" };
}

export function lineResult<L extends MonitoredLine>(line: L, convention: SignConvention, rule: VarianceRagRule | null): LineResult<L> {
  return { line, ...varianceFigures(line.revisedBudget, line.forecastOutturn, convention, rule) };
}

/** The most decimal places any of the lines is given to, in any column (the rounding allowance of control totals). */
export function decimalsOf(lines: readonly MonitoredLine[]): number {
  let dp = 0;
  for (const l of lines) for (const c of MONITORED_COLUMNS) dp = Math.max(dp, l[c]?.decimalPlaces() ?? 0);
  return dp;
}

/** Column totals of lines (blanks as zero), and the total's variance under `rule`. */
export function totalOf(label: string, lines: readonly MonitoredLine[], convention: SignConvention, rule: VarianceRagRule | null): TotalResult {
  const cols = Object.fromEntries(MONITORED_COLUMNS.map((c) => [c, sum(lines.map((l) => l[c]))])) as ColumnValues;
  return { label, ...cols, ...varianceFigures(cols.revisedBudget, cols.forecastOutturn, convention, rule), lineCount: lines.length, decimals: decimalsOf(lines) };
}
