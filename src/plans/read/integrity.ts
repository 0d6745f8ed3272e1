/**
 * Integrity of the formulas: the plan Outturn would write for the figures read is compared with the workbook, formula
 * cell by formula cell (a formula replaced by a typed value, deleted, changed, or showing an error), and every total's
 * SUM must still cover its section's lines.
 */
import type { Decimal } from "../../model/types";
import { D } from "../../model/amount";
import { colLetter, parseA1, unquotedSheet } from "../a1";
import { type GridValue, isGridError } from "../grid";
import type { SheetKind, SheetPlan } from "../types";
import { decimalOfNumber, show } from "./cells";
import { AREA, type Reader, type SheetView } from "./reader";


const TOLERANCE = new D("1e-9");

function numberEqual(actual: number, expected: Decimal): boolean {
  const a = decimalOfNumber(actual);
  // Equal values are equal to six places: most cells, without rounding both.
  if (a.equals(expected) || a.toDecimalPlaces(6).equals(expected.toDecimalPlaces(6))) return true;
  return a.minus(expected).abs().lessThanOrEqualTo(TOLERANCE.times(D.max(1, expected.abs())));
}

function describeExpected(e: Decimal | string, fmt: string | undefined): string {
  if (typeof e === "string") return e === "" ? "nothing (blank)" : `"${e}"`;
  if (fmt && fmt.includes("%")) return `${e.times(100).toDecimalPlaces(2).toFixed()}%`;
  return e.toDecimalPlaces(6).toFixed();
}

function describeActual(v: GridValue, fmt: string | undefined): string {
  if (typeof v === "number" && fmt && fmt.includes("%")) return `${new D(String(v)).times(100).toDecimalPlaces(2).toFixed()}%`;
  if (typeof v === "number") return decimalOfNumber(v).toDecimalPlaces(6).toFixed();
  return show(v);
}

/** SUM(Xa:Xb) of a column in a formula: the rows covered, or null. */
function sumRange(formula: string, col: string): { from: number; to: number } | null {
  const re = new RegExp(`SUM\\(\\$?${col}\\$?([0-9]+):\\$?${col}\\$?([0-9]+)\\)`, "i");
  const m = re.exec(formula);
  return m ? { from: Number(m[1]), to: Number(m[2]) } : null;
}

/** A table section whose total row SUMs its lines: where its heading, lines (a key prefix) and total are, and which columns. */
export interface Section { kind: SheetKind; header: string | null; lines: string; total: string; columns: string[]; label: string }

export function sumRangeChecks(r: Reader, views: Partial<Record<SheetKind, SheetView>>, sections: Section[]): void {
  for (const sec of sections) {
    const s = views[sec.kind];
    const keys = r.rowKeys[sec.kind];
    if (!s || !keys) continue;
    const totalRow = keys[sec.total];
    const headerRow = sec.header ? keys[sec.header] : undefined;
    if (totalRow === undefined || headerRow === undefined) continue;
    const lineRows = Object.entries(keys).filter(([k]) => k.startsWith(sec.lines)).map(([, row]) => row);
    for (const col of sec.columns) {
      const f = s.cell(totalRow, col)?.formula;
      if (!f) continue;
      const range = sumRange(f, col);
      if (!range) continue;
      const where = s.where(totalRow, col);
      const left = lineRows.filter((row) => row < range.from || row > range.to);
      if (left.length) {
        const names = left.map((row) => { const v = s.value(row, sec.kind === "Savings" ? "B" : "A"); return `row ${row}${typeof v === "string" ? ` ("${v}")` : ""}`; });
        r.add("sum-range", "error", where,
          `${where}: ${sec.label}'s SUM(${col}${range.from}:${col}${range.to}) leaves out ${names.join(", ")}, so the total is wrong. Extend it to SUM(${col}${headerRow}:${col}${totalRow - 1}) to cover every line of the section.`,
          { area: AREA[sec.kind] ?? "workbook" });
        r.skip.add(`${sec.kind}|${where}`);
      } else if (range.from < headerRow || range.to >= totalRow) {
        r.add("sum-range", "error", where,
          `${where}: ${sec.label}'s SUM(${col}${range.from}:${col}${range.to}) reaches outside its section (rows ${headerRow} to ${totalRow - 1}), so it adds rows that are not its lines. Make it SUM(${col}${headerRow}:${col}${totalRow - 1}).`,
          { area: AREA[sec.kind] ?? "workbook" });
        r.skip.add(`${sec.kind}|${where}`);
      }
    }
  }
}

const FORMULA_ERROR_GROUP = 3;

/** Plan row -> row found, per sheet name of the plan, to move a planned formula's references to where its rows are. */
type Translation = Map<string, Map<number, number>>;

function translation(r: Reader, plan: SheetPlan[]): Translation {
  const out: Translation = new Map();
  for (const sp of plan) {
    const keys = r.rowKeys[sp.kind];
    const rows = new Map<number, number>();
    if (keys) for (const [k, row] of Object.entries(sp.rowKeys)) if (keys[k] !== undefined) rows.set(row, keys[k]);
    out.set(sp.name, rows);
  }
  return out;
}

const REF = /((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?)([A-Z]{1,3})(\$?)([0-9]+)(?![0-9(])/g;

/** "'Revenue (2)'!" -> "Revenue (2)": worked out once per prefix (a plan's formulas name a few sheets, thousands of times). */
const sheetOfPrefix = new Map<string, string>();
function sheetNamed(prefix: string): string {
  let sheet = sheetOfPrefix.get(prefix);
  if (sheet === undefined) {
    sheet = unquotedSheet(prefix.slice(0, -1));
    if (sheetOfPrefix.size < 1000) sheetOfPrefix.set(prefix, sheet);
  }
  return sheet;
}

/** The planned formula with its row references moved to the rows found (outside string literals). */
function translate(formula: string, sp: SheetPlan, t: Translation): string {
  return formula.split(/("(?:[^"]|"")*")/).map((part, i) => (i % 2 === 1 ? part : part.replace(REF, (all, prefix: string | undefined, d1: string, col: string, d2: string, row: string) => {
    const sheet = prefix ? sheetNamed(prefix) : sp.name;
    const moved = t.get(sheet)?.get(Number(row));
    return moved === undefined ? all : `${prefix ?? ""}${d1}${col}${d2}${moved}`;
  }))).join("");
}

/** Formulas equal but for $ signs, spaces, case and the leading "=" (outside string literals). */
function sameFormula(a: string, b: string): boolean {
  const norm = (f: string) => f.replace(/^=/, "").split(/("(?:[^"]|"")*")/).map((part, i) => (i % 2 === 1 ? part : part.replace(/[$\s]/g, "").toUpperCase().replace(/\b(TRUE|FALSE)\(\)/g, "$1"))).join("");
  return norm(a) === norm(b);
}

export function formulaChecks(r: Reader, views: Partial<Record<SheetKind, SheetView>>, plan: SheetPlan[]): void {
  const moved = translation(r, plan);
  for (const sp of plan) {
    const s = views[sp.kind];
    const keys = r.rowKeys[sp.kind];
    if (!s || !keys) continue;
    const keyOfRow = new Map<number, string>(Object.entries(sp.rowKeys).map(([k, row]) => [row, k]));
    const errorCells: Array<{ where: string; error: string; formula: string }> = [];
    for (const c of sp.cells) {
      if (c.content.kind !== "formula") continue;
      const at = parseA1(c.address);
      const key = keyOfRow.get(at.row);
      const row = key === undefined ? undefined : keys[key];
      if (row === undefined) continue;
      const cell = s.cell(row, at.col);
      const where = s.where(row, at.col);
      if (r.skip.size && r.skip.has(`${sp.kind}|${where}`)) continue;
      const expected = c.content.expected;
      const area = AREA[sp.kind] ?? "workbook";
      const place = c.place ?? { area, row: null, column: null };
      const v: GridValue = cell?.value ?? null;
      const shouldBe = c.content.formula;
      if (!cell?.formula) {
        if (v === null || v === "") {
          if (typeof expected === "string" && expected === "") continue;
          const inserted = r.inserted.has(`${sp.kind}|${row}`);
          r.add("formula-missing", inserted ? "warning" : "error", where, inserted
            ? `${where}: the line you inserted in row ${row} has no formula here (it should be ${shouldBe}). Copy the formulas across from the line above so its ${headerOf(sp, at.col)} is worked out.`
            : `${where}: the formula (${shouldBe}) has been deleted, so this ${headerOf(sp, at.col)} no longer updates. Put the formula back (copy it from the row above, or undo).`, place);
        } else {
          r.add("formula-overwritten", "error", where,
            `${where}: the formula (${shouldBe}) has been overwritten with ${show(v)}, so it no longer updates when the figures change${typeof expected !== "string" ? `; the figures give ${describeExpected(expected, c.numberFormat)}` : ""}. Put the formula back (undo, or copy it from the row above).`, place);
        }
        continue;
      }
      if (isGridError(v)) { errorCells.push({ where, error: v.error, formula: cell.formula }); continue; }
      const ok = typeof expected === "string"
        ? (v === null ? "" : typeof v === "string" ? v : String(v)) === expected
        : typeof v === "number" && numberEqual(v, expected);
      if (!ok && sameFormula(cell.formula, translate(shouldBe, sp, moved))) continue; // an upstream cell is wrong (reported there)
      if (!ok) {
        r.add("formula-changed", "error", where,
          `${where} shows ${describeActual(v, c.numberFormat)}, but the figures give ${describeExpected(expected, c.numberFormat)}: its formula ${cell.formula} has been changed or refers to the wrong cells (Outturn's is ${shouldBe}). Put Outturn's formula back.`, place);
      }
    }
    if (errorCells.length > FORMULA_ERROR_GROUP) {
      const first = errorCells[0] as { where: string; error: string; formula: string };
      const kinds = [...new Set(errorCells.map((e) => e.error))].join(", ");
      r.add("formula-error", "error", first.where,
        `${errorCells.length} formulas on the ${s.name} sheet show errors (${kinds}), the first ${first.where} (${first.formula}). ${kinds.includes("#REF!") ? "A sheet, row or column they refer to has been deleted: undo the deletion, or insert the Outturn sheets again." : "Check the cells they refer to."}`,
        { area: AREA[sp.kind] ?? "workbook" });
    } else {
      for (const e of errorCells) {
        r.add("formula-error", "error", e.where,
          `${e.where} shows ${e.error} from its formula ${e.formula}. ${e.error === "#REF!" ? "A sheet, row or column it refers to has been deleted: undo the deletion, or put Outturn's formula back." : "Check the cells it refers to."}`,
          { area: AREA[sp.kind] ?? "workbook" });
      }
    }
  }
}

function headerOf(sp: SheetPlan, col: number): string {
  const letter = colLetter(col);
  const h = sp.cells.find((c) => c.address === `${letter}4` && (c.style === "header"));
  if (h?.content.kind === "text") return h.content.text.toLowerCase();
  if (h?.content.kind === "formula" && typeof h.content.expected === "string") return h.content.expected.toLowerCase();
  return "figure";
}
