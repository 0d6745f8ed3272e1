/** Capital programme (with the slippage/underspend split of its variance) and its financing. */
import type { CapitalLine, Decimal, MonitoringPeriod, Rag } from "../model/types";
import { ZERO, pctOf, sum } from "../model/amount";
import { capitalRag } from "./rag";
import { type LineResult, type TotalResult, lineResult, totalOf } from "./rows";

/**
 * Slippage and underspend are null when the body does not keep slippage (Settings: inputs.slippage): the variance is
 * then not split, rather than called all underspend.
 */
export interface CapitalLineResult extends LineResult<CapitalLine> {
  /** Budget slipping into next year (positive = slipping); not a variance, so independent of the sign convention. */
  slippage: Decimal | null;
  /** The rest of the favourable variance: positive an underspend, negative an overspend. Independent of the convention. */
  underspend: Decimal | null;
}

export interface CapitalPosition {
  lines: CapitalLineResult[];
  programme: TotalResult;
  slippage: Decimal | null;
  underspend: Decimal | null;
  /** Slippage as % of the programme's revised budget. */
  slippagePct: Decimal | null;
  /** Overspend (adverse variance) as % of the programme's revised budget; zero when not overspent. */
  overspendPct: Decimal;
  /** The sources of finance: none when the body does not keep its capital financing (Settings: inputs.capitalFinancing). */
  financing: LineResult[];
  funding: TotalResult;
  rag: Rag;
}

export function computeCapital(model: MonitoringPeriod): CapitalPosition {
  const { signConvention: convention, rag, inputs } = model.settings;
  const lines = model.capital.lines.map((l) => {
    const r = lineResult(l, convention, null);
    if (!inputs.slippage) return { ...r, slippage: null, underspend: null };
    const slippage = l.slippage ?? ZERO;
    return { ...r, slippage, underspend: r.favourable.minus(slippage) };
  });
  const programme = totalOf("Total Capital Programme", model.capital.lines, convention, null);
  const slippage = inputs.slippage ? sum(lines.map((l) => l.slippage)) : null;
  const budget = programme.revisedBudget.abs();
  const slippagePct = slippage && pctOf(slippage, budget);
  const overspendPct = programme.favourable.lessThan(0) ? pctOf(programme.favourable.negated(), budget) ?? ZERO : ZERO;
  // Without slippage kept, the RAG judges the overspend only: slippage it does not know is not judged (as nil).
  const capRag = capitalRag(overspendPct, slippagePct ?? ZERO, rag.capital);
  const financing = inputs.capitalFinancing ? model.capital.financing : [];
  return {
    lines: lines.map((l) => ({ ...l, rag: capitalRag(l.favourable.lessThan(0) ? pctOf(l.favourable.negated(), l.line.revisedBudget?.abs() ?? ZERO) ?? ZERO : ZERO, ZERO, rag.capital) })),
    programme: { ...programme, rag: capRag },
    slippage,
    underspend: slippage && programme.favourable.minus(slippage),
    slippagePct,
    overspendPct,
    financing: financing.map((l) => lineResult(l, convention, null)),
    funding: totalOf("Total Capital Funding", financing, convention, null),
    rag: capRag,
  };
}
