/** RAG rules applied to figures. The rules themselves are data (Settings.rag); this only evaluates them. */
import type { Decimal, Rag, RagSettings, Threshold, VarianceRagRule } from "../model/types";
import { HUNDRED, max, min } from "../model/amount";

const ORDER: Record<Rag, number> = { Green: 0, Amber: 1, Red: 2 };

export function worst(...rags: Array<Rag | null>): Rag {
  return rags.reduce<Rag>((w, r) => (r && ORDER[r] > ORDER[w] ? r : w), "Green");
}

/** The adverse size at which a threshold is reached, or null when it has neither an amount nor a %. */
export function thresholdLimit(t: Threshold, budget: Decimal, combine: VarianceRagRule["combine"]): Decimal | null {
  const byPct = t.pct === null ? null : t.pct.times(budget.abs()).div(HUNDRED);
  if (t.amount === null) return byPct;
  if (byPct === null) return t.amount;
  return combine === "lower" ? min(t.amount, byPct) : max(t.amount, byPct);
}

/** RAG of a favourable-positive variance against the line's revised budget. */
export function varianceRag(rule: VarianceRagRule, favourable: Decimal, budget: Decimal): Rag {
  if (favourable.greaterThanOrEqualTo(0) && rule.favourableIsGreen) return "Green";
  const size = favourable.abs();
  if (size.isZero()) return "Green";
  const reached = (t: Threshold) => {
    const limit = thresholdLimit(t, budget, rule.combine);
    return limit !== null && size.greaterThanOrEqualTo(limit);
  };
  if (reached(rule.red)) return "Red";
  if (reached(rule.amber)) return "Amber";
  return "Green";
}

export type BandPosition = "below the minimum" | "within" | "above the maximum";

export function bandPosition(pct: Decimal, minimumPct: Decimal, maximumPct: Decimal): BandPosition {
  if (pct.lessThan(minimumPct)) return "below the minimum";
  if (pct.greaterThan(maximumPct)) return "above the maximum";
  return "within";
}

/** General fund %: Red below the minimum; Amber above the maximum or within the warning margin above the minimum. */
export function generalFundRag(pct: Decimal, band: { minimumPct: Decimal; maximumPct: Decimal }, rules: RagSettings["generalFund"]): Rag {
  const where = bandPosition(pct, band.minimumPct, band.maximumPct);
  if (where === "below the minimum") return "Red";
  if (where === "above the maximum") return "Amber";
  return pct.lessThan(band.minimumPct.plus(rules.warningMarginPct)) ? "Amber" : "Green";
}

/** Capital: overspend % and slippage %, each of the programme's revised budget; the worse of the two. */
export function capitalRag(overspendPct: Decimal, slippagePct: Decimal, rules: RagSettings["capital"]): Rag {
  const overspend: Rag = overspendPct.greaterThan(0) && overspendPct.greaterThanOrEqualTo(rules.overspendRedPct) ? "Red"
    : overspendPct.greaterThan(0) && overspendPct.greaterThanOrEqualTo(rules.overspendAmberPct) ? "Amber" : "Green";
  const slippage: Rag = slippagePct.greaterThanOrEqualTo(rules.slippageRedPct) ? "Red"
    : slippagePct.greaterThanOrEqualTo(rules.slippageAmberPct) ? "Amber" : "Green";
  return worst(overspend, slippage);
}

export function savingsRag(achievedPct: Decimal | null, rules: RagSettings["savings"]): Rag {
  if (achievedPct === null) return "Green";
  if (achievedPct.greaterThanOrEqualTo(rules.greenPct)) return "Green";
  if (achievedPct.greaterThanOrEqualTo(rules.amberPct)) return "Amber";
  return "Red";
}
