/**
 * The workforce position (issue 14): each group's strength against its establishment, now and forecast at the year
 * end from the joiners and leavers forecast, with a RAG; and the officer target: the forecast headcount at the count
 * date against the Home Office's target, the gap, and the grant at risk from the band table. Exact decimals
 * throughout. Variances are strength − establishment (negative: under strength); % of the establishment.
 */
import type { Decimal, MonitoringPeriod, Rag, RevenueLine, Settings, SignConvention, VarianceRagRule } from "../model/types";
import { type GrantBand, type OfficerTarget, type OvertimeLine, type Workforce, type WorkforceGroup, grantBandsOf } from "../model/workforce";
import { type VarianceFigures, varianceFigures } from "./rows";
import { HUNDRED, ZERO, pctOf, sum } from "../model/amount";
import { type Check, type Place, describePlace } from "./checks";
import { worst } from "./rag";
import { formatPct, groupDigits, money, pctPlaces } from "./format";

/** RAG of a variance to establishment: Amber from `amberPct`, Red from `redPct` of the establishment, either way. */
export interface WorkforceRagRule {
  amberPct: Decimal;
  redPct: Decimal;
}

export interface StrengthFigures {
  establishmentFte: Decimal;
  actualFte: Decimal;
  headcount: Decimal;
  joiners: Decimal;
  leavers: Decimal;
  /** actualFte + joiners − leavers. */
  forecastFte: Decimal;
  /** actualFte − establishmentFte. */
  varianceFte: Decimal;
  variancePct: Decimal | null;
  /** forecastFte − establishmentFte. */
  forecastVarianceFte: Decimal;
  forecastVariancePct: Decimal | null;
  /** Of the larger of the two variances %; null: not yet entered (see `isEntered`), so not judged. */
  rag: Rag | null;
}

/** The inputs a group's RAG needs; a group missing either is not yet entered. */
export type StrengthInput = "establishmentFte" | "actualFte";
export const STRENGTH_INPUTS: readonly StrengthInput[] = ["establishmentFte", "actualFte"];

/**
 * What "not yet entered" means. Blank cells are read as 0 in the figures (the sheet's formulas do the same), but a 0
 * read from a blank cell is not a position: with no establishment there is no % and the RAG would be Green; with no
 * strength it would be Red against the whole establishment. So a group is judged only when both its budgeted
 * establishment and its strength at the period end are typed: the variance now needs both, and the forecast at the
 * year end is that strength plus joiners less leavers (blank joiners and leavers are a forecast of no movement, and the
 * headcount feeds only the officer target, so neither is needed for the RAG). A typed 0 is entered.
 */
export function missingInputs(group: Pick<WorkforceGroup, StrengthInput>): StrengthInput[] {
  return STRENGTH_INPUTS.filter((k) => group[k] === null);
}

/** The inputs in words, for sentences ("no budgeted establishment typed"). */
export const STRENGTH_INPUT_WORDS: Record<StrengthInput, string> = { establishmentFte: "budgeted establishment", actualFte: "strength at the period end" };

/** Cells and short tables (the sheet's RAG, the slide's, the text report's) say this where a RAG is not yet entered. */
export const NOT_ENTERED = "Not entered";

export interface GroupResult extends StrengthFigures {
  group: WorkforceGroup;
  /** The inputs not yet typed of those the RAG needs (empty: judged). */
  missing: StrengthInput[];
}

export interface TargetResult {
  target: OfficerTarget;
  forecastHeadcount: Decimal;
  /** forecastHeadcount − target (negative: short of the target). */
  gap: Decimal;
  /** forecastHeadcount / target × 100. */
  achievedPct: Decimal | null;
  /** The band the achieved % falls in; null when none does (the table has a gap there). */
  band: GrantBand | null;
  /** grant × the band's withheld %; null when no band covers the achieved %. */
  grantAtRisk: Decimal | null;
}

/** The figures to date of overtime: the actual against the budget profiled to date, and net of what is charged to others. */
export interface OvertimeToDate {
  /** The actual to date against the budget to date, in the body's convention; null when no budget to date is kept. */
  varianceToDate: Decimal | null;
  /** The same with the recharged part taken off the actual (what falls on the body); null with no budget to date. */
  netVarianceToDate: Decimal | null;
}

export interface OvertimeResult extends Omit<VarianceFigures, "rag">, OvertimeToDate {
  line: OvertimeLine;
  /** The revenue line rule on the line's variance; null ("not yet entered") until its budget and forecast are both typed. */
  rag: Rag | null;
}

export interface OvertimeTotal extends VarianceFigures, OvertimeToDate {
  budget: Decimal;
  budgetToDate: Decimal;
  actualToDate: Decimal;
  recharged: Decimal;
  forecast: Decimal;
}

/** A group's overtime (every reason of "Police officers", say): the sums of its lines and their variances. */
export interface OvertimeGroupTotal extends OvertimeTotal {
  group: string;
}

export interface WorkforcePosition extends StrengthFigures {
  groups: GroupResult[];
  /**
   * The names of the groups not yet entered, in the sheet's order. The total is judged only when this is empty (and
   * there is a group): a total missing one group's establishment or strength is off by that whole group, so its
   * variance would judge a workforce nobody has fully entered; the treasurer is told which groups to fill in instead.
   */
  notEntered: string[];
  target: TargetResult | null;
  /** Each overtime line's variance (the body's convention), % of its budget and RAG (the revenue line rule), and the total. */
  overtime: OvertimeResult[];
  overtimeTotal: OvertimeTotal | null;
  /** The overtime of each group (in the order the groups first appear), as the total. */
  overtimeByGroup: OvertimeGroupTotal[];
  checks: Check[];
}

/** What the workforce is judged by: the RAG of strength, the grant's bands, and for overtime the body's variance convention and the revenue line rule. */
export interface WorkforceRules extends WorkforceRagRule {
  bands: readonly GrantBand[];
  convention: SignConvention;
  overtime: VarianceRagRule;
}

/** The rule of the period's settings (workforce.amberPct, workforce.redPct). */
export function workforceRule(settings: Settings): WorkforceRagRule {
  return { amberPct: settings.rag.workforce.amberPct, redPct: settings.rag.workforce.redPct };
}

/** Every rule of the period's settings the workforce is judged by. */
export function workforceRules(settings: Settings): WorkforceRules {
  return { ...workforceRule(settings), bands: grantBandsOf(settings), convention: settings.signConvention, overtime: settings.rag.revenueLine };
}

export function variancePctRag(pct: Decimal | null, rule: WorkforceRagRule): Rag {
  if (pct === null) return "Green";
  const size = pct.abs();
  if (size.greaterThanOrEqualTo(rule.redPct)) return "Red";
  if (size.greaterThanOrEqualTo(rule.amberPct)) return "Amber";
  return "Green";
}

function figures(parts: { establishmentFte: Decimal; actualFte: Decimal; headcount: Decimal; joiners: Decimal; leavers: Decimal }, rule: WorkforceRagRule, entered: boolean): StrengthFigures {
  const forecastFte = parts.actualFte.plus(parts.joiners).minus(parts.leavers);
  const varianceFte = parts.actualFte.minus(parts.establishmentFte);
  const forecastVarianceFte = forecastFte.minus(parts.establishmentFte);
  const variancePct = pctOf(varianceFte, parts.establishmentFte);
  const forecastVariancePct = pctOf(forecastVarianceFte, parts.establishmentFte);
  return { ...parts, forecastFte, varianceFte, variancePct, forecastVarianceFte, forecastVariancePct, rag: entered ? worst(variancePctRag(variancePct, rule), variancePctRag(forecastVariancePct, rule)) : null };
}

function groupResult(group: WorkforceGroup, rule: WorkforceRagRule): GroupResult {
  const missing = missingInputs(group);
  return {
    group,
    missing,
    ...figures({
      establishmentFte: group.establishmentFte ?? ZERO, actualFte: group.actualFte ?? ZERO, headcount: group.headcount ?? ZERO,
      joiners: sum(group.movements.map((m) => m.joiners)), leavers: sum(group.movements.map((m) => m.leavers)),
    }, rule, missing.length === 0),
  };
}

/** The band covering `pct` (from ≤ pct ≤ to), the first in the table when two do; null when none does. */
export function bandFor(bands: readonly GrantBand[], pct: Decimal): GrantBand | null {
  return bands.find((b) => pct.greaterThanOrEqualTo(b.fromPct) && (b.toPct === null || pct.lessThanOrEqualTo(b.toPct))) ?? null;
}

/** The grant withheld at a forecast headcount: grant × the covering band's withheld %; null when no band covers it. */
export function grantAtRisk(target: Pick<OfficerTarget, "targetHeadcount" | "grant"> & { bands: readonly GrantBand[] }, forecastHeadcount: Decimal): { achievedPct: Decimal | null; band: GrantBand | null; atRisk: Decimal | null } {
  const achievedPct = pctOf(forecastHeadcount, target.targetHeadcount);
  const band = achievedPct === null ? null : bandFor(target.bands, achievedPct);
  return { achievedPct, band, atRisk: band ? target.grant.times(band.withheldPct).div(HUNDRED) : null };
}

/** A rule that never flags (overtime judged without one). */
const NO_RULE: VarianceRagRule = { amber: { amount: null, pct: null }, red: { amount: null, pct: null }, combine: "higher", favourableIsGreen: true };

/** The month of an ISO date ("2025-03-31" -> "2025-03"). */
const monthOf = (isoDate: string) => isoDate.slice(0, 7);

function targetResult(target: OfficerTarget, bands: readonly GrantBand[], officers: WorkforceGroup | undefined): TargetResult {
  const forecastHeadcount = target.forecastHeadcount ?? derivedHeadcount(officers, target.countDate);
  const { achievedPct, band, atRisk } = grantAtRisk({ ...target, bands }, forecastHeadcount);
  return { target, forecastHeadcount, gap: forecastHeadcount.minus(target.targetHeadcount), achievedPct, band, grantAtRisk: atRisk };
}

/** The forecast headcount at the count date when the target gives none: today's headcount plus joiners less leavers in the months up to the count date. */
export function derivedHeadcount(officers: WorkforceGroup | undefined, countDate: string): Decimal {
  const upTo = monthOf(countDate);
  return (officers?.headcount ?? ZERO).plus(sum((officers?.movements ?? []).filter((m) => m.month <= upTo).map((m) => m.joiners.minus(m.leavers))));
}

/** The variance to date and net of recharges (null without a budget to date): the same rule as the year's variance, on the figures to date. */
function toDate(budgetToDate: Decimal | null, actualToDate: Decimal | null, recharged: Decimal | null, convention: SignConvention): OvertimeToDate {
  if (budgetToDate === null) return { varianceToDate: null, netVarianceToDate: null };
  const actual = actualToDate ?? ZERO;
  return {
    varianceToDate: varianceFigures(budgetToDate, actual, convention, null).variance,
    netVarianceToDate: varianceFigures(budgetToDate, actual.minus(recharged ?? ZERO), convention, null).variance,
  };
}

function totalOfLines(lines: readonly OvertimeLine[], convention: SignConvention): OvertimeTotal {
  const budget = sum(lines.map((l) => l.budget)), actualToDate = sum(lines.map((l) => l.actualToDate)), forecast = sum(lines.map((l) => l.forecast));
  const kept = lines.some((l) => l.budgetToDate !== undefined && l.budgetToDate !== null);
  const budgetToDate = sum(lines.map((l) => l.budgetToDate ?? null)), recharged = sum(lines.map((l) => l.recharged ?? null));
  // The total's variance and % only (a RAG of its own would judge many reasons by one line's rule).
  return { budget, budgetToDate, actualToDate, recharged, forecast, ...varianceFigures(budget, forecast, convention, null), ...toDate(kept ? budgetToDate : null, actualToDate, recharged, convention) };
}

/**
 * The RAG the overtime lines show together: the worst of those judged; not yet entered (null) while a line is not
 * judged, unless one is Red already (no blank line can make it better than Red).
 */
export function overtimeRag(lines: readonly OvertimeResult[]): Rag | null {
  const judged = lines.flatMap((l) => (l.rag ? [l.rag] : []));
  const worstJudged = judged.length ? worst(...judged) : null;
  return judged.length === lines.length || worstJudged === "Red" ? worstJudged : null;
}

function overtimeOf(lines: readonly OvertimeLine[], rules: WorkforceRules): { overtime: OvertimeResult[]; overtimeTotal: OvertimeTotal | null; overtimeByGroup: OvertimeGroupTotal[] } {
  const overtime = lines.map((line): OvertimeResult => {
    const figures = varianceFigures(line.budget, line.forecast, rules.convention, rules.overtime);
    // A blank budget or forecast read as 0 would judge a line nobody has filled in (Green on a blank forecast): no RAG.
    const entered = line.budget !== null && line.forecast !== null;
    return { line, ...figures, rag: entered ? figures.rag : null, ...toDate(line.budgetToDate ?? null, line.actualToDate, line.recharged ?? null, rules.convention) };
  });
  if (!lines.length) return { overtime, overtimeTotal: null, overtimeByGroup: [] };
  const groups = [...new Set(lines.map((l) => l.group))];
  const overtimeByGroup = groups.map((group) => ({ group, ...totalOfLines(lines.filter((l) => l.group === group), rules.convention) }));
  return { overtime, overtimeTotal: totalOfLines(lines, rules.convention), overtimeByGroup };
}

export function computeWorkforce(workforce: Workforce, rules: WorkforceRagRule & Partial<WorkforceRules>, say: { amount: (d: Decimal) => string; pct: (d: Decimal) => string; number: (d: Decimal) => string }): WorkforcePosition {
  const rule = rules;
  const full: WorkforceRules = { bands: [], convention: "budget-minus-forecast", overtime: NO_RULE, ...rules };
  const groups = workforce.groups.map((g) => groupResult(g, rule));
  const notEntered = groups.filter((g) => g.missing.length > 0).map((g) => g.group.name);
  const total = figures({
    establishmentFte: sum(groups.map((g) => g.establishmentFte)), actualFte: sum(groups.map((g) => g.actualFte)), headcount: sum(groups.map((g) => g.headcount)),
    joiners: sum(groups.map((g) => g.joiners)), leavers: sum(groups.map((g) => g.leavers)),
  }, rule, groups.length > 0 && notEntered.length === 0);
  const officers = workforce.groups.find((g) => g.kind === "officers");
  const target = workforce.officerTarget ? targetResult(workforce.officerTarget, full.bands, officers) : null;
  return { ...total, groups, notEntered, target, ...overtimeOf(workforce.overtime ?? [], full), checks: workforceChecks(groups, target, say) };
}

function workforceChecks(groups: GroupResult[], target: TargetResult | null, say: { amount: (d: Decimal) => string; pct: (d: Decimal) => string; number: (d: Decimal) => string }): Check[] {
  const out: Check[] = [];
  const place = (row: string | null, column: string | null): Place => ({ area: "workforce", row, column });
  for (const g of groups) {
    for (const column of ["establishmentFte", "actualFte", "headcount"] as const) {
      if (g.group[column] === null) {
        const p = place(g.group.name, column);
        out.push({ id: "workforce-missing", severity: "warning", message: `${g.group.name}: the ${COLUMN[column]} is missing; ${column === "headcount" ? "it counts as 0" : "the group has no RAG"} until it is filled in.`, where: describePlace(p), place: p });
      }
    }
    if (g.rag !== null && g.rag !== "Green" && g.forecastVariancePct !== null) {
      const p = place(g.group.name, "forecastFte");
      const words = g.forecastVarianceFte.isNegative() ? "under" : "over";
      out.push({ id: "workforce-variance", severity: g.rag === "Red" ? "warning" : "info", message: `${g.group.name} is forecast at ${say.number(g.forecastFte)} FTE at the year end against an establishment of ${say.number(g.establishmentFte)}: ${say.number(g.forecastVarianceFte.abs())} FTE (${say.pct(g.forecastVariancePct.abs())}) ${words} establishment (${g.rag}).`, where: describePlace(p), place: p });
    }
  }
  if (target) {
    const p = place("Officer target", "forecastHeadcount");
    const t = target.target;
    if (target.achievedPct !== null && target.band === null) {
      out.push({ id: "workforce-band-missing", severity: "error", message: `The officer headcount is forecast at ${say.pct(target.achievedPct)} of the target and no band of the grant table covers it, so the grant at risk cannot be worked out: add the band from the Home Office's grant agreement to the table.`, where: describePlace(p), place: p });
    }
    if (target.gap.isNegative()) {
      const risk = target.grantAtRisk === null ? "the grant at risk is not known (no band covers it)" : `${say.amount(target.grantAtRisk)} of the ${say.amount(t.grant)} grant is at risk`;
      out.push({ id: "workforce-target", severity: target.grantAtRisk !== null && target.grantAtRisk.isZero() ? "info" : "warning", message: `The officer headcount is forecast at ${say.number(target.forecastHeadcount)} on ${t.countDate} against a target of ${say.number(t.targetHeadcount)}: ${say.number(target.gap.abs())} short; ${risk}.`, where: describePlace(p), place: p });
    }
  }
  return out;
}

const COLUMN: Record<"establishmentFte" | "actualFte" | "headcount", string> = {
  establishmentFte: "budgeted establishment (FTE)", actualFte: "strength at the period end (FTE)", headcount: "headcount at the period end",
};

/** Numbers of people as written (2,198.4 FTE keeps its one place), amounts and percentages as the period shows them. */
export function sayFor(model: MonitoringPeriod): { amount: (d: Decimal) => string; pct: (d: Decimal) => string; number: (d: Decimal) => string } {
  return {
    amount: (d) => money(d, model.units),
    pct: (d) => formatPct(d, pctPlaces(model.settings)),
    number: (d) => groupDigits(d, d.isInteger() ? 0 : d.decimalPlaces()),
  };
}

/** The period's workforce position, or null when it has no workforce figures. */
export function workforcePositionOf(model: MonitoringPeriod): WorkforcePosition | null {
  if (!model.workforce) return null;
  const say = sayFor(model);
  const { lines, checks } = linkedOvertime(model, say);
  const position = computeWorkforce({ ...model.workforce, overtime: lines }, workforceRules(model.settings), say);
  return { ...position, checks: [...position.checks, ...checks] };
}

/** The Revenue lines of the period by name (a name on two lines is ambiguous: null). */
export function revenueLinesByName(model: MonitoringPeriod): Map<string, { group: number; index: number; line: RevenueLine } | null> {
  const out = new Map<string, { group: number; index: number; line: RevenueLine } | null>();
  model.revenue.groups.forEach((g, group) => g.lines.forEach((line, index) => {
    const key = line.name.trim();
    out.set(key, out.has(key) ? null : { group, index, line });
  }));
  return out;
}

/**
 * Overtime lines linked to a Revenue line take its budget and forecast (the Revenue sheet holds them; the Workforce
 * sheet's cells refer to them). A link to no line, or to a name two lines share, is an error; a figure on the
 * Workforce sheet that is no longer the Revenue line's (its reference typed over) is a warning, and the Revenue
 * line's figure is used.
 */
function linkedOvertime(model: MonitoringPeriod, say: { amount: (d: Decimal) => string }): { lines: OvertimeLine[]; checks: Check[] } {
  const checks: Check[] = [];
  const lines = model.workforce?.overtime ?? [];
  if (!lines.some((l) => l.revenueLine)) return { lines: [...lines], checks };
  const byName = revenueLinesByName(model);
  return {
    checks,
    lines: lines.map((l) => {
      if (!l.revenueLine) return l;
      const name = `${l.group}: ${l.reason}`;
      const p: Place = { area: "workforce", row: name, column: "revenueLine" };
      const found = byName.get(l.revenueLine.trim());
      if (!found) {
        checks.push({ id: "overtime-link", severity: "error", message: `Overtime ${name}: no single Revenue line is called "${l.revenueLine}"; type the name as on the Revenue sheet, or clear it.`, where: describePlace(p), place: p });
        return l;
      }
      const rev = found.line;
      for (const [field, own, theirs] of [["budget", l.budget, rev.revisedBudget], ["forecast", l.forecast, rev.forecastOutturn]] as const) {
        if (own === null || theirs === null || own.equals(theirs)) continue;
        const q: Place = { area: "workforce", row: name, column: field };
        checks.push({ id: "overtime-link-copy", severity: "warning", message: `Overtime ${name}: ${field} ${say.amount(own)} typed, not the ${say.amount(theirs)} of the Revenue line "${rev.name}", which is used; insert the Workforce sheet again (upgrade) to link it.`, where: describePlace(q), place: q });
      }
      return { ...l, budget: rev.revisedBudget, forecast: rev.forecastOutturn };
    }),
  };
}

export interface StrengthMonth {
  /** "Sep" for the period end, then each later month of the year. */
  label: string;
  /** The strength (FTE, all groups) at the month's end: now, plus joiners less leavers month by month. */
  strengthFte: Decimal;
  establishmentFte: Decimal;
}

const MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"] as const;

/**
 * Strength by month from the period end to the year end (the Workforce slide's chart): the strength now, then each
 * month's joiners less leavers added; against the establishment. `elapsed` is the months of the year at the period end.
 */
export function strengthByMonth(w: WorkforcePosition, financialYear: string, elapsed: number): StrengthMonth[] {
  const first = Number(financialYear.slice(0, 4));
  const iso = (k: number) => { const m = k + 4; return `${first + (m > 12 ? 1 : 0)}-${String(m > 12 ? m - 12 : m).padStart(2, "0")}`; };
  const out: StrengthMonth[] = [];
  let strength = w.actualFte;
  const start = Math.min(Math.max(elapsed, 1), 12) - 1;
  out.push({ label: `${MONTHS[start]} (now)`, strengthFte: strength, establishmentFte: w.establishmentFte });
  for (let k = start + 1; k < 12; k++) {
    const month = iso(k);
    for (const g of w.groups) for (const m of g.group.movements) if (m.month === month) strength = strength.plus(m.joiners).minus(m.leavers);
    out.push({ label: MONTHS[k] as string, strengthFte: strength, establishmentFte: w.establishmentFte });
  }
  return out;
}
