/**
 * Reading the Workforce sheet back: the groups (a row the user inserts between the headings and Total workforce is a
 * new group), their monthly joiners and leavers, the officer target and the overtime lines (a row inserted above Total
 * overtime is a new line). Every problem names its cell.
 */
import { D } from "../../../model/amount";
import type { MonthMovement, OfficerTarget, OvertimeLine, Workforce, WorkforceGroup, WorkforceKind } from "../../../model/workforce";
import { sheetPrefix } from "../../a1";
import type { Section } from "../../read/integrity";
import type { Reader, SheetView } from "../../read/reader";
import { HEADING_MARKERS } from "../markers";
import { firstYearOf } from "./layout";
import {
  JOINER_COLS, KIND_WORDS, LEAVER_COLS, OVERTIME_COLS as O, TARGET_FIELDS, TARGET_VALUE_COL as V, type TargetField, WORKFORCE_COLS as C,
  WORKFORCE_MARKERS as M, WORKFORCE_ROWS,
} from "./markers";

const KINDS = Object.entries(KIND_WORDS) as Array<[WorkforceKind, string]>;
const ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** The ISO month of column k (0 = April) of the financial year. */
function isoMonth(financialYear: string, k: number): string {
  const m = k + 4, year = firstYearOf(financialYear) + (m > 12 ? 1 : 0);
  return `${year}-${String(m > 12 ? m - 12 : m).padStart(2, "0")}`;
}

/** An Excel date serial as an ISO date (the 1900 date system: day 1 is 1 January 1900, serial 25569 is 1 January 1970). */
function isoOfSerial(serial: number): string {
  return new Date(Math.round((serial - 25569) * 86_400_000)).toISOString().slice(0, 10);
}

export function readWorkforce(s: SheetView, r: Reader, financialYear: string): Workforce | null {
  const keys = r.keys("Workforce");
  const groups: WorkforceGroup[] = [];
  const overtime: OvertimeLine[] = [];
  const targetRows: Partial<Record<TargetField, number>> = {};
  let state: "top" | "groups" | "after" | "overtime" = "top";
  for (let row = 1; row <= s.sheet.maxRow; row++) {
    const m = s.marker(row);
    if (HEADING_MARKERS.includes(m) || m === M.strengthSection) { keys[m] = row; if (m === M.strengthSection) state = "groups"; continue; }
    if (m === M.total) { keys[m] = row; state = "after"; continue; }
    if (m.startsWith(M.targetPrefix)) { keys[m] = row; targetRows[m.slice(M.targetPrefix.length) as TargetField] = row; continue; }
    if (m === M.overtimeUnits) { keys[m] = row; state = "overtime"; continue; }
    if (m === M.overtimeTotal) { keys[m] = row; state = "after"; continue; }
    if (m === M.targetSection || m === M.overtimeSection || m === M.overtimeHeader || m === M.note) { keys[m] = row; continue; }
    if (m === M.group || (state === "groups" && !m && s.hasContent(row))) {
      if (state !== "groups") { misplaced(s, r, row, "a group belongs between the headings and Total workforce"); continue; }
      keys[WORKFORCE_ROWS.group(groups.length)] = row;
      if (!m) r.inserted.add(`Workforce|${row}`);
      groups.push(group(s, r, row, financialYear));
    } else if (m === M.overtime || (state === "overtime" && !m && s.hasContent(row))) {
      if (state !== "overtime") { misplaced(s, r, row, "an overtime line belongs between the overtime headings and Total overtime"); continue; }
      keys[WORKFORCE_ROWS.overtime(overtime.length)] = row;
      if (!m) r.inserted.add(`Workforce|${row}`);
      overtime.push(overtimeLine(s, r, row));
    } else if (!m && s.hasContent(row)) {
      r.add("row-ignored", "warning", s.where(row, "A"), `${s.where(row, "A")}: row ${row} is outside the Workforce sheet's tables, so Outturn ignores it. Insert groups above Total workforce and overtime lines above Total overtime.`, { area: "workforce" });
    }
  }
  if (keys[M.total] === undefined || keys[M.overtimeTotal] === undefined || TARGET_FIELDS.some((f) => targetRows[f] === undefined)) {
    r.add("structure", "error", `${sheetPrefix(s.name)}A1`, `The ${s.name} sheet is missing one of its total rows or a row of the officer target (deleted?). Undo the deletion or write the workbook again.`, { area: "workforce" });
    return null;
  }
  const officerTarget = target(s, r, targetRows as Record<TargetField, number>);
  if (!groups.length && !officerTarget && !overtime.length) return null;
  return { groups, officerTarget, overtime };
}

function misplaced(s: SheetView, r: Reader, row: number, where: string): void {
  r.add("line-outside", "error", s.where(row, "A"), `${s.where(row, "A")}: row ${row} has been moved out of its table (${where}), so Outturn cannot tell which table it is in. Move it back.`, { area: "workforce" });
}

function group(s: SheetView, r: Reader, row: number, financialYear: string): WorkforceGroup {
  let name = r.text(s, row, C.name, "group");
  if (name === null) {
    r.add("line-unnamed", "error", s.where(row, C.name), `${s.where(row, C.name)}: the group in row ${row} has figures but no name; type its name (e.g. Police officers).`, { area: "workforce" });
    name = `(row ${row})`;
  }
  const place = (column: string) => ({ area: "workforce" as const, row: name, column });
  const word = r.choice(s, row, C.kind, `${name}, kind`, KINDS.map(([, w]) => w), null);
  if (word === null && r.text(s, row, C.kind, `${name}, kind`) === null) {
    r.add("workforce-kind", "error", s.where(row, C.kind), `${s.where(row, C.kind)} (${name}): choose the group's kind, one of ${KINDS.map(([, w]) => w).join(", ")}.`, { area: "workforce", row: name, column: "kind" });
  }
  const kind = KINDS.find(([, w]) => w === word)?.[0] ?? "staff";
  const amount = (col: string, what: string, column: string) => r.amount(s, row, col, `${name}, ${what}`, place(column));
  const movements: MonthMovement[] = [];
  JOINER_COLS.forEach((col, k) => {
    const joiners = amount(col, `joiners in ${isoMonth(financialYear, k)}`, "movements");
    const leavers = amount(LEAVER_COLS[k] as string, `leavers in ${isoMonth(financialYear, k)}`, "movements");
    if (joiners !== null || leavers !== null) movements.push({ month: isoMonth(financialYear, k), joiners: joiners ?? new D(0), leavers: leavers ?? new D(0) });
  });
  return {
    name, kind,
    establishmentFte: amount(C.establishmentFte, "budgeted establishment", "establishmentFte"),
    actualFte: amount(C.actualFte, "strength at the period end", "actualFte"),
    headcount: amount(C.headcount, "headcount at the period end", "headcount"),
    movements,
  };
}

function target(s: SheetView, r: Reader, rows: Record<TargetField, number>): OfficerTarget | null {
  const place = (column: string) => ({ area: "workforce" as const, row: "Officer target", column });
  const raw = s.value(rows.countDate, V);
  let countDate: string | null = typeof raw === "number" ? isoOfSerial(raw) : r.text(s, rows.countDate, V, "count date");
  if (countDate !== null && !ISO_DATE.test(countDate.trim())) {
    r.add("workforce-date", "error", s.where(rows.countDate, V), `${s.where(rows.countDate, V)} (the officer target's count date) is "${countDate}"; type the date as yyyy-mm-dd, e.g. 2025-03-31.`, place("countDate"));
    countDate = null;
  }
  const targetHeadcount = r.amount(s, rows.targetHeadcount, V, "target headcount", place("targetHeadcount"));
  const forecastHeadcount = r.amount(s, rows.forecastOverride, V, "forecast headcount", place("forecastOverride"));
  const grant = r.amount(s, rows.grant, V, "grant", place("grant"));
  const given: Array<[TargetField, unknown]> = [["countDate", countDate ?? raw], ["targetHeadcount", targetHeadcount], ["grant", grant]];
  if (given.every(([, v]) => v === null || v === "") && forecastHeadcount === null) return null;
  if (countDate === null || targetHeadcount === null || grant === null) {
    for (const [field, v] of given) {
      if (v !== null && v !== "") continue;
      r.add("workforce-target-incomplete", "error", s.where(rows[field], V), `${s.where(rows[field], V)}: the officer target needs its count date, target headcount and grant; type the ${field === "countDate" ? "count date" : field === "grant" ? "grant" : "target headcount"}, or clear the target's cells.`, place(field));
    }
    return null;
  }
  return { countDate: countDate.trim(), targetHeadcount, forecastHeadcount, grant };
}

function overtimeLine(s: SheetView, r: Reader, row: number): OvertimeLine {
  const group = r.text(s, row, O.group, "overtime group"), reason = r.text(s, row, O.reason, "overtime reason");
  const name = `${group ?? "?"}: ${reason ?? "?"}`;
  if (group === null || reason === null) {
    const col = group === null ? O.group : O.reason;
    r.add("line-unnamed", "error", s.where(row, col), `${s.where(row, col)}: the overtime line in row ${row} needs its group and its reason (e.g. Police officers, Events); type ${group === null ? "the group" : "the reason"}.`, { area: "workforce" });
  }
  const amount = (col: string, what: string, column: string) => r.amount(s, row, col, `${name}, ${what}`, { area: "workforce", row: name, column });
  const budgetToDate = amount(O.budgetToDate, "budget to date", "budgetToDate"), recharged = amount(O.recharged, "recharged to others", "recharged");
  const revenueLine = r.text(s, row, O.revenueLine, `${name}, Revenue line`);
  return {
    group: group ?? `(row ${row})`, reason: reason ?? `(row ${row})`,
    budget: amount(O.budget, "budget", "budget"), actualToDate: amount(O.actualToDate, "actual to date", "actualToDate"), forecast: amount(O.forecast, "forecast", "forecast"),
    ...(budgetToDate === null ? {} : { budgetToDate }), ...(recharged === null ? {} : { recharged }), ...(revenueLine === null ? {} : { revenueLine: revenueLine.trim() }),
  };
}

/** The totals whose SUMs must cover their lines. */
export function workforceSections(): Section[] {
  return [
    { kind: "Workforce", header: "units", lines: WORKFORCE_ROWS.groupPrefix, total: M.total, columns: [C.establishmentFte, C.actualFte, C.headcount, C.joiners, C.leavers], label: "Total workforce" },
    { kind: "Workforce", header: M.overtimeUnits, lines: WORKFORCE_ROWS.overtimePrefix, total: M.overtimeTotal, columns: [O.budget, O.actualToDate, O.forecast, O.budgetToDate, O.recharged], label: "Total overtime" },
  ];
}
