/**
 * Taking a projection into the forecast: the one way forecast assist changes an input, and only for the lines the
 * user chose. `previewTake` says what would change (line, forecast now, the projection, the change) without changing
 * anything; `takeProjections` returns a new period and the record that `undoTake` uses to put every forecast back.
 * A projection is an exact fraction: it is taken rounded to the file's whole unit (£ or £000), as a treasurer types a
 * forecast, and the preview shows that rounded figure.
 */
import type { Decimal, MonitoringPeriod, RevenueLine } from "../model/types";
import { D, round } from "../model/amount";
import type { LineChange } from "../ledger/apply";
import { lineTargets } from "../ledger/targets";
import { monthsElapsed } from "../model/period";
import { revenueLinePath } from "./rows";
import { type ProjectionMethod, PROJECTION_WORDS, lineToDate } from "./monthly";

export interface TakeChoice {
  /** The line, by its path in the monitoring file: revenue.groups[g].lines[l]. */
  path: string;
  method: ProjectionMethod;
}

export interface TakeRow {
  path: string;
  name: string;
  method: ProjectionMethod;
  forecastBefore: Decimal | null;
  forecastAfter: Decimal;
}

/** What was taken, to undo it: each line's forecast before. */
export interface TakeRecord {
  rows: TakeRow[];
}

const PATH = /^revenue\.groups\[(\d+)\]\.lines\[(\d+)\]$/;

function lineAt(model: MonitoringPeriod, path: string): { g: number; l: number; line: RevenueLine } {
  const m = PATH.exec(path);
  const g = Number(m?.[1]), l = Number(m?.[2]);
  const line = m ? model.revenue.groups[g]?.lines[l] : undefined;
  if (!line) throw new RangeError(`${path} is not a revenue line of the period: give a path as in report --json's yearToDate rows, e.g. revenue.groups[0].lines[1]`);
  return { g, l, line };
}

/** What taking the chosen projections would change; refuses, naming the line, a projection that cannot be worked out. */
export function previewTake(model: MonitoringPeriod, choices: readonly TakeChoice[]): TakeRow[] {
  const months = monthsElapsed(model.period);
  return choices.map(({ path, method }) => {
    const { g, l, line } = lineAt(model, path);
    const projection = lineToDate(model, g, l, line, months).projections[method];
    if (projection === null) throw new RangeError(`${line.name} has no ${PROJECTION_WORDS[method]} projection (${method === "profiled" ? "its budget to date is nothing or cannot be worked out" : "last year's monthly actuals are not given, or add up to nothing by this month"}); choose another`);
    return { path, name: line.name, method, forecastBefore: line.forecastOutturn, forecastAfter: round(projection, 0) };
  });
}

function withForecasts(model: MonitoringPeriod, forecasts: ReadonlyMap<string, Decimal | null>): MonitoringPeriod {
  return {
    ...model,
    revenue: {
      ...model.revenue,
      groups: model.revenue.groups.map((group, g) => ({
        ...group,
        lines: group.lines.map((line, l) => {
          const path = revenueLinePath(g, l);
          return forecasts.has(path) ? { ...line, forecastOutturn: forecasts.get(path) ?? null } : line;
        }),
      })),
    },
  };
}

export function takeProjections(model: MonitoringPeriod, choices: readonly TakeChoice[]): { model: MonitoringPeriod; record: TakeRecord } {
  const rows = previewTake(model, choices);
  return { model: withForecasts(model, new Map(rows.map((r) => [r.path, r.forecastAfter]))), record: { rows } };
}

/** Every forecast the record changed, back as it was; refuses if a forecast was changed again since (it would be lost). */
export function undoTake(model: MonitoringPeriod, record: TakeRecord): MonitoringPeriod {
  for (const r of record.rows) {
    const now = lineAt(model, r.path).line.forecastOutturn;
    if (!now?.equals(r.forecastAfter)) throw new RangeError(`${r.name}'s forecast has changed since the projection was taken (now ${now?.toFixed() ?? "blank"}); undoing would lose that change, so it is left as it is`);
  }
  return withForecasts(model, new Map(record.rows.map((r) => [r.path, r.forecastBefore])));
}

/**
 * The preview's rows as the changes a workbook gateway writes (`writeImport`, which writes a forecast cell only for a
 * list of forecast changes like this one): each line's forecast, from the preview's figure to the projection taken.
 */
export function takeChanges(model: MonitoringPeriod, rows: readonly TakeRow[]): LineChange[] {
  const labels = new Map(lineTargets(model).map((t) => [t.path, t.label]));
  const perUnit = new D(model.units === "£000" ? 1000 : 1);
  return rows.map((r) => ({
    path: r.path, label: labels.get(r.path) ?? r.name, column: "forecastOutturn",
    old: r.forecastBefore, new: r.forecastAfter, pounds: r.forecastAfter.times(perUnit), rows: 0,
  }));
}
