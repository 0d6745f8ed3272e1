/** Pieces several sheets share: the title rows, the units heading, expected values of % cells. */
import type { Decimal } from "../../model/types";
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

/** A % (engine: percent, or null) as the cell's expected value: a fraction, or "" for null. */
export function pctExpected(pct: Decimal | null): Decimal | string {
  return pct === null ? "" : pct.div(100);
}
