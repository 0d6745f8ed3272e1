/**
 * Commitments on the revenue lines (orders raised, not yet paid), and "spent and committed": the actual to date plus
 * the commitments. Exact (decimal.js), in the file's units. Commitments never change the forecast outturn or the
 * variance: the forecast is the budget holder's judgement of the year, and commitments inform it (an order raised may
 * already be in the forecast, or be cancelled); so nothing here feeds the variance, the RAG or the checks.
 */
import type { Decimal, MonitoringPeriod } from "../model/types";
import { ZERO } from "../model/amount";
import { revenueLinePath } from "./rows";

export interface CommitmentFigures {
  actualToDate: Decimal | null;
  /** Null: none entered on the line (a total adds those entered, 0 when none). */
  commitments: Decimal | null;
  /** Actual to date + commitments (blank counted as none); null on a line where both are blank. */
  spentAndCommitted: Decimal | null;
}

export interface CommitmentRow extends CommitmentFigures {
  /** revenue.groups[0].lines[1] for a line; revenue.groups[0] for a group's total; revenue for the total. */
  path: string;
  kind: "line" | "total";
  name: string;
  group: string | null;
}

export interface CommitmentsPosition {
  /** Every revenue line (a group's lines, then its total), in the report's order. */
  rows: CommitmentRow[];
  /** Total Net Revenue Expenditure's: the transfers to and from reserves have no commitments. */
  total: CommitmentRow;
}

/** Actual to date + commitments, a blank counted as none; null when both are blank. */
export function spentAndCommitted(actual: Decimal | null, commitments: Decimal | null): Decimal | null {
  return actual === null && commitments === null ? null : (actual ?? ZERO).plus(commitments ?? ZERO);
}

/** Whether any revenue line has commitments entered. */
export function hasCommitments(model: MonitoringPeriod): boolean {
  return model.revenue.groups.some((g) => g.lines.some((l) => l.commitments != null));
}

/** The lines' commitments and spent and committed, with group totals and the total; null when no line has any entered. */
export function commitmentsOf(model: MonitoringPeriod): CommitmentsPosition | null {
  return hasCommitments(model) ? revenueCommitments(model) : null;
}

/** As commitmentsOf, whether or not any are entered (the sheet's totals show 0 then). */
export function revenueCommitments(model: MonitoringPeriod): CommitmentsPosition {
  const rows: CommitmentRow[] = [];
  let actual = ZERO, committed = ZERO;
  model.revenue.groups.forEach((g, gi) => {
    let gActual = ZERO, gCommitted = ZERO;
    g.lines.forEach((l, li) => {
      const commitments = l.commitments ?? null;
      rows.push({ path: revenueLinePath(gi, li), kind: "line", name: l.name, group: g.name, actualToDate: l.actualToDate, commitments, spentAndCommitted: spentAndCommitted(l.actualToDate, commitments) });
      gActual = gActual.plus(l.actualToDate ?? ZERO);
      gCommitted = gCommitted.plus(commitments ?? ZERO);
    });
    rows.push(totalRow(`revenue.groups[${gi}]`, `Total ${g.name}`, gActual, gCommitted));
    actual = actual.plus(gActual);
    committed = committed.plus(gCommitted);
  });
  return { rows, total: totalRow("revenue", "Total Net Revenue Expenditure", actual, committed) };
}

function totalRow(path: string, name: string, actual: Decimal, commitments: Decimal): CommitmentRow {
  return { path, kind: "total", name, group: null, actualToDate: actual, commitments, spentAndCommitted: actual.plus(commitments) };
}
