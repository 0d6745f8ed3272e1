/**
 * Exact amounts. Every amount and ratio is a decimal.js `Decimal`; this module is the one place that
 * turns input text into amounts and amounts into report text, so binary floating point never touches money.
 */
import Decimal from "decimal.js";

/** Enough significant digits for 15-digit amounts divided to many places; rounding as Excel's ROUND (half away from zero). */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type { Decimal };

export const ZERO = new D(0);
export const HUNDRED = new D(100);

/** At most 15 digits before the point and 6 after, optional minus sign: what a ledger or a report holds. */
export const AMOUNT_PATTERN = /^-?[0-9]{1,15}(\.[0-9]{1,6})?$/;

export class AmountError extends Error {}

/**
 * Reads an amount written as a JSON number or as text. Numbers reach us already checked by the loader
 * to be exactly representable (lossless-json's isSafeNumber), so their decimal text is the text written.
 */
export function parseAmount(value: unknown): Decimal {
  if (Decimal.isDecimal(value)) return value as Decimal;
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new AmountError("is not a finite number");
    text = String(value);
    if (/e/i.test(text)) text = new D(text).toFixed();
  } else if (typeof value === "string") {
    text = value.trim();
  } else {
    throw new AmountError(`is ${describe(value)}, not an amount`);
  }
  if (!AMOUNT_PATTERN.test(text)) {
    const digits = text.replace(/^-/, "").split(".")[0] ?? "";
    if (/^[0-9]+$/.test(digits) && digits.length > 15) {
      throw new AmountError(`has ${digits.length} digits before the decimal point; amounts have at most 15`);
    }
    throw new AmountError(`is "${text}", not an amount: write a number such as 1234, -1234 or 1234.56, without commas, £ signs or brackets`);
  }
  return new D(text);
}

export function describe(value: unknown): string {
  if (value === null) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `the text "${value}"`;
  if (typeof value === "boolean") return `${value}`;
  return `a ${typeof value}`;
}

export function sum(values: Iterable<Decimal | null>): Decimal {
  let total = ZERO;
  for (const v of values) if (v) total = total.plus(v);
  return total;
}

/** a / b × 100; null when b is zero (a % of nothing is not a number). */
export function pctOf(a: Decimal, b: Decimal): Decimal | null {
  if (b.isZero()) return null;
  return a.div(b).times(HUNDRED);
}

/** Rounded to `dp` places, half away from zero (as Excel's ROUND); still a Decimal. */
export function round(d: Decimal, dp: number): Decimal {
  return d.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP);
}

export function max(a: Decimal, b: Decimal): Decimal {
  return a.greaterThan(b) ? a : b;
}
export function min(a: Decimal, b: Decimal): Decimal {
  return a.lessThan(b) ? a : b;
}
