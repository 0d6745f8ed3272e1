/**
 * History: the key figures and RAG of earlier closed periods of the year, oldest first (the model's PeriodSnapshot).
 * The Summary takes the previous period's variance and RAG from here. All cells are inputs (Outturn fills them when a
 * period is closed); a period's part left blank (e.g. capital) means it was not recorded.
 */
import { SheetBuilder } from "../../builder";
import type { PlanContext } from "../../context";
import { ragFormat } from "../../styles";
import type { SheetPlan } from "../../types";
import { titleRows, unitsCell } from "../common";
import { PERIODS } from "../../../model/period";
import type { SnapshotTransfer } from "../../../model/types";
import { COMMON_MARKERS } from "../markers";
import { HISTORY_COLS, HISTORY_LINE_COLS, HISTORY_MARKERS, HISTORY_ROWS, HISTORY_WORKFORCE_COLS } from "./markers";
import { FTE_FORMAT } from "../workforce/markers";

export { HISTORY_COLS };

export const HISTORY_HEADINGS = [
  "Period", "Closed on", "Revenue: revised budget", "Revenue: forecast outturn", "Revenue RAG",
  "Capital: revised budget", "Capital: forecast outturn", "Capital: slippage", "Capital RAG",
  "General Fund: forecast closing", "General Fund: % of net budget", "Reserves RAG",
  "Savings: planned", "Savings: achieved", "Savings RAG",
];
/** The rows of the History sheet the Summary looks the previous period up in (one row per period: 16 at most, with room to spare). */
export const HISTORY_LOOKUP = { first: 6, last: 40 } as const;
export const RAG_VALUES = ["Red", "Amber", "Green"];

export interface HistoryAnchors {
  /** Row of each snapshot, in the model's order. */
  rows: number[];
}

export function historySheet(ctx: PlanContext): { plan: SheetPlan; anchors: HistoryAnchors } {
  const { model } = ctx;
  const C = HISTORY_COLS;
  const b = new SheetBuilder("History", ctx.names.History, [
    { width: 9 }, { width: 12 }, ...Array.from({ length: 13 }, () => ({ width: 13 })), { width: 12, hidden: true },
  ], C.key);
  b.freeze = { rows: 5, columns: 1 };
  titleRows(b, ctx, "Closed periods", "O");
  HISTORY_HEADINGS.forEach((h, i) => b.label(4, String.fromCharCode(65 + i), h, "header"));
  b.key(4, COMMON_MARKERS.header);
  for (const col of ["C", "D", "F", "G", "H", "J", "M", "N"]) unitsCell(b, ctx, 5, col);
  b.label(5, "B", "YYYY-MM-DD", "headerUnits");
  b.label(5, "K", "%", "headerUnits");
  b.fill(5, 1, 15, "headerUnits");
  b.key(5, COMMON_MARKERS.units);
  const rows: number[] = [];
  let row = 6;
  model.history.forEach((s, i) => {
    b.inputText(row, C.period, s.period);
    b.inputText(row, C.closedOn, s.closedOn);
    b.inputAmount(row, C.revenueBudget, s.revenue.revisedBudget, ctx.amount);
    b.inputAmount(row, C.revenueForecast, s.revenue.forecastOutturn, ctx.amount);
    b.inputText(row, C.revenueRag, s.revenue.rag);
    b.inputAmount(row, C.capitalBudget, s.capital?.revisedBudget ?? null, ctx.amount);
    b.inputAmount(row, C.capitalForecast, s.capital?.forecastOutturn ?? null, ctx.amount);
    b.inputAmount(row, C.capitalSlippage, s.capital?.slippage ?? null, ctx.amount);
    b.inputText(row, C.capitalRag, s.capital?.rag ?? null);
    b.inputAmount(row, C.gfClosing, s.generalFund?.forecastClosing ?? null, ctx.amount);
    b.inputAmount(row, C.gfPct, s.generalFund ? s.generalFund.forecastPct.div(100) : null, ctx.pct);
    b.inputText(row, C.gfRag, s.generalFund?.rag ?? null);
    b.inputAmount(row, C.savingsPlanned, s.savings?.planned ?? null, ctx.amount);
    b.inputAmount(row, C.savingsAchieved, s.savings?.achieved ?? null, ctx.amount);
    b.inputText(row, C.savingsRag, s.savings?.rag ?? null);
    b.key(row, HISTORY_MARKERS.snapshot, HISTORY_ROWS.snapshot(i));
    rows.push(row);
    row++;
  });
  const last = Math.max(row - 1, 6);
  b.validations.push({ range: `A6:A${last}`, values: [...PERIODS] });
  for (const col of ["E", "I", "L", "O"]) {
    b.validations.push({ range: `${col}6:${col}${last}`, values: RAG_VALUES });
    b.conditionalFormats.push(ragFormat(`${col}6:${col}${last}`));
  }
  b.note(row + 1, "One row per closed period of the year, oldest first. The Summary compares this period with the latest earlier one.", "O");
  const after = linesTable(b, ctx, Math.max(row + 4, HISTORY_LOOKUP.last + 3));
  workforceTable(b, ctx, after + 2);
  return { plan: b.build(), anchors: { rows } };
}

/** Each closed period's revenue lines (budget and forecast when closed), for the movement by line since then; returns the row after it. */
function linesTable(b: SheetBuilder, ctx: PlanContext, start: number): number {
  const L = HISTORY_LINE_COLS;
  tableHead(b, start, "Revenue lines at each closed period (for the movement by line)", ["Period", "Group (blank: a transfer)", "Line", "Revised budget", "Forecast outturn"], HISTORY_MARKERS.linesSection, HISTORY_MARKERS.linesHeader);
  let row = start + 2, i = 0;
  for (const s of ctx.model.history) {
    // A transfer's row leaves the group blank.
    const rows: Array<SnapshotTransfer & { group: string | null }> = [...s.lines ?? [], ...(s.transfers ?? []).map((t) => ({ ...t, group: null }))];
    for (const l of rows) {
      b.inputText(row, L.period, s.period);
      b.inputText(row, L.group, l.group);
      b.inputText(row, L.name, l.name);
      b.inputAmount(row, L.revisedBudget, l.revisedBudget, ctx.amount);
      b.inputAmount(row, L.forecastOutturn, l.forecastOutturn, ctx.amount);
      b.key(row, HISTORY_MARKERS.line, HISTORY_ROWS.line(i++));
      row++;
    }
  }
  return row;
}

/** Each closed period's workforce totals (FTE) when closed, for strength by period. */
function workforceTable(b: SheetBuilder, ctx: PlanContext, start: number): void {
  const W = HISTORY_WORKFORCE_COLS;
  tableHead(b, start, "Workforce at each closed period (FTE)", ["Period", "Establishment", "Strength", "Year-end forecast"], HISTORY_MARKERS.workforceSection, HISTORY_MARKERS.workforceHeader);
  let row = start + 2;
  ctx.model.history.forEach((s, i) => {
    if (!s.workforce) return;
    b.inputText(row, W.period, s.period);
    for (const f of ["establishmentFte", "actualFte", "forecastFte"] as const) b.inputAmount(row, W[f], s.workforce[f], FTE_FORMAT);
    b.key(row++, HISTORY_MARKERS.workforce, HISTORY_ROWS.workforce(i));
  });
}

/** A table's section title and headings (A onwards), with their markers. */
function tableHead(b: SheetBuilder, start: number, title: string, headings: string[], section: string, header: string): void {
  b.label(start, "A", title, "section");
  b.fill(start, 2, 15, "section");
  b.key(start, section);
  headings.forEach((h, i) => b.label(start + 1, String.fromCharCode(65 + i), h, "header"));
  b.key(start + 1, header);
}
