/** A cell's value in the words of a message, and numbers typed in cells as exact decimals. */
import type { Decimal } from "../../model/types";
import { D } from "../../model/amount";
import { type GridValue, isGridError } from "../grid";

/** "empty", "#REF!", the text "abc", 12. */
export function show(v: GridValue | undefined): string {
  if (v === null || v === undefined) return "empty";
  if (isGridError(v)) return v.error;
  if (typeof v === "string") return `the text "${v}"`;
  return String(v);
}

/** A number as an exact decimal: the shortest text that round-trips (what was typed), at most 6 places. */
export function decimalOfNumber(n: number): Decimal {
  const d = new D(String(n));
  return d.decimalPlaces() > 6 ? d.toDecimalPlaces(6) : d;
}

/** What to type instead of text such as "12,345", "(5,191)" or "£1.2k": a suggestion, or null. */
export function suggestNumber(text: string): string | null {
  let t = text.trim().replace(/[£,\s]/g, "");
  let negative = false;
  const bracket = /^\((.*)\)$/.exec(t);
  if (bracket) { t = bracket[1] as string; negative = true; }
  if (t.startsWith("-")) { t = t.slice(1); negative = !negative; }
  if (!/^[0-9]+(\.[0-9]+)?$/.test(t)) return null;
  return (negative ? "-" : "") + t;
}
