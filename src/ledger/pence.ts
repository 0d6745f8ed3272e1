/**
 * A ledger amount on the import's per-row path, kept out of binary floating point without a Decimal per row: almost
 * every ledger amount is a whole number of pence, held as a safe integer (exact, and adding two is one machine
 * addition); anything else (fractions of a penny, 14 or more digits of pounds) as a Decimal of pounds. A 500,000-row
 * export spent most of its time building and adding Decimals (issue 12's benchmark); sums are converted to Decimal
 * once per code.
 */
import { D, type Decimal } from "../model/amount";

/** Pence as a safe integer (a number), or pounds as a Decimal. Never a fraction of a penny in a number. */
export type LedgerAmount = number | Decimal;

export const poundsOf = (a: LedgerAmount): Decimal => (typeof a === "number" ? new D(a).div(100) : a);
export const negated = (a: LedgerAmount): LedgerAmount => (typeof a === "number" ? (a === 0 ? 0 : -a) : a.neg());
export const isNegative = (a: LedgerAmount): boolean => (typeof a === "number" ? a < 0 : a.isNegative());
export const isZero = (a: LedgerAmount): boolean => (typeof a === "number" ? a === 0 : a.isZero());
export const absolute = (a: LedgerAmount): LedgerAmount => (typeof a === "number" ? Math.abs(a) : a.abs());

/** a + b, exactly: in pence while the sum is a safe integer, else in Decimal. */
export function plus(a: LedgerAmount, b: LedgerAmount): LedgerAmount {
  if (typeof a === "number" && typeof b === "number") {
    // Two safe integers: their sum is exact whenever it is itself safe (a sum past 2^53 rounds to an unsafe one).
    const s = a + b;
    if (Number.isSafeInteger(s)) return s;
  }
  return poundsOf(a).plus(poundsOf(b));
}

export const minus = (a: LedgerAmount, b: LedgerAmount): LedgerAmount => plus(a, negated(b));

/**
 * An exact running total: whole pence in a safe integer, the rest (amounts given as Decimals, and the pence carried
 * over when the integer would pass 2^53) in a Decimal.
 */
export class ExactSum {
  private pence = 0;
  private rest: Decimal | null = null;

  add(a: LedgerAmount): void {
    if (typeof a === "number") {
      const s = this.pence + a;
      if (Number.isSafeInteger(s)) { this.pence = s; return; }
      this.carry();
      this.pence = a;
      return;
    }
    this.rest = this.rest === null ? a : this.rest.plus(a);
  }

  /** Adds another sum (times -1 when `negate`). */
  addSum(other: ExactSum, negate = false): void {
    this.add(negate ? negated(other.pence) : other.pence);
    if (other.rest !== null) this.add(negate ? other.rest.neg() : other.rest);
  }

  private carry(): void {
    if (this.pence !== 0) this.rest = this.rest === null ? poundsOf(this.pence) : this.rest.plus(poundsOf(this.pence));
    this.pence = 0;
  }

  /** The total in pounds. */
  value(): Decimal {
    const p = poundsOf(this.pence);
    return this.rest === null ? p : p.plus(this.rest);
  }
}
