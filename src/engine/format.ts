/** Figures as people read them. Exact: formatting works on Decimal text, never on a float. */
import type { Decimal, Settings } from "../model/types";
import type { NegativeStyle } from "../model/settings/registry";
import { D } from "../model/amount";

/** 2307 -> "2,307"; -1234.5 -> "-1,234.50" (pence kept to 2 places when there are any). */
export function groupDigits(d: Decimal, dp?: number): string {
  const places = dp ?? (d.isInteger() ? 0 : 2);
  const fixed = d.abs().toFixed(places, D.ROUND_HALF_UP);
  const [whole = "0", frac] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (d.isNegative() && !new D(fixed).isZero() ? "-" : "") + grouped + (frac ? "." + frac : "");
}

/**
 * Money in words: the one formatter of the checks, the narrative, the pane and the slides. Thousands separated, a
 * minus sign (−) for negatives, rounded once from the exact figure:
 * - "k" (the default): the file's units, whole: £84,841k in a £000 file, £1,235 in a £ file; an amount under one unit
 *   is shown in pounds (£500) or pence (£0.50) rather than as £0k;
 * - "m": millions to 3 places (£2.307m), for variances and balances; "m1": to 1 place (£174.2m), for big totals.
 */
export function money(d: Decimal, units: string, scale: "k" | "m" | "m1" = "k"): string {
  const pounds = d.times(units === "£000" ? 1000 : 1);
  let text: string;
  if (scale !== "k") text = `${groupDigits(pounds.div(1_000_000), scale === "m" ? 3 : 1)}m`;
  else if (units === "£000" && (d.abs().greaterThanOrEqualTo(1) || d.isZero())) text = `${groupDigits(d, 0)}k`;
  else text = groupDigits(pounds, pounds.abs().greaterThanOrEqualTo(1) || pounds.isZero() ? 0 : 2);
  const negative = text.startsWith("-");
  return `${negative ? "−" : ""}£${text.replace(/^-/, "")}`;
}

/** A computed percentage to `dp` places (the body's setting; 2 by default), rounded once from the exact figure: "1.34%". */
export function formatPct(d: Decimal, dp = 2): string {
  const text = d.toFixed(dp, D.ROUND_HALF_UP);
  // A small negative that rounds to nothing is 0.0%, not -0.0% (as a body prints it).
  return `${/^-0(\.0*)?$/.test(text) ? text.slice(1) : text}%`;
}

/** A setting's percentage, as written: "3%", "0.5%". */
export function formatRate(d: Decimal): string {
  return `${d.toFixed()}%`;
}

/** A table cell: 2,052, and a negative as (5,191) or -5,191 (Settings: negativeStyle, brackets by default). */
export function bracketed(d: Decimal, dp = 0, style: NegativeStyle = "brackets"): string {
  const t = groupDigits(d.abs(), dp);
  if (!d.isNegative() || new D(t.replace(/,/g, "")).isZero()) return t;
  return style === "minus" ? `-${t}` : `(${t})`;
}

/** A computed percentage as a table shows it, in the body's negative style: 1.34%, (3.49%) or -3.49%. */
export function pctFigure(d: Decimal, dp: number, style: NegativeStyle = "brackets"): string {
  const text = formatPct(d.abs(), dp);
  if (!d.lessThan(0) || d.abs().toDecimalPlaces(dp, D.ROUND_HALF_UP).isZero()) return text;
  return style === "minus" ? `-${text}` : `(${text})`;
}

/** How many places the body shows percentages to (Settings: pctDecimals). */
export function pctPlaces(settings: Settings): number {
  return settings.pctDecimals.toNumber();
}
