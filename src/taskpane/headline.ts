/**
 * The Position view's words and figures, worked out from the engine's position: pure, so the view only lays
 * them out. Money in the report's style (£2.307m, £174.2m), percentages to 2 places.
 */
import type { Decimal, PeriodId, Rag, Units } from "../model/types";
import { ZERO } from "../model/amount";
import type { Position } from "../engine/position";
import { direction, movementWords } from "../engine/convention";
import { money, formatPct, formatRate, pctPlaces } from "../engine/format";
import { pctOf } from "../model/amount";
import { periodLabel } from "../model/period";
import { problems } from "./notices";

export type HeadlineKey = "revenue" | "capital" | "reserves" | "savings";

export interface Headline {
  key: HeadlineKey;
  title: string;
  rag: Rag;
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

export interface PositionSummary {
  title: string;
  headlines: Headline[];
  /** Null when no general fund was entered. */
  band: BandFigures | null;
  /** Movement since the previous period, or a sentence saying there is none recorded. */
  movement: string;
  /** This period, e.g. "Q2". */
  period: PeriodId;
  /** The previous closed period of the year (the one movement is measured from), if any. */
  lastPeriod: PeriodId | null;
  /** RAG of each area this period and, when there is a previous period, last period (null: not recorded then). */
  ragRows: Array<{ key: HeadlineKey; title: string; now: Rag | null; last: Rag | null }>;
}

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
  ];
  return {
    title: `${model.organisation}: ${model.financialYear} ${periodLabel(model.period)}`,
    headlines: reserves ? [revenue, capital, reserves, savings] : [revenue, capital, savings],
    band,
    movement,
    period: model.period,
    lastPeriod: prev?.period ?? null,
    ragRows,
  };
}
