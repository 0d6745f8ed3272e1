/**
 * Summary: the Resource Control Board's view. RAG of each area this period and last, the headline figures (revenue
 * against the net budget, movement since the previous period, capital, the General Fund against the reserves band,
 * savings), all live formulas on the other sheets; then the checks as they stood when Outturn wrote the workbook.
 */
import { periodLabel } from "../../model/period";
import { SheetBuilder } from "../builder";
import type { PlanContext } from "../context";
import { PCT_FORMAT, RATE_FORMAT, ragFormat } from "../styles";
import type { SheetPlan } from "../types";
import { absRef } from "../a1";
import { pctExpected, titleRows, unitsCell } from "./common";
import type { CapitalAnchors } from "./capital";
import type { HistoryAnchors } from "./history";
import type { ReservesAnchors } from "./reserves";
import type { RevenueAnchors } from "./revenue";
import type { SavingsAnchors } from "./savings";
import type { Decimal } from "../../model/types";

export interface SummaryInputs {
  revenue: RevenueAnchors;
  capital: CapitalAnchors;
  reserves: ReservesAnchors;
  savings: SavingsAnchors;
  history: HistoryAnchors;
  /** The cell (e.g. "Reserves!F18") showing a figure a check concerns, from the other sheets' plans. */
  locate?: (place: import("../types").Place) => string | null;
}

export function summarySheet(ctx: PlanContext, a: SummaryInputs): SheetPlan {
  const { model, position: p, names } = ctx;
  const b = new SheetBuilder("Summary", names.Summary, [{ width: 50 }, { width: 14 }, { width: 14 }, { width: 90 }, { width: 16, hidden: true }], "E");
  b.freeze = { rows: 2, columns: 0 };
  b.print = { orientation: "landscape", fitToWidth: true };
  titleRows(b, ctx, "Financial monitoring summary", "D");
  const rev = (col: string) => absRef(names.Revenue, col, a.revenue.netBudget);
  const cap = (col: string) => absRef(names.Capital, col, a.capital.programme);
  const res = (col: string, key: keyof ReservesAnchors["policy"]) => absRef(names.Reserves, col, a.reserves.policy[key]);
  const sav = (col: string, row: number) => absRef(names.Savings, col, row);
  const prevIndex = p.movement ? model.history.indexOf(p.movement.previous) : -1;
  const prevRow = prevIndex >= 0 ? a.history.rows[prevIndex] : undefined;
  const hist = (col: string) => absRef(names.History, col, prevRow as number);
  const prev = p.movement?.previous ?? null;

  // RAG this period and last.
  let row = 4;
  b.label(row, "A", "RAG status", "header");
  b.label(row, "B", "This period", "header");
  b.formula(row, "C", prevRow ? `="Last period ("&${hist("A")}&")"` : `="Last period"`, prev ? `Last period (${prev.period})` : "Last period", "header");
  b.label(row, "D", `What it measures`, "header");
  b.key(row, "header");
  row++;
  const ragRow = (key: string, label: string, now: string, nowValue: string, lastCol: string | null, lastValue: string | null, what: string) => {
    b.label(row, "A", label);
    b.formula(row, "B", `=${now}`, nowValue, "rag");
    if (prevRow && lastCol) b.formula(row, "C", `=IF(${hist(lastCol)}="","",${hist(lastCol)})`, lastValue ?? "", "rag");
    else b.label(row, "C", "–", "rag");
    b.label(row, "D", what, "note");
    b.key(row, `rag:${key}`);
    row++;
  };
  ragRow("revenue", "Revenue", rev("H"), p.rag.revenue, "E", prev?.revenue.rag ?? null, "The Net Budget's forecast variance against the thresholds on Settings.");
  ragRow("capital", "Capital", cap("J"), p.rag.capital, "I", prev?.capital?.rag ?? null, "Overspend and slippage of the capital programme as % of its revised budget.");
  ragRow("reserves", "Reserves", res("B", "rag"), p.rag.reserves, "L", prev?.generalFund?.rag ?? null, "The General Fund after the forecast variance against the reserves policy band.");
  ragRow("savings", "Savings", sav("J", a.savings.achievedPct), p.rag.savings, "O", prev?.savings?.rag ?? null, "Savings achieved (delivered + forecast) as % of those planned.");
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
    if (pct) b.formula(row, "C", pct[0], pct[1], "calculated", { numberFormat: pct[2] ?? PCT_FORMAT });
    if (note) b.label(row, "D", note, "note");
    b.key(row, `fig:${key}`);
    return row++;
  };
  const nb = p.revenue.netBudget;
  section("revenue", "Revenue");
  figure("netBudget", "Net Budget (revised)", [`=${rev("C")}`, nb.revisedBudget], null);
  figure("forecast", "Forecast outturn", [`=${rev("E")}`, nb.forecastOutturn], null);
  const varRow = figure("variance", "Forecast variance", [`=${rev("F")}`, nb.variance], [`=${rev("G")}`, pctExpected(nb.variancePct)], "Variance as a % of the Net Budget.");
  if (p.movement && prevRow) {
    const m = p.movement;
    const conv = ctx.set("signConvention");
    const prevVar = figure("previousVariance", `Forecast variance at ${periodLabel(m.previous.period)}`,
      [`=IF(${conv}="forecast-minus-budget",${hist("D")}-${hist("C")},${hist("C")}-${hist("D")})`, m.previousRevenueVariance], null);
    const mov = figure("movement", "Movement since the previous period", [`=B${varRow}-B${prevVar}`, m.revenueVariance], null);
    b.formula(mov, "D", `=IF(ROUND(B${mov},9)=0,"no change",IF((B${mov}>0)=(${conv}="budget-minus-forecast"),"an improvement","a deterioration"))`,
      m.favourable.isZero() ? "no change" : m.favourable.greaterThan(0) ? "an improvement" : "a deterioration", "note");
  } else {
    b.label(row, "A", "Movement since the previous period");
    b.label(row, "D", "No earlier period on the History sheet.", "note");
    b.key(row, "fig:movement");
    row++;
  }
  const c = p.capital;
  section("capital", "Capital");
  figure("capitalBudget", "Capital programme: revised budget", [`=${cap("C")}`, c.programme.revisedBudget], null);
  figure("capitalForecast", "Capital programme: forecast outturn", [`=${cap("E")}`, c.programme.forecastOutturn], null);
  figure("capitalVariance", "Capital programme: variance", [`=${cap("F")}`, c.programme.variance], [`=${cap("G")}`, pctExpected(c.programme.variancePct)]);
  figure("slippage", "of which slippage", [`=${cap("H")}`, c.slippage], [`=IF(${cap("C")}=0,"",${cap("H")}/ABS(${cap("C")}))`, pctExpected(c.slippagePct)], "Slippage as a % of the revised budget.");
  figure("underspend", "of which underspend / (overspend)", [`=${cap("I")}`, c.underspend], null);
  const gf = p.reserves.generalFundPolicy;
  section("reserves", "Reserves");
  figure("gfBudgeted", "General Fund: budgeted closing balance", [`=${res("B", "budgeted")}`, gf.budgetedClosing], [`=${res("C", "budgeted")}`, gf.budgetedPct.div(100)]);
  figure("gfForecast", "General Fund: after the forecast variance", [`=${res("B", "forecast")}`, gf.forecastClosing], [`=${res("C", "forecast")}`, gf.forecastPct.div(100)], "As a % of the Net Budget.");
  figure("band", "Reserves policy band: minimum and maximum", [`=${res("C", "minimum")}`, gf.minimumPct.div(100), RATE_FORMAT], [`=${res("C", "maximum")}`, gf.maximumPct.div(100), RATE_FORMAT]);
  const bandRow = figure("bandPosition", "General Fund after the variance against the band", null, null);
  b.formula(bandRow, "D", `=${res("B", "band")}`, gf.forecastBand, "note");
  figure("usableOpening", "Total usable reserves: opening balance", [`=${absRef(names.Reserves, "B", a.reserves.totalUsable)}`, p.reserves.totalUsable.openingBalance], null);
  figure("usableClosing", "Total usable reserves: forecast closing balance", [`=${absRef(names.Reserves, "F", a.reserves.totalUsable)}`, p.reserves.totalUsable.forecastClosing], null);
  const s = p.savings;
  section("savings", "Savings");
  figure("planned", "Savings planned", [`=${sav("C", a.savings.total)}`, s.planned], null);
  figure("achieved", "Savings achieved (delivered + forecast)", [`=${sav("F", a.savings.total)}`, s.achieved], [`=${sav("F", a.savings.achievedPct)}`, pctExpected(s.achievedPct)]);
  figure("unachieved", "Savings not yet achieved", [`=${sav("G", a.savings.total)}`, s.unachieved], null);
  figure("nextYear", "of which expected next year", [`=${sav("H", a.savings.total)}`, s.expectedNextYear], null);

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
  b.note(row + 1, "The RAG and figures above are live formulas; the checks are as they stood when Outturn wrote the workbook (Recalculate in the Outturn pane, or outturn report, refreshes them).", "D");
  return b.build();
}
