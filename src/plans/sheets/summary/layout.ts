/**
 * Summary: the Resource Control Board's view. RAG of each area this period and last, the headline figures (revenue
 * against the net budget, movement since the previous period, capital, the General Fund against the reserves band,
 * savings), all live formulas on the other sheets; then the checks as they stood when Outturn wrote the workbook.
 */
import { SheetBuilder } from "../../builder";
import type { PlanContext } from "../../context";
import { RATE_FORMAT, ragFormat } from "../../styles";
import type { SheetPlan } from "../../types";
import { absRef, sheetPrefix } from "../../a1";
import { D } from "../../../model/amount";
import { PERIODS, endMonth } from "../../../model/period";
import type { PeriodId } from "../../../model/types";
import { pctExpected, titleRows, unitsCell } from "../common";
import { periodOrderFormula } from "../../formulas";
import type { CapitalAnchors } from "../capital/layout";
import { narrative } from "../../../narrative/narrative";
import { movementWords } from "../../../engine/convention";
import { lineMovements } from "../../../engine/line-movements";
import { HISTORY_LINE_COLS } from "../history/markers";
import { REVENUE_COLS } from "../revenue/layout";
import { HISTORY_LOOKUP, type HistoryAnchors } from "../history/layout";
import type { ReservesAnchors } from "../reserves/layout";
import type { RevenueAnchors } from "../revenue/layout";
import type { SavingsAnchors } from "../savings/layout";
import type { Decimal } from "../../../model/types";

export interface SummaryInputs {
  revenue: RevenueAnchors;
  capital: CapitalAnchors;
  reserves: ReservesAnchors;
  savings: SavingsAnchors;
  history: HistoryAnchors;
  /** The cell (e.g. "Reserves!F18") showing a figure a check concerns, from the other sheets' plans. */
  locate?: (place: import("../../types").Place) => string | null;
  /** The sign-off, in words (src/engine/signoff.ts describeStatus), when the workbook has been signed off. */
  signoff?: string;
  /** Row keys of the Revenue sheet's plan ("line:g:l"), for the movement by line; without them the section is left out. */
  revenueRows?: Record<string, number>;
}

/** Orders periods as previousSnapshot does: by the month they end, a month after the quarter ending with it. */
export function periodKey(id: PeriodId): number {
  return endMonth(id) * 2 + (id.startsWith("M") ? 1 : 0);
}

export function summarySheet(ctx: PlanContext, a: SummaryInputs): SheetPlan {
  const { model, position: p, names } = ctx;
  const b = new SheetBuilder("Summary", names.Summary, [{ width: 50 }, { width: 14 }, { width: 14 }, { width: 90 }, { width: 16, hidden: true }, { width: 8, hidden: true }], "E");
  b.freeze = { rows: 2, columns: 0 };
  b.print = { orientation: "landscape", fitToWidth: true };
  titleRows(b, ctx, "Financial monitoring summary", "D");
  const rev = (col: string) => absRef(names.Revenue, col, a.revenue.netBudget);
  const cap = (col: string) => absRef(names.Capital, col, a.capital.programme);
  const res = (col: string, key: keyof ReservesAnchors["policy"]) => absRef(names.Reserves, col, a.reserves.policy[key]);
  const sav = (col: string, row: number) => absRef(names.Savings, col, row);
  const prev = p.movement?.previous ?? null;
  // Last period: looked up by formula in the History sheet (the latest period there ending before this one), so
  // the layout is the same whatever the number of closed periods, and a row typed into the History sheet by hand
  // shows here at once. Hidden helper cells in column F: F4 this period's end month, F5 the previous period's
  // order key (end month x 2, +1 for a month: a month after the quarter ending with it), F6 its id, F7 its
  // position in the History rows.
  const H = HISTORY_LOOKUP;
  const histCol = (col: string) => `${sheetPrefix(names.History)}$${col}$${H.first}:$${col}$${H.last}`;
  const setPeriod = ctx.set("period");
  b.formula(4, "F", `=${periodOrderFormula(setPeriod)}`, new D(endMonth(model.period)), "key");
  const terms = PERIODS.map((id) => `IF(AND(${endMonth(id)}<$F$4,COUNTIF(${histCol("A")},"${id}")>0),${periodKey(id)},0)`);
  b.formula(5, "F", `=MAX(${terms.join(",")})`, new D(prev ? periodKey(prev.period) : 0), "key");
  b.formula(6, "F", `=IF($F$5=0,"",IF($F$5=${periodKey("PO")},"PO",IF($F$5=${periodKey("FO")},"FO",IF(MOD($F$5,2)=1,"M"&TEXT(($F$5-1)/2,"00"),"Q"&($F$5/6)))))`, prev?.period ?? "", "key");
  const prevIndex = prev ? model.history.indexOf(prev) : -1;
  const prevRow = prevIndex >= 0 ? a.history.rows[prevIndex] : undefined;
  b.formula(7, "F", `=IF($F$6="","",MATCH($F$6,${histCol("A")},0))`, prevRow !== undefined ? new D(prevRow - H.first + 1) : "", "key");
  // F8: how many amount inputs hold text, an error or TRUE/FALSE (a number typed with a comma, "£1.2m", #DIV/0!...). The
  // figures then leave those cells out, so no RAG is shown this period until they are corrected (a clean-looking Green
  // from a broken input would mislead). The model read never holds such a cell, so the plan expects 0.
  const inputs = (sheet: string, from: string, to: string) => {
    const range = `${sheetPrefix(sheet)}$${from.replace(/[0-9]+/, "")}$${from.replace(/[A-Z]+/, "")}:$${to.replace(/[0-9]+/, "")}$${to.replace(/[A-Z]+/, "")}`;
    return `SUMPRODUCT(ISTEXT(${range})+ISERROR(${range})+ISLOGICAL(${range}))`;
  };
  const badInputs = [
    inputs(names.Revenue, "B6", `E${a.revenue.netBudget}`),
    inputs(names.Capital, "B6", `E${a.capital.funding}`), inputs(names.Capital, "H6", `H${a.capital.programme}`),
    inputs(names.Reserves, "B6", `E${a.reserves.totalUsable}`),
    inputs(names.Savings, "C6", `E${a.savings.total}`), inputs(names.Savings, "H6", `H${a.savings.total}`),
  ];
  b.formula(8, "F", `=${badInputs.join("+")}`, new D(0), "key");
  /** The previous period's cell of a History column (INDEX by F7); only inside IF($F$7="",...). */
  const hist = (col: string) => `INDEX(${histCol(col)},$F$7)`;

  // RAG this period and last.
  let row = 4;
  b.label(row, "A", "RAG status", "header");
  b.label(row, "B", "This period", "header");
  b.formula(row, "C", `="Last period"&IF($F$6="",""," ("&$F$6&")")`, prev ? `Last period (${prev.period})` : "Last period", "header");
  b.label(row, "D", `What it measures`, "header");
  b.key(row, "header");
  row++;
  const ragRow = (key: string, label: string, now: string, nowValue: string, lastCol: string, lastValue: string | null, what: string) => {
    b.label(row, "A", label);
    b.formula(row, "B", `=IF($F$8>0,"check the errors",${now})`, nowValue, "rag");
    b.formula(row, "C", `=IF($F$7="","–",IF(${hist(lastCol)}="","",${hist(lastCol)}))`, prev ? lastValue ?? "" : "–", "rag");
    b.label(row, "D", what, "note");
    b.key(row, `rag:${key}`);
    row++;
  };
  ragRow("revenue", "Revenue", rev("H"), p.rag.revenue, "E", prev?.revenue.rag ?? null, "The Net Budget's forecast variance against the thresholds on Settings.");
  ragRow("capital", "Capital", cap("J"), p.rag.capital, "I", prev?.capital?.rag ?? null, "Overspend and slippage of the capital programme as % of its revised budget.");
  ragRow("reserves", "Reserves", res("B", "rag"), p.rag.reserves ?? "not judged", "L", prev?.generalFund?.rag ?? null, "The General Fund after the forecast variance against the reserves policy band.");
  ragRow("savings", "Savings", sav("J", a.savings.achievedPct), p.rag.savings, "O", prev?.savings?.rag ?? null, "Savings achieved (delivered + forecast) as % of those planned.");
  b.formula(row, "A", `=IF($F$8>0,"An amount cell holds text or an error ("&$F$8&" in all), so the figures leave it out: see the checks (Outturn pane, or outturn report) and correct it.","")`, "", "check");
  b.merges.push(`A${row}:D${row}`);
  b.key(row, "input-errors");
  row++;
  b.conditionalFormats.push(ragFormat(`B5:C${row - 1}`));

  // Headline figures.
  row++;
  b.label(row, "A", "Headline figures", "header");
  unitsCell(b, ctx, row, "B");
  b.label(row, "C", "%", "headerUnits");
  b.blank(row, "D", "header");
  b.key(row, "figures-header");
  row++;
  const section = (key: string, title: string) => {
    b.label(row, "A", title, "section");
    b.fill(row, 2, 4, "section");
    b.key(row, `section:${key}`);
    row++;
  };
  const figure = (key: string, label: string, amount: [string, Decimal | string, string?] | null, pct: [string, Decimal | string, string?] | null, note = "") => {
    b.label(row, "A", label);
    if (amount) b.formula(row, "B", amount[0], amount[1], "calculated", { numberFormat: amount[2] ?? ctx.amount });
    if (pct) b.formula(row, "C", pct[0], pct[1], "calculated", { numberFormat: pct[2] ?? ctx.pct });
    if (note) b.label(row, "D", note, "note");
    b.key(row, `fig:${key}`);
    return row++;
  };
  const nb = p.revenue.netBudget;
  section("revenue", "Revenue");
  figure("netBudget", "Net Budget (revised)", [`=${rev("C")}`, nb.revisedBudget], null);
  figure("forecast", "Forecast outturn", [`=${rev("E")}`, nb.forecastOutturn], null);
  const varRow = figure("variance", "Forecast variance", [`=${rev("F")}`, nb.variance], [`=${rev("G")}`, pctExpected(nb.variancePct)], "Variance as a % of the Net Budget.");
  {
    // Always the same two rows: blank, with a note, until there is an earlier period on the History sheet.
    const m = p.movement;
    const conv = ctx.set("signConvention");
    b.formula(row, "A", `="Forecast variance at "&IF($F$6="","the previous period",$F$6)`, `Forecast variance at ${m ? m.previous.period : "the previous period"}`, "label");
    b.formula(row, "B", `=IF($F$7="","",IF(${conv}="forecast-minus-budget",${hist("D")}-${hist("C")},${hist("C")}-${hist("D")}))`, m ? m.previousRevenueVariance : "", "calculated", { numberFormat: ctx.amount });
    b.key(row, "fig:previousVariance");
    const prevVar = row++;
    const mov = figure("movement", "Movement since the previous period", [`=IF($F$7="","",B${varRow}-B${prevVar})`, m ? m.revenueVariance : ""], null);
    b.formula(mov, "D", `=IF($F$7="","No earlier period on the ${names.History} sheet.",${movementWordsFormula(ctx, `B${mov}`)})`,
      !m ? `No earlier period on the ${names.History} sheet.` : movementWords(m.favourable), "note");
  }
  const c = p.capital;
  section("capital", "Capital");
  figure("capitalBudget", "Capital programme: revised budget", [`=${cap("C")}`, c.programme.revisedBudget], null);
  figure("capitalForecast", "Capital programme: forecast outturn", [`=${cap("E")}`, c.programme.forecastOutturn], null);
  figure("capitalVariance", "Capital programme: variance", [`=${cap("F")}`, c.programme.variance], [`=${cap("G")}`, pctExpected(c.programme.variancePct)]);
  if (c.slippage === null || c.underspend === null) {
    // The body does not keep slippage (Settings): the variance is not split, rather than shown as all underspend.
    figure("slippage", "of which slippage", null, null, "Not kept by the body (Settings: inputs), so the variance is not split.");
    figure("underspend", "of which underspend / (overspend)", null, null);
  } else {
    figure("slippage", "of which slippage", [`=${cap("H")}`, c.slippage], [`=IF(${cap("C")}=0,"",${cap("H")}/ABS(${cap("C")}))`, pctExpected(c.slippagePct)], "Slippage as a % of the revised budget.");
    figure("underspend", "of which underspend / (overspend)", [`=${cap("I")}`, c.underspend], null);
  }
  const gf = p.reserves.generalFundPolicy;
  section("reserves", "Reserves");
  // Without a general fund the Reserves sheet shows "" for its figures and "not judged" for the band.
  figure("gfBudgeted", "General Fund: budgeted closing balance", [`=${res("B", "budgeted")}`, gf?.budgetedClosing ?? ""], [`=${res("C", "budgeted")}`, gf?.budgetedPct.div(100) ?? ""]);
  figure("gfForecast", "General Fund: after the forecast variance", [`=${res("B", "forecast")}`, gf?.forecastClosing ?? ""], [`=${res("C", "forecast")}`, gf?.forecastPct.div(100) ?? ""], "As a % of the Net Budget.");
  const band = p.model.settings.reservesBand;
  figure("band", "Reserves policy band: minimum and maximum", [`=${res("C", "minimum")}`, band.minimumPct.div(100), RATE_FORMAT], [`=${res("C", "maximum")}`, band.maximumPct.div(100), RATE_FORMAT]);
  const bandRow = figure("bandPosition", "General Fund after the variance against the band", null, null);
  b.formula(bandRow, "D", `=${res("B", "band")}`, gf?.forecastBand ?? "not judged", "note");
  figure("usableOpening", "Total usable reserves: opening balance", [`=${absRef(names.Reserves, "B", a.reserves.totalUsable)}`, p.reserves.totalUsable.openingBalance], null);
  figure("usableClosing", "Total usable reserves: forecast closing balance", [`=${absRef(names.Reserves, "F", a.reserves.totalUsable)}`, p.reserves.totalUsable.forecastClosing], null);
  const s = p.savings;
  section("savings", "Savings");
  figure("planned", "Savings planned", [`=${sav("C", a.savings.total)}`, s.planned], null);
  figure("achieved", "Savings achieved (delivered + forecast)", [`=${sav("F", a.savings.total)}`, s.achieved], [`=${sav("F", a.savings.achievedPct)}`, pctExpected(s.achievedPct)]);
  figure("unachieved", "Savings not yet achieved", [`=${sav("G", a.savings.total)}`, s.unachieved], null);
  figure("nextYear", "of which expected next year", [`=${sav("H", a.savings.total)}`, s.expectedNextYear], null);

  row = movementByLine(b, ctx, a, row);

  // The sign-off, as it stood when Outturn wrote the workbook (the inputs changed since are among the checks below).
  if (a.signoff) {
    row++;
    b.label(row, "A", "Sign-off (when Outturn last wrote this workbook)", "header");
    b.label(row, "B", a.signoff, "check");
    b.merges.push(`B${row}:D${row}`);
    b.key(row, "signoff-status");
    row++;
  }

  // Checks, as computed when the workbook was written.
  row++;
  b.label(row, "A", "Checks (when Outturn last wrote this workbook)", "header");
  b.label(row, "B", "Severity", "header");
  b.label(row, "C", "Message", "header");
  b.merges.push(`C${row}:D${row}`);
  b.key(row, "checks-header");
  row++;
  if (p.checks.length === 0) {
    b.label(row, "A", "No checks: nothing to look at.", "check");
    b.key(row, "check");
    row++;
  }
  for (const chk of p.checks) {
    const cell = a.locate?.(chk.place) ?? null;
    b.label(row, "A", cell ? `${cell}: ${chk.where}` : chk.where, "check");
    b.label(row, "B", chk.severity === "error" ? "Error" : chk.severity === "warning" ? "Warning" : "Note", "check");
    b.label(row, "C", chk.message, "check");
    b.merges.push(`C${row}:D${row}`);
    b.key(row, "check");
    row++;
  }

  // The narrative, in the published style, as it stood when Outturn wrote the workbook (static text, like the checks).
  row++;
  b.label(row, "A", "Narrative (when Outturn last wrote this workbook)", "header");
  b.fill(row, 2, 4, "header");
  b.key(row, "narrative-header");
  row++;
  narrative(p).forEach((paragraph, i) => {
    b.label(row, "A", paragraph, "check");
    b.merges.push(`A${row}:D${row}`);
    b.key(row, "narrative", `narrative:${i}`);
    row++;
  });
  b.note(row + 1, "The RAG and figures above are live formulas; the checks and the narrative are as they stood when Outturn wrote the workbook (the Outturn pane's Quarterly pack and Checks, or outturn report, give them for the figures as they are now).", "D");
  return b.build();
}

/** A movement in a cell in words, as movementWords: "no change", "an improvement" or "a deterioration" in the body's convention. */
function movementWordsFormula(ctx: PlanContext, cell: string): string {
  return `IF(ROUND(${cell},9)=0,"no change",IF((${cell}>0)=(${ctx.set("signConvention")}="budget-minus-forecast"),"an improvement","a deterioration"))`;
}

/** How many lines the Summary's movement by line shows (the largest when Outturn wrote the workbook; the JSON has all). */
export const SUMMARY_MOVEMENTS = 10;

/**
 * The movement of each revenue line's variance since the previous period, largest first (issue 13): live formulas,
 * this period's variance on the Revenue sheet less the line's variance then, found by period, group and name in the
 * Period history sheet's table of lines (blank for a line that was not there, or with no earlier period). The order
 * and the choice of lines are as they stood when Outturn wrote the workbook. Returns the next free row.
 */
function movementByLine(b: SheetBuilder, ctx: PlanContext, a: SummaryInputs, row: number): number {
  const { position: p, names } = ctx;
  const moves = lineMovements(p);
  // Only once a period was closed with its lines (before that, every row would say so).
  if (!a.revenueRows || !moves) return row;
  const conv = ctx.set("signConvention");
  const rowOf = (path: string) => {
    const m = /(\d+)\D+(\d+)/.exec(path);
    return m ? a.revenueRows?.[`line:${m[1]}:${m[2]}`] : undefined;
  };
  const shown = moves.lines.map((l) => ({ ...l, at: rowOf(l.path) })).filter((l) => l.at !== undefined).slice(0, SUMMARY_MOVEMENTS);
  b.formula(row, "A", `="Movement by line since "&IF($F$6="","the previous period",$F$6)&" (largest first)"`, `Movement by line since ${moves.since} (largest first)`, "section");
  b.fill(row, 2, 4, "section");
  b.key(row, "section:lineMovements");
  row++;
  const col = (c: string) => `${sheetPrefix(names.History)}$${c}:$${c}`;
  const L = HISTORY_LINE_COLS;
  shown.forEach((l, i) => {
    const at = l.at as number;
    // Criteria that match the text exactly: "=" first (a name starting "<" or ">" is not a comparison), and ~ * ? escaped.
    const exactly = (ref: string) => `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${ref}&"","~","~~"),"*","~*"),"?","~?")`;
    const crit = `${col(L.period)},$F$6,${col(L.group)},${exactly(`$F$${row}`)},${col(L.name)},${exactly(absRef(names.Revenue, REVENUE_COLS.name, at))}`;
    const then = (x: string) => `SUMIFS(${col(x)},${crit})`;
    const was = `IF(${conv}="forecast-minus-budget",${then(L.forecastOutturn)}-${then(L.revisedBudget)},${then(L.revisedBudget)}-${then(L.forecastOutturn)})`;
    // The group's name is kept in the hidden column F (the criteria need it; the line's name is read from Revenue).
    b.formula(row, "A", `=${absRef(names.Revenue, REVENUE_COLS.name, at)}&""`, l.name, "label");
    b.formula(row, "B", `=IF($F$6="","",IF(COUNTIFS(${crit})=0,"",${absRef(names.Revenue, REVENUE_COLS.variance, at)}-${was}))`, l.movement ?? "", "calculated", { numberFormat: ctx.amount });
    b.formula(row, "D", `=IF($F$6="","No earlier period on the ${names.History} sheet.",IF(COUNTIFS(${col(L.period)},$F$6,${col(L.name)},"*")=0,"The ${names.History} sheet keeps no lines for "&$F$6&".",IF(B${row}="","Not on the ${names.History} sheet at "&$F$6&": new since.",${movementWordsFormula(ctx, `B${row}`)})))`,
      l.favourable === null ? `Not on the ${names.History} sheet at ${moves.since}: new since.` : movementWords(l.favourable), "note");
    b.label(row, "F", l.group, "key");
    b.key(row, "line-movement", `line-movement:${i}`);
    row++;
  });
  return row;
}
