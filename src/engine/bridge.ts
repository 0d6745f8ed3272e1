/**
 * The bridge from the forecast variance at the latest earlier closed period to this period's: what moved it, line by
 * line, the largest first, with every other change added into one remainder, so that
 *   from + (each step) + other = to, exactly (decimals, no rounding).
 *
 * The changes are: each revenue line's movement (matched by group and name, as the movement by line), a line added
 * since (its whole variance: it had none then), a line removed since (its variance then, reversed), and the transfers
 * to/(from) reserves (the snapshot keeps the Net Budget and the group lines: the transfers then are what the Net
 * Budget held beyond its lines). Together they are the Net Budget's movement exactly. Null without an earlier closed
 * period that kept its lines.
 */
import type { Decimal, PeriodId } from "../model/types";
import { ZERO, sum } from "../model/amount";
import { favourableVariance, inConvention } from "./convention";
import { type Position, previousSnapshot } from "./position";
import { revenueLinePath } from "./rows";

/** How many changes a bridge shows on its own before the rest are added into "other lines". */
export const BRIDGE_STEPS = 6;

export interface BridgeStep {
  /** The line's name ("Transfers to/(from) reserves" for the transfers). */
  name: string;
  /** "line" (moved), "added" or "removed" since, or "transfers". */
  kind: "line" | "added" | "removed" | "transfers";
  /** The line's place now (null for a removed line and the transfers). */
  path: string | null;
  /** The change, favourable positive (an improvement is positive). */
  favourable: Decimal;
  /** The same in the body's convention. */
  movement: Decimal;
}

export interface Bridge {
  since: PeriodId;
  /** The forecast variance at `since` and now, in the body's convention. */
  from: Decimal;
  to: Decimal;
  /** The largest changes (by size), at most `shown` of them; changes of zero are left out. */
  steps: BridgeStep[];
  /**
   * Every other change added together (null when there is none): how many, whether the transfers are among them,
   * favourable positive and in the body's convention.
   */
  other: { count: number; transfers: boolean; favourable: Decimal; movement: Decimal } | null;
}

const key = (group: string, name: string) => `${group}\u0000${name}`;

export function bridgeOf(p: Position, shown = BRIDGE_STEPS): Bridge | null {
  const previous = previousSnapshot(p.model);
  if (!previous?.lines) return null;
  const convention = p.model.settings.signConvention;
  const step = (name: string, kind: BridgeStep["kind"], path: string | null, favourable: Decimal): BridgeStep =>
    ({ name, kind, path, favourable, movement: inConvention(favourable, convention) });

  const before = new Map(previous.lines.map((l) => [key(l.group, l.name), favourableVariance(l.revisedBudget, l.forecastOutturn)]));
  const changes: BridgeStep[] = [];
  const seen = new Set<string>();
  p.revenue.groups.forEach((g, gi) => g.lines.forEach((r, li) => {
    const k = key(g.group.name, r.line.name);
    const was = before.get(k);
    seen.add(k);
    changes.push(was === undefined ? step(r.line.name, "added", revenueLinePath(gi, li), r.favourable) : step(r.line.name, "line", revenueLinePath(gi, li), r.favourable.minus(was)));
  }));
  for (const l of previous.lines) {
    if (!seen.has(key(l.group, l.name))) changes.push(step(l.name, "removed", null, ZERO.minus(before.get(key(l.group, l.name)) ?? ZERO)));
  }
  const previousNet = favourableVariance(previous.revenue.revisedBudget, previous.revenue.forecastOutturn);
  const transfersThen = previousNet.minus(sum([...before.values()]));
  const transfersNow = sum(p.revenue.transfers.map((t) => t.favourable));
  changes.push(step("Transfers to/(from) reserves", "transfers", null, transfersNow.minus(transfersThen)));

  // The largest first on the exact values; ties keep the sheet's order (Array.prototype.sort is stable).
  const moved = changes.filter((c) => !c.favourable.isZero()).sort((a, b) => b.favourable.abs().comparedTo(a.favourable.abs()));
  const rest = moved.slice(shown);
  const otherFavourable = sum(rest.map((c) => c.favourable));
  return {
    since: previous.period,
    from: inConvention(previousNet, convention),
    to: p.revenue.netBudget.variance,
    steps: moved.slice(0, shown),
    other: rest.length ? { count: rest.length, transfers: rest.some((c) => c.kind === "transfers"), favourable: otherFavourable, movement: inConvention(otherFavourable, convention) } : null,
  };
}
