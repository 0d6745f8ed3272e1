/** The period's position as plain text for people: headline figures, RAG, checks; every line with --lines. */
import { periodLabel } from "../model/period";
import { bracketed, formatPct, formatRate, pctFigure, pctPlaces } from "../engine/format";
import type { Position } from "../engine/position";
import { type GroupResult, NOT_ENTERED, STRENGTH_INPUT_WORDS, type StrengthFigures, overtimeRag, sayFor } from "../engine/workforce";
import { movementWords } from "../engine/convention";
import { conventionLabel } from "../model/settings/registry";
import type { Decimal } from "../model/types";
import { periodErrors } from "./errors";
import { type MonitoredRow, type RevenueRow, reportLines } from "./lines";
import { previousVariances } from "../engine/previous-variances";
import { yearToDateJson } from "./year-to-date";
import { trendOf } from "../engine/trend";
import { commitmentsOf } from "../engine/commitments";

/** Text from a file shown within one line: its line breaks cannot start a line of their own (and fake one). */
const inLine = (s: string) => s.replace(/\r\n|[\r\n\u2028\u2029]/g, " / ");

/**
 * A check as one line: its place, then what it says. Most messages already begin with their place (a cell, or the
 * row and column after the area), so the place is not said twice: "Revenue, Net Budget, forecast outturn: the lines
 * add up to ..." rather than "Revenue, Net Budget, forecast outturn: Net Budget, forecast outturn: the lines ...".
 */
export function checkLine(c: { where: string; message: string }): string {
  const where = inLine(c.where), message = inLine(c.message);
  if (message.startsWith(where)) return message;
  const comma = where.indexOf(", ");
  const area = comma < 0 ? "" : where.slice(0, comma), rest = comma < 0 ? "" : where.slice(comma + 2);
  if (rest && message.startsWith(rest)) return `${area}, ${message}`;
  return `${where}: ${message}`;
}

/**
 * The first lines of the report when the period has errors: its figures leave out what the cells in error hold,
 * so they are announced as incomplete before any figure, with each cell to correct.
 */
export function incompleteBanner(p: Position): string[] {
  const errors = periodErrors(p);
  if (!errors.length) return [];
  return [
    `FIGURES INCOMPLETE: ${errors.length} error(s) below, so the figures and RAG ratings that follow leave out what these hold and must not be reported. Correct them first:`,
    ...errors.map((c) => `  ${checkLine(c)}`),
    "",
  ];
}

/** Every line as a table: name, the four columns, variance, % and RAG (capital adds slippage; reserves and savings their own). */
export function lineTables(p: Position): string[] {
  const t = reportLines(p);
  const money = (d: Decimal | null) => (d === null ? "–" : bracketed(d, undefined, p.model.settings.negativeStyle));
  const pctText = (d: Decimal | null) => (d === null ? "" : formatPct(d, pctPlaces(p.model.settings)));
  const table = (title: string, head: string[], rows: string[][]): string[] => {
    const all = [head, ...rows];
    const widths = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? "").length)));
    const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ").trimEnd();
    return [title, line(head), ...rows.map(line), ""];
  };
  const name = (r: { kind: string; name: string }) => (r.kind === "total" ? inLine(r.name) : `  ${inLine(r.name)}`);
  const monitored = ["", "Original", "Revised", "Actual", "Forecast", "Variance", "%", "RAG"];
  const row = (r: MonitoredRow) => [name(r), money(r.originalBudget), money(r.revisedBudget), money(r.actualToDate), money(r.forecastOutturn), money(r.variance), pctText(r.variancePct), r.rag ?? ""];
  return [
    ...revenueTable(p, table, monitored, t.revenue, row, money),
    ...commitmentsTable(p, table, money),
    ...table("Capital programme", [...monitored.slice(0, 7), "Slippage", "Underspend", "RAG"], t.capital.map((r) => [...row(r).slice(0, 7), money(r.slippage), money(r.underspend), r.rag ?? ""])),
    ...table("Capital financing", monitored.slice(0, 7), t.financing.map((r) => row(r).slice(0, 7))),
    ...table("Usable reserves", ["", "Opening", "Budgeted", "Commitments", "Actual", "Budgeted closing", "Forecast closing"],
      t.reserves.map((r) => [name(r), money(r.openingBalance), money(r.budgetedTransfer), money(r.commitments), money(r.actualTransfer), money(r.budgetedClosing), money(r.forecastClosing)])),
    ...yearToDateTable(p, table, money, pctText),
    ...table("Savings", ["", "Planned", "Delivered", "Forecast further", "Achieved", "Not achieved", "Next year", "RAG"],
      t.savings.map((r) => [name(r), money(r.planned), money(r.deliveredToDate), money(r.forecastFurtherDelivery), money(r.achieved), money(r.unachieved), money(r.expectedNextYear), r.rag ?? ""])),
  ];
}

type Table = (title: string, head: string[], rows: string[][]) => string[];

/**
 * Revenue: each row, with its variance at the latest earlier closed period when there is one ("–" for a row that
 * period did not have), and under a line its budget-only parts ("of which", the budget under Revised: parts have no
 * forecast, so nothing else).
 */
function revenueTable(p: Position, table: Table, head: string[], rows: RevenueRow[], row: (r: MonitoredRow) => string[], money: (d: Decimal | null) => string): string[] {
  const since = previousVariances(p)?.since;
  return table("Revenue", since ? [...head, `Variance at ${since}`] : head, rows.flatMap((r) => [
    since ? [...row(r), money(r.previousVariance)] : row(r),
    ...(r.budgetSplit ?? []).map((part) => [`    of which ${inLine(part.name)}`, "", money(part.revisedBudget)]),
  ]));
}

/** Each revenue line's commitments and spent and committed, when any are entered. */
function commitmentsTable(p: Position, table: Table, money: (d: Decimal | null) => string): string[] {
  const c = commitmentsOf(p.model);
  if (!c) return [];
  const name = (r: { kind: string; name: string }) => (r.kind === "total" ? inLine(r.name) : `  ${inLine(r.name)}`);
  return table("Revenue commitments (orders raised, not yet paid; they inform the forecast, they do not change it)", ["", "Actual", "Commitments", "Spent and committed"],
    [...c.rows, c.total].map((r) => [name(r), money(r.actualToDate), money(r.commitments), money(r.spentAndCommitted)]));
}

/** Revenue to date: each line's budget profiled to date, actual, variance and RAG, and forecast assist's projections (whole units). */
function yearToDateTable(p: Position, table: Table, money: (d: Decimal | null) => string, pctText: (d: Decimal | null) => string): string[] {
  const ytd = yearToDateJson(p);
  const whole = (d: Decimal | null) => (d === null ? "–" : bracketed(d.toDecimalPlaces(0, 4)));
  const notes = ytd.rows.flatMap((r) => (r.assist ? [`  ${inLine(r.assist)}`] : []));
  const rows = ytd.rows.map((r) => [r.kind === "total" ? inLine(r.name) : `  ${inLine(r.name)}`, r.profile ?? "", whole(r.budgetToDate), money(r.actualToDate), whole(r.varianceToDate),
    pctText(r.varianceToDatePct), r.rag ?? "", money(r.forecastOutturn), whole(r.projections?.straightLine ?? null), whole(r.projections?.profiled ?? null), whole(r.projections?.lastYear ?? null)]);
  const shown = table(`Revenue to date (${ytd.months} month${ytd.months === 1 ? "" : "s"}) and forecast assist`,
    ["", "Profile", "Budget to date", "Actual", "Variance", "%", "RAG", "Forecast", "Straight-line", "Profiled", "Last year"], rows);
  return [
    ...shown.slice(0, -1),
    ...(notes.length ? ["Forecast assist (the forecast is the treasurer's; these are prompts to look again):", ...notes] : ["Forecast assist: every forecast is within the assist materiality of its projections."]),
    "",
  ];
}

/** The year so far, when an earlier period is closed: each period's forecast variance, its movement, the general fund % and the RAG. */
function trendLines(p: Position): string[] {
  const points = trendOf(p);
  if (points.length < 2) return [];
  const { negativeStyle } = p.model.settings;
  const money = (d: Decimal | null) => (d === null ? "–" : bracketed(d, undefined, negativeStyle));
  const places = pctPlaces(p.model.settings);
  const rows = points.map((t) => [t.period, money(t.forecastVariance), money(t.movement), t.generalFundPct === null ? "–" : formatPct(t.generalFundPct, places), t.revenueRag ?? "–",
    t.period === p.model.period ? (t.closed ? "this period (closed)" : "this period") : ""]);
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => (r[i] ?? "").length), ["", "Variance", "Movement", "General Fund", "RAG"][i]?.length ?? 0));
  const line = (r: string[]) => `  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : i === 5 ? c : c.padStart(widths[i] ?? 0))).join("  ").trimEnd()}`;
  const strength = points.filter((t) => t.workforce);
  const say = sayFor(p.model);
  const byPeriod = strength.length < 2 ? [] : [`Workforce strength by period (FTE, all groups): ${strength.map((t) => `${t.period} ${say.number(t.workforce!.actualFte)} against ${say.number(t.workforce!.establishmentFte)}, ${say.number(t.workforce!.forecastFte)} forecast at year end`).join("; ")}.`];
  return ["", "Trend of the year (the Net Budget's forecast variance; the general fund after it, as % of the net budget):",
    line(["", "Variance", "Movement", "General Fund", "RAG", ""]), ...rows.map(line), ...byPeriod];
}

/** Strength against establishment, each group and the total, and the officer target with the grant at risk. */
function workforceLines(p: Position): string[] {
  const w = p.workforce;
  if (!w) return [];
  const say = sayFor(p.model);
  const signed = (d: Decimal) => `${d.isNegative() ? "−" : "+"}${say.number(d.abs())}`;
  const pct = (d: Decimal | null) => (d === null ? "n/a" : `${d.isNegative() ? "−" : "+"}${say.pct(d.abs())}`);
  const row = (label: string, f: StrengthFigures) =>
    `${label}[${f.rag ?? NOT_ENTERED}]  establishment ${say.number(f.establishmentFte)} FTE, strength ${say.number(f.actualFte)} (${signed(f.varianceFte)}, ${pct(f.variancePct)}), forecast at year end ${say.number(f.forecastFte)} (${signed(f.forecastVarianceFte)}, ${pct(f.forecastVariancePct)})`;
  const label = (name: string) => `  ${inLine(name)} `.padEnd(13).slice(0, 13);
  const groupRow = (g: GroupResult) => (g.missing.length ? `${label(g.group.name)}[${NOT_ENTERED}]  no ${g.missing.map((k) => STRENGTH_INPUT_WORDS[k]).join(" or ")} typed` : row(label(g.group.name), g));
  const out = [row("Workforce    ", w), ...w.groups.map(groupRow)];
  if (w.notEntered.length) out.splice(1, 0, `             not yet entered (no establishment or strength typed, so no RAG): ${w.notEntered.map(inLine).join(", ")}`);
  const t = w.target;
  if (t) {
    out.push(`             officer target ${say.number(t.target.targetHeadcount)} at ${t.target.countDate}: forecast headcount ${say.number(t.forecastHeadcount)}, gap ${signed(t.gap)}; grant at risk ${t.grantAtRisk === null ? "not known (no band covers the forecast)" : say.amount(t.grantAtRisk)} of ${say.amount(t.target.grant)}`);
  }
  const o = w.overtimeTotal;
  if (o) {
    const money = (d: Decimal) => bracketed(d, undefined, p.model.settings.negativeStyle);
    const worstLine = overtimeRag(w.overtime) ?? NOT_ENTERED;
    out.push(`Overtime     [${worstLine}]  budget ${money(o.budget)}, actual to date ${money(o.actualToDate)}, forecast ${money(o.forecast)}, variance ${money(o.variance)}${o.variancePct === null ? "" : `, ${pctFigure(o.variancePct, pctPlaces(p.model.settings), p.model.settings.negativeStyle)}`}`);
  }
  return out;
}

/** The total commitments and spent and committed under the revenue headline, when any line has commitments entered. */
function commitmentsLine(p: Position, money: (d: Decimal) => string): string[] {
  const c = commitmentsOf(p.model);
  return c ? [`             commitments ${money(c.total.commitments!)} (orders raised, not yet paid); actual to date plus them, spent and committed, ${money(c.total.spentAndCommitted!)}`] : [];
}

/** With `withLines`, every line's table follows the headline figures. */
export function textReport(p: Position, withLines = false): string {
  const { model, revenue, capital, reserves, savings, movement } = p;
  const u = model.units;
  const nb = revenue.netBudget, gf = reserves.generalFundPolicy;
  const money = (d: Parameters<typeof bracketed>[0]) => bracketed(d, undefined, model.settings.negativeStyle);
  const lines = [
    ...incompleteBanner(p),
    `${inLine(model.organisation)}: ${model.financialYear} ${periodLabel(model.period)} financial monitoring (amounts in ${u})`,
    `${conventionLabel(model.settings.signConvention, model.settings.negativeStyle)}.`,
    "",
    `Revenue      [${nb.rag}]  net budget ${money(nb.revisedBudget)}, forecast outturn ${money(nb.forecastOutturn)}, variance ${money(nb.variance)}, ${nb.variancePct ? pctFigure(nb.variancePct, pctPlaces(p.model.settings), model.settings.negativeStyle) : "% n/a"}`,
    movement
      ? `             since ${movement.previous.period}: variance was ${money(movement.previousRevenueVariance)}, movement ${money(movement.revenueVariance)} (${movementWords(movement.favourable)})`
      : "             no earlier period in the history, so no movement",
    ...commitmentsLine(p, money),
    `Capital      [${capital.rag}]  revised budget ${money(capital.programme.revisedBudget)}, forecast ${money(capital.programme.forecastOutturn)}, variance ${money(capital.programme.variance)}${capital.slippage === null || capital.underspend === null ? " (slippage not kept, so not split)" : `: slippage ${money(capital.slippage)}, underspend ${money(capital.underspend)}`}`,
    gf
      ? `Reserves     [${gf.rag}]  general fund budgeted to close at ${money(gf.budgetedClosing)} (${formatPct(gf.budgetedPct, pctPlaces(p.model.settings))}); after the forecast variance ${money(gf.forecastClosing)} (${formatPct(gf.forecastPct, pctPlaces(p.model.settings))}), ${gf.forecastBand} of the ${formatRate(gf.minimumPct)}–${formatRate(gf.maximumPct)} band`
      : "Reserves     [–]  no general fund entered, so the reserves policy band is not judged",
    `             total usable reserves: opening ${money(reserves.totalUsable.openingBalance)}, forecast closing ${money(reserves.totalUsable.forecastClosing)}`,
    `Savings      [${savings.rag}]  planned ${money(savings.planned)}, achieved ${money(savings.achieved)}${savings.achievedPct ? ` (${formatPct(savings.achievedPct, pctPlaces(p.model.settings))})` : ""}, not yet achieved ${money(savings.unachieved)}`,
    ...workforceLines(p),
    ...trendLines(p),
    "",
    ...(withLines ? lineTables(p) : []),
  ];
  if (p.checks.length === 0) lines.push("Checks: none.");
  else {
    const count = (s: string) => p.checks.filter((c) => c.severity === s).length;
    lines.push(`Checks: ${count("error")} error(s), ${count("warning")} warning(s), ${count("info")} note(s)`);
    for (const c of p.checks) lines.push(`  ${c.severity.toUpperCase().padEnd(7)} ${checkLine(c)}`);
  }
  return lines.join("\n");
}
