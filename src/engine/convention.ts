/**
 * Variances are computed once, favourable positive (revised budget − forecast outturn), and only turned
 * into the body's sign convention when presented. So switching the convention negates every variance
 * and nothing else: RAG, totals and checks work on the favourable-positive figure.
 */
import type { Decimal, Settings, SignConvention } from "../model/types";
import { ZERO } from "../model/amount";

/** Revised budget − forecast outturn; a blank counts as zero (the missing-input check reports it). */
export function favourableVariance(revisedBudget: Decimal | null, forecastOutturn: Decimal | null): Decimal {
  return (revisedBudget ?? ZERO).minus(forecastOutturn ?? ZERO);
}

/** A favourable-positive variance (or a movement in one) in the body's convention. */
export function inConvention(favourable: Decimal, convention: SignConvention): Decimal {
  // decimal.js keeps a signed zero (-0 counts as negative): a nil variance is plain zero in either convention.
  if (favourable.isZero()) return ZERO;
  return convention === "budget-minus-forecast" ? favourable : favourable.negated();
}

/** The words for a variance's direction, whatever the convention. */
export function direction(favourable: Decimal): "favourable" | "adverse" | "nil" {
  return favourable.isZero() ? "nil" : favourable.greaterThan(0) ? "favourable" : "adverse";
}

/** The words for a movement in a favourable-positive variance since the previous period, whatever the convention. */
export function movementWords(favourable: Decimal): "an improvement" | "a deterioration" | "no change" {
  return favourable.isZero() ? "no change" : favourable.greaterThan(0) ? "an improvement" : "a deterioration";
}

/**
 * A variance in words: "an adverse variance" / "a favourable variance", or "an overspend" / "an underspend" for bodies
 * that describe variances so (Settings: varianceWording); zero is "no variance".
 */
export function varianceWords(favourable: Decimal, settings: Pick<Settings, "varianceWording">): string {
  if (favourable.isZero()) return "no variance";
  if (settings.varianceWording === "underspend-overspend") return favourable.lessThan(0) ? "an overspend" : "an underspend";
  return favourable.lessThan(0) ? "an adverse variance" : "a favourable variance";
}

export { CONVENTION_LABEL } from "../model/settings/registry";
