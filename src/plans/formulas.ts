/**
 * Formula text shared by the sheets. Each mirrors an engine rule (src/engine/rag.ts, convention.ts) so that the
 * workbook's live result equals the engine's value. Comparisons are made on ROUND(…, 9/10) of both sides so
 * that binary floating point (Excel holds doubles) does not flip a result sitting exactly on a threshold.
 */
import type { PlanContext } from "./context";
import { endMonth } from "../model/period";
import type { RuleName } from "../model/settings/registry";

/** The period's place in the year from its text, as endMonth orders periods: Q2 -> 6, M08 -> 8; the year end after March, PO (provisional outturn) 13, FO (final outturn) 14. */
export function periodOrderFormula(period: string): string {
  return `IF(${period}="PO",${endMonth("PO")},IF(${period}="FO",${endMonth("FO")},IF(LEFT(${period},1)="Q",3*VALUE(MID(${period},2,1)),VALUE(MID(${period},2,2)))))`;
}

/** The months of the financial year elapsed at the period's end (Q2 -> 6, M08 -> 8, the year end 12), as monthsElapsed. */
export function monthsElapsedFormula(period: string): string {
  return `MIN(12,${periodOrderFormula(period)})`;
}

/** The variance in the body's convention: revised − forecast, or forecast − revised. */
export function varianceFormula(ctx: PlanContext, revised: string, forecast: string): string {
  return `IF(${ctx.set("signConvention")}="forecast-minus-budget",${forecast}-${revised},${revised}-${forecast})`;
}

/** Variance as a fraction of the absolute revised budget; "" when the budget is zero (the engine's null). */
export function variancePctFormula(variance: string, revised: string): string {
  return `IF(${revised}=0,"",${variance}/ABS(${revised}))`;
}

/** True when the adverse size |revised − forecast| reaches a threshold (amount and/or % of |revised|). */
function reached(ctx: PlanContext, rule: RuleName, level: "amber" | "red", revised: string, forecast: string): string {
  const a = ctx.set(`${rule}.${level}Amount`), p = ctx.set(`${rule}.${level}Pct`), combine = ctx.set(`${rule}.combine`);
  const byPct = `${p}*ABS(${revised})`;
  const limit = `IF(${a}="",${byPct},IF(${p}="",${a},IF(${combine}="lower",MIN(${a},${byPct}),MAX(${a},${byPct}))))`;
  return `IF(AND(${a}="",${p}=""),FALSE(),ROUND(ABS(${revised}-${forecast}),9)>=ROUND(${limit},9))`;
}

/** varianceRag: Green when favourable (if the rule says so) or nil; else Red / Amber by the thresholds. */
export function varianceRagFormula(ctx: PlanContext, rule: RuleName, revised: string, forecast: string): string {
  const fav = `(${revised}-${forecast})`;
  return `=IF(OR(${fav}=0,AND(${fav}>0,${ctx.set(`${rule}.favourableIsGreen`)}="Yes")),"Green",` +
    `IF(${reached(ctx, rule, "red", revised, forecast)},"Red",IF(${reached(ctx, rule, "amber", revised, forecast)},"Amber","Green")))`;
}

/** Overspend as a fraction of |revised|: zero unless forecast exceeds budget (and the budget is not zero). */
export function overspendFractionFormula(revised: string, forecast: string): string {
  return `IF(${revised}-${forecast}<0,IF(${revised}=0,0,(${forecast}-${revised})/ABS(${revised})),0)`;
}

/** capitalRag(overspend %, slippage %): the worse of the two. `slippage` is a fraction expression ("0" for lines). */
export function capitalRagFormula(ctx: PlanContext, overspend: string, slippage: string): string {
  const r = (x: string) => `ROUND(${x},10)`;
  const red = `OR(AND(${overspend}>0,${r(overspend)}>=${r(ctx.set("capital.overspendRed"))}),${r(slippage)}>=${r(ctx.set("capital.slippageRed"))})`;
  const amber = `OR(AND(${overspend}>0,${r(overspend)}>=${r(ctx.set("capital.overspendAmber"))}),${r(slippage)}>=${r(ctx.set("capital.slippageAmber"))})`;
  return `=IF(${red},"Red",IF(${amber},"Amber","Green"))`;
}

/** The general fund's position against the band, as the engine's words. */
export function bandFormula(ctx: PlanContext, pct: string): string {
  const r = (x: string) => `ROUND(${x},10)`;
  return `=IF(${r(pct)}<${r(ctx.set("reservesMin"))},"below the minimum",IF(${r(pct)}>${r(ctx.set("reservesMax"))},"above the maximum","within"))`;
}

/** generalFundRag: Red below the minimum; Amber above the maximum or within the margin above the minimum. */
export function generalFundRagFormula(ctx: PlanContext, pct: string): string {
  const r = (x: string) => `ROUND(${x},10)`;
  const min = ctx.set("reservesMin"), max = ctx.set("reservesMax"), margin = ctx.set("generalFund.warningMargin");
  return `=IF(${r(pct)}<${r(min)},"Red",IF(${r(pct)}>${r(max)},"Amber",IF(${r(pct)}<${r(`${min}+${margin}`)},"Amber","Green")))`;
}

/** savingsRag on achieved / planned; Green when nothing is planned (the engine's null %). */
export function savingsRagFormula(ctx: PlanContext, achieved: string, planned: string): string {
  const pct = `${achieved}/${planned}`;
  const r = (x: string) => `ROUND(${x},10)`;
  return `=IF(${planned}=0,"Green",IF(${r(pct)}>=${r(ctx.set("savings.green"))},"Green",IF(${r(pct)}>=${r(ctx.set("savings.amber"))},"Amber","Red")))`;
}
