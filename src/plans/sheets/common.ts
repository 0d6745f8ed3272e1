/** Pieces several sheets share: the title rows, the units heading, variance cells, control-total rows, expected values of % cells. */
import type { Decimal } from "../../model/types";
import type { Place } from "../types";

import { varianceFormula, variancePctFormula, varianceRagFormula } from "../formulas";
import { CONVENTION_LABEL } from "../../engine/convention";
import type { SheetBuilder } from "../builder";
import { type PlanContext, str } from "../context";
import { COMMON_MARKERS } from "./markers";

/** Row 1: "<what>: <organisation>, <year> <period>"; row 2: units and the sign convention. Both live formulas. */
export function titleRows(b: SheetBuilder, ctx: PlanContext, what: string, lastCol: string): void {
  const m = ctx.model;
  b.formula(1, "A", `=${str(what + ": ")}&${ctx.set("organisation")}&", "&${ctx.set("financialYear")}&" "&${ctx.set("period")}`,
    `${what}: ${m.organisation}, ${m.financialYear} ${m.period}`, "title");
  b.merges.push(`A1:${lastCol}1`);
  b.key(1, COMMON_MARKERS.title);
  b.formula(2, "A", `="Amounts in "&${unitsWords(ctx)}&". "&IF(${ctx.set("signConvention")}="forecast-minus-budget",${str(CONVENTION_LABEL["forecast-minus-budget"])},${str(CONVENTION_LABEL["budget-minus-forecast"])})&"."`,
    `Amounts in ${m.units === "£000" ? "£000's" : "£"}. ${CONVENTION_LABEL[m.settings.signConvention]}.`, "subtitle");
  b.merges.push(`A2:${lastCol}2`);
  b.key(2, COMMON_MARKERS.subtitle);
}

function unitsWords(ctx: PlanContext): string {
  return `IF(${ctx.set("units")}="£000","£000's","£")`;
}

/** "£000's" or "£", from Settings. */
export function unitsCell(b: SheetBuilder, ctx: PlanContext, row: number, col: string): void {
  b.formula(row, col, `=${unitsWords(ctx)}`, ctx.model.units === "£000" ? "£000's" : "£", "headerUnits");
}

/** The variance column's heading in the body's convention. */
export function varianceHeading(b: SheetBuilder, ctx: PlanContext, row: number, col: string): void {
  const fav = "Variance fav / (adverse)", over = "Variance over / (under)";
  b.formula(row, col, `=IF(${ctx.set("signConvention")}="forecast-minus-budget",${str(over)},${str(fav)})`,
    ctx.model.settings.signConvention === "forecast-minus-budget" ? over : fav, "header");
}

/** The variance-to-date column's heading in the body's convention. */
export function varianceToDateHeading(b: SheetBuilder, ctx: PlanContext, row: number, col: string): void {
  const fav = "Variance to date fav / (adverse)", over = "Variance to date over / (under)";
  b.formula(row, col, `=IF(${ctx.set("signConvention")}="forecast-minus-budget",${str(over)},${str(fav)})`,
    ctx.model.settings.signConvention === "forecast-minus-budget" ? over : fav, "header");
}

/** A % (engine: percent, or null) as the cell's expected value: a fraction, or "" for null. */
export function pctExpected(pct: Decimal | null): Decimal | string {
  return pct === null ? "" : pct.div(100);
}

/** Variance, variance % and RAG of a row whose budget is in C and forecast in E. */
export function varianceCells(b: SheetBuilder, ctx: PlanContext, row: number, r: { variance: Decimal; variancePct: Decimal | null; rag: string }, rule: "revenueLine" | "revenueGroup" | "revenueTotal" | null, total: boolean, place: (column: string) => Place, cols = { revised: "C", forecast: "E", variance: "F", pct: "G", rag: "H" }): void {
  const v = `${cols.variance}${row}`;
  const fig = r;
  b.formula(row, cols.variance, `=${varianceFormula(ctx, `${cols.revised}${row}`, `${cols.forecast}${row}`)}`, fig.variance, total ? "total" : "calculated", { numberFormat: ctx.amount, place: place("variance") });
  b.formula(row, cols.pct, `=${variancePctFormula(v, `${cols.revised}${row}`)}`, pctExpected(fig.variancePct), total ? "total" : "calculated", { numberFormat: ctx.pct, place: place("variancePct") });
  if (rule) b.formula(row, cols.rag, varianceRagFormula(ctx, rule, `${cols.revised}${row}`, `${cols.forecast}${row}`), fig.rag, total ? "ragTotal" : "rag", { place: place("rag") });
}

export function controlHeader(b: SheetBuilder, row: number, text: string, lastCol: number): void {
  b.label(row, "A", text, "section");
  b.fill(row, 2, lastCol, "section");
  b.key(row, COMMON_MARKERS.controls);
}

/** A control-totals row: a label (fixed, or typed when `input`) and an input per column. */
export function controlRow(b: SheetBuilder, ctx: PlanContext, row: number, label: { text: string; input: boolean }, values: Partial<Record<string, Decimal>> | null, columns: ReadonlyArray<readonly [string, string]>, marker: string, logical: string = marker): void {
  if (label.input) b.inputText(row, "A", label.text, "lineName");
  else b.label(row, "A", label.text);
  for (const [col, letter] of columns) b.inputAmount(row, letter, values?.[col] ?? null, ctx.amount);
  b.key(row, marker, logical);
}

/**
 * The published variance (F, in the file's units and the body's sign convention) and variance % (G, a % cell) of a
 * revenue or capital control row, written after its amount columns.
 */
export function controlVariance(b: SheetBuilder, ctx: PlanContext, row: number, values: Partial<Record<string, Decimal>> | null): void {
  b.inputAmount(row, "F", values?.variance ?? null, ctx.amount);
  b.inputAmount(row, "G", values?.variancePct?.div(100) ?? null, ctx.pct);
}
