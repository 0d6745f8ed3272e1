/**
 * Budget profiles: how much of a line's annual budget falls in the months of the year so far.
 *
 * A profile is kept as twelve monthly weights (April first); the budget to date after n months is
 * annual budget × (weights of months 1..n) ÷ (weights of the year), one exact division at the end, so a flat profile
 * gives exactly budget × n ÷ 12 and a custom profile exactly budget × (sum of its %s to date) ÷ 100 (the Profiles
 * sheet's formula). A profile that cannot be used (a custom profile not summing to 100, a last-year profile without
 * last year's months, or whose months add to nothing) has no weights: the line has no budget to date, and a check
 * says why.
 */
import type { BudgetProfile, Decimal, RevenueLine } from "../model/types";
import { D, HUNDRED, ZERO } from "../model/amount";

export const MONTHS_IN_YEAR = 12;

export type ProfileWeights = { weights: readonly Decimal[]; problem: null } | { weights: null; problem: string };

const ONE = new D(1);
// One array for every flat line, so its running totals (below) are worked out once per computation, not per line.
const FLAT: readonly Decimal[] = Object.freeze(Array.from({ length: MONTHS_IN_YEAR }, () => ONE));

/**
 * Running totals of a weights array (index n: months 1..n; index 12: the year), kept per array: a large period asks
 * for the same profile's totals for every line, several times per refresh. Exact, as the sums they replace.
 */
const runningTotals = new WeakMap<readonly Decimal[], Decimal[]>();
function totalsOf(weights: readonly Decimal[]): Decimal[] {
  let totals = runningTotals.get(weights);
  if (!totals) {
    totals = [ZERO];
    for (const w of weights) totals.push((totals[totals.length - 1] as Decimal).plus(w));
    runningTotals.set(weights, totals);
  }
  return totals;
}
/** The weights of months 1..n, and of the whole array. */
function toDateAndYear(weights: readonly Decimal[], months: number): { toDate: Decimal; year: Decimal } {
  const totals = totalsOf(weights);
  const n = Math.max(0, Math.min(months, weights.length));
  return { toDate: totals[n] as Decimal, year: totals[weights.length] as Decimal };
}

/** The twelve monthly weights of a line's profile (flat when it has none), or why there are none. */
export function profileWeights(line: Pick<RevenueLine, "profile" | "lastYearMonthly">): ProfileWeights {
  const profile: BudgetProfile = line.profile ?? { kind: "flat" };
  switch (profile.kind) {
    case "flat":
      return { weights: FLAT, problem: null };
    case "custom": {
      if (profile.monthlyPct.length !== MONTHS_IN_YEAR) return { weights: null, problem: `its custom profile has ${profile.monthlyPct.length} months; give twelve %s, April first` };
      if (profile.monthlyPct.some((p) => p.isNegative())) return { weights: null, problem: "its custom profile has a negative month; give twelve %s of 0 or more" };
      const total = toDateAndYear(profile.monthlyPct, MONTHS_IN_YEAR).year;
      if (!total.equals(HUNDRED)) return { weights: null, problem: `its custom profile's twelve %s add up to ${total.toFixed()}, not 100; correct them so they add up to exactly 100` };
      return { weights: profile.monthlyPct, problem: null };
    }
    case "lastYear": {
      const months = line.lastYearMonthly ?? null;
      if (!months || months.length !== MONTHS_IN_YEAR) return { weights: null, problem: "its profile is last year's pattern, but last year's twelve monthly actuals are not given; enter them or choose another profile" };
      if (toDateAndYear(months, MONTHS_IN_YEAR).year.isZero()) return { weights: null, problem: "its profile is last year's pattern, but last year's monthly actuals add up to nothing; choose another profile" };
      return { weights: months, problem: null };
    }
    case "payLike": {
      const from = profile.awardFromMonth;
      if (!Number.isInteger(from) || from < 1 || from > MONTHS_IN_YEAR) return { weights: null, problem: `its pay profile's award month is ${from}; give a month from 1 (April) to 12 (March)` };
      // Flat pay, lifted by the award from its month on: months before weigh 1, months from it weigh 1 + award%.
      const lifted = ONE.plus(profile.awardPct.div(HUNDRED));
      return { weights: Array.from({ length: MONTHS_IN_YEAR }, (_, i) => (i + 1 < from ? ONE : lifted)), problem: null };
    }
  }
}

/** The share of the year's weights in months 1..n (exact: one division). */
export function shareToDate(weights: readonly Decimal[], months: number): Decimal {
  const { toDate, year } = toDateAndYear(weights, months);
  return year.isZero() ? ZERO : toDate.div(year);
}

/**
 * Weights to date ÷ weights of the year where that is an exact decimal (a flat profile at a quarter's end: 3/12 =
 * 0.25), else null; kept per array and month. Then annual × share is the same correctly rounded figure as annual ×
 * to date ÷ year (both round the one exact result), and a multiplication costs a fraction of a 40-digit division.
 */
const exactShares = new WeakMap<readonly Decimal[], Array<Decimal | null>>();
function exactShare(weights: readonly Decimal[], months: number, toDate: Decimal, year: Decimal): Decimal | null {
  let shares = exactShares.get(weights);
  if (!shares) exactShares.set(weights, (shares = []));
  let share = shares[months];
  if (share === undefined) {
    const q = toDate.div(year);
    // Exact when the quotient did not fill the precision and times the year (a product short enough to be exact)
    // gives back the weights to date.
    const exact = q.sd() + year.sd() < D.precision && q.times(year).equals(toDate);
    share = shares[months] = exact ? q : null;
  }
  return share;
}

/** The budget profiled to the end of month n (1 = April): annual budget × weights to date ÷ weights of the year. */
export function budgetToDate(annualBudget: Decimal, weights: readonly Decimal[], months: number): Decimal {
  const { toDate, year } = toDateAndYear(weights, months);
  if (year.isZero()) return ZERO;
  const share = exactShare(weights, months, toDate, year);
  return share ? annualBudget.times(share) : annualBudget.times(toDate).div(year);
}
