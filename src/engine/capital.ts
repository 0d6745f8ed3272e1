/** Capital programme (with the slippage/underspend split of its variance) and its financing. */
import type { CapitalLine, Decimal, MonitoringPeriod, Rag } from "../model/types";
import { ZERO, pctOf, sum } from "../model/amount";
import { capitalRag } from "./rag";
import { type LineResult, type TotalResult, lineResult, totalOf } from "./rows";

export interface CapitalLineResult extends LineResult<CapitalLine> {
  /** Budget slipping into next year (positive = slipping); not a variance, so independent of the sign convention. */
  slippage: Decimal;
  /** The rest of the favourable variance: positive an underspend, negative an overspend. Independent of the convention. */
  underspend: Decimal;
}

export interface CapitalPosition {
  lines: CapitalLineResult[];
  programme: TotalResult;
  slippage: Decimal;
  underspend: Decimal;
  /** Slippage as % of the programme's revised budget. */
  slippagePct: Decimal | null;
  /** Overspend (adverse variance) as % of the programme's revised budget; zero when not overspent. */
  overspendPct: Decimal;
  financing: LineResult[];
  funding: TotalResult;
  rag: Rag;
}

export function computeCapital(model: MonitoringPeriod): CapitalPosition {
  const { signConvention: convention, rag } = model.settings;
  const lines = model.capital.lines.map((l) => {
    const r = lineResult(l, convention, null);
    const slippage = l.slippage ?? ZERO;
    return { ...r, slippage, underspend: r.favourable.minus(slippage) };
  });
  const programme = totalOf("Total Capital Programme", model.capital.lines, convention, null);
  const slippage = sum(lines.map((l) => l.slippage));
  const budget = programme.revisedBudget.abs();
  const slippagePct = pctOf(slippage, budget);
  const overspendPct = programme.favourable.lessThan(0) ? pctOf(programme.favourable.negated(), budget) ?? ZERO : ZERO;
  const capRag = capitalRag(overspendPct, slippagePct ?? ZERO, rag.capital);
  return {
    lines: lines.map((l) => ({ ...l, rag: capitalRag(l.favourable.lessThan(0) ? pctOf(l.favourable.negated(), l.line.revisedBudget?.abs() ?? ZERO) ?? ZERO : ZERO, ZERO, rag.capital) })),
    programme: { ...programme, rag: capRag },
    slippage,
    underspend: programme.favourable.minus(slippage),
    slippagePct,
    overspendPct,
    financing: model.capital.financing.map((l) => lineResult(l, convention, null)),
    funding: totalOf("Total Capital Funding", model.capital.financing, convention, null),
    rag: capRag,
  };
}
