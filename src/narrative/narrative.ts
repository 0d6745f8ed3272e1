/**
 * The period's narrative in the published style of the quarterly report: one paragraph each for revenue, the general
 * fund and reserves, capital, and savings. Pure: a position in, paragraphs out.
 *
 * Words (favourable/adverse, improvement/deterioration, reduce/increase) come from the favourable-positive figures,
 * and the numbers are magnitudes, so both sign conventions give the same text. Money is in £m whatever the file's
 * units: big totals to 1 dp (£174.2m), variances and balances to 3 dp (£2.307m), savings to 1 dp when that is exact
 * (£0.9m) and 3 dp otherwise; computed percentages to 2 dp (1.34%), settings as written (3%).
 * Signs are tested with greaterThan(0)/lessThan(0), never isPositive()/isNegative(): decimal.js calls 0 positive and −0 negative.
 */
import type { Decimal, PeriodId, Units } from "../model/types";
import { poundsPerUnit } from "../model/defaults";
import { periodLabel } from "../model/period";
import { money, formatPct, formatRate, groupDigits, pctPlaces } from "../engine/format";
import type { Position } from "../engine/position";
import { STRENGTH_INPUT_WORDS } from "../engine/workforce";
import { lineMovements } from "../engine/line-movements";
import { varianceWords } from "../engine/convention";

/** How an earlier period is named in a sentence: "Q1", "August (month 5)" or "the provisional outturn". */
export function periodName(p: PeriodId): string {
  if (p === "PO" || p === "FO") return `the ${periodLabel(p).toLowerCase()}`;
  return p.startsWith("Q") ? p : periodLabel(p);
}

/** "2024/25" -> { start: 2024, end: 2025 }; null when the year is not written that way. */
export function yearBounds(financialYear: string): { start: number; end: number } | null {
  const m = /^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/.exec(financialYear.trim());
  if (!m) return null;
  const start = Number(m[1]);
  return { start, end: start + 1 };
}

/** "2025/26" for "2024/25"; "next year" when the year cannot be read. */
export const m1 = (d: Decimal, u: Units) => money(d, u, "m1");
const m3 = (d: Decimal, u: Units) => money(d, u, "m");
/**
 * Savings in £m as published: 1 dp (£0.9m) when that is exact for `d` and every amount of `together` (the figures
 * said alongside, so a sentence does not mix £4.5m with £3.750m), else 3 dp.
 */
export function formatSavingsMillions(d: Decimal, u: Units, together: readonly Decimal[] = []): string {
  const exact = [d, ...together].every((x) => x.times(poundsPerUnit(u)).div(1_000_000).decimalPlaces() <= 1);
  return money(d, u, exact ? "m1" : "m");
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}

/** The revenue paragraph: the forecast against the budget, the variance, and the movement since the last period. */
export function revenueParagraph(p: Position): string {
  const u = p.model.units;
  const nb = p.revenue.netBudget;
  const fav = nb.favourable;
  const pct = nb.variancePct === null ? "" : ` or ${formatPct(nb.variancePct.abs(), pctPlaces(p.model.settings))}`;
  const sentences: string[] = [];
  // "a favourable position", or "an underspend" for bodies that speak of under- and overspends.
  const position = (words: "favourable" | "adverse") => (p.model.settings.varianceWording === "underspend-overspend" ? (words === "adverse" ? "an overspend" : "an underspend") : `${article(words)} position`);
  if (fav.isZero()) {
    sentences.push(`The overall revenue spend for the year is forecast to be ${m1(nb.forecastOutturn, u)}, in line with the budget of ${m1(nb.revisedBudget, u)}.`);
  } else {
    sentences.push(`The overall revenue spend for the year is forecast to be ${m1(nb.forecastOutturn, u)} against a budget of ${m1(nb.revisedBudget, u)}, ${varianceWords(fav, p.model.settings)} of ${m3(fav.abs(), u)}${pct}.`);
  }
  const mv = p.movement;
  if (mv) {
    const since = periodName(mv.previous.period);
    const before = fav.minus(mv.favourable); // the previous period's variance, favourable positive
    const change = mv.favourable;
    const size = m3(change.abs(), u);
    if (change.isZero()) {
      sentences.push(`The forecast is unchanged since ${since}.`);
    } else if (change.greaterThan(0)) {
      if (fav.lessThan(0)) sentences.push(`Whilst this is still ${position("adverse")}, it is an improvement of ${size} since ${since}.`);
      else if (before.lessThan(0)) sentences.push(`This is an improvement of ${size} since ${since}, when ${varianceWords(before, p.model.settings)} of ${m3(before.abs(), u)} was forecast.`);
      else sentences.push(`This is an improvement of ${size} since ${since}.`);
    } else {
      if (fav.greaterThan(0)) sentences.push(`Whilst this is still ${position("favourable")}, it is a deterioration of ${size} since ${since}.`);
      else if (before.greaterThan(0)) sentences.push(`This is a deterioration of ${size} since ${since}, when ${varianceWords(before, p.model.settings)} of ${m3(before, u)} was forecast.`);
      else sentences.push(`This is a deterioration of ${size} since ${since}.`);
    }
  }
  const largest = largestLineChanges(p);
  if (largest) sentences.push(largest);
  return sentences.join(" ");
}

/** "The largest changes since August (month 5) are Pay (a deterioration of £0.030m) and ...": up to three lines that moved. */
function largestLineChanges(p: Position): string | null {
  const moves = lineMovements(p);
  const moved = moves?.lines.filter((l) => l.favourable && !l.favourable.isZero()).slice(0, 3) ?? [];
  if (!moves || moved.length === 0) return null;
  const u = p.model.units;
  const words = moved.map((l) => `${l.name} (${(l.favourable as Decimal).greaterThan(0) ? "an improvement" : "a deterioration"} of ${m3((l.favourable as Decimal).abs(), u)})`);
  const list = words.length === 1 ? words[0] : `${words.slice(0, -1).join(", ")} and ${words.at(-1) ?? ""}`;
  return `The largest ${moved.length === 1 ? "change" : "changes"} by line since ${periodName(moves.since)} ${moved.length === 1 ? "is" : "are"} ${list}.`;
}

/** The general fund paragraph: the balance after the forecast variance against the reserves policy band, and usable reserves. */
export function reservesParagraph(p: Position): string {
  const u = p.model.units;
  const gf = p.reserves.generalFundPolicy;
  const fav = p.revenue.netBudget.favourable;
  const sentences: string[] = [];
  // Without a general fund there is no balance to speak of: no sentence about it falling or against the band.
  if (gf) {
    const min = formatRate(gf.minimumPct), max = formatRate(gf.maximumPct);
    const band = gf.forecastBand === "below the minimum" ? `below the minimum level of reserves of ${min}`
      : gf.forecastBand === "above the maximum" ? `above the maximum level of reserves of ${max}`
      : `within the minimum and maximum levels of reserves of ${min} and ${max}`;
    const verb = fav.lessThan(0) ? "reduce the General Fund Balance to" : fav.greaterThan(0) ? "increase the General Fund Balance to" : "leave the General Fund Balance at";
    sentences.push(`The current forecast would ${verb} ${m3(gf.forecastClosing, u)}, equivalent to ${formatPct(gf.forecastPct, pctPlaces(p.model.settings))} of Net Revenue Expenditure which would be ${band}.`);
  }
  if (!p.model.reserves.length) return sentences.join(" ");
  const usable = p.reserves.totalUsable;
  const opening = usable.openingBalance, closing = usable.forecastClosing;
  const dates = yearBounds(p.model.financialYear);
  const by = dates ? `by 31 March ${dates.end}` : "by the end of the year";
  const from = dates ? ` at 1 April ${dates.start}` : " at the start of the year";
  if (closing.lessThan(opening)) sentences.push(`Total usable reserves are forecast to fall from ${m3(opening, u)}${from} to ${m3(closing, u)} ${by}.`);
  else if (closing.greaterThan(opening)) sentences.push(`Total usable reserves are forecast to rise from ${m3(opening, u)}${from} to ${m3(closing, u)} ${by}.`);
  else sentences.push(`Total usable reserves are forecast to remain at ${m3(opening, u)} ${by}.`);
  return sentences.join(" ");
}

/** How the capital variance splits into slippage and underspend (or overspend). */
function capitalSplit(p: Position): string {
  const u = p.model.units;
  const { slippage, underspend } = p.capital;
  // A body that does not keep slippage (Settings: inputs.slippage): the split is not known, so none is said.
  if (slippage === null || underspend === null) return "";
  const fav = p.capital.programme.favourable;
  const slip = slippage.greaterThan(0) ? `slippage of ${m3(slippage, u)}` : slippage.lessThan(0) ? `spending brought forward of ${m3(slippage.abs(), u)}` : null;
  const under = underspend.greaterThan(0) ? `forecast underspends of ${m3(underspend, u)}` : underspend.lessThan(0) ? `forecast overspends of ${m3(underspend.abs(), u)}` : null;
  const size = m3(fav.abs(), u);
  if (fav.greaterThan(0)) {
    if (slip && underspend.lessThan(0)) return `The variance of ${size} is made up of ${slip}, offset by ${under}.`;
    if (slip && under) return `The variance of ${size} is made up of ${slip} and ${under}.`;
    if (slip) return `The variance of ${size} is all ${slip.replace(/ of .*/, "")}.`;
    return `The variance of ${size} is all forecast underspends.`;
  }
  if (fav.lessThan(0)) {
    if (slip && under) return `This is made up of ${under}, partly offset by ${slip}.`;
    return "";
  }
  return slip && under ? `This is after ${slip}, offset by ${under}.` : "";
}

/** The borrowing line of the financing, if any. */
function borrowingSentence(p: Position): string | null {
  const borrowing = p.capital.financing.find((f) => /borrow/i.test(f.line.name));
  if (!borrowing || borrowing.favourable.isZero()) return null;
  return `This will ${borrowing.favourable.greaterThan(0) ? "reduce" : "increase"} the borrowing required in ${p.model.financialYear}.`;
}

/** The capital paragraph: forecast against the revised budget, the split of the variance, and the effect on borrowing. */
export function capitalParagraph(p: Position): string {
  const u = p.model.units;
  const prog = p.capital.programme;
  const fav = prog.favourable;
  const head = `The Capital Programme is currently predicting expenditure of ${m3(prog.forecastOutturn, u)} against a revised budget of ${m3(prog.revisedBudget, u)} for the year`;
  const original = prog.originalBudget;
  const since = !original.isZero() && !original.equals(prog.revisedBudget) ? ` (the original budget was ${m3(original, u)})` : "";
  const sentences = [
    fav.lessThan(0) ? `${head}${since}, an overspend of ${m3(fav.abs(), u)}.` : fav.isZero() ? `${head}${since}, in line with the budget.` : `${head}${since}.`,
    capitalSplit(p),
    borrowingSentence(p) ?? "",
  ];
  return sentences.filter((s) => s !== "").join(" ");
}

/** The savings paragraph: planned, achieved, and what remains to achieve. */
export function savingsParagraph(p: Position): string {
  const u = p.model.units;
  const s = p.savings;
  const year = p.model.financialYear;
  const group = [s.planned, s.achieved, s.unachieved, s.replacementAchieved, s.expectedNextYear];
  const sm = (d: Decimal) => formatSavingsMillions(d, u, group);
  if (s.planned.isZero() && s.achieved.isZero()) return `No savings were built into the ${year} budget.`;
  const replacement = s.replacementAchieved.greaterThan(0)
    ? `, including ${sm(s.replacementAchieved)} of new savings replacing those no longer being taken forward`
    : "";
  const sentences = [
    `Savings of ${sm(s.planned)} were built into the ${year} budget; ${sm(s.achieved)} have been delivered or are forecast to be delivered in the year${replacement}.`,
  ];
  if (s.unachieved.isZero()) {
    sentences.push("All of the savings built into the budget have been achieved or are forecast to be achieved.");
  } else {
    const later = s.expectedNextYear.greaterThan(0) ? `, although ${sm(s.expectedNextYear)} of these are currently forecast to deliver for ${nextYear(year)}` : "";
    sentences.push(`At this stage there remains ${sm(s.unachieved)} of savings built into the budget that have not yet been achieved${later}.`);
  }
  return sentences.join(" ");
}

/** "2025/26" for "2024/25"; "next year" when the year cannot be read. */
export function nextYear(financialYear: string): string {
  const y = yearBounds(financialYear);
  return y ? `${y.end}/${String((y.end + 1) % 100).padStart(2, "0")}` : "next year";
}

/**
 * The workforce paragraph (issue 14), only for a period with workforce figures: each group's forecast strength at the
 * year end against its establishment ("Officer strength is forecast at 2,159.5 FTE against an establishment of 2,210
 * FTE, 50.5 FTE (2.29%) below it"), then the officer target, its gap and the grant at risk.
 */
export function workforceParagraph(p: Position): string | null {
  const w = p.workforce;
  if (!w) return null;
  const u = p.model.units;
  const dp = pctPlaces(p.model.settings);
  const fte = (d: Decimal) => groupDigits(d, d.isInteger() ? 0 : d.decimalPlaces());
  const sentences = w.groups.map((g) => {
    const subject = g.group.kind === "officers" ? "Officer strength" : g.group.kind === "pcsos" ? "PCSO strength" : `${g.group.name} strength`;
    // Nothing to report on blanks read as 0 ("forecast at 0 FTE ... in line with it" would read as a position).
    if (g.missing.length) return `${subject} is not yet reported: the ${g.missing.map((k) => STRENGTH_INPUT_WORDS[k]).join(" and the ")} ${g.missing.length > 1 ? "are" : "is"} not yet entered.`;
    const off = g.forecastVarianceFte;
    const where = off.isZero() ? "in line with it" : `${fte(off.abs())} FTE${g.forecastVariancePct === null ? "" : ` (${formatPct(g.forecastVariancePct.abs(), dp)})`} ${off.lessThan(0) ? "below" : "above"} it`;
    return `${subject} is forecast at ${fte(g.forecastFte)} FTE at the end of the year against an establishment of ${fte(g.establishmentFte)} FTE, ${where}.`;
  });
  const t = w.target;
  if (t) {
    const short = t.gap.lessThan(0);
    const head = `The officer headcount is forecast at ${fte(t.forecastHeadcount)} on ${t.target.countDate} against the Home Office target of ${fte(t.target.targetHeadcount)}`;
    const risk = t.grantAtRisk === null
      ? "no band of the grant conditions covers that level, so the grant at risk is not known"
      : t.grantAtRisk.isZero() ? `the grant of ${m3(t.target.grant, u)} is forecast to be paid in full` : `${m3(t.grantAtRisk, u)} of the ${m3(t.target.grant, u)} grant is at risk`;
    sentences.push(`${head}, ${short ? `${fte(t.gap.abs())} short` : t.gap.isZero() ? "meeting it" : `${fte(t.gap)} above it`}; ${risk}.`);
  }
  if (w.overtimeTotal) {
    const o = w.overtimeTotal;
    const words = o.favourable.isZero() ? "in line with the budget" : `${varianceWords(o.favourable, p.model.settings)} of ${m3(o.favourable.abs(), u)}`;
    sentences.push(`Overtime is forecast at ${m3(o.forecast, u)} against a budget of ${m3(o.budget, u)}, ${words}.`);
  }
  return sentences.join(" ");
}

/** The narrative of the period: revenue, the general fund and reserves, capital, savings (one paragraph each), and the workforce when the period has it. */
export function narrative(position: Position): string[] {
  const workforce = workforceParagraph(position);
  return [revenueParagraph(position), reservesParagraph(position), capitalParagraph(position), savingsParagraph(position), ...(workforce ? [workforce] : [])];
}

