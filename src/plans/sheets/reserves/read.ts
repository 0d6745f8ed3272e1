/** Reading the Reserves sheet back: earmarked reserves, the General Fund, capital receipts reserves, control totals. */
import type { Decimal, Reserve, ReserveColumn } from "../../../model/types";
import { sheetPrefix } from "../../a1";
import type { Reader, SheetView } from "../../read/reader";
import { COLUMN_WORDS } from "../../../engine/checks";
import type { Section } from "../../read/integrity";
import { columnTotals, outside } from "../../read/lines";
import { COMMON_MARKERS, HEADING_MARKERS } from "../markers";
import { RESERVES_COLS, RESERVE_COLUMNS, RESERVE_INPUTS, RESERVES_MARKERS as M, RESERVES_ROWS } from "./markers";

export interface ReservesRead {
  reserves: Reserve[];
  control: Record<string, Partial<Record<ReserveColumn, Decimal>>>;
}

export function readReserves(s: SheetView, r: Reader): ReservesRead | null {
  const keys = r.keys("Reserves");
  const C = RESERVES_COLS;
  const earmarked: Reserve[] = [], generalFund: Reserve[] = [], receipts: Reserve[] = [];
  const control: ReservesRead["control"] = {};
  let state: "top" | "earmarked" | "afterEarmarked" | "receipts" | "after" | "controls" = "top";
  let controls = 0;
  const reserve = (row: number, kind: Reserve["kind"]): Reserve => {
    let name = r.text(s, row, C.name, "reserve name");
    if (name === null) {
      r.add("line-unnamed", "error", s.where(row, C.name), `${s.where(row, C.name)}: the reserve in row ${row} has figures but no name; type its name.`, { area: "reserves" });
      name = `(row ${row})`;
    }
    const res: Reserve = { name, kind, openingBalance: null, budgetedTransfer: null, commitments: null, actualTransfer: null, commentary: r.text(s, row, C.commentary, "commentary") };
    for (const [col, letter] of RESERVE_INPUTS) res[col] = r.amount(s, row, letter, `${name}, ${COLUMN_WORDS[col]}`, { area: "reserves", row: name, column: col });
    return res;
  };
  for (let row = 1; row <= s.sheet.maxRow; row++) {
    const m = s.marker(row);
    if ([...HEADING_MARKERS, M.policySection, M.controlNote].includes(m) || m.startsWith(M.policyPrefix)) { keys[m] = row; if (m === M.policySection) state = "after"; continue; }
    if (m === M.earmarkedSection) { keys[m] = row; state = "earmarked"; }
    else if (m === M.totalEarmarked) { keys[m] = row; state = "afterEarmarked"; }
    else if (m === M.generalFund) {
      if (generalFund.length) { r.add("structure", "error", s.where(row, "A"), `${s.where(row, "A")}: a second General Fund Balance row; there is one General Fund. Delete the copy.`, { area: "reserves" }); continue; }
      keys.generalFund = row;
      generalFund.push(reserve(row, "generalFund"));
    } else if (m === M.totalRevenue) { keys[m] = row; state = "receipts"; }
    else if (m === M.totalUsable) { keys[m] = row; state = "after"; }
    else if (m === COMMON_MARKERS.controls) { keys[m] = row; state = "controls"; }
    else if (m === M.controlReserve || (state === "controls" && !m && s.hasContent(row))) {
      keys[RESERVES_ROWS.controlReserve(controls++)] = row;
      const name = r.text(s, row, "A", "reserve name");
      const v = columnTotals(s, r, row, RESERVE_COLUMNS, name ?? "reserve");
      if (name && v) control[name] = v;
    } else if (m === M.reserve || m === M.capitalReceipts || (!m && s.hasContent(row))) {
      if (state === "earmarked" && m !== M.capitalReceipts) {
        keys[RESERVES_ROWS.earmarked(earmarked.length)] = row;
        if (!m) r.inserted.add(`Reserves|${row}`);
        earmarked.push(reserve(row, "earmarked"));
      } else if (state === "receipts" && m !== M.reserve) {
        keys[RESERVES_ROWS.capitalReceipts(receipts.length)] = row;
        if (!m) r.inserted.add(`Reserves|${row}`);
        receipts.push(reserve(row, "capitalReceipts"));
      } else if (m) outside(s, r, row, "reserves", m === M.reserve ? "earmarked reserves belong between their heading and Total Earmarked Reserves" : "capital receipts reserves belong between Total Revenue Reserves and Total Usable Reserves");
      else r.add("row-ignored", "warning", s.where(row, "A"), `${s.where(row, "A")}: row ${row} is outside the table's sections, so Outturn ignores it. Insert earmarked reserves above Total Earmarked Reserves.`, { area: "reserves" });
    }
  }
  if (!generalFund.length || keys[M.totalUsable] === undefined || keys[M.totalRevenue] === undefined || keys[M.totalEarmarked] === undefined) {
    r.add("structure", "error", `${sheetPrefix(s.name)}A1`, `The ${s.name} sheet is missing ${!generalFund.length ? "the General Fund Balance row" : "one of its total rows"} (deleted?). Undo the deletion or insert the sheet again.`, { area: "reserves" });
    return null;
  }
  // A General Fund row left wholly blank stays in the model as blanks: the engine counts it as no general fund.
  return { reserves: [...earmarked, ...generalFund, ...receipts], control };
}

export function reservesSections(): Section[] {
  return [
    { kind: "Reserves", header: M.earmarkedSection, lines: RESERVES_ROWS.earmarkedPrefix, total: M.totalEarmarked, columns: ["B", "C", "D", "E", "F"], label: "Total Earmarked Reserves" },
    { kind: "Reserves", header: M.totalRevenue, lines: RESERVES_ROWS.capitalReceiptsPrefix, total: M.totalUsable, columns: ["B", "C", "D", "E", "F"], label: "Total Usable Reserves" },
  ];
}
