/**
 * Each revenue row's variance at the latest earlier closed period, for a report that prints last period's variance
 * beside this one's by line ("Forecast Variance Month 7" beside Month 9). Keyed by the report's row paths
 * (revenue.groups[0].lines[1], revenue.groups[0], revenue.groups, revenue.transfers[0], revenue), in the body's
 * convention.
 *
 * Lines are matched to the closed period's by group and name (paths change when lines are inserted; names are what the
 * treasurer reads), a transfer by its name among the closed period's transfers. A group's total then is the sum of its lines then
 * (lines since removed included: they were its variance); Total Net Revenue Expenditure the sum of every group line
 * then; the Net Budget is the closed period's headline. A row with nothing to match (a new line, a snapshot closed
 * before Outturn kept lines) has null: no figure rather than a made-up zero.
 */
import type { Decimal, PeriodId, SnapshotTransfer } from "../model/types";
import { sum } from "../model/amount";
import { favourableVariance, inConvention } from "./convention";
import { type Position, previousSnapshot } from "./position";
import { revenueLinePath } from "./rows";

/** The key of a line in a snapshot: its group and its name. */
export function snapshotLineKey(group: string, name: string): string {
  return `${group}\u0000${name}`;
}

export interface PreviousVariances {
  since: PeriodId;
  /** By the report's row path; null where the earlier period has no figure for the row. */
  byPath: Map<string, Decimal | null>;
}

export function previousVariances(p: Position): PreviousVariances | null {
  const previous = previousSnapshot(p.model);
  if (!previous) return null;
  const convention = p.model.settings.signConvention;
  const out = new Map<string, Decimal | null>();
  const shown = (favourable: Decimal | null) => (favourable === null ? null : inConvention(favourable, convention));
  out.set("revenue", shown(favourableVariance(previous.revenue.revisedBudget, previous.revenue.forecastOutturn)));
  const lines = previous.lines ?? null;
  const fav = (l: SnapshotTransfer) => favourableVariance(l.revisedBudget, l.forecastOutturn);
  const byKey = new Map((lines ?? []).map((l) => [snapshotLineKey(l.group, l.name), fav(l)]));
  const transfers = new Map((previous.transfers ?? []).map((l) => [l.name, fav(l)]));
  const groupTotal = (name: string) => {
    const mine = (lines ?? []).filter((l) => l.group === name);
    return mine.length ? sum(mine.map(fav)) : null;
  };
  p.revenue.groups.forEach((g, gi) => {
    g.lines.forEach((r, li) => out.set(revenueLinePath(gi, li), shown(byKey.get(snapshotLineKey(g.group.name, r.line.name)) ?? null)));
    out.set(`revenue.groups[${gi}]`, shown(groupTotal(g.group.name)));
  });
  out.set("revenue.groups", shown(lines?.length ? sum(lines.map(fav)) : null));
  p.revenue.transfers.forEach((r, i) => out.set(`revenue.transfers[${i}]`, shown(transfers.get(r.line.name) ?? null)));
  return { since: previous.period, byPath: out };
}
