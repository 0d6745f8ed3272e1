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

/**
 * THE AMOUNT RULE (every way in: JSON numbers and strings, workbook cells, the Settings form):
 * - an optional minus sign, digits, optionally a point and more digits; no spaces, commas, £ signs, brackets or
 *   exponents (1e-7);
 * - at most 15 digits before the point and at most 6 after it;
 * - at most 15 significant digits in all, because Excel (and LibreOffice) keep 15: a 16th would be silently
 *   rounded when the workbook is written or recalculated, and a round trip would change the figures.
 * Nothing is rounded on the way in from JSON: an amount outside the rule is refused by name. A workbook cell holds
 * a binary double, so src/plans/read.ts reads it as its shortest decimal text rounded to 6 places (0.1 + 0.2 is
 * 0.3), then applies this rule. Outputs round only where they say so (percentages to 2 places in the report).
 */
export const MAX_INTEGER_DIGITS = 15;
export const MAX_DECIMAL_DIGITS = 6;
export const MAX_SIGNIFICANT_DIGITS = 15;
export const AMOUNT_PATTERN = /^-?[0-9]{1,15}(\.[0-9]{1,6})?$/;

export class AmountError extends Error {}

const TYPE_A_NUMBER = "write a number such as 1234, -1234 or 1234.56, without commas, £ signs or brackets";

/** Why a piece of text is not an amount under THE AMOUNT RULE, in words with what to type; null when it is one. */
export function amountTextProblem(text: string): string | null {
  if (text !== text.trim()) return `is "${text}", with spaces around the number; type ${text.trim() === "" ? "a number" : `just ${text.trim()}`}`;
  if (/^-?[0-9]*\.?[0-9]+e[-+]?[0-9]+$/i.test(text)) {
    const plain = new D(text).toFixed();
    return `is ${text}, written with an exponent (${plain} in full); ${amountTextProblem(plain) ?? `type ${plain}`}`;
  }
  if (!AMOUNT_PATTERN.test(text)) {
    const m = /^-?([0-9]+)(?:\.([0-9]+))?$/.exec(text);
    if (m) {
      const [, whole = "", fraction = ""] = m;
      if (whole.length > MAX_INTEGER_DIGITS) return `has ${whole.length} digits before the decimal point; amounts have at most ${MAX_INTEGER_DIGITS}`;
      if (fraction.length > MAX_DECIMAL_DIGITS) {
        return `is ${text}, with ${fraction.length} decimal places; amounts have at most ${MAX_DECIMAL_DIGITS}: type ${new D(text).toDecimalPlaces(MAX_DECIMAL_DIGITS, Decimal.ROUND_HALF_UP).toFixed()}`;
      }
    }
    return `is "${text}", not an amount: ${TYPE_A_NUMBER}`;
  }
  const significant = text.replace(/^-/, "").replace(".", "").replace(/^0+/, "").replace(/0+$/, "").length;
  if (significant > MAX_SIGNIFICANT_DIGITS) {
    return `is ${text}, with ${significant} significant digits; Excel keeps ${MAX_SIGNIFICANT_DIGITS}, so it would round it: type at most ${MAX_SIGNIFICANT_DIGITS} digits (e.g. ${new D(text).toSignificantDigits(MAX_SIGNIFICANT_DIGITS, Decimal.ROUND_HALF_UP).toFixed()})`;
  }
  return null;
}

/**
 * Reads an amount written as a JSON number or as text. Numbers reach us already checked by the loader
 * to be exactly representable (lossless-json's isSafeNumber), so their decimal text is the text written.
 */
export function parseAmount(value: unknown): Decimal {
  if (Decimal.isDecimal(value)) return value;
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new AmountError("is not a finite number");
    text = String(value);
  } else if (typeof value === "string") {
    text = value;
  } else {
    throw new AmountError(`is ${describe(value)}, not an amount`);
  }
  const problem = amountTextProblem(text);
  if (problem) throw new AmountError(problem);
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
