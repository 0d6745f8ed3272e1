/** Figures as people read them. Exact: formatting works on Decimal text, never on a float. */
import type { Decimal, Settings, Units } from "../model/types";
import { D } from "../model/amount";
import { poundsPerUnit } from "../model/defaults";

/** 2307 -> "2,307"; -1234.5 -> "-1,234.50" (pence kept to 2 places when there are any). */
export function groupDigits(d: Decimal, dp?: number): string {
  const places = dp ?? (d.isInteger() ? 0 : 2);
  const fixed = d.abs().toFixed(places, D.ROUND_HALF_UP);
  const [whole = "0", frac] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (d.isNegative() && !new D(fixed).isZero() ? "-" : "") + grouped + (frac ? "." + frac : "");
}

/** An amount in its units for messages: "£2,307k" in a £000 file, "£2,307" in a £ file; minus sign for negatives. */
export function formatAmount(d: Decimal, units: string): string {
  const text = groupDigits(d);
  const sign = text.startsWith("-") ? "−" : "";
  return `${sign}£${text.replace(/^-/, "")}${units === "£000" ? "k" : ""}`;
}

/** A computed percentage to `dp` places (the body's setting; 2 by default), rounded once from the exact figure: "1.34%". */
export function formatPct(d: Decimal, dp = 2): string {
  return `${d.toFixed(dp, D.ROUND_HALF_UP)}%`;
}

/** A setting's percentage, as written: "3%", "0.5%". */
export function formatRate(d: Decimal): string {
  return `${d.toFixed()}%`;
}

/** The report's millions: £2.307m (3 dp) for variances and balances, £174.2m (1 dp) for big totals. */
export function formatMillions(d: Decimal, units: Units, dp: number): string {
  const m = d.times(poundsPerUnit(units)).div(1_000_000);
  return `${m.isNegative() ? "−" : ""}£${m.abs().toFixed(dp, D.ROUND_HALF_UP)}m`;
}

/** A table cell in £000 style: 2,052 or (5,191) for negatives. */
export function bracketed(d: Decimal, dp = 0): string {
  const t = groupDigits(d.abs(), dp);
  return d.isNegative() && !new D(t.replace(/,/g, "")).isZero() ? `(${t})` : t;
}

/** How many places the body shows percentages to (Settings: pctDecimals). */
export function pctPlaces(settings: Settings): number {
  return settings.pctDecimals.toNumber();
}
