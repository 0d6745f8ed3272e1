/** Reading the Revenue sheet back: groups and their lines, transfers, the Net Budget's ref and commentary, control totals. */
import type { BudgetPart, ControlTotals, MonitoredLine, RevenueGroup, RevenueLine } from "../../../model/types";
import { sheetPrefix } from "../../a1";
import type { Reader, SheetView } from "../../read/reader";
import type { Section } from "../../read/integrity";
import { columnTotals, monitoredLine, outside, withControlVariance } from "../../read/lines";
import { COMMON_MARKERS, HEADING_MARKERS } from "../markers";
import { AMOUNT_COLUMNS, REVENUE_COLS, REVENUE_MARKERS as M, REVENUE_ROWS, SPLIT_COLS } from "./markers";

export interface RevenueRead {
  groups: RevenueGroup[];
  transfers: MonitoredLine[];
  netBudgetRef: string | null;
  netBudgetCommentary: string | null;
  control: NonNullable<ControlTotals["revenue"]>;
}

export function readRevenue(s: SheetView, r: Reader): RevenueRead | null {
  const keys = r.keys("Revenue");
  const C = REVENUE_COLS;
  const groups: RevenueGroup[] = [];
  const transfers: MonitoredLine[] = [];
  let state: "top" | "group" | "between" | "transfers" | "after" | "controls" | "split" = "top";
  const splits: Array<{ line: string; part: BudgetPart; row: number }> = [];
  let netBudgetRef: string | null = null, netBudgetCommentary: string | null = null;
  const found = { tnre: false, netBudget: false };
  const control: RevenueRead["control"] = { groups: {}, totalNetRevenueExpenditure: null, netBudget: null };
  let controlGroups = 0;
  const commitments = commitmentsColumn(s, r);
  for (let row = 1; row <= s.sheet.maxRow; row++) {
    const m = s.marker(row);
    if (HEADING_MARKERS.includes(m)) { keys[m] = row; continue; }
    const current = groups[groups.length - 1];
    if (m === M.group) {
      const name = r.text(s, row, C.name, "group name") ?? `(group in row ${row})`;
      groups.push({ name, ref: null, commentary: null, lines: [] });
      keys[REVENUE_ROWS.group(groups.length - 1)] = row;
      state = "group";
    } else if (m === M.total) {
      if (state !== "group" || !current) { r.add("structure", "error", s.where(row, "A"), `${s.where(row, "A")}: a group total without its group heading above it; undo the move or insert the sheet again.`, { area: "revenue" }); continue; }
      current.ref = r.text(s, row, C.ref, "ref");
      current.commentary = r.text(s, row, C.commentary, "commentary");
      keys[REVENUE_ROWS.total(groups.length - 1)] = row;
      state = "between";
    } else if (m === M.tnre) { keys.tnre = row; found.tnre = true; state = "between"; }
    else if (m === M.transfers) { keys.transfers = row; state = "transfers"; }
    else if (m === M.netBudget) {
      keys.netBudget = row; found.netBudget = true; state = "after";
      netBudgetRef = r.text(s, row, C.ref, "ref");
      netBudgetCommentary = r.text(s, row, C.commentary, "commentary");
    } else if (m === COMMON_MARKERS.controls) { keys.controls = row; state = "controls"; }
    else if (m === M.splitSection || m === M.splitHeader) { keys[m] = row; state = "split"; }
    else if (state === "split" && (m === M.split || (!m && s.hasContent(row)))) {
      const split = splitRow(s, r, row);
      if (split) { keys[REVENUE_ROWS.split(splits.length)] = row; splits.push({ ...split, row }); }
    }
    else if (m === M.controlTnre || m === M.controlNetBudget) {
      keys[m] = row;
      const what = m === M.controlTnre ? "Total Net Revenue Expenditure" : "Net Budget";
      const v = withControlVariance(s, r, row, columnTotals(s, r, row, AMOUNT_COLUMNS, what), what);
      if (m === M.controlTnre) control.totalNetRevenueExpenditure = v; else control.netBudget = v;
    } else if (m === M.controlGroup || (state === "controls" && !m && s.hasContent(row))) {
      keys[REVENUE_ROWS.controlGroup(controlGroups++)] = row;
      const name = r.text(s, row, "A", "group name");
      const v = withControlVariance(s, r, row, columnTotals(s, r, row, AMOUNT_COLUMNS, name ?? "group"), name ?? "group");
      if (name && v) control.groups[name] = v;
    } else if (m === M.line || (!m && s.hasContent(row))) {
      if (state === "group" && current) {
        keys[REVENUE_ROWS.line(groups.length - 1, current.lines.length)] = row;
        if (!m) r.inserted.add(`Revenue|${row}`);
        current.lines.push(commitments ? withCommitments(s, r, row, monitoredLine(s, r, row, C, "revenue")) : monitoredLine(s, r, row, C, "revenue"));
      } else if (state === "transfers") {
        keys[REVENUE_ROWS.transfer(transfers.length)] = row;
        if (!m) r.inserted.add(`Revenue|${row}`);
        transfers.push(monitoredLine(s, r, row, C, "revenue"));
      } else if (m === M.line) outside(s, r, row, "revenue", "below its group's total or the Net Budget");
      else if (state !== "controls") r.add("row-ignored", "warning", s.where(row, "A"), `${s.where(row, "A")}: row ${row} is outside the table's sections, so Outturn ignores it. To add a line, insert a row between a group's heading and its total.`, { area: "revenue" });
    }
  }
  if (!groups.length || !found.tnre || !found.netBudget) {
    r.add("structure", "error", `${sheetPrefix(s.name)}A1`, `The ${s.name} sheet is missing ${!groups.length ? "its groups" : !found.tnre ? "the Total Net Revenue Expenditure row" : "the Net Budget row"} (deleted?). Undo the deletion or insert the sheet again.`, { area: "revenue" });
    return null;
  }
  // Each part joins its line by name, as the treasurer reads it; a name that is no line, or two, is said at its cell.
  for (const { line, part, row } of splits) {
    const found = groups.flatMap((g) => g.lines).filter((l) => l.name === line);
    if (found.length === 1) (found[0]!.budgetSplit ??= []).push(part);
    else r.add("bad-value", "error", s.where(row, SPLIT_COLS.line), `${s.where(row, SPLIT_COLS.line)}: the budget split's line "${line}" is ${found.length ? "the name of two lines" : "not the name of a revenue line"}; type the name of one line of the groups above.`, { area: "revenue" });
  }
  for (const [i, g] of groups.entries()) {
    if (!g.lines.length) r.add("structure", "error", s.where(keys[REVENUE_ROWS.group(i)] as number, "A"), `The group "${g.name}" has no lines; add at least one line between its heading and its total.`, { area: "revenue" });
  }
  return { groups, transfers, netBudgetRef, netBudgetCommentary, control };
}

/**
 * Whether the sheet has the commitments column (its heading in the header row). A Revenue sheet inserted before
 * commitments came has none: its lines are read with none entered, its columns L and M (which may hold the user's own
 * notes) are neither read nor checked as Outturn's formulas, and upgrading the sheet adds the column, keeping every
 * figure typed.
 */
function commitmentsColumn(s: SheetView, r: Reader): boolean {
  const header = s.findMarker(COMMON_MARKERS.header);
  const heading = header === null ? null : s.value(header, REVENUE_COLS.commitments);
  if (typeof heading === "string" && heading.trim().toLowerCase().startsWith("commitments")) return true;
  for (let row = 1; row <= s.sheet.maxRow; row++) for (const col of [REVENUE_COLS.commitments, REVENUE_COLS.spentAndCommitted]) r.skip.add(`Revenue|${s.where(row, col)}`);
  if (header !== null) {
    r.add("commitments-column", "info", `${sheetPrefix(s.name)}A1`,
      `The ${s.name} sheet has no Commitments column (an earlier version's): to enter them, upgrade it (Insert > Revenue > Upgrade keeps every value typed).`, { area: "revenue" });
  }
  return false;
}

/** A group's line with its commitments (column L), when entered. */
function withCommitments(s: SheetView, r: Reader, row: number, line: MonitoredLine): RevenueLine {
  const commitments = r.amount(s, row, REVENUE_COLS.commitments, `${line.name}, commitments`, { area: "revenue", row: line.name, column: "commitments" });
  return commitments === null ? line : { ...line, commitments };
}

/** A row of the budget split: the part's name, its revised budget and its line's name, each required. */
function splitRow(s: SheetView, r: Reader, row: number): { line: string; part: BudgetPart } | null {
  const S = SPLIT_COLS;
  const name = r.text(s, row, S.part, "budget split part");
  const line = r.text(s, row, S.line, "budget split line");
  const revisedBudget = r.amount(s, row, S.revisedBudget, `${name ?? "budget split part"} revised budget`);
  if (name === null || line === null || revisedBudget === null) {
    r.add("bad-value", "error", s.where(row, S.part), `${s.where(row, S.part)}: row ${row} of the budget split needs a part, its revised budget (column ${S.revisedBudget}) and its line's name (column ${S.line}); fill them in or delete the row.`, { area: "revenue" });
    return null;
  }
  return { line, part: { name, revisedBudget } };
}

/** The sections whose totals SUM their lines: each group, and the transfers into the Net Budget. */
export function revenueSections(keys: Record<string, number>): Section[] {
  const out: Section[] = [];
  for (const k of Object.keys(keys)) {
    const m = /^group:([0-9]+)$/.exec(k);
    if (m) out.push({ kind: "Revenue", header: k, lines: REVENUE_ROWS.linePrefix(Number(m[1])), total: REVENUE_ROWS.total(Number(m[1])), columns: ["B", "C", "D", "E"], label: "the group's total" });
  }
  out.push({ kind: "Revenue", header: M.transfers, lines: REVENUE_ROWS.transferPrefix, total: M.netBudget, columns: ["B", "C", "D", "E"], label: "the Net Budget" });
  return out;
}
