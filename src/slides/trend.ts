/**
 * The trend and bridge slides' tables and chart data, in £000 as the other slides, built from the engine's trend
 * (src/engine/trend.ts) and bridge (src/engine/bridge.ts). Pure and free of pptxgenjs, so tests can read them.
 *
 * The bridge's chart is a waterfall from stacked bars: each bar after the first floats on an invisible base at the
 * running total. Positive and negative values stack apart (upwards and downwards from zero), so a step that crosses
 * zero is drawn as two pieces of its colour, one each side. The bars are drawn from the exact figures; the table
 * shows each figure rounded to £000 once, with a note when the rounded figures do not add exactly.
 */
import type { Decimal, Rag } from "../model/types";
import { sum } from "../model/amount";
import { formatPct, pctPlaces } from "../engine/format";
import type { Position } from "../engine/position";
import type { TrendPoint } from "../engine/trend";
import type { Bridge, BridgeStep } from "../engine/bridge";
import { type TableRowSpec, type TableSpec, k, toThousands } from "./tables";

const DASH = "–";

/** The bridge's name for a change: the line's name, marked when it was added or removed since. */
export function stepName(s: BridgeStep): string {
  return s.kind === "added" ? `${s.name} (new since)` : s.kind === "removed" ? `${s.name} (removed since)` : s.name;
}

/** "Other lines (2)", or "Other changes (2)" when the rest hold the transfers. */
export function otherName(other: NonNullable<Bridge["other"]>): string {
  return `${other.transfers ? "Other changes" : "Other lines"} (${other.count})`;
}

/** The direction of a movement in words (the table says it, not colour alone). */
function directionWords(favourable: Decimal): string {
  return favourable.isZero() ? "no change" : favourable.greaterThan(0) ? "improvement" : "deterioration";
}

/** The bridge as a table: the variance then, each change, the rest, the variance now (£000). */
export function bridgeTable(p: Position, b: Bridge): TableSpec {
  const u = p.model.units, ns = p.model.settings.negativeStyle;
  const rows: TableRowSpec[] = [
    { cells: [`Forecast variance at ${b.since}`, k(b.from, u, ns), ""], style: "subtotal" },
    ...b.steps.map((s): TableRowSpec => ({ cells: [stepName(s), k(s.movement, u, ns), directionWords(s.favourable)], style: "line" })),
    ...(b.other ? [{ cells: [otherName(b.other), k(b.other.movement, u, ns), directionWords(b.other.favourable)], style: "line" as const }] : []),
    { cells: [`Forecast variance at ${p.model.period}`, k(b.to, u, ns), ""], style: "total" },
  ];
  const whole = (d: Decimal) => toThousands(d, u).toDecimalPlaces(0, 4);
  const shown = sum([...b.steps.map((s) => whole(s.movement)), b.other ? whole(b.other.movement) : null]);
  const adds = whole(b.from).plus(shown).equals(whole(b.to));
  const convention = p.model.settings.signConvention === "budget-minus-forecast" ? "Favourable positive, adverse in brackets" : "Adverse positive, favourable in brackets";
  return {
    header: ["", "£000", "Movement"],
    rows,
    widths: [3.4, 1.2, 1.5],
    align: ["left", "right", "left"],
    note: `${convention}; the largest changes first, each line's movement since ${b.since}.${adds ? "" : " Each figure is rounded to £000 on its own, so they may not add exactly; the bars are drawn from the exact figures."}`,
  };
}

export interface WaterfallSeries {
  name: string;
  /** A hex colour, or "transparent" for the base the floating bars stand on. */
  colour: string;
  values: number[];
}

export interface Waterfall {
  labels: string[];
  series: WaterfallSeries[];
}

/**
 * The waterfall's stacked series (£000, drawn exactly): base (invisible), the two totals, improvements and
 * deteriorations, each of the last two split into the piece above zero and the piece below.
 */
export function bridgeWaterfall(p: Position, b: Bridge, colours: { total: string; improvement: string; deterioration: string }): Waterfall {
  const u = p.model.units;
  const n = (d: Decimal) => toThousands(d, u).toNumber();
  const labels = [`Variance at ${b.since}`, ...b.steps.map(stepName), ...(b.other ? [otherName(b.other)] : []), `Variance at ${p.model.period}`];
  const zero = () => labels.map(() => 0);
  const base = zero(), total = zero(), upAbove = zero(), upBelow = zero(), downAbove = zero(), downBelow = zero();
  const moves = [...b.steps.map((s) => s.movement), ...(b.other ? [b.other.movement] : [])];
  total[0] = n(b.from);
  total[labels.length - 1] = n(b.to);
  // Running totals in exact decimals, converted only to draw.
  let running = b.from;
  // In the body's convention a rise is an improvement when favourable is positive (budget − forecast).
  const risesImprove = p.model.settings.signConvention === "budget-minus-forecast";
  moves.forEach((m, i) => {
    const a = n(running), next = running.plus(m), c = n(next);
    running = next;
    const improves = m.greaterThan(0) === risesImprove;
    const [above, below] = improves ? [upAbove, upBelow] : [downAbove, downBelow];
    const lo = Math.min(a, c), hi = Math.max(a, c);
    if (lo >= 0) { base[i + 1] = lo; above[i + 1] = hi - lo; }
    else if (hi <= 0) { base[i + 1] = hi; below[i + 1] = lo - hi; }
    else { above[i + 1] = hi; below[i + 1] = lo; }
  });
  return {
    labels,
    series: [
      { name: "Base", colour: "transparent", values: base },
      { name: "Forecast variance", colour: colours.total, values: total },
      { name: "Improvement", colour: colours.improvement, values: upAbove },
      { name: "Improvement", colour: colours.improvement, values: upBelow },
      { name: "Deterioration", colour: colours.deterioration, values: downAbove },
      { name: "Deterioration", colour: colours.deterioration, values: downBelow },
    ],
  };
}

/** The trend as a table across the slide: one column per period, oldest first (£000 and %). */
export function trendTable(p: Position, points: TrendPoint[]): TableSpec {
  const u = p.model.units, ns = p.model.settings.negativeStyle, places = pctPlaces(p.model.settings);
  const rag: Record<number, Rag | null> = Object.fromEntries(points.map((t, i) => [i + 1, t.revenueRag]));
  const cell = (label: string, f: (t: TrendPoint) => string): string[] => [label, ...points.map(f)];
  return {
    header: ["", ...points.map((t) => (t.period === p.model.period ? `${t.period} (now)` : t.period))],
    rows: [
      { cells: cell("Forecast variance £000", (t) => k(t.forecastVariance, u, ns)), style: "line" },
      { cells: cell("Movement £000", (t) => (t.movement === null ? DASH : k(t.movement, u, ns))), style: "line" },
      { cells: cell("General Fund % of net budget", (t) => (t.generalFundPct === null ? DASH : formatPct(t.generalFundPct, places))), style: "line" },
      { cells: cell("Revenue RAG", (t) => t.revenueRag ?? DASH), style: "line", rag },
    ],
    widths: [2.6, ...points.map(() => 1)],
    align: ["left", ...points.map(() => "right" as const)],
  };
}

/** The trend charts' data: each period's forecast variance (£000), and the General Fund % where one was recorded. */
export function trendSeries(p: Position, points: TrendPoint[]): { variance: { labels: string[]; values: number[] }; generalFund: { labels: string[]; values: number[] } } {
  const u = p.model.units;
  const withFund = points.filter((t) => t.generalFundPct !== null);
  return {
    variance: { labels: points.map((t) => t.period), values: points.map((t) => toThousands(t.forecastVariance, u).toNumber()) },
    generalFund: { labels: withFund.map((t) => t.period), values: withFund.map((t) => t.generalFundPct?.toDecimalPlaces(pctPlaces(p.model.settings), 4).toNumber() ?? 0) },
  };
}
