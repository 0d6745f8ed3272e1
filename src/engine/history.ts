/**
 * Closing a period and carrying its key figures forward. Pure: models in, models out; nothing is mutated.
 *
 * - `snapshotOf(position)`: the key figures and RAG of the period, as a PeriodSnapshot (budget and forecast, not
 *   variances, so a snapshot does not depend on the sign convention).
 * - `closePeriod(model, position, closedOn)`: the model with that snapshot in its history, replacing any earlier
 *   snapshot of the same period. Closing again with the same figures changes nothing (not even the date).
 * - `reopenPeriod(model, period)`: the model without that period's snapshot.
 * - `rollForward(model, nextPeriod)`: the next period's model, starting from this period's figures, with the
 *   closed history carried forward.
 *
 * History is always one snapshot per period, sorted by the month the period ends (then quarters before months).
 */
import type { Decimal, MonitoredLine, MonitoringPeriod, PeriodId, PeriodSnapshot, SnapshotTransfer } from "../model/types";
import { PERIODS, endMonth } from "../model/period";
import { ZERO } from "../model/amount";
import type { Position } from "./position";

/** A closing or roll-forward that cannot be done, in words for the treasurer. */
export class HistoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HistoryError";
  }
}

/** Places kept of the general fund % (the loader accepts at most 6). */
export const SNAPSHOT_PCT_DP = 4;

const ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** The key figures and RAG of the position's period. `closedOn` is an ISO date (YYYY-MM-DD) or null. */
export function snapshotOf(position: Position, closedOn: string | null = null): PeriodSnapshot {
  const { model, revenue, capital, reserves, savings, rag } = position;
  const gf = reserves.generalFundPolicy;
  return {
    period: model.period,
    revenue: { revisedBudget: revenue.netBudget.revisedBudget, forecastOutturn: revenue.netBudget.forecastOutturn, rag: rag.revenue },
    capital: { revisedBudget: capital.programme.revisedBudget, forecastOutturn: capital.programme.forecastOutturn, slippage: capital.slippage, rag: rag.capital },
    generalFund: gf && { forecastClosing: gf.forecastClosing, forecastPct: gf.forecastPct.toDecimalPlaces(SNAPSHOT_PCT_DP), rag: rag.reserves },
    savings: { planned: savings.planned, achieved: savings.achieved, rag: rag.savings },
    closedOn,
    lines: model.revenue.groups.flatMap((g) => g.lines.map((l) => ({ group: g.name, ...snapshotLine(l) }))),
    transfers: model.revenue.transfers.map(snapshotLine),
    ...(position.workforce ? { workforce: { establishmentFte: position.workforce.establishmentFte, actualFte: position.workforce.actualFte, forecastFte: position.workforce.forecastFte } } : {}),
  };
}

const snapshotLine = (l: MonitoredLine): SnapshotTransfer =>
  ({ name: l.name, revisedBudget: l.revisedBudget ?? ZERO, forecastOutturn: l.forecastOutturn ?? ZERO });

/** Orders snapshots by the month their period ends; a quarter before the month it ends in. */
export function compareSnapshots(a: PeriodSnapshot, b: PeriodSnapshot): number {
  return endMonth(a.period) - endMonth(b.period) || PERIODS.indexOf(a.period) - PERIODS.indexOf(b.period);
}

/** History with one snapshot per period (the last given wins), sorted. */
export function normaliseHistory(history: readonly PeriodSnapshot[]): PeriodSnapshot[] {
  const byPeriod = new Map<PeriodId, PeriodSnapshot>();
  for (const s of history) byPeriod.set(s.period, s);
  return [...byPeriod.values()].sort(compareSnapshots);
}

const sameAmount = (a: Decimal | null, b: Decimal | null) => (a === null || b === null ? a === b : a.equals(b));

/** Whether two snapshots hold the same figures and RAG (the closing date is not compared). */
export function sameFigures(a: PeriodSnapshot, b: PeriodSnapshot): boolean {
  const part = <T extends object>(x: T | null, y: T | null, keys: Array<keyof T>) =>
    x === null || y === null
      ? x === y
      : keys.every((k) => {
          const u = x[k] as unknown, v = y[k] as unknown;
          return typeof u === "object" && u !== null ? sameAmount(u as Decimal, v as Decimal | null) : u === v;
        });
  return a.period === b.period
    && part(a.revenue, b.revenue, ["revisedBudget", "forecastOutturn", "rag"])
    && part(a.capital, b.capital, ["revisedBudget", "forecastOutturn", "slippage", "rag"])
    && part(a.generalFund, b.generalFund, ["forecastClosing", "forecastPct", "rag"])
    && part(a.savings, b.savings, ["planned", "achieved", "rag"])
    && sameLines(a.lines, b.lines) && sameLines(a.transfers, b.transfers);
}

function sameLines(a: ReadonlyArray<SnapshotTransfer & { group?: string }> | undefined, b: ReadonlyArray<SnapshotTransfer & { group?: string }> | undefined): boolean {
  if (!a || !b) return !a === !b;
  return a.length === b.length && a.every((l, i) => {
    const m = b[i];
    return !!m && l.group === m.group && l.name === m.name && l.revisedBudget.equals(m.revisedBudget) && l.forecastOutturn.equals(m.forecastOutturn);
  });
}

/**
 * The model with its period closed: the snapshot of `position` added to the history, replacing an earlier snapshot
 * of the same period. Closing again with unchanged figures returns an equal model (the first closing date is kept).
 * @param position computePosition(model) (the figures closed)
 * @param closedOn ISO date, e.g. "2024-10-31", or null
 */
export function closePeriod(model: MonitoringPeriod, position: Position, closedOn: string | null): MonitoringPeriod {
  if (position.model.period !== model.period || position.model.financialYear !== model.financialYear) {
    throw new HistoryError(`The figures given are for ${position.model.financialYear} ${position.model.period}, but the period being closed is ${model.financialYear} ${model.period}; recalculate the position first.`);
  }
  if (closedOn !== null && !ISO_DATE.test(closedOn)) {
    throw new HistoryError(`The closing date "${closedOn}" is not a date written as YYYY-MM-DD, e.g. 2024-10-31.`);
  }
  const fresh = snapshotOf(position, closedOn);
  const existing = model.history.find((s) => s.period === model.period);
  const snapshot = existing && sameFigures(existing, fresh) ? existing : fresh;
  return { ...model, history: normaliseHistory([...model.history.filter((s) => s.period !== model.period), snapshot]) };
}

/** Whether the model's own period has a snapshot in its history. */
export function isClosed(model: MonitoringPeriod): boolean {
  return model.history.some((s) => s.period === model.period);
}

/** The model without the snapshot of `period` (reopening it); other periods' snapshots are kept. */
export function reopenPeriod(model: MonitoringPeriod, period: PeriodId): MonitoringPeriod {
  return { ...model, history: normaliseHistory(model.history.filter((s) => s.period !== period)) };
}

/**
 * The next period's model: this period's figures as the starting point (the treasurer then updates actuals and
 * forecasts), the closed history carried forward, and no control totals (they were the totals of this period's
 * published report and would not reconcile with the next period's actuals).
 * The period must be closed first, so the next period can show the movement since it.
 */
export function rollForward(model: MonitoringPeriod, nextPeriod: PeriodId): MonitoringPeriod {
  if (endMonth(nextPeriod) <= endMonth(model.period)) {
    throw new HistoryError(`${nextPeriod} does not come after ${model.period} in the financial year; roll forward to a later period.`);
  }
  if (!isClosed(model)) {
    throw new HistoryError(`Close ${model.period} before rolling forward to ${nextPeriod}, so ${nextPeriod} can show the movement since ${model.period}.`);
  }
  return {
    ...model,
    period: nextPeriod,
    history: normaliseHistory(model.history.filter((s) => endMonth(s.period) < endMonth(nextPeriod))),
    controlTotals: null,
  };
}
