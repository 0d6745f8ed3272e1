/**
 * Usable reserves, as the published table: earmarked reserves and their total, the General Fund Balance, Total
 * Revenue Reserves, capital receipts reserves and Total Usable Reserves. The forecast closing balance is opening +
 * commitments + actual transfer. Below: the General Fund against the reserves policy band, after the forecast
 * revenue variance, as a % of the Net Budget, with its RAG.
 */
import type { Decimal, Rag, Reserve, ReserveColumn } from "../../../model/types";
import { ZERO } from "../../../model/amount";
import type { BandPosition } from "../../../engine/rag";
import { SheetBuilder } from "../../builder";
import type { PlanContext } from "../../context";
import { RATE_FORMAT, ragFormat } from "../../styles";
import type { Place, SheetPlan } from "../../types";
import { absRef } from "../../a1";
import { bandFormula, generalFundRagFormula } from "../../formulas";
import { controlHeader, controlRow, titleRows, unitsCell } from "../common";
import type { RevenueAnchors } from "../revenue/layout";
import { COMMON_MARKERS } from "../markers";
import { RESERVES_COLS, RESERVE_COLUMNS, RESERVE_INPUTS, RESERVES_MARKERS as M, RESERVES_ROWS } from "./markers";

export { RESERVES_COLS, RESERVE_COLUMNS, RESERVE_INPUTS };

export const RESERVES_HEADINGS = ["Reserve", "Opening Balance at 1 April", "Budgeted transfer to/(from) reserves", "Commitments to transfer to/(from) reserves", "Actual Transfer to/(from) reserves", "Forecast Closing Balance at 31 March", "Reserves Commentary"];

/** The General Fund Balance row of a period without one: blank, to be filled in. */
const BLANK_GENERAL_FUND: Reserve = { name: "General Fund Balance", kind: "generalFund", openingBalance: null, budgetedTransfer: null, commitments: null, actualTransfer: null, commentary: null };

export interface ReservesAnchors {
  generalFund: number;
  totalEarmarked: number;
  totalRevenue: number;
  totalUsable: number;
  policy: Record<"netBudget" | "budgeted" | "variance" | "forecast" | "minimum" | "maximum" | "band" | "budgetedBand" | "rag", number>;
}

export function reservesSheet(ctx: PlanContext, revenue: RevenueAnchors): { plan: SheetPlan; anchors: ReservesAnchors } {
  const { model, position } = ctx;
  const res = position.reserves;
  const C = RESERVES_COLS;
  const b = new SheetBuilder("Reserves", ctx.names.Reserves, [
    { width: 38 }, { width: 13 }, { width: 14 }, { width: 14 }, { width: 13 }, { width: 14 }, { width: 80 }, { width: 18, hidden: true },
  ], C.key);
  b.freeze = { rows: 5, columns: 1 };
  titleRows(b, ctx, "Usable reserves", "G");
  RESERVES_HEADINGS.forEach((h, i) => b.label(4, String.fromCharCode(65 + i), h, "header"));
  b.key(4, COMMON_MARKERS.header);
  for (const col of ["B", "C", "D", "E", "F"]) unitsCell(b, ctx, 5, col);
  b.fill(5, 1, 7, "headerUnits");
  b.key(5, COMMON_MARKERS.units);

  const reserveRow = (row: number, r: Reserve, marker: string, logical: string, bold: boolean) => {
    const place = (column: string): Place => ({ area: "reserves", row: r.name, column });
    b.inputText(row, C.name, r.name, bold ? "section" : "lineName", { place: place("name") });
    for (const [col, letter] of RESERVE_INPUTS) b.inputAmount(row, letter, r[col], ctx.amount, { place: place(col) });
    const closing = r === BLANK_GENERAL_FUND ? ZERO : res.reserves.find((x) => x.reserve === r)?.forecastClosing;
    if (!closing) throw new Error(`reserve ${r.name} has no position`);
    b.formula(row, C.forecastClosing, `=B${row}+D${row}+E${row}`, closing, bold ? "total" : "calculated", { numberFormat: ctx.amount, place: place("forecastClosing") });
    b.inputText(row, C.commentary, r.commentary, "inputText", { place: place("commentary") });
    b.key(row, marker, logical);
  };
  const totalRow = (row: number, label: string, t: Record<ReserveColumn, import("../../../model/types").Decimal>, formulaOf: (col: string) => string, marker: string) => {
    b.label(row, C.name, label, "totalLabel");
    for (const [col, letter] of RESERVE_COLUMNS) b.formula(row, letter, formulaOf(letter), t[col], "total", { numberFormat: ctx.amount, place: { area: "reserves", row: label, column: col } });
    b.fill(row, 7, 7, "totalLabel");
    b.key(row, marker);
  };

  let row = 6;
  const earmarkedHeader = row;
  b.label(row, C.name, "Earmarked reserves", "section");
  b.fill(row, 2, 7, "section");
  b.key(row, M.earmarkedSection);
  row++;
  model.reserves.filter((r) => r.kind === "earmarked").forEach((r, i) => reserveRow(row++, r, M.reserve, RESERVES_ROWS.earmarked(i), false));
  const lastEarmarked = row - 1;
  const totalEarmarked = row;
  totalRow(row++, res.earmarked.label, res.earmarked, (col) => `=SUM(${col}${earmarkedHeader}:${col}${lastEarmarked})`, M.totalEarmarked);
  const generalFund = row;
  // The row is always there, to be filled in; left blank, the period has no general fund and the band is not judged.
  reserveRow(row++, model.reserves.find((x) => x.kind === "generalFund") ?? BLANK_GENERAL_FUND, M.generalFund, M.generalFund, true);
  const totalRevenue = row;
  totalRow(row++, res.totalRevenue.label, res.totalRevenue, (col) => `=${col}${totalEarmarked}+${col}${generalFund}`, M.totalRevenue);
  const receipts = model.reserves.filter((r) => r.kind === "capitalReceipts");
  const firstReceipt = row;
  receipts.forEach((r, i) => reserveRow(row++, r, M.capitalReceipts, RESERVES_ROWS.capitalReceipts(i), true));
  const totalUsable = row;
  totalRow(row++, res.totalUsable.label, res.totalUsable,
    (col) => (receipts.length ? `=${col}${totalRevenue}+SUM(${col}${firstReceipt}:${col}${totalUsable - 1})` : `=${col}${totalRevenue}`), M.totalUsable);

  // The general fund against the reserves policy band.
  const gf = res.generalFundPolicy;
  // Without a general fund (its row wholly blank) nothing below is worked out: "" for figures, "not judged" for the band.
  const entered = `AND(${["B", "C", "D", "E"].map((c) => `${c}${generalFund}=""`).join(",")})`;
  const ifEntered = (formula: string, blank = '""') => `=IF(${entered},${blank},${formula.slice(1)})`;
  const value = (v: Decimal | BandPosition | Rag | undefined): Decimal | string => v ?? "";
  row++;
  b.label(row, "A", "General Fund against the reserves policy", "section");
  b.label(row, "B", "Amount", "section");
  b.label(row, "C", "% of Net Budget", "section");
  b.fill(row, 4, 7, "section");
  b.key(row, M.policySection);
  row++;
  const nbRef = (col: string) => absRef(ctx.names.Revenue, col, revenue.netBudget);
  const policy = {} as ReservesAnchors["policy"];
  const line = (key: keyof ReservesAnchors["policy"], label: string) => {
    policy[key] = row;
    b.label(row, "A", label);
    b.key(row, M.policy(key));
    return row++;
  };
  const pctOfNb = (r: number) => `=IF(B${policy.netBudget}=0,0,B${r}/B${policy.netBudget})`;
  let r = line("netBudget", "Net Budget (the base of the %)");
  b.formula(r, "B", `=${nbRef("C")}`, position.revenue.netBudget.revisedBudget, "calculated", { numberFormat: ctx.amount });
  r = line("budgeted", "Budgeted closing balance");
  b.formula(r, "B", ifEntered(`=B${generalFund}+C${generalFund}`), value(gf?.budgetedClosing), "calculated", { numberFormat: ctx.amount });
  b.formula(r, "C", ifEntered(pctOfNb(r)), value(gf?.budgetedPct.div(100)), "calculated", { numberFormat: ctx.pct });
  r = line("budgetedBand", "Budgeted balance against the band");
  b.formula(r, "B", ifEntered(bandFormula(ctx, `C${policy.budgeted}`), '"not judged"'), gf?.budgetedBand ?? "not judged", "calculatedText");
  r = line("variance", "Forecast revenue variance (favourable +)");
  b.formula(r, "B", `=${nbRef("C")}-${nbRef("E")}`, position.revenue.netBudget.favourable, "calculated", { numberFormat: ctx.amount });
  r = line("forecast", "Forecast closing balance after the variance");
  b.formula(r, "B", ifEntered(`=F${generalFund}+B${policy.variance}`), value(gf?.forecastClosing), "total", { numberFormat: ctx.amount, place: { area: "reserves", row: res.generalFund?.reserve.name ?? BLANK_GENERAL_FUND.name, column: "forecastAfterVariance" } });
  b.formula(r, "C", ifEntered(pctOfNb(r)), value(gf?.forecastPct.div(100)), "total", { numberFormat: ctx.pct });
  r = line("minimum", "Minimum of the band");
  const band = model.settings.reservesBand, nbAbs = position.revenue.netBudget.revisedBudget.abs();
  b.formula(r, "B", `=ABS(B${policy.netBudget})*${ctx.set("reservesMin")}`, nbAbs.times(band.minimumPct).div(100), "calculated", { numberFormat: ctx.amount });
  b.formula(r, "C", `=${ctx.set("reservesMin")}`, band.minimumPct.div(100), "calculated", { numberFormat: RATE_FORMAT });
  r = line("maximum", "Maximum of the band");
  b.formula(r, "B", `=ABS(B${policy.netBudget})*${ctx.set("reservesMax")}`, nbAbs.times(band.maximumPct).div(100), "calculated", { numberFormat: ctx.amount });
  b.formula(r, "C", `=${ctx.set("reservesMax")}`, band.maximumPct.div(100), "calculated", { numberFormat: RATE_FORMAT });
  r = line("band", "Forecast balance against the band");
  b.formula(r, "B", ifEntered(bandFormula(ctx, `C${policy.forecast}`), '"not judged"'), gf?.forecastBand ?? "not judged", "calculatedText");
  r = line("rag", "RAG");
  b.formula(r, "B", ifEntered(generalFundRagFormula(ctx, `C${policy.forecast}`), '"not judged"'), gf?.rag ?? "not judged", "rag");
  b.conditionalFormats.push(ragFormat(`B${r}`));
  b.label(r, "C", "Red below the minimum; Amber within the margin above it (Settings) or above the maximum.", "note");
  b.merges.push(`C${r}:G${r}`);

  row++;
  controlHeader(b, row, "Control totals (published or ledger figures, reconciled against the balances above)", 7);
  row++;
  const ct = model.controlTotals?.reserves ?? {};
  const names = [...model.reserves.map((x) => x.name), res.earmarked.label, res.totalRevenue.label, res.totalUsable.label];
  for (const extra of Object.keys(ct)) if (!names.includes(extra)) names.push(extra);
  names.forEach((name, i) => controlRow(b, ctx, row++, { text: name, input: true }, ct[name] ?? null, RESERVE_COLUMNS, M.controlReserve, RESERVES_ROWS.controlReserve(i)));
  b.note(row, "Type a reserve's or a total's name as shown above. Blank rows are ignored.", "G", M.controlNote);
  return { plan: b.build(), anchors: { generalFund, totalEarmarked, totalRevenue, totalUsable, policy } };
}
