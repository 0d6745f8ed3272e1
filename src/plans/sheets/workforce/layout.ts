/**
 * Workforce and overtime (issue 14): each group's budgeted establishment, strength (FTE) and headcount at the period
 * end, the joiners and leavers forecast by month to the year end, the forecast strength at the year end and the
 * variances to establishment (FTE and %) with their RAG (Settings: RAG: workforce); the officer headcount target at
 * its count date, the forecast headcount, the gap and the grant at risk from the grant's bands (Settings: Officer
 * grant); and overtime by group and reason against its budget.
 *
 * Every figure is a live formula mirroring src/engine/workforce.ts, so the workbook works without the add-in. Ratios
 * are compared on ROUND(…, 12) of both sides, so binary floating point does not move a forecast sitting exactly on a
 * band's edge or a RAG threshold (headcounts have at most 6 decimals, so no true difference is smaller than 1e-11 of
 * a target under 100,000).
 */
import type { Decimal } from "../../../model/types";
import { D } from "../../../model/amount";
import { GRANT_BAND_SLOTS } from "../../../model/settings/registry";
import { NOT_ENTERED, type WorkforcePosition, revenueLinesByName } from "../../../engine/workforce";
import { SheetBuilder } from "../../builder";
import type { PlanContext } from "../../context";
import { ragFormat } from "../../styles";
import type { Place, SheetPlan } from "../../types";
import { sheetPrefix } from "../../a1";
import { varianceFormula, varianceRagFormula } from "../../formulas";
import { pctExpected, titleRows, unitsCell, varianceCells, varianceHeading, varianceToDateHeading } from "../common";
import { REVENUE_COLS, REVENUE_ROWS } from "../revenue/markers";
import { COMMON_MARKERS } from "../markers";
import {
  FTE_FORMAT, JOINER_COLS, KIND_WORDS, LEAVER_COLS, OVERTIME_COLS as O, TARGET_VALUE_COL as V, type TargetField, WORKFORCE_COLS as C,
  WORKFORCE_MARKERS as M, WORKFORCE_ROWS, WORKFORCE_TITLE,
} from "./markers";

export const MONTH_HEADINGS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"] as const;

const HEADINGS: ReadonlyArray<[string, string]> = [
  [C.name, "Group"], [C.kind, "Kind"], [C.establishmentFte, "Budgeted establishment (FTE)"], [C.actualFte, "Strength at period end (FTE)"],
  [C.headcount, "Headcount at period end"], [C.joiners, "Joiners to year end (FTE)"], [C.leavers, "Leavers to year end (FTE)"],
  [C.forecastFte, "Forecast strength at year end (FTE)"], [C.varianceFte, "Variance now (FTE)"], [C.variancePct, "Variance now %"],
  [C.forecastVarianceFte, "Variance at year end (FTE)"], [C.forecastVariancePct, "Variance at year end %"], [C.rag, "RAG"],
];

const FTE = FTE_FORMAT;

/** The first calendar year of a financial year ("2024/25" -> 2024). */
export const firstYearOf = (financialYear: string): number => Number(financialYear.slice(0, 4));

/** The column index 0..11 (April first) of an ISO month in the financial year, or null outside it. */
export function monthIndex(financialYear: string, month: string): number | null {
  const i = (Number(month.slice(0, 4)) - firstYearOf(financialYear)) * 12 + Number(month.slice(5, 7)) - 4;
  return i >= 0 && i < 12 ? i : null;
}

/**
 * `revenueRows`: the Revenue sheet's row of each line (REVENUE_ROWS.line keys), so an overtime line linked to a
 * Revenue line refers to its cells.
 */
export function workforceSheet(ctx: PlanContext, w: WorkforcePosition, revenueRows: Record<string, number> = {}): SheetPlan {
  const { model } = ctx;
  const b = new SheetBuilder("Workforce", ctx.names.Workforce, [
    { width: 24 }, { width: 14 }, ...Array.from({ length: 11 }, () => ({ width: 12 })), ...Array.from({ length: 24 }, () => ({ width: 7 })), { width: 16, hidden: true },
  ], C.key);
  b.freeze = { rows: 5, columns: 1 };
  titleRows(b, ctx, WORKFORCE_TITLE, C.rag);
  b.label(3, "A", "Strength against the budgeted establishment, now and forecast at the year end", "section");
  b.fill(3, 2, 13, "section");
  b.key(3, M.strengthSection);
  for (const [col, text] of HEADINGS) b.label(4, col, text, "header");
  JOINER_COLS.forEach((col, i) => b.label(4, col, `${MONTH_HEADINGS[i]} joiners`, "header"));
  LEAVER_COLS.forEach((col, i) => b.label(4, col, `${MONTH_HEADINGS[i]} leavers`, "header"));
  b.key(4, COMMON_MARKERS.header);
  b.fill(5, 1, 13, "headerUnits");
  // Each month's number (yyyymm) from the Settings sheet's financial year: the count date is compared with it.
  const first = firstYearOf(model.financialYear);
  [...JOINER_COLS, ...LEAVER_COLS].forEach((col, i) => {
    const month = (i % 12) + 4, later = month > 12 ? 1 : 0;
    b.formula(5, col, `=(VALUE(LEFT(${ctx.set("financialYear")},4))+${later})*100+${month > 12 ? month - 12 : month}`, new D((first + later) * 100 + (month > 12 ? month - 12 : month)), "headerUnits");
  });
  b.key(5, COMMON_MARKERS.units);

  const set = (key: "workforce.amberPct" | "workforce.redPct") => ctx.set(key);
  const size = (pct: string) => `ROUND(ABS(N(${pct})),12)`;
  /**
   * `notEntered`: a condition true while the inputs the RAG needs are not all typed (engine: missingInputs), when the
   * cell says NOT_ENTERED rather than a Green on blanks. COUNT counts numbers only, the same in Excel and LibreOffice.
   */
  const rag = (now: string, forecast: string, notEntered: string) => {
    const reached = (key: "workforce.amberPct" | "workforce.redPct") => `OR(${size(now)}>=ROUND(${set(key)},12),${size(forecast)}>=ROUND(${set(key)},12))`;
    return `=IF(${notEntered},"${NOT_ENTERED}",IF(${reached("workforce.redPct")},"Red",IF(${reached("workforce.amberPct")},"Amber","Green")))`;
  };
  /** The figures worked out from a row's inputs: the same formulas on a group's row and the total's. */
  const figures = (r: number, f: WorkforcePosition | WorkforcePosition["groups"][number], style: "calculated" | "total", place: (column: string) => Place | undefined, notEntered: string) => {
    const cell = (col: string) => `${col}${r}`;
    const opts = (column: string, numberFormat = FTE) => ({ numberFormat, ...(place(column) ? { place: place(column) } : {}) });
    b.formula(r, C.forecastFte, `=${cell(C.actualFte)}+${cell(C.joiners)}-${cell(C.leavers)}`, f.forecastFte, style, opts("forecastFte"));
    b.formula(r, C.varianceFte, `=${cell(C.actualFte)}-${cell(C.establishmentFte)}`, f.varianceFte, style, opts("varianceFte"));
    b.formula(r, C.variancePct, `=IF(${cell(C.establishmentFte)}=0,"",${cell(C.varianceFte)}/${cell(C.establishmentFte)})`, pctExpected(f.variancePct), style, opts("variancePct", ctx.pct));
    b.formula(r, C.forecastVarianceFte, `=${cell(C.forecastFte)}-${cell(C.establishmentFte)}`, f.forecastVarianceFte, style, opts("forecastVarianceFte"));
    b.formula(r, C.forecastVariancePct, `=IF(${cell(C.establishmentFte)}=0,"",${cell(C.forecastVarianceFte)}/${cell(C.establishmentFte)})`, pctExpected(f.forecastVariancePct), style, opts("forecastVariancePct", ctx.pct));
    b.formula(r, C.rag, rag(cell(C.variancePct), cell(C.forecastVariancePct), notEntered), f.rag ?? NOT_ENTERED, style === "total" ? "ragTotal" : "rag", place("rag") ? { place: place("rag") as Place } : {});
  };

  let row = 6;
  const firstGroup = row;
  let officersRow: number | null = null;
  w.groups.forEach((g, i) => {
    const r = row++;
    const place = (column: string): Place => ({ area: "workforce", row: g.group.name, column });
    if (g.group.kind === "officers" && officersRow === null) officersRow = r;
    b.inputText(r, C.name, g.group.name, "lineName", { place: place("name") });
    b.inputText(r, C.kind, KIND_WORDS[g.group.kind], "inputText", { place: place("kind") });
    b.inputAmount(r, C.establishmentFte, g.group.establishmentFte, FTE, { place: place("establishmentFte") });
    b.inputAmount(r, C.actualFte, g.group.actualFte, FTE, { place: place("actualFte") });
    b.inputAmount(r, C.headcount, g.group.headcount, FTE, { place: place("headcount") });
    const months = (cols: readonly string[], which: "joiners" | "leavers") => {
      const byMonth = new Map<number, Decimal>();
      for (const m of g.group.movements) {
        const at = monthIndex(model.financialYear, m.month);
        if (at !== null) byMonth.set(at, (byMonth.get(at) ?? new D(0)).plus(m[which]));
      }
      cols.forEach((col, k) => b.inputAmount(r, col, byMonth.get(k) ?? null, FTE, { place: place("movements") }));
    };
    months(JOINER_COLS, "joiners");
    months(LEAVER_COLS, "leavers");
    b.formula(r, C.joiners, `=SUM(${JOINER_COLS[0]}${r}:${JOINER_COLS[11]}${r})`, g.joiners, "calculated", { numberFormat: FTE, place: place("joiners") });
    b.formula(r, C.leavers, `=SUM(${LEAVER_COLS[0]}${r}:${LEAVER_COLS[11]}${r})`, g.leavers, "calculated", { numberFormat: FTE, place: place("leavers") });
    figures(r, g, "calculated", place, `COUNT(${C.establishmentFte}${r},${C.actualFte}${r})<2`);
    b.key(r, M.group, WORKFORCE_ROWS.group(i));
  });
  const lastGroup = row - 1;
  const total = row++;
  b.label(total, C.name, "Total workforce", "totalLabel");
  b.blank(total, C.kind, "totalLabel");
  const sumOf = (col: string) => (lastGroup >= firstGroup ? `=SUM(${col}${firstGroup}:${col}${lastGroup})` : "=0");
  const totalPlace = (column: string): Place => ({ area: "workforce", row: "Total workforce", column });
  for (const [col, v] of [[C.establishmentFte, w.establishmentFte], [C.actualFte, w.actualFte], [C.headcount, w.headcount], [C.joiners, w.joiners], [C.leavers, w.leavers]] as const) {
    b.formula(total, col, sumOf(col), v, "total", { numberFormat: FTE });
  }
  // The total is judged only when every group has both inputs (engine: WorkforcePosition.notEntered); no group: never.
  const inputs = `${C.establishmentFte}${firstGroup}:${C.actualFte}${lastGroup}`;
  figures(total, w, "total", totalPlace, lastGroup >= firstGroup ? `COUNT(${inputs})<2*ROWS(${C.establishmentFte}${firstGroup}:${C.establishmentFte}${lastGroup})` : "TRUE");
  b.key(total, M.total);
  if (lastGroup >= firstGroup) b.validations.push({ range: `${C.kind}${firstGroup}:${C.kind}${lastGroup}`, values: Object.values(KIND_WORDS) });
  b.conditionalFormats.push(ragFormat(`${C.rag}${firstGroup}:${C.rag}${total}`));

  row = targetBlock(b, ctx, w, row + 1, officersRow);
  overtimeBlock(b, ctx, w, row + 1, revenueRows);
  return b.build();
}

/** The officer headcount target, the forecast at its count date, the gap and the grant at risk from the bands on the Settings sheet. */
function targetBlock(b: SheetBuilder, ctx: PlanContext, w: WorkforcePosition, start: number, officersRow: number | null): number {
  const t = w.target;
  let row = start;
  b.label(row, "A", "Officer headcount target and the grant at risk", "section");
  b.fill(row, 2, 13, "section");
  b.key(row, M.targetSection);
  row++;
  const rows = {} as Record<TargetField, number>;
  const place: Place = { area: "workforce", row: "Officer target", column: "forecastHeadcount" };
  const line = (field: TargetField, label: string, note?: string) => {
    rows[field] = row;
    b.label(row, "A", label);
    if (note) b.label(row, "C", note, "note");
    b.key(row, M.target(field));
    return row++;
  };
  const at = (field: TargetField) => `${V}${rows[field]}`;
  const blankTarget = (formula: string) => `=IF(${at("targetHeadcount")}="","",${formula})`;
  line("countDate", "Count date", "yyyy-mm-dd: the date the Home Office counts the headcount");
  b.inputText(rows.countDate, V, t?.target.countDate ?? null, "inputText", { place: { area: "workforce", row: "Officer target", column: "countDate" } });
  line("targetHeadcount", "Target headcount");
  b.inputAmount(rows.targetHeadcount, V, t?.target.targetHeadcount ?? null, FTE, { place: { area: "workforce", row: "Officer target", column: "targetHeadcount" } });
  line("forecastOverride", "Forecast headcount, if known", "blank: the police officers' headcount plus joiners less leavers to the count date");
  b.inputAmount(rows.forecastOverride, V, t?.target.forecastHeadcount ?? null, FTE, { place: { area: "workforce", row: "Officer target", column: "forecastOverride" } });
  line("forecastHeadcount", "Forecast headcount at the count date");
  const date = at("countDate");
  const countMonth = `IF(ISNUMBER(${date}),YEAR(${date})*100+MONTH(${date}),VALUE(LEFT(${date},4))*100+VALUE(MID(${date},6,2)))`;
  const months = `$${JOINER_COLS[0]}$5:$${JOINER_COLS[11]}$5`;
  const derived = officersRow === null ? "0"
    : `${C.headcount}${officersRow}+SUMPRODUCT((${months}<=${countMonth})*(${JOINER_COLS[0]}${officersRow}:${JOINER_COLS[11]}${officersRow}-${LEAVER_COLS[0]}${officersRow}:${LEAVER_COLS[11]}${officersRow}))`;
  b.formula(rows.forecastHeadcount, V, blankTarget(`IF(${at("forecastOverride")}="",${derived},${at("forecastOverride")})`), t?.forecastHeadcount ?? "", "total", { numberFormat: FTE, place });
  line("gap", "Gap to the target (short in brackets)");
  b.formula(rows.gap, V, blankTarget(`${at("forecastHeadcount")}-${at("targetHeadcount")}`), t?.gap ?? "", "calculated", { numberFormat: FTE, place: { ...place, column: "gap" } });
  line("achievedPct", "Forecast as % of the target");
  b.formula(rows.achievedPct, V, blankTarget(`IF(${at("targetHeadcount")}=0,"",${at("forecastHeadcount")}/${at("targetHeadcount")})`), t ? pctExpected(t.achievedPct) : "", "calculated", { numberFormat: ctx.pct });
  line("grant", "Grant paid against the target");
  b.inputAmount(rows.grant, V, t?.target.grant ?? null, ctx.amount, { place: { area: "workforce", row: "Officer target", column: "grant" } });
  unitsCell(b, ctx, rows.grant, "C");
  line("withheldPct", "% of the grant withheld (bands: Settings)", "blank: no band covers the forecast; add the band on the Settings sheet");
  b.formula(rows.withheldPct, V, blankTarget(withheldFormula(ctx, at("achievedPct"))), t?.band ? t.band.withheldPct.div(100) : "", "calculated", { numberFormat: ctx.pct });
  line("grantAtRisk", "Grant at risk");
  b.formula(rows.grantAtRisk, V, `=IF(${at("withheldPct")}="","",${at("grant")}*${at("withheldPct")})`, t?.grantAtRisk ?? "", "total", { numberFormat: ctx.amount, place: { ...place, column: "grantAtRisk" } });
  unitsCell(b, ctx, rows.grantAtRisk, "C");
  return row;
}

/**
 * The % withheld: the first band of the Settings sheet's table whose from % ≤ the achieved % ≤ its to % (a blank to:
 * no limit), "" when none covers it, as bandFor. A band without a from or a withheld % is skipped, as grantBandsOf.
 */
function withheldFormula(ctx: PlanContext, achieved: string): string {
  const p = `ROUND(${achieved},12)`;
  const tail = GRANT_BAND_SLOTS.reduceRight((rest, slot) => {
    const from = ctx.set(`grantBands.${slot}.fromPct`), to = ctx.set(`grantBands.${slot}.toPct`), withheld = ctx.set(`grantBands.${slot}.withheldPct`);
    const covers = `IF(OR(${from}="",${withheld}=""),FALSE(),AND(${p}>=ROUND(N(${from}),12),OR(${to}="",${p}<=ROUND(N(${to}),12))))`;
    return `IF(${covers},${withheld},${rest})`;
  }, '""');
  return `IF(${achieved}="","",${tail})`;
}

/**
 * Overtime by group and reason: budget, actual to date, forecast, the variance in the body's convention, % and RAG (the
 * revenue line rule); the budget to date, the variance to date and net of what is recharged to others. A line linked to
 * a Revenue line has its budget and forecast as references to that line's cells (a reference, not a copy).
 */
function overtimeBlock(b: SheetBuilder, ctx: PlanContext, w: WorkforcePosition, start: number, revenueRows: Record<string, number>): void {
  let row = start;
  b.label(row, "A", "Overtime by group and reason", "section");
  b.fill(row, 2, 13, "section");
  b.key(row, M.overtimeSection);
  row++;
  const head = row++;
  for (const [col, text] of [
    [O.group, "Group"], [O.reason, "Reason"], [O.budget, "Budget"], [O.actualToDate, "Actual to date"], [O.forecast, "Forecast"], [O.variancePct, "Variance %"], [O.rag, "RAG"],
    [O.budgetToDate, "Budget to date"], [O.recharged, "Recharged to date"], [O.revenueLine, "Revenue line"],
  ] as const) b.label(head, col, text, "header");
  varianceHeading(b, ctx, head, O.variance);
  varianceToDateHeading(b, ctx, head, O.varianceToDate);
  b.label(head, O.netVarianceToDate, "Net of recharges", "header");
  b.key(head, M.overtimeHeader);
  const units = row++;
  for (const col of [O.budget, O.actualToDate, O.forecast, O.variance, O.budgetToDate, O.varianceToDate, O.recharged, O.netVarianceToDate]) unitsCell(b, ctx, units, col);
  b.key(units, M.overtimeUnits);
  const first = row;
  const revenue = sheetPrefix(ctx.names.Revenue);
  const linesByName = revenueLinesByName(ctx.model);
  w.overtime.forEach((o, i) => {
    const r = row++;
    const place = (column: string): Place => ({ area: "workforce", row: `${o.line.group}: ${o.line.reason}`, column });
    b.inputText(r, O.group, o.line.group, "lineName", { place: place("group") });
    b.inputText(r, O.reason, o.line.reason, "inputText", { place: place("reason") });
    const linked = o.line.revenueLine ? linesByName.get(o.line.revenueLine.trim()) : undefined;
    const revenueRow = linked ? revenueRows[REVENUE_ROWS.line(linked.group, linked.index)] : undefined;
    for (const [field, from] of [["budget", REVENUE_COLS.revisedBudget], ["forecast", REVENUE_COLS.forecastOutturn]] as const) {
      if (revenueRow === undefined) b.inputAmount(r, O[field], o.line[field], ctx.amount, { place: place(field) });
      else b.formula(r, O[field], `=${revenue}$${from}$${revenueRow}`, o.line[field] ?? new D(0), "calculated", { numberFormat: ctx.amount, place: place(field) });
    }
    b.inputAmount(r, O.actualToDate, o.line.actualToDate, ctx.amount, { place: place("actualToDate") });
    varianceCells(b, ctx, r, { variance: o.variance, variancePct: o.variancePct, rag: o.rag ?? NOT_ENTERED }, null, false, place, { revised: O.budget, forecast: O.forecast, variance: O.variance, pct: O.variancePct, rag: O.rag });
    // The revenue line rule once the budget and forecast are both typed (the engine's overtime rule); "Not entered" before.
    const judged = varianceRagFormula(ctx, "revenueLine", `${O.budget}${r}`, `${O.forecast}${r}`).slice(1);
    b.formula(r, O.rag, `=IF(COUNT(${O.budget}${r},${O.forecast}${r})<2,"${NOT_ENTERED}",${judged})`, o.rag ?? NOT_ENTERED, "rag", { place: place("rag") });
    b.inputAmount(r, O.budgetToDate, o.line.budgetToDate ?? null, ctx.amount, { place: place("budgetToDate") });
    b.inputAmount(r, O.recharged, o.line.recharged ?? null, ctx.amount, { place: place("recharged") });
    toDateCells(b, ctx, r, o, "calculated", place);
    b.inputText(r, O.revenueLine, o.line.revenueLine ?? null, "inputText", { place: place("revenueLine") });
    b.key(r, M.overtime, WORKFORCE_ROWS.overtime(i));
  });
  const last = row - 1;
  const total = row++;
  const t = w.overtimeTotal ?? {
    budget: new D(0), budgetToDate: new D(0), actualToDate: new D(0), recharged: new D(0), forecast: new D(0), variance: new D(0), variancePct: null, favourable: new D(0), rag: "Green" as const,
    varianceToDate: null, netVarianceToDate: null,
  };
  b.label(total, O.group, "Total overtime", "totalLabel");
  b.blank(total, O.reason, "totalLabel");
  const sumOf = (col: string) => (last >= first ? `=SUM(${col}${first}:${col}${last})` : "=0");
  for (const [col, v] of [[O.budget, t.budget], [O.actualToDate, t.actualToDate], [O.forecast, t.forecast], [O.budgetToDate, t.budgetToDate], [O.recharged, t.recharged]] as const) {
    b.formula(total, col, sumOf(col), v, "total", { numberFormat: ctx.amount });
  }
  const totalPlace = (column: string): Place => ({ area: "workforce", row: "Total overtime", column });
  varianceCells(b, ctx, total, t, null, true, totalPlace, { revised: O.budget, forecast: O.forecast, variance: O.variance, pct: O.variancePct, rag: O.rag });
  // The total's figures to date only when some line keeps a budget to date (the engine's rule), so a blank column stays blank.
  toDateCells(b, ctx, total, t, "total", totalPlace, last >= first ? `COUNT(${O.budgetToDate}${first}:${O.budgetToDate}${last})=0` : "TRUE()");
  b.key(total, M.overtimeTotal);
  if (last >= first) b.conditionalFormats.push(ragFormat(`${O.rag}${first}:${O.rag}${last}`));
  b.note(row, "Type a row above Total overtime for each group and reason the body keeps (events, investigations, vacancies, mutual aid...); name a Revenue line in M to take its budget and forecast.", "M", M.note);
}

/** The variance to date (actual against the budget to date) and net of recharges; blank without a budget to date. */
function toDateCells(b: SheetBuilder, ctx: PlanContext, r: number, f: { varianceToDate: Decimal | null; netVarianceToDate: Decimal | null }, style: "calculated" | "total", place: (column: string) => Place, blankWhen = `${O.budgetToDate}${r}=""`): void {
  const btd = `${O.budgetToDate}${r}`, actual = `${O.actualToDate}${r}`;
  b.formula(r, O.varianceToDate, `=IF(${blankWhen},"",${varianceFormula(ctx, btd, actual)})`, f.varianceToDate ?? "", style, { numberFormat: ctx.amount, place: place("varianceToDate") });
  b.formula(r, O.netVarianceToDate, `=IF(${blankWhen},"",${varianceFormula(ctx, btd, `(${actual}-${O.recharged}${r})`)})`, f.netVarianceToDate ?? "", style, { numberFormat: ctx.amount, place: place("netVarianceToDate") });
}
