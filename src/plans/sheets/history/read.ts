/** Reading the Period history sheet back: one snapshot per closed period. */
import type { Decimal, PeriodSnapshot, Rag, SnapshotTransfer, SnapshotWorkforce } from "../../../model/types";
import { D } from "../../../model/amount";
import { isPeriodId } from "../../../model/period";
import type { Reader, SheetView } from "../../read/reader";
import { COMMON_MARKERS } from "../markers";
import { HISTORY_COLS, HISTORY_LINE_COLS, HISTORY_MARKERS, HISTORY_ROWS, HISTORY_WORKFORCE_COLS } from "./markers";

export function readHistory(s: SheetView, r: Reader): PeriodSnapshot[] {
  const keys = r.keys("History");
  const C = HISTORY_COLS;
  const out: PeriodSnapshot[] = [];
  let state: "top" | "rows" | "after" | "lines" | "workforce" = "top";
  const lines: Array<{ period: string; line: SnapshotTransfer & { group: string | null } }> = [];
  const workforce = new Map<string, SnapshotWorkforce>();
  const rag = (row: number, col: string, what: string): Rag | null => r.choice<Rag>(s, row, col, what, ["Red", "Amber", "Green"], null);
  for (let row = 1; row <= s.sheet.maxRow; row++) {
    const m = s.marker(row);
    if (([COMMON_MARKERS.title, COMMON_MARKERS.subtitle, COMMON_MARKERS.header] as string[]).includes(m)) { keys[m] = row; continue; }
    if (m === COMMON_MARKERS.units) { keys[m] = row; state = "rows"; continue; }
    if (m === COMMON_MARKERS.note) { keys[m] = row; state = "after"; continue; }
    if (m === HISTORY_MARKERS.linesSection || m === HISTORY_MARKERS.linesHeader) { keys[m] = row; state = "lines"; continue; }
    if (m === HISTORY_MARKERS.workforceSection || m === HISTORY_MARKERS.workforceHeader) { keys[m] = row; state = "workforce"; continue; }
    if (state === "workforce" && (m === HISTORY_MARKERS.workforce || (!m && s.hasContent(row)))) {
      const w = historyWorkforce(s, r, row);
      if (w) { keys[HISTORY_ROWS.workforce(workforce.size)] = row; workforce.set(w.period, w.workforce); }
      continue;
    }
    if (state === "lines" && (m === HISTORY_MARKERS.line || (!m && s.hasContent(row)))) {
      const line = historyLine(s, r, row);
      if (line) { keys[HISTORY_ROWS.line(lines.length)] = row; lines.push(line); }
      continue;
    }
    if (state !== "rows" || !(m === HISTORY_MARKERS.snapshot || (!m && s.hasContent(row)))) continue;
    keys[HISTORY_ROWS.snapshot(out.length)] = row;
    if (!m) r.inserted.add(`History|${row}`);
    const periodText = r.text(s, row, C.period, "period");
    const period = periodText?.trim().toUpperCase() ?? "";
    if (!isPeriodId(period)) {
      r.add("bad-value", "error", s.where(row, C.period), `${s.where(row, C.period)} (period) is ${periodText === null ? "blank" : `"${periodText}"`}; type Q1 to Q4 or M01 to M12. The row is ignored until then.`, { area: "workbook" });
      continue;
    }
    const amt = (col: string, what: string) => r.amount(s, row, col, `${period} ${what}`);
    const need = (v: Decimal | null, col: string, what: string): Decimal => {
      if (v === null) r.add("missing-input", "error", s.where(row, col), `${s.where(row, col)} (${period} ${what}) is blank; fill it in or clear the row's other ${what.split(":")[0]} cells.`);
      return v ?? new D(0);
    };
    const blank = (cols: string[]) => cols.every((c) => { const v = s.value(row, c); return v === null || v === ""; });
    const closedValue = s.value(row, C.closedOn);
    let closedOn: string | null = null;
    if (typeof closedValue === "number") closedOn = new Date(Math.round((closedValue - 25569) * 86400000)).toISOString().slice(0, 10);
    else closedOn = r.text(s, row, C.closedOn, "closed on");
    out.push({
      period: period,
      closedOn,
      revenue: { revisedBudget: need(amt(C.revenueBudget, "revenue: revised budget"), C.revenueBudget, "revenue: revised budget"), forecastOutturn: need(amt(C.revenueForecast, "revenue: forecast outturn"), C.revenueForecast, "revenue: forecast outturn"), rag: rag(row, C.revenueRag, "revenue RAG") },
      capital: blank([C.capitalBudget, C.capitalForecast, C.capitalSlippage, C.capitalRag]) ? null : {
        revisedBudget: need(amt(C.capitalBudget, "capital: revised budget"), C.capitalBudget, "capital: revised budget"),
        forecastOutturn: need(amt(C.capitalForecast, "capital: forecast outturn"), C.capitalForecast, "capital: forecast outturn"),
        slippage: amt(C.capitalSlippage, "capital: slippage"), rag: rag(row, C.capitalRag, "capital RAG"),
      },
      generalFund: blank([C.gfClosing, C.gfPct, C.gfRag]) ? null : {
        forecastClosing: need(amt(C.gfClosing, "general fund: forecast closing"), C.gfClosing, "general fund: forecast closing"),
        forecastPct: need(amt(C.gfPct, "general fund: %"), C.gfPct, "general fund: %").times(100), rag: rag(row, C.gfRag, "reserves RAG"),
      },
      savings: blank([C.savingsPlanned, C.savingsAchieved, C.savingsRag]) ? null : {
        planned: need(amt(C.savingsPlanned, "savings: planned"), C.savingsPlanned, "savings: planned"),
        achieved: need(amt(C.savingsAchieved, "savings: achieved"), C.savingsAchieved, "savings: achieved"), rag: rag(row, C.savingsRag, "savings RAG"),
      },
    });
  }
  for (const snapshot of out) {
    const mine = lines.filter((l) => l.period === snapshot.period).map((l) => l.line);
    const groupLines = mine.flatMap(({ group, ...l }) => (group === null ? [] : [{ group, ...l }]));
    const transfers = mine.flatMap(({ group, ...l }) => (group === null ? [l] : []));
    if (groupLines.length) snapshot.lines = groupLines;
    if (transfers.length) snapshot.transfers = transfers;
    const w = workforce.get(snapshot.period);
    if (w) snapshot.workforce = w;
  }
  return out;
}

/** A row of the workforce table: period and the three FTE totals, each required. */
function historyWorkforce(s: SheetView, r: Reader, row: number): { period: string; workforce: SnapshotWorkforce } | null {
  const W = HISTORY_WORKFORCE_COLS;
  const period = r.text(s, row, W.period, "period")?.trim().toUpperCase() ?? "";
  const [establishmentFte, actualFte, forecastFte] = (["establishmentFte", "actualFte", "forecastFte"] as const).map((f) => r.amount(s, row, W[f], `${period} workforce ${f}`));
  if (!isPeriodId(period) || !establishmentFte || !actualFte || !forecastFte) {
    r.add("bad-value", "warning", s.where(row, W.period), `${s.where(row, W.period)}: row ${row} of the closed periods' workforce needs its period and all three figures; it is ignored until then.`, { area: "workbook" });
    return null;
  }
  return { period, workforce: { establishmentFte, actualFte, forecastFte } };
}

/** A row of the lines table: period, line, revised budget and forecast, each required; a blank group is a transfer. */
function historyLine(s: SheetView, r: Reader, row: number): { period: string; line: SnapshotTransfer & { group: string | null } } | null {
  const L = HISTORY_LINE_COLS;
  const period = r.text(s, row, L.period, "period")?.trim().toUpperCase() ?? "";
  const group = r.text(s, row, L.group, "group");
  const name = r.text(s, row, L.name, "line");
  const revisedBudget = r.amount(s, row, L.revisedBudget, `${period} ${name ?? ""} revised budget`);
  const forecastOutturn = r.amount(s, row, L.forecastOutturn, `${period} ${name ?? ""} forecast outturn`);
  if (!isPeriodId(period) || name === null || revisedBudget === null || forecastOutturn === null) {
    r.add("bad-value", "warning", s.where(row, L.period), `${s.where(row, L.period)}: row ${row} of the closed periods' lines needs a period (Q1 to Q4 or M01 to M12), a line, a revised budget and a forecast (and its group, blank for a transfer to or from reserves); it is ignored until then.`, { area: "workbook" });
    return null;
  }
  return { period, line: { group, name, revisedBudget, forecastOutturn } };
}
