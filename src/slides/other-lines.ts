/**
 * A deck stays a screenful a table when a period has hundreds of lines (issue 9: 33,000 lines made 3,306 slides).
 *
 * The rule: when there are more than LINES_LIMIT revenue lines (in the groups; transfers are always shown), the slides
 * show the LINES_SHOWN lines with the largest |variance| (ties: the earlier line), each in its group and in the file's
 * order; in each group, the lines not shown are added column by column (blanks as zero, as the group total adds them)
 * into one "Other lines (k)" row, unless there is only one (a row for a row: it is shown). Capital lines follow the
 * same rule. Group totals, Total Net Revenue Expenditure, the Net Budget and the programme total are the period's own
 * and do not change; the headline, the narrative and the RAG come from the whole period. An "Other lines" row carries
 * the worst RAG of the lines it adds, so a Red line cannot hide in it.
 */
import type { CapitalLine, MonitoredLine, Rag } from "../model/types";
import { sum } from "../model/amount";
import type { Position } from "../engine/position";
import { type LineResult, totalOf } from "../engine/rows";
import { worst } from "../engine/rag";
import type { CapitalLineResult } from "../engine/capital";

export const LINES_LIMIT = 12;
export const LINES_SHOWN = 8;

export const otherLinesName = (k: number): string => `Other lines (${k})`;

/** Indexes of the `shown` entries with the largest |variance|. */
function largest(variances: LineResult[], shown: number): Set<number> {
  const order = variances.map((l, i) => ({ i, size: l.variance.abs() }));
  order.sort((a, b) => b.size.comparedTo(a.size) || a.i - b.i);
  return new Set(order.slice(0, shown).map((o) => o.i));
}

function otherLine<L extends MonitoredLine>(rest: LineResult<L>[], p: Position, extra: (lines: L[]) => Partial<L>): LineResult<L> {
  const lines = rest.map((r) => r.line);
  const name = otherLinesName(rest.length);
  const t = totalOf(name, lines, p.model.settings.signConvention, null);
  const line = {
    ...(lines[0] as L), name, ref: null, commentary: null,
    originalBudget: t.originalBudget, revisedBudget: t.revisedBudget, actualToDate: t.actualToDate, forecastOutturn: t.forecastOutturn,
    ...extra(lines),
  };
  const rag: Rag = worst(...rest.map((r) => r.rag));
  return { line, favourable: t.favourable, variance: t.variance, variancePct: t.variancePct, rag };
}

/** Keeps the lines of `kept` in each list, and replaces the rest of a list, when two or more, by an "Other lines (k)" row. */
function regroup<R extends LineResult>(lists: R[][], kept: Set<R>, other: (rest: R[]) => R): R[][] {
  return lists.map((lines) => {
    const rest = lines.filter((l) => !kept.has(l));
    return rest.length < 2 ? lines : [...lines.filter((l) => kept.has(l)), other(rest)];
  });
}

/** The position as the slides show it: small lines grouped by the rule above (the same position when nothing is). */
export function withOtherLines(p: Position): Position {
  let out = p;
  const revenue = p.revenue.groups.flatMap((g) => g.lines);
  if (revenue.length > LINES_LIMIT) {
    const keep = largest(revenue, LINES_SHOWN);
    const kept = new Set(revenue.filter((_, i) => keep.has(i)));
    const lists = regroup(p.revenue.groups.map((g) => g.lines), kept, (rest) => otherLine(rest, p, () => ({})));
    out = { ...out, revenue: { ...out.revenue, groups: p.revenue.groups.map((g, i) => ({ ...g, lines: lists[i] ?? g.lines })) } };
  }
  const capital = p.capital.lines;
  if (capital.length > LINES_LIMIT) {
    const keep = largest(capital, LINES_SHOWN);
    const kept = new Set(capital.filter((_, i) => keep.has(i)));
    const [lines] = regroup([capital], kept, (rest): CapitalLineResult => ({
      ...otherLine<CapitalLine>(rest, p, (ls) => ({ slippage: sum(ls.map((l) => l.slippage)) })),
      // Blank, not a sum of blanks, when the body does not keep slippage.
      slippage: p.capital.slippage && sum(rest.map((r) => r.slippage)),
      underspend: p.capital.underspend && sum(rest.map((r) => r.underspend)),
    }));
    out = { ...out, capital: { ...out.capital, lines: lines ?? capital } };
  }
  return out;
}
