/**
 * The movement of each revenue line's variance since the latest earlier closed period, largest first: what moved the
 * forecast. A line is matched to the closed period's by its group and name (paths change when lines are inserted;
 * names are what the treasurer reads). Favourable positive like every variance here, and given in the body's
 * convention too. Null when there is no earlier closed period, or it was closed before lines were kept.
 */
import type { Decimal, PeriodId } from "../model/types";
import { favourableVariance, inConvention } from "./convention";
import { type Position, previousSnapshot } from "./position";
import { revenueLinePath } from "./rows";
import { snapshotLineKey } from "./previous-variances";

export interface LineMovement {
  path: string;
  group: string;
  name: string;
  /** The line's variance at the earlier period, in the body's convention; null for a line that was not there. */
  previousVariance: Decimal | null;
  variance: Decimal;
  /** The change in the favourable-positive variance (an improvement is positive); null for a new line. */
  favourable: Decimal | null;
  /** The same in the body's convention. */
  movement: Decimal | null;
}

export interface LineMovements {
  since: PeriodId;
  /** Every line, the largest movement first (new lines last). */
  lines: LineMovement[];
}

export function lineMovements(p: Position): LineMovements | null {
  const previous = previousSnapshot(p.model);
  if (!previous?.lines) return null;
  const convention = p.model.settings.signConvention;
  const before = new Map(previous.lines.map((l) => [snapshotLineKey(l.group, l.name), favourableVariance(l.revisedBudget, l.forecastOutturn)]));
  const lines = p.revenue.groups.flatMap((g, gi) => g.lines.map((r, li): LineMovement => {
    const was = before.get(snapshotLineKey(g.group.name, r.line.name)) ?? null;
    const favourable = was === null ? null : r.favourable.minus(was);
    return {
      path: revenueLinePath(gi, li), group: g.group.name, name: r.line.name,
      previousVariance: was === null ? null : inConvention(was, convention), variance: r.variance,
      favourable, movement: favourable === null ? null : inConvention(favourable, convention),
    };
  }));
  const size = (m: LineMovement) => m.favourable?.abs().toNumber() ?? -1;
  // Sorted on the exact values: toNumber only orders, and ties keep the sheet's order (Array.prototype.sort is stable).
  lines.sort((a, b) => (a.favourable && b.favourable ? b.favourable.abs().comparedTo(a.favourable.abs()) : size(b) - size(a)));
  return { since: previous.period, lines };
}
