/**
 * The position after a refresh, worked out from the previous one where that is exact: a period that differs from the
 * previous in one revenue input is updated through the engine's incremental path (src/engine/incremental.ts,
 * editRevenue: the changed line, its totals, the headline); the same period keeps its position; anything else is
 * computed again. editRevenue's own model must equal the period read, figure for figure, or it is not used.
 */
import type { MonitoredColumn, MonitoringPeriod, RevenueLine } from "../model/types";
import { type Position, computePosition } from "../engine/position";
import { type RevenueEdit, editRevenue } from "../engine/incremental";
import { sameData } from "../model/same-data";

/** A period read and the position computed from it. */
export interface Computed {
  model: MonitoringPeriod;
  position: Position;
}

const COLUMNS: readonly MonitoredColumn[] = ["originalBudget", "revisedBudget", "actualToDate", "forecastOutturn"];

const same = (a: RevenueLine[MonitoredColumn], b: RevenueLine[MonitoredColumn]) => (a === null || b === null ? a === b : a.eq(b));

/**
 * The one revenue input (line and column) whose value differs between the two periods' revenue lines, "same" when none
 * does, or null when more than one does or the lines do not pair up. Other fields are not compared here.
 */
export function revenueInputChanged(before: MonitoringPeriod, after: MonitoringPeriod): RevenueEdit | "same" | null {
  const b = before.revenue, a = after.revenue;
  if (b.groups.length !== a.groups.length || b.transfers.length !== a.transfers.length) return null;
  const lists: Array<{ group: number | "transfers"; before: RevenueLine[]; after: RevenueLine[] }> = [
    ...b.groups.map((g, i) => ({ group: i, before: g.lines, after: a.groups[i]?.lines ?? [] })),
    { group: "transfers", before: b.transfers, after: a.transfers },
  ];
  let found: RevenueEdit | null = null;
  for (const list of lists) {
    if (list.before.length !== list.after.length) return null;
    for (let line = 0; line < list.before.length; line++) {
      const was = list.before[line] as RevenueLine, now = list.after[line] as RevenueLine;
      for (const column of COLUMNS) {
        if (same(was[column], now[column])) continue;
        if (found) return null;
        found = { group: list.group, line, column, value: now[column] };
      }
    }
  }
  return found ?? "same";
}

/** The position of `model`, from `previous` where exact (see the module comment). */
export function positionAfter(previous: Computed | null, model: MonitoringPeriod): Position {
  const change = previous ? revenueInputChanged(previous.model, model) : null;
  if (!previous || change === null) return computePosition(model);
  if (change === "same") return sameData(previous.model, model) ? previous.position : computePosition(model);
  const updated = editRevenue(previous.position, change);
  return sameData(updated.model, model) ? updated : computePosition(model);
}
