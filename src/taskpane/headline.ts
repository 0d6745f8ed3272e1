/**
 * The Position view's words and figures, worked out from the engine's position: pure, so the view only lays
 * them out. Money in the report's style (£2.307m, £174.2m), percentages to 2 places.
 */
import type { Decimal, PeriodId, Rag, Units } from "../model/types";
import { ZERO } from "../model/amount";
import type { Position } from "../engine/position";
import { direction, movementWords } from "../engine/convention";
import { money, formatPct, formatRate, groupDigits, pctPlaces } from "../engine/format";
import { grantBandsOf } from "../model/workforce";
import { STRENGTH_INPUT_WORDS } from "../engine/workforce";
import { pctOf } from "../model/amount";
import { periodLabel } from "../model/period";
import { problems } from "./notices";

export type HeadlineKey = "revenue" | "capital" | "reserves" | "savings" | "workforce";

export interface Headline {
  key: HeadlineKey;
  title: string;
  /** Null: not yet entered (a Workforce sheet without its figures): no RAG colour, the card says NOT_YET_ENTERED. */
  rag: Rag | null;
  /** The figure in large type, e.g. "£2.307m adverse". */
  figure: string;
  /** A sentence or two of context. */
  detail: string[];
}

export interface BandFigures {
  minimumPct: number;
  maximumPct: number;
  budgetedPct: number;
  forecastPct: number;
  /** Text alternative of the drawing: every figure it shows, in words. */
  description: string;
  labels: { minimum: string; maximum: string; budgeted: string; forecast: string };
  rag: Rag;
}

/** The officer headcount on the grant's bands (issue 14): the target, the forecast at the count date, each band's zone. */
export interface TargetFigures {
  /** Headcounts, as numbers for drawing only (the words carry the exact figures). */
  target: number;
  forecast: number;
  /** Each band of the settings as headcounts, with what it withholds: none (green), all (red) or part (amber). */
  zones: Array<{ from: number; to: number | null; withheld: "none" | "part" | "all" }>;
  labels: { target: string; forecast: string };
  /** Text alternative of the drawing: every figure it shows, in words. */
  description: string;
}

export interface PositionSummary {
  title: string;
  headlines: Headline[];
  /** Null when no general fund was entered. */
  band: BandFigures | null;
  /** Null when the period has no officer target. */
  target: TargetFigures | null;
  /** Movement since the previous period, or a sentence saying there is none recorded. */
  movement: string;
  /** This period, e.g. "Q2". */
  period: PeriodId;
  /** The previous closed period of the year (the one movement is measured from), if any. */
  lastPeriod: PeriodId | null;
  /** RAG of each area this period and, when there is a previous period, last period (null: not recorded then). */
  ragRows: Array<{ key: HeadlineKey; title: string; now: Rag | null; last: Rag | null; /** Said when `now` is null (default "not judged"). */ unjudged?: string }>;
}

/** In place of a RAG for figures nobody has entered yet (the workforce): a Green on blanks would mislead. */
export const NOT_YET_ENTERED = "Not yet entered";

const m = (d: Decimal, units: Units, scale: "m" | "m1" = "m") => money(d.abs(), units, scale);

/** "£2.307m adverse", "£0.120m favourable", "nil". */
function signed(favourable: Decimal, units: Units): string {
  const dir = direction(favourable);
  return dir === "nil" ? "nil" : `${m(favourable, units)} ${dir}`;
}

/** Why there is no position to show yet (a blank template: no net budget), or null. */
export function notYet(p: Position): string | null {
  if (!p.revenue.netBudget.revisedBudget.isZero()) return null;
  return problems.blankTemplate;
}

export function summarise(p: Position): PositionSummary {
  const { model } = p;
  const units = model.units;
  const net = p.revenue.netBudget;
  const revenuePct = pctOf(net.favourable.abs(), net.revisedBudget.abs()) ?? ZERO;
  const revenue: Headline = {
    key: "revenue",
    title: "Revenue",
    rag: p.rag.revenue,
    figure: signed(net.favourable, units),
    detail: [
      `Forecast outturn ${m(net.forecastOutturn, units, "m1")} against a net budget of ${m(net.revisedBudget, units, "m1")}` +
        (net.favourable.isZero() ? "." : `: ${formatPct(revenuePct, pctPlaces(p.model.settings))} ${direction(net.favourable)}.`),
    ],
  };

  const cap = p.capital;
  const capDetail = [`Forecast ${m(cap.programme.forecastOutturn, units)} against a revised budget of ${m(cap.programme.revisedBudget, units)}.`];
  if (cap.slippage && cap.underspend && (!cap.slippage.isZero() || !cap.underspend.isZero())) {
    const under = cap.underspend.isNegative() ? `an overspend of ${m(cap.underspend, units)}` : `underspends of ${m(cap.underspend, units)}`;
    capDetail.push(`Slippage of ${m(cap.slippage, units)}${cap.slippagePct ? ` (${formatPct(cap.slippagePct, pctPlaces(p.model.settings))} of the budget)` : ""} and ${under}.`);
  }
  const capital: Headline = { key: "capital", title: "Capital", rag: p.rag.capital, figure: signed(cap.programme.favourable, units), detail: capDetail };

  // Without a general fund there is no reserves headline or band: it is not judged (the checks say so once).
  const gf = p.reserves.generalFundPolicy;
  const reserves: Headline | null = gf && p.rag.reserves && {
    key: "reserves",
    title: "General fund",
    rag: p.rag.reserves,
    figure: `${formatPct(gf.forecastPct, pctPlaces(p.model.settings))} of net budget`,
    detail: [
      `Forecast ${m(gf.forecastClosing, units)} at year end after the forecast revenue variance: ${gf.forecastBand === "within" ? `within the band of ${formatRate(gf.minimumPct)} to ${formatRate(gf.maximumPct)}` : `${gf.forecastBand} of ${formatRate(gf.forecastBand === "below the minimum" ? gf.minimumPct : gf.maximumPct)} (band ${formatRate(gf.minimumPct)} to ${formatRate(gf.maximumPct)})`}.`,
      `Budgeted to close at ${m(gf.budgetedClosing, units)} (${formatPct(gf.budgetedPct, pctPlaces(p.model.settings))}).`,
    ],
  };

  const sav = p.savings;
  const savings: Headline = {
    key: "savings",
    title: "Savings",
    rag: p.rag.savings,
    figure: sav.achievedPct ? `${formatPct(sav.achievedPct, pctPlaces(p.model.settings))} achieved` : "none planned",
    detail: [
      `${m(sav.achieved, units)} delivered or forecast of ${m(sav.planned, units)} planned; ${m(sav.unachieved, units)} not yet achieved.`,
    ],
  };

  const toNumber = (d: Decimal) => Number(d.toFixed(4));
  const band: BandFigures | null = gf && p.rag.reserves && {
    minimumPct: toNumber(gf.minimumPct),
    maximumPct: toNumber(gf.maximumPct),
    budgetedPct: toNumber(gf.budgetedPct),
    forecastPct: toNumber(gf.forecastPct),
    labels: {
      minimum: `Minimum ${formatRate(gf.minimumPct)}`,
      maximum: `Maximum ${formatRate(gf.maximumPct)}`,
      budgeted: `Budgeted ${formatPct(gf.budgetedPct, pctPlaces(p.model.settings))}`,
      forecast: `Forecast ${formatPct(gf.forecastPct, pctPlaces(p.model.settings))}`,
    },
    description:
      `General fund as a percentage of the net budget, against the reserves policy band from a minimum of ${formatRate(gf.minimumPct)} ` +
      `to a maximum of ${formatRate(gf.maximumPct)}: budgeted ${formatPct(gf.budgetedPct, pctPlaces(p.model.settings))} (${gf.budgetedBand === "within" ? "within the band" : gf.budgetedBand}), ` +
      `forecast ${formatPct(gf.forecastPct, pctPlaces(p.model.settings))} (${gf.forecastBand === "within" ? "within the band" : gf.forecastBand}).`,
    rag: p.rag.reserves,
  };

  const { headline: workforce, target } = workforceSummary(p);

  let movement: string;
  if (p.movement) {
    const prev = p.movement.previous;
    const before = prev.revenue.revisedBudget.minus(prev.revenue.forecastOutturn);
    const change = p.movement.favourable;
    const words = movementWords(change);
    const changeWords = change.isZero() ? words : `${words} of ${m(change, units)}`;
    movement = `Since ${prev.period}: the revenue variance was ${signed(before, units)} and is now ${signed(net.favourable, units)}, ${changeWords}.`;
    if (prev.generalFund) movement += ` The general fund forecast was ${formatPct(prev.generalFund.forecastPct, pctPlaces(p.model.settings))}.`;
  } else {
    movement = "No earlier period of this year has been closed, so there is no movement to show yet.";
  }

  const prev = p.movement?.previous ?? null;
  const ragRows: PositionSummary["ragRows"] = [
    { key: "revenue", title: "Revenue", now: p.rag.revenue, last: prev?.revenue.rag ?? null },
    { key: "capital", title: "Capital", now: p.rag.capital, last: prev?.capital?.rag ?? null },
    { key: "reserves", title: "General fund", now: p.rag.reserves, last: prev?.generalFund?.rag ?? null },
    { key: "savings", title: "Savings", now: p.rag.savings, last: prev?.savings?.rag ?? null },
    ...(p.workforce ? [{ key: "workforce" as const, title: "Workforce", now: p.workforce.rag, last: null, ...(p.workforce.rag ? {} : { unjudged: NOT_YET_ENTERED.toLowerCase() }) }] : []),
  ];
  return {
    title: `${model.organisation}: ${model.financialYear} ${periodLabel(model.period)}`,
    headlines: [revenue, capital, ...(reserves ? [reserves] : []), savings, ...(workforce ? [workforce] : [])],
    band,
    target,
    movement,
    period: model.period,
    lastPeriod: prev?.period ?? null,
    ragRows,
  };
}

/** FTE and headcounts as written (2,159.5 keeps its place). */
const people = (d: Decimal) => groupDigits(d, d.isInteger() ? 0 : d.decimalPlaces());
const signedPeople = (d: Decimal) => (d.greaterThan(0) ? `+${people(d)}` : d.lessThan(0) ? `−${people(d.abs())}` : "0");

/** The workforce headline (strength against establishment, the target gap, the grant at risk) and the target's bar. */
function workforceSummary(p: Position): { headline: Headline | null; target: TargetFigures | null } {
  const w = p.workforce;
  if (!w) return { headline: null, target: null };
  const units = p.model.units;
  const dp = pctPlaces(p.model.settings);
  const pct = (d: Decimal | null) => (d === null ? "" : ` (${d.greaterThan(0) ? "+" : ""}${formatPct(d, dp)})`);
  const detail = w.groups.map((g) => g.missing.length
    ? `${g.group.name}: not yet entered (no ${g.missing.map((k) => STRENGTH_INPUT_WORDS[k]).join(" or ")} typed).`
    : `${g.group.name}: ${people(g.actualFte)} FTE now, ${people(g.forecastFte)} forecast at year end, against an establishment of ${people(g.establishmentFte)}${pct(g.forecastVariancePct)}.`);
  if (w.rag === null) detail.unshift(w.notEntered.length < w.groups.length ? "No total RAG until every group is entered." : "Type each group's establishment and strength on the Workforce sheet.");
  const t = w.target;
  if (t) {
    const risk = t.grantAtRisk === null ? "no band covers it: add the band in Settings" : t.grantAtRisk.isZero() ? `none of the ${m(t.target.grant, units)} grant at risk` : `${m(t.grantAtRisk, units)} of the ${m(t.target.grant, units)} grant at risk`;
    detail.push(`Officer target ${people(t.target.targetHeadcount)} at ${t.target.countDate}: forecast ${people(t.forecastHeadcount)}, ${t.gap.lessThan(0) ? `${people(t.gap.abs())} short` : t.gap.isZero() ? "on target" : `${people(t.gap)} over`}; ${risk}.`);
  }
  const headline: Headline = {
    key: "workforce", title: "Workforce", rag: w.rag,
    // A total over groups not all entered is off by whole groups: no figure of it, only what is left to type.
    figure: w.rag !== null ? `${signedPeople(w.forecastVarianceFte)} FTE to establishment at year end`
      : w.groups.length ? `${w.groups.length - w.notEntered.length} of ${w.groups.length} groups entered` : NOT_YET_ENTERED,
    detail,
  };
  if (!t) return { headline, target: null };
  const toNumber = (d: Decimal) => Number(d.toFixed(4));
  const headcountAt = (pctOfTarget: Decimal) => toNumber(t.target.targetHeadcount.times(pctOfTarget).div(100));
  const zones = grantBandsOf(p.model.settings).map((b) => ({
    from: headcountAt(b.fromPct), to: b.toPct === null ? null : headcountAt(b.toPct),
    withheld: b.withheldPct.isZero() ? "none" as const : b.withheldPct.greaterThanOrEqualTo(100) ? "all" as const : "part" as const,
  }));
  const bands = grantBandsOf(p.model.settings).map((b) => `${formatRate(b.fromPct)}${b.toPct === null ? " or more" : ` to ${formatRate(b.toPct)}`} of the target, ${formatRate(b.withheldPct)} withheld`).join("; ");
  return {
    headline,
    target: {
      target: toNumber(t.target.targetHeadcount), forecast: toNumber(t.forecastHeadcount), zones,
      labels: { target: `Target ${people(t.target.targetHeadcount)}`, forecast: `Forecast ${people(t.forecastHeadcount)}` },
      description: `Officer headcount forecast at ${people(t.forecastHeadcount)} on ${t.target.countDate} against a target of ${people(t.target.targetHeadcount)} (${t.achievedPct === null ? "no target" : `${formatPct(t.achievedPct, dp)} of it`}); ` +
        `the grant's bands: ${bands || "none set"}. ${t.grantAtRisk === null ? "No band covers the forecast, so the grant at risk is not known." : `Grant at risk ${m(t.grantAtRisk, units)} of ${m(t.target.grant, units)}.`}`,
    },
  };
}
