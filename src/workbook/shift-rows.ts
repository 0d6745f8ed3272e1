/**
 * Excel's adjustment of formulas when rows are inserted into a sheet: every reference to that sheet at or below the
 * insertion moves down, and a range that spans the insertion grows (a range ending just above it does not).
 * References to other sheets, whole columns and text inside string literals are left alone. Pure.
 */
import { unquotedSheet } from "../plans/a1";

/** A reference: optional sheet prefix ('Name'! or Name!), a cell, and optionally a second cell of a range. */
const REF = /('(?:[^']|'')+'!|[A-Za-z_][A-Za-z0-9_.]*!)?(\$?)([A-Za-z]{1,3})(\$?)([0-9]+)(?::(\$?)([A-Za-z]{1,3})(\$?)([0-9]+))?(?![A-Za-z0-9_(!])/g;

function sheetOf(prefix: string | undefined): string | null {
  return prefix ? unquotedSheet(prefix.slice(0, -1)) : null;
}

/**
 * @param formula a formula with its "="
 * @param formulaSheet the sheet the formula is on (unqualified references are to it)
 * @param sheet the sheet rows are inserted into
 * @param before the first row that moves down (1-based)
 * @param count how many rows are inserted
 */
export function shiftFormula(formula: string, formulaSheet: string, sheet: string, before: number, count: number): string {
  // Split into string literals (kept) and the rest (adjusted).
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part) => (part.startsWith('"') ? part : shiftPart(part, formulaSheet, sheet, before, count)))
    .join("");
}

function shiftPart(text: string, formulaSheet: string, sheet: string, before: number, count: number): string {
  return text.replace(REF, (whole, prefix: string | undefined, d1: string, c1: string, d2: string, r1: string, d3?: string, c2?: string, d4?: string, r2?: string, offset?: number, all?: string) => {
    // Not a reference when glued to a name before it (e.g. the "A1" in "LOG10A1" or a function name).
    const at = typeof offset === "number" ? offset : 0;
    const prev = all && at > 0 ? all[at - 1] : "";
    if (prev && /[A-Za-z0-9_.$]/.test(prev)) return whole;
    const target = sheetOf(prefix) ?? formulaSheet;
    if (target !== sheet) return whole;
    const top = Number(r1);
    if (c2 === undefined || r2 === undefined) {
      return top >= before ? `${prefix ?? ""}${d1}${c1}${d2}${top + count}` : whole;
    }
    const bottom = Number(r2);
    const newTop = top >= before ? top + count : top;
    const newBottom = bottom >= before ? bottom + count : bottom;
    return `${prefix ?? ""}${d1}${c1}${d2}${newTop}:${d3 ?? ""}${c2}${d4 ?? ""}${newBottom}`;
  });
}
