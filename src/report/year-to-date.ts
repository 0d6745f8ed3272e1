/**
 * The year to date and forecast assist, for `report --json` and the text report: each profiled revenue line's budget
 * to date, actual to date, variance to date (the body's convention), % and RAG, and the three projections beside the
 * treasurer's forecast. A budget to date or projection is an exact fraction of the inputs (a twelfth, a share of last
 * year); it is given to 6 decimal places, the most the amount rule allows an input, so it can be typed back exactly.
 */
import type { Decimal, Rag } from "../model/types";
import { round } from "../model/amount";
import { pctPlaces } from "../engine/format";
import type { Position } from "../engine/position";
import { type ProjectionMethod, computeMonthly } from "../engine/monthly";
import { assistNote } from "../engine/monthly-checks";

export const FRACTION_PLACES = 6;

export interface YearToDateRow {
  path: string;
  kind: "line" | "total";
  name: string;
  ref: string | null;
  group: string | null;
  /** flat, custom, lastYear or payLike; null for the total. */
  profile: string | null;
  budgetToDate: Decimal | null;
  actualToDate: Decimal | null;
  varianceToDate: Decimal | null;
  varianceToDatePct: Decimal | null;
  rag: Rag | null;
  forecastOutturn: Decimal | null;
  projections: Record<ProjectionMethod, Decimal | null> | null;
  /** Forecast assist's note when the forecast is the assist materiality or more from a projection; else null. */
  assist: string | null;
}

export interface YearToDateJson {
  /** Months of the financial year elapsed at the period's end (April = 1). */
  months: number;
  rows: YearToDateRow[];
}

export function yearToDateJson(p: Position): YearToDateJson {
  const m = computeMonthly(p.model);
  const places = pctPlaces(p.model.settings);
  const frac = (d: Decimal | null) => (d === null ? null : round(d, FRACTION_PLACES));
  const pct = (d: Decimal | null) => (d === null ? null : round(d, places));
  const rows: YearToDateRow[] = m.lines.map((l) => ({
    path: l.path, kind: "line", name: l.line.name, ref: l.line.ref, group: p.model.revenue.groups[l.group]?.name ?? null,
    profile: l.profile,
    budgetToDate: frac(l.budgetToDate), actualToDate: l.line.actualToDate,
    varianceToDate: frac(l.varianceToDate), varianceToDatePct: pct(l.varianceToDatePct), rag: l.rag,
    forecastOutturn: l.line.forecastOutturn,
    projections: { straightLine: frac(l.projections.straightLine), profiled: frac(l.projections.profiled), lastYear: frac(l.projections.lastYear) },
    assist: assistNote(p.model, l),
  }));
  rows.push({
    path: "revenue.groups", kind: "total", name: "Total Net Revenue Expenditure", ref: null, group: null, profile: null,
    budgetToDate: frac(m.total.budgetToDate), actualToDate: m.total.actualToDate,
    varianceToDate: frac(m.total.varianceToDate), varianceToDatePct: pct(m.total.varianceToDatePct), rag: null,
    forecastOutturn: null, projections: null, assist: null,
  });
  return { months: m.months, rows };
}
