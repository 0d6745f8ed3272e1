/**
 * Budget profiles and the year to date: for each revenue line of the groups, the budget profiled to the period's end,
 * the actual to date, the variance to date (the body's convention), its % and RAG (Settings: yearToDate), the
 * forecast beside the straight-line, profiled and last-year projections; then the inputs: the profile (Flat, Custom,
 * Last year, Pay-like), the pay award's month and %, the twelve custom %s and last year's twelve monthly actuals.
 *
 * Every figure is a live formula, so the workbook works without the add-in: a line's name, budget, actual and
 * forecast refer to its row on the Revenue sheet (a reference, not a copy), and the months elapsed come from the
 * period on the Settings sheet. Each formula mirrors src/engine/profiles.ts and monthly.ts; a profile the engine cannot
 * use (custom %s not adding to 100, no last-year months) shows blank here, as the engine's null.
 */
import type { Decimal } from "../../../model/types";
import { monthsElapsed } from "../../../model/period";
import { D } from "../../../model/amount";
import { monthlyOf } from "../../../engine/monthly";
import { SheetBuilder } from "../../builder";
import { type PlanContext, str } from "../../context";
import { ragFormat } from "../../styles";
import type { Place, SheetPlan } from "../../types";
import { sheetPrefix } from "../../a1";
import { monthsElapsedFormula, varianceFormula, varianceRagFormula } from "../../formulas";
import { pctExpected, titleRows, unitsCell, varianceToDateHeading } from "../common";
import { COMMON_MARKERS } from "../markers";
import { REVENUE_COLS, REVENUE_ROWS } from "../revenue/markers";
import { LAST_YEAR_COLS, MONTH_HEADINGS, PCT_MONTH_COLS, PROFILE_COLS as C, PROFILE_MARKERS as M, PROFILE_ROWS, PROFILE_WORDS } from "./markers";

const HEADINGS: ReadonlyArray<[string, string]> = [
  [C.name, "Line"], [C.budget, "Revised Budget"], [C.budgetToDate, "Budget to Date"], [C.actualToDate, "Actual to Date"],
  [C.forecast, "Forecast Outturn"], [C.straightLine, "Straight-line projection"], [C.profiled, "Profiled projection"],
  [C.lastYear, "Last year's pattern"], [C.profile, "Profile"], [C.awardFromMonth, "Award from month"], [C.awardPct, "Award %"],
];

const orBlank = (d: Decimal | null): Decimal | string => d ?? "";

export function profilesSheet(ctx: PlanContext, revenueRows: Record<string, number>): SheetPlan {
  const { model } = ctx;
  // Worked out with the position (computePosition) already, unless the position came otherwise (an edit's).
  const monthly = monthlyOf(ctx.position, model);
  const b = new SheetBuilder("Profiles", ctx.names.Profiles, [
    { width: 30 }, ...Array.from({ length: 10 }, () => ({ width: 12 })), { width: 11 }, { width: 12 }, { width: 10 },
    ...Array.from({ length: 24 }, () => ({ width: 8 })), { width: 16, hidden: true },
  ], C.key);
  b.freeze = { rows: 5, columns: 1 };
  titleRows(b, ctx, "Budget profiles and the year to date", C.forecast);

  const months = `$B$3`;
  b.label(3, "A", "Months of the year elapsed", "label");
  b.formula(3, "B", `=${monthsElapsedFormula(ctx.set("period"))}`, new D(monthsElapsed(model.period)), "calculated");
  b.key(3, M.months);

  for (const [col, text] of HEADINGS) b.label(4, col, text, "header");
  varianceToDateHeading(b, ctx, 4, C.variance);
  b.label(4, C.variancePct, "Variance %", "header");
  b.label(4, C.rag, "RAG", "header");
  PCT_MONTH_COLS.forEach((col, i) => b.label(4, col, `${MONTH_HEADINGS[i]} %`, "header"));
  LAST_YEAR_COLS.forEach((col, i) => b.label(4, col, `${MONTH_HEADINGS[i]} last year`, "header"));
  b.key(4, COMMON_MARKERS.header);
  for (const col of [C.budget, C.budgetToDate, C.actualToDate, C.variance, C.forecast, C.straightLine, C.profiled, C.lastYear]) unitsCell(b, ctx, 5, col);
  b.label(5, C.variancePct, "%", "headerUnits");
  // The month numbers the budget-to-date formulas compare with the months elapsed (1 = April).
  [...PCT_MONTH_COLS, ...LAST_YEAR_COLS].forEach((col, i) => b.formula(5, col, `=${(i % 12) + 1}`, new D((i % 12) + 1), "headerUnits"));
  b.key(5, COMMON_MARKERS.units);

  const revenue = sheetPrefix(ctx.names.Revenue);
  const first = 6;
  // The lines on the Revenue sheet, each with its row there and its figures to date (worked out once, by
  // computeMonthly); a block of rows, laid out again as the file is written when too big to hold.
  const shown = monthly.lines.flatMap((l) => {
    const rr = revenueRows[REVENUE_ROWS.line(l.group, l.index)];
    return rr === undefined ? [] : [{ l, rr }];
  });
  // The same in every row's formulas: made once (a row's formulas are laid out again each time a big plan is read).
  const pctMonths = `$${PCT_MONTH_COLS[0]}$5:$${PCT_MONTH_COLS[11]}$5`, lyMonths = `$${LAST_YEAR_COLS[0]}$5:$${LAST_YEAR_COLS[11]}$5`;
  const [isCustom, isLastYear, isPayLike] = [PROFILE_WORDS.custom, PROFILE_WORDS.lastYear, PROFILE_WORDS.payLike].map(str);
  const row = b.rows(first, shown, (r, { l, rr }) => {
    const place = (column: string): Place => ({ area: "revenue", row: l.line.name, column });
    const cell = (col: string) => `${col}${r}`;
    const pcts = `${PCT_MONTH_COLS[0]}${r}:${PCT_MONTH_COLS[11]}${r}`;
    const ly = `${LAST_YEAR_COLS[0]}${r}:${LAST_YEAR_COLS[11]}${r}`;
    const lyToDate = `SUMPRODUCT((${lyMonths}<=${months})*${ly})`;
    const budget = cell(C.budget), btd = cell(C.budgetToDate), actual = cell(C.actualToDate), kind = cell(C.profile);
    const from = cell(C.awardFromMonth), lifted = `(1+${cell(C.awardPct)}/100)`;
    b.formula(r, C.name, `=${revenue}$${REVENUE_COLS.name}$${rr}`, l.line.name, "label");
    b.formula(r, C.budget, `=${revenue}$${REVENUE_COLS.revisedBudget}$${rr}`, l.line.revisedBudget ?? D(0), "calculated", { numberFormat: ctx.amount });
    b.formula(r, C.budgetToDate,
      `=IF(${kind}=${isCustom},IF(AND(ROUND(SUM(${pcts}),9)=100,MIN(${pcts})>=0),${budget}*SUMPRODUCT((${pctMonths}<=${months})*${pcts})/100,""),` +
      `IF(${kind}=${isLastYear},IF(SUM(${ly})=0,"",${budget}*${lyToDate}/SUM(${ly})),` +
      `IF(${kind}=${isPayLike},${budget}*(MIN(${months},${from}-1)+MAX(0,${months}-${from}+1)*${lifted})/((${from}-1)+(13-${from})*${lifted}),` +
      `${budget}*${months}/12)))`,
      orBlank(l.budgetToDate), "calculated", { numberFormat: ctx.amount, place: place("budgetToDate") });
    b.formula(r, C.actualToDate, `=${revenue}$${REVENUE_COLS.actualToDate}$${rr}`, l.line.actualToDate ?? D(0), "calculated", { numberFormat: ctx.amount });
    b.formula(r, C.variance, `=IF(${btd}="","",${varianceFormula(ctx, btd, actual)})`, orBlank(l.varianceToDate), "calculated", { numberFormat: ctx.amount, place: place("varianceToDate") });
    b.formula(r, C.variancePct, `=IF(OR(${btd}="",${btd}=0),"",${cell(C.variance)}/ABS(${btd}))`, pctExpected(l.varianceToDatePct), "calculated", { numberFormat: ctx.pct });
    b.formula(r, C.rag, `=IF(${btd}="","",${varianceRagFormula(ctx, "yearToDate", btd, actual).slice(1)})`, l.rag ?? "", "rag");
    b.formula(r, C.forecast, `=${revenue}$${REVENUE_COLS.forecastOutturn}$${rr}`, l.line.forecastOutturn ?? D(0), "calculated", { numberFormat: ctx.amount });
    b.formula(r, C.straightLine, `=${actual}/${months}*12`, orBlank(l.projections.straightLine), "calculated", { numberFormat: ctx.amount });
    b.formula(r, C.profiled, `=IF(${btd}="","",IF(${btd}=0,"",${actual}/${btd}*${budget}))`, orBlank(l.projections.profiled), "calculated", { numberFormat: ctx.amount });
    b.formula(r, C.lastYear, `=IF(SUM(${ly})=0,"",IF(${lyToDate}=0,"",${actual}*SUM(${ly})/${lyToDate}))`, orBlank(l.projections.lastYear), "calculated", { numberFormat: ctx.amount });
    const profile = l.line.profile ?? { kind: "flat" as const };
    b.inputText(r, C.profile, PROFILE_WORDS[profile.kind], "inputText", { place: place("profile") });
    b.inputAmount(r, C.awardFromMonth, profile.kind === "payLike" ? new D(profile.awardFromMonth) : null, "0", { place: place("awardFromMonth") });
    b.inputAmount(r, C.awardPct, profile.kind === "payLike" ? profile.awardPct : null, "0.00", { place: place("awardPct") });
    // One place (and options) for the row's twelve %s, and one for its twelve months of last year: nothing changes a cell's place.
    const pctOpts = { place: place("profile") }, lyOpts = { place: place("lastYearMonthly") };
    PCT_MONTH_COLS.forEach((col, i) => b.inputAmount(r, col, profile.kind === "custom" ? (profile.monthlyPct[i] ?? null) : null, "0.0", pctOpts));
    LAST_YEAR_COLS.forEach((col, i) => b.inputAmount(r, col, l.line.lastYearMonthly?.[i] ?? null, ctx.amount, lyOpts));
    b.key(r, M.line, PROFILE_ROWS.line(l.group, l.index));
  });
  const last = row - 1;
  const total = row;
  b.label(total, C.name, "Total Net Revenue Expenditure", "totalLabel");
  const sumOf = (col: string) => (last >= first ? `=SUM(${col}${first}:${col}${last})` : "=0");
  b.formula(total, C.budget, sumOf(C.budget), monthly.lines.reduce((s, l) => s.plus(l.line.revisedBudget ?? 0), new D(0)), "total", { numberFormat: ctx.amount });
  b.formula(total, C.budgetToDate, sumOf(C.budgetToDate), orBlank(monthly.total.budgetToDate), "total", { numberFormat: ctx.amount });
  b.formula(total, C.actualToDate, sumOf(C.actualToDate), monthly.total.actualToDate, "total", { numberFormat: ctx.amount });
  b.formula(total, C.variance, `=${varianceFormula(ctx, `${C.budgetToDate}${total}`, `${C.actualToDate}${total}`)}`, orBlank(monthly.total.varianceToDate), "total", { numberFormat: ctx.amount });
  b.formula(total, C.variancePct, `=IF(${C.budgetToDate}${total}=0,"",${C.variance}${total}/ABS(${C.budgetToDate}${total}))`, pctExpected(monthly.total.varianceToDatePct), "total", { numberFormat: ctx.pct });
  b.key(total, M.total);
  // One drop-down over the column, not one per row (thousands of lines would make thousands of rules).
  if (last >= first) b.validations.push({ range: `${C.profile}${first}:${C.profile}${last}`, values: Object.values(PROFILE_WORDS) });
  b.conditionalFormats.push(ragFormat(`${C.rag}${first}:${C.rag}${Math.max(first, last)}`));
  return b.build();
}
