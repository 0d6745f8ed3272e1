/**
 * Capital budget monitoring and capital financing, as the published tables: the programme's lines and total, with
 * each line's slippage (input) and the rest of its variance as underspend/(overspend); then the sources of finance
 * and their total, and the funding gap (programme − funding, which should be nil in every column).
 */
import { SheetBuilder } from "../../builder";
import type { PlanContext } from "../../context";
import { ragFormat } from "../../styles";
import type { Place, SheetPlan } from "../../types";
import { capitalRagFormula, overspendFractionFormula } from "../../formulas";
import { controlHeader, controlRow, controlVariance, titleRows, unitsCell, varianceCells, varianceHeading } from "../common";
import { AMOUNT_COLUMNS } from "../revenue/markers";
import type { MonitoredLine } from "../../../model/types";
import type { LineResult } from "../../../engine/rows";
import { keepsColumn } from "../../../engine/checks";
import { COMMON_MARKERS } from "../markers";
import { CAPITAL_COLS, CAPITAL_MARKERS as M, CAPITAL_ROWS } from "./markers";

export { CAPITAL_COLS };

export const CAPITAL_HEADINGS = ["", "Original Budget", "Revised Budget", "Actual to Date", "Forecast Outturn", "", "Variance %", "Slippage", "Underspend / (overspend)", "RAG", "Ref", "Capital Programme Commentary"];

export interface CapitalAnchors {
  programme: number;
  funding: number;
}

export function capitalSheet(ctx: PlanContext): { plan: SheetPlan; anchors: CapitalAnchors } {
  const { model, position } = ctx;
  const cap = position.capital;
  const C = CAPITAL_COLS;
  // Slippage not kept (Settings: inputs.slippage): its columns are hidden and hold nothing, so the variance is not split.
  const keepsSlippage = cap.slippage !== null;
  const b = new SheetBuilder("Capital", ctx.names.Capital, [
    // A column the body does not keep (Settings: inputs.*) is hidden, not removed, so every formula and marker stays put.
    { width: 30 }, { width: 12, hidden: !keepsColumn(model.settings, "originalBudget", "capital") }, { width: 12 }, { width: 12, hidden: !keepsColumn(model.settings, "actualToDate", "capital") }, { width: 12 }, { width: 13 }, { width: 10 },
    { width: 11, hidden: !keepsSlippage }, { width: 13, hidden: !keepsSlippage }, { width: 8 }, { width: 6 }, { width: 72 }, { width: 16, hidden: true },
  ], C.key);
  b.freeze = { rows: 5, columns: 1 };
  titleRows(b, ctx, "Capital budget monitoring", "L");
  b.formula(4, "A", `=${ctx.set("financialYear")}`, model.financialYear, "header");
  CAPITAL_HEADINGS.forEach((h, i) => { if (h) b.label(4, String.fromCharCode(65 + i), h, "header"); });
  varianceHeading(b, ctx, 4, C.variance);
  b.key(4, COMMON_MARKERS.header);
  for (const col of ["B", "C", "D", "E", "F", "H", "I"]) unitsCell(b, ctx, 5, col);
  b.label(5, "G", "%", "headerUnits");
  b.fill(5, 1, 12, "headerUnits");
  b.key(5, COMMON_MARKERS.units);

  const monitored = (row: number, area: "capital" | "financing", line: MonitoredLine, result: LineResult) => {
    const place = (column: string): Place => ({ area, row: line.name, column });
    b.inputText(row, C.name, line.name, "lineName", { place: place("name") });
    for (const [col, letter] of AMOUNT_COLUMNS) b.inputAmount(row, letter, line[col], ctx.amount, { place: place(col) });
    varianceCells(b, ctx, row, result, null, false, place);
    b.inputText(row, C.ref, line.ref, "inputText", { place: place("ref") });
    b.inputText(row, C.commentary, line.commentary, "inputText", { place: place("commentary") });
  };

  let row = 6;
  const programmeHeader = row;
  b.label(row, C.name, "Capital Investment", "section");
  b.fill(row, 2, 12, "section");
  b.key(row, M.programmeSection);
  row++;
  cap.lines.forEach((l, i) => {
    monitored(row, "capital", l.line, l);
    if (l.underspend !== null) {
      b.inputAmount(row, C.slippage, l.line.slippage, ctx.amount, { place: { area: "capital", row: l.line.name, column: "slippage" } });
      b.formula(row, C.underspend, `=(C${row}-E${row})-H${row}`, l.underspend, "calculated", { numberFormat: ctx.amount, place: { area: "capital", row: l.line.name, column: "underspend" } });
    }
    b.formula(row, C.rag, capitalRagFormula(ctx, overspendFractionFormula(`C${row}`, `E${row}`), "0"), l.rag, "rag", { place: { area: "capital", row: l.line.name, column: "rag" } });
    b.key(row, M.line, CAPITAL_ROWS.line(i));
    row++;
  });
  const lastLine = row - 1;
  const programme = row;
  const p = cap.programme;
  const pPlace = (column: string): Place => ({ area: "capital", row: p.label, column });
  b.label(row, C.name, p.label, "totalLabel");
  for (const [col, letter] of AMOUNT_COLUMNS) b.formula(row, letter, `=SUM(${letter}${programmeHeader}:${letter}${lastLine})`, p[col], "total", { numberFormat: ctx.amount, place: pPlace(col) });
  varianceCells(b, ctx, row, p, null, true, pPlace);
  if (cap.slippage !== null && cap.underspend !== null) {
    b.formula(row, C.slippage, `=SUM(H${programmeHeader}:H${lastLine})`, cap.slippage, "total", { numberFormat: ctx.amount, place: pPlace("slippage") });
    b.formula(row, C.underspend, `=(C${row}-E${row})-H${row}`, cap.underspend, "total", { numberFormat: ctx.amount, place: pPlace("underspend") });
  }
  b.formula(row, C.rag, capitalRagFormula(ctx, overspendFractionFormula(`C${row}`, `E${row}`), keepsSlippage ? `IF(C${row}=0,0,H${row}/ABS(C${row}))` : "0"), cap.rag, "ragTotal", { place: pPlace("rag") });
  b.fill(row, 11, 12, "totalLabel");
  b.key(row, M.programme);
  b.conditionalFormats.push(ragFormat(`J6:J${row}`));
  row += 2;

  const financingHeader = row;
  b.label(row, C.name, "Sources of Finance", "section");
  b.fill(row, 2, 12, "section");
  b.key(row, M.financingSection);
  row++;
  cap.financing.forEach((l, i) => {
    monitored(row, "financing", l.line, l);
    b.key(row, M.line, CAPITAL_ROWS.source(i));
    row++;
  });
  const lastSource = row - 1;
  const funding = row;
  const f = cap.funding;
  const fPlace = (column: string): Place => ({ area: "financing", row: f.label, column });
  b.label(row, C.name, f.label, "totalLabel");
  for (const [col, letter] of AMOUNT_COLUMNS) b.formula(row, letter, `=SUM(${letter}${financingHeader}:${letter}${lastSource})`, f[col], "total", { numberFormat: ctx.amount, place: fPlace(col) });
  varianceCells(b, ctx, row, f, null, true, fPlace);
  b.fill(row, 8, 12, "totalLabel");
  b.key(row, M.funding);
  row++;
  if (keepsColumn(model.settings, "capitalFinancing")) {
    b.label(row, C.name, "Funding gap (programme − funding)", "note");
    for (const [col, letter] of AMOUNT_COLUMNS) b.formula(row, letter, `=${letter}${programme}-${letter}${funding}`, p[col].minus(f[col]), "calculated", { numberFormat: ctx.amount });
  } else {
    // Not a gap of the whole programme: the body does not keep its financing, so there is nothing to compare.
    b.label(row, C.name, "Funding not checked: the body does not keep its capital financing (Settings)", "note");
  }
  b.key(row, M.gap);

  row += 2;
  controlHeader(b, row, "Control totals (published or ledger figures, reconciled against the totals above)", 12);
  row++;
  const ct = model.controlTotals?.capital ?? null;
  controlVariance(b, ctx, row, ct?.programme ?? null);
  controlRow(b, ctx, row++, { text: "Total Capital Programme", input: false }, ct?.programme ?? null, AMOUNT_COLUMNS, M.controlProgramme);
  controlVariance(b, ctx, row, ct?.financing ?? null);
  controlRow(b, ctx, row++, { text: "Total Capital Funding", input: false }, ct?.financing ?? null, AMOUNT_COLUMNS, M.controlFinancing);
  return { plan: b.build(), anchors: { programme, funding } };
}
