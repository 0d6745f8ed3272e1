/**
 * Delivery of savings: each scheme's planned saving, delivered to date and forecast further delivery (achieved),
 * what is not yet achieved and what is expected next year, its status and RAG; the total, and achieved as a % of
 * planned with the savings RAG.
 */
import { SAVINGS_STATUSES } from "../../../model/types";
import { SheetBuilder } from "../../builder";
import { type PlanContext, str } from "../../context";
import { ragFormat } from "../../styles";
import type { Place, SheetPlan } from "../../types";
import { savingsRagFormula } from "../../formulas";
import { controlHeader, pctExpected, titleRows, unitsCell } from "../common";
import { STATUS_RAG } from "../../../engine/savings";
import { YES_NO } from "../../../model/settings/registry";
import { COMMON_MARKERS } from "../markers";
import { SAVINGS_COLS, SAVINGS_INPUTS, SAVINGS_MARKERS as M, SAVINGS_ROWS } from "./markers";

export { SAVINGS_COLS, SAVINGS_INPUTS };

export const SAVINGS_HEADINGS = ["Category", "Scheme", "Planned", "Delivered to date", "Forecast further delivery", "Achieved (delivered + forecast)", "Not yet achieved", "Expected next year", "Status", "RAG", "Replacement saving", "Savings Commentary"];

export interface SavingsAnchors {
  total: number;
  achievedPct: number;
}

/** STATUS_RAG as a formula on the status cell. */
function statusRagFormula(status: string): string {
  const of = (rag: string) => SAVINGS_STATUSES.filter((s) => STATUS_RAG[s] === rag).map((s) => `${status}=${str(s)}`);
  const cond = (xs: string[]) => (xs.length === 1 ? xs[0] : `OR(${xs.join(",")})`);
  return `=IF(${cond(of("Green"))},"Green",IF(${cond(of("Amber"))},"Amber",IF(${cond(of("Red"))},"Red","")))`;
}

export function savingsSheet(ctx: PlanContext): { plan: SheetPlan; anchors: SavingsAnchors } {
  const { model, position } = ctx;
  const sav = position.savings;
  const C = SAVINGS_COLS;
  const b = new SheetBuilder("Savings", ctx.names.Savings, [
    // A column the body does not keep (Settings: inputs) is hidden, not removed, so every formula and marker stays put.
    { width: 20 }, { width: 40 }, { width: 11 }, { width: 11, hidden: !model.settings.inputs.deliveredToDate }, { width: 11, hidden: !model.settings.inputs.forecastFurtherDelivery }, { width: 13 }, { width: 11 }, { width: 11 }, { width: 16 }, { width: 8 }, { width: 11 }, { width: 60 }, { width: 16, hidden: true },
  ], C.key);
  b.freeze = { rows: 5, columns: 2 };
  titleRows(b, ctx, "Delivery of savings", "L");
  SAVINGS_HEADINGS.forEach((h, i) => b.label(4, String.fromCharCode(65 + i), h, "header"));
  b.key(4, COMMON_MARKERS.header);
  for (const col of ["C", "D", "E", "F", "G", "H"]) unitsCell(b, ctx, 5, col);
  b.fill(5, 1, 12, "headerUnits");
  b.key(5, COMMON_MARKERS.units);

  let row = 6;
  const header = row;
  b.label(row, "A", "Savings built into the budget", "section");
  b.fill(row, 2, 12, "section");
  b.key(row, M.schemesSection);
  row++;
  sav.schemes.forEach((s, i) => {
    const sc = s.scheme;
    const place = (column: string): Place => ({ area: "savings", row: sc.scheme, column });
    b.inputText(row, C.category, sc.category, "lineName", { place: place("category") });
    b.inputText(row, C.scheme, sc.scheme, "lineName", { place: place("scheme") });
    for (const [col, letter] of SAVINGS_INPUTS) b.inputAmount(row, letter, sc[col], ctx.amount, { place: place(col) });
    b.formula(row, C.achieved, `=D${row}+E${row}`, s.achieved, "calculated", { numberFormat: ctx.amount, place: place("achieved") });
    b.formula(row, C.unachieved, `=MAX(0,C${row}-F${row})`, s.unachieved, "calculated", { numberFormat: ctx.amount, place: place("unachieved") });
    b.inputText(row, C.status, sc.status, "inputText", { place: place("status") });
    b.validations.push({ range: `I${row}`, values: [...SAVINGS_STATUSES] });
    b.formula(row, C.rag, statusRagFormula(`I${row}`), s.rag, "rag", { place: place("rag") });
    b.inputText(row, C.replacement, sc.replacement ? "Yes" : "No", "inputText", { place: place("replacement") });
    b.validations.push({ range: `K${row}`, values: [...YES_NO] });
    b.inputText(row, C.commentary, sc.commentary, "inputText", { place: place("commentary") });
    b.key(row, M.scheme, SAVINGS_ROWS.scheme(i));
    row++;
  });
  const last = row - 1;
  const total = row;
  const tPlace = (column: string): Place => ({ area: "savings", row: "Total savings", column });
  b.label(row, "A", "Total", "totalLabel");
  for (const [col, letter] of [["planned", "C"], ["deliveredToDate", "D"], ["forecastFurtherDelivery", "E"], ["achieved", "F"], ["expectedNextYear", "H"]] as const) {
    b.formula(row, letter, `=SUM(${letter}${header}:${letter}${last})`, sav[col], "total", { numberFormat: ctx.amount, place: tPlace(col) });
  }
  b.formula(row, C.unachieved, `=MAX(0,C${row}-F${row})`, sav.unachieved, "total", { numberFormat: ctx.amount, place: tPlace("unachieved") });
  b.fill(row, 2, 12, "totalLabel");
  b.key(row, M.total);
  row++;
  const achievedPct = row;
  b.label(row, "A", "Achieved as % of planned");
  b.formula(row, C.achieved, `=IF(C${total}=0,"",F${total}/C${total})`, pctExpected(sav.achievedPct), "calculated", { numberFormat: ctx.pct, place: tPlace("achievedPct") });
  b.formula(row, C.rag, savingsRagFormula(ctx, `F${total}`, `C${total}`), sav.rag, "ragTotal", { place: tPlace("rag") });
  b.key(row, M.achievedPct);
  b.conditionalFormats.push(ragFormat(`J6:J${row}`));

  row += 2;
  controlHeader(b, row, "Control totals (published or ledger figures, reconciled against the total above)", 12);
  row++;
  b.label(row, "A", "Total");
  b.inputAmount(row, "C", model.controlTotals?.savings?.planned ?? null, ctx.amount);
  b.inputAmount(row, "F", model.controlTotals?.savings?.achieved ?? null, ctx.amount);
  b.key(row, M.controlSavings);
  return { plan: b.build(), anchors: { total, achievedPct } };
}
