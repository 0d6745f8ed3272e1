/**
 * Revenue budget monitoring, laid out like the published table: groups of lines each with a bold total, Total Net
 * Revenue Expenditure, transfers to/(from) reserves and the Net Budget; then Variance %, RAG, Ref and commentary.
 * Totals are SUMs from the section's heading row to its last line (so a row inserted inside a section is added).
 * Control totals (published or ledger figures) follow the table.
 */
import type { Decimal, RevenueLine } from "../../../model/types";
import type { LineResult, TotalResult } from "../../../engine/rows";
import { keepsColumn } from "../../../engine/checks";
import { spentAndCommitted as spentPlusCommitted } from "../../../engine/commitments";
import { sum } from "../../../model/amount";
import { SheetBuilder } from "../../builder";
import type { PlanContext } from "../../context";
import { ragFormat } from "../../styles";
import type { Place, SheetPlan } from "../../types";
import { controlHeader, controlRow, controlVariance, titleRows, unitsCell, varianceCells, varianceHeading } from "../common";
import { COMMON_MARKERS } from "../markers";
import { AMOUNT_COLUMNS, COMMITMENTS_HEADING, REVENUE_COLS, REVENUE_MARKERS as M, REVENUE_ROWS, SPLIT_COLS } from "./markers";

export { AMOUNT_COLUMNS, REVENUE_COLS };

export const REVENUE_HEADINGS = ["", "Original Budget", "Revised Budget", "Actual to Date", "Forecast Outturn", "", "Variance %", "RAG", "Ref", "Revenue Commentary"];

export interface RevenueAnchors {
  /** Row of the Net Budget and of Total Net Revenue Expenditure. */
  netBudget: number;
  tnre: number;
}

export function revenueSheet(ctx: PlanContext): { plan: SheetPlan; anchors: RevenueAnchors } {
  const { model, position } = ctx;
  const rev = position.revenue;
  const C = REVENUE_COLS;
  const b = new SheetBuilder("Revenue", ctx.names.Revenue, [
    // A column the body does not keep (Settings: inputs.*) is hidden, not removed, so every formula and marker stays put.
    { width: 34 }, { width: 12, hidden: !keepsColumn(model.settings, "originalBudget") }, { width: 12 }, { width: 12, hidden: !keepsColumn(model.settings, "actualToDate") }, { width: 12 }, { width: 13 }, { width: 10 }, { width: 8 }, { width: 6 }, { width: 80 }, { width: 16, hidden: true },
    // Commitments and spent and committed: right of the hidden key column, so they stand beside the table.
    { width: 16 }, { width: 14 },
  ], C.key);
  b.freeze = { rows: 5, columns: 1 };
  titleRows(b, ctx, "Revenue budget monitoring", "J");

  // Headings.
  b.formula(4, "A", `=${ctx.set("financialYear")}`, model.financialYear, "header");
  REVENUE_HEADINGS.forEach((h, i) => { if (h) b.label(4, String.fromCharCode(65 + i), h, "header"); });
  varianceHeading(b, ctx, 4, C.variance);
  b.label(4, C.commitments, COMMITMENTS_HEADING, "header");
  b.label(4, C.spentAndCommitted, "Spent and Committed", "header");
  b.key(4, COMMON_MARKERS.header);
  for (const col of ["B", "C", "D", "E", "F", C.commitments, C.spentAndCommitted]) unitsCell(b, ctx, 5, col);
  b.label(5, "G", "%", "headerUnits");
  b.fill(5, 1, 10, "headerUnits");
  b.key(5, COMMON_MARKERS.units);

  // Commitments (an input on a group's lines; none on the transfers) and spent and committed, which is the actual to
  // date plus them: neither feeds the forecast or the variance (src/engine/commitments.ts says why).
  const spentAndCommitted = (row: number, place: (column: string) => Place, value: Decimal | null, blankWhenNone: boolean) => {
    const actual = `${C.actualToDate}${row}`, committed = `${C.commitments}${row}`;
    b.formula(row, C.spentAndCommitted, blankWhenNone ? `=IF(AND(${actual}="",${committed}=""),"",${actual}+${committed})` : `=${actual}+${committed}`, value ?? "", "calculated", { numberFormat: ctx.amount, place: place("spentAndCommitted") });
  };

  const amountRow = (row: number, line: RevenueLine, result: LineResult, rule: "revenueLine", marker: string, logical: string, commitments = false) => {
    const place = (column: string): Place => ({ area: "revenue", row: line.name, column });
    b.inputText(row, C.name, line.name, "lineName", { place: place("name") });
    for (const [col, letter] of AMOUNT_COLUMNS) b.inputAmount(row, letter, line[col], ctx.amount, { place: place(col) });
    if (commitments) {
      b.inputAmount(row, C.commitments, line.commitments ?? null, ctx.amount, { place: place("commitments") });
      spentAndCommitted(row, place, spentPlusCommitted(line.actualToDate, line.commitments ?? null), true);
    }
    varianceCells(b, ctx, row, result, rule, false, place);
    b.inputText(row, C.ref, line.ref, "inputText", { place: place("ref") });
    b.inputText(row, C.commentary, line.commentary, "inputText", { place: place("commentary") });
    b.key(row, marker, logical);
  };
  const totalRow = (row: number, label: string | null, labelFormula: string | null, t: TotalResult, formulaOf: (col: string) => string, rule: "revenueGroup" | "revenueTotal", marker: string, logical: string = marker, committed: readonly RevenueLine[] | null = null) => {
    const place = (column: string): Place => ({ area: "revenue", row: t.label, column });
    if (labelFormula) b.formula(row, C.name, labelFormula, t.label, "totalLabel");
    else b.label(row, C.name, label ?? t.label, "totalLabel");
    for (const [col, letter] of AMOUNT_COLUMNS) b.formula(row, letter, formulaOf(letter), t[col], "total", { numberFormat: ctx.amount, place: place(col) });
    if (committed) {
      const c = sum(committed.map((l) => l.commitments ?? null));
      b.formula(row, C.commitments, formulaOf(C.commitments), c, "total", { numberFormat: ctx.amount, place: place("commitments") });
      spentAndCommitted(row, place, t.actualToDate.plus(c), false);
    }
    varianceCells(b, ctx, row, t, rule, true, place);
    b.key(row, marker, logical);
  };

  let row = 6;
  const totalRows: number[] = [];
  rev.groups.forEach((g, gi) => {
    const header = row;
    b.inputText(row, C.name, g.group.name, "section", { place: { area: "revenue", row: g.group.name, column: "name" } });
    b.fill(row, 2, 10, "section");
    b.key(row, M.group, REVENUE_ROWS.group(gi));
    row++;
    // A block of rows: laid out again as the file is written, not held (100,000 lines are millions of cells).
    row = b.rows(row, g.lines, (r, l, li) => amountRow(r, l.line, l, "revenueLine", M.line, REVENUE_ROWS.line(gi, li), true));
    const last = row - 1;
    totalRow(row, null, `="Total "&A${header}`, g.total, (col) => `=SUM(${col}${header}:${col}${last})`, "revenueGroup", M.total, REVENUE_ROWS.total(gi), g.group.lines);
    b.inputText(row, C.ref, g.group.ref, "inputText", { place: { area: "revenue", row: g.total.label, column: "ref" } });
    b.inputText(row, C.commentary, g.group.commentary, "inputText", { place: { area: "revenue", row: g.total.label, column: "commentary" } });
    totalRows.push(row);
    row++;
  });
  const tnre = row;
  totalRow(row, "Total Net Revenue Expenditure", null, rev.totalNetRevenueExpenditure, (col) => `=${totalRows.map((r) => `${col}${r}`).join("+")}`, "revenueGroup", M.tnre, M.tnre, model.revenue.groups.flatMap((g) => g.lines));
  b.fill(row, 9, 10, "totalLabel");
  row++;
  const transfersHeader = row;
  b.label(row, C.name, "Transfers to/(from) reserves", "section");
  b.fill(row, 2, 10, "section");
  b.key(row, M.transfers);
  row++;
  row = b.rows(row, rev.transfers, (r, l, i) => amountRow(r, l.line, l, "revenueLine", M.line, REVENUE_ROWS.transfer(i)));
  const lastTransfer = row - 1;
  const netBudget = row;
  totalRow(row, "Net Budget", null, rev.netBudget, (col) => `=${col}${tnre}+SUM(${col}${transfersHeader}:${col}${lastTransfer})`, "revenueTotal", M.netBudget);
  b.inputText(row, C.ref, model.revenue.netBudgetRef, "inputText", { place: { area: "revenue", row: "Net Budget", column: "ref" } });
  b.inputText(row, C.commentary, model.revenue.netBudgetCommentary, "inputText", { place: { area: "revenue", row: "Net Budget", column: "commentary" } });
  b.conditionalFormats.push(ragFormat(`H6:H${netBudget}`));

  // Control totals.
  row += 2;
  controlHeader(b, row, "Control totals (published or ledger figures, reconciled against the totals above)", 10);
  row++;
  const ct = model.controlTotals?.revenue ?? null;
  const groupNames = [...model.revenue.groups.map((g) => g.name), ...Object.keys(ct?.groups ?? {}).filter((n) => !model.revenue.groups.some((g) => g.name === n))];
  groupNames.forEach((name, i) => {
    controlVariance(b, ctx, row, ct?.groups[name] ?? null);
    controlRow(b, ctx, row++, { text: name, input: true }, ct?.groups[name] ?? null, AMOUNT_COLUMNS, M.controlGroup, REVENUE_ROWS.controlGroup(i));
  });
  controlVariance(b, ctx, row, ct?.totalNetRevenueExpenditure ?? null);
  controlRow(b, ctx, row++, { text: "Total Net Revenue Expenditure", input: false }, ct?.totalNetRevenueExpenditure ?? null, AMOUNT_COLUMNS, M.controlTnre);
  controlVariance(b, ctx, row, ct?.netBudget ?? null);
  controlRow(b, ctx, row++, { text: "Net Budget", input: false }, ct?.netBudget ?? null, AMOUNT_COLUMNS, M.controlNetBudget);
  b.note(row, "Group control rows: type the group's name as in its heading above. Blank rows are ignored.", "J", M.controlNote);
  splitTable(b, ctx, row + 2);
  return { plan: b.build(), anchors: { netBudget, tnre } };
}

/**
 * Lines whose budget is split into parts with a budget only (the line's forecast covers them): one row per part, its
 * revised budget and the line it belongs to. Written only when a line has a split (a period without keeps the sheet
 * as it was); the parts must add up to the line's revised budget (src/engine/checks.ts budgetSplitChecks).
 */
function splitTable(b: SheetBuilder, ctx: PlanContext, start: number): void {
  const parts = ctx.model.revenue.groups.flatMap((g) => g.lines.flatMap((l) => (l.budgetSplit ?? []).map((p) => ({ line: l.name, ...p }))));
  if (!parts.length) return;
  const S = SPLIT_COLS;
  b.label(start, "A", "Budget split of lines (parts with a budget only: the line's forecast covers them)", "section");
  b.fill(start, 2, 10, "section");
  b.key(start, M.splitSection);
  b.label(start + 1, S.part, "Part", "header");
  b.label(start + 1, S.revisedBudget, "Revised Budget", "header");
  b.label(start + 1, S.line, "Part of line (its name as above)", "header");
  b.key(start + 1, M.splitHeader);
  parts.forEach((p, i) => {
    const row = start + 2 + i;
    const place = (column: string): Place => ({ area: "revenue", row: p.line, column });
    b.inputText(row, S.part, p.name, "lineName", { place: place("budgetSplit") });
    b.inputAmount(row, S.revisedBudget, p.revisedBudget, ctx.amount, { place: place("budgetSplit") });
    b.inputText(row, S.line, p.line, "inputText");
    b.key(row, M.split, REVENUE_ROWS.split(i));
  });
}
