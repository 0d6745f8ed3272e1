/**
 * Amounts as general ledgers export them, read exactly into decimal.js (never through binary floating point):
 * `1,234.56`, `(1,234.56)`, `-1234.56`, `1234.56-` (SAP's and Agresso's trailing minus), `1,234.56 CR` / `DR`,
 * an optional £, and a blank (or a lone dash, Excel's accounting zero) for zero. A minus may be a hyphen, the minus sign
 * (U+2212) or an en dash (what a Windows-1252 export makes of a typed minus).
 * Debits are positive, credits negative. `explicit` says the text itself said debit or credit (CR/DR), so an
 * export's "credits positive" convention must not turn it round again.
 */
import Decimal from "decimal.js";
import { D, MAX_DECIMAL_DIGITS, MAX_INTEGER_DIGITS, ZERO } from "../model/amount";
import type { LedgerAmount } from "./pence";

export type LedgerNumber = { value: Decimal; explicit: boolean } | { problem: string };

const NUMBER_FORMS = "write it as 1234.56, 1,234.56, -1234.56, (1,234.56), 1234.56- or 1,234.56 CR";
/** Digits with or without thousands commas, and an optional fraction. */
const DIGITS = /^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]+))?$|^\.([0-9]+)$/;

/** The text of a ledger amount as a signed Decimal (debit positive), or why it is not one, in words. */
export function parseLedgerNumber(raw: string): LedgerNumber {
  let text = raw.replace(/[\u00a0\u202f]/g, " ").trim();
  if (text === "" || text === "-" || text === "–") return { value: ZERO, explicit: false };
  let negative = false;
  let signs = 0;
  let explicit = false;
  const drcr = /^(.*?)\s*(CR|DR|Cr|Dr|cr|dr)\.?$/.exec(text);
  if (drcr) {
    text = (drcr[1] ?? "").trim();
    negative = (drcr[2] ?? "").toUpperCase() === "CR";
    explicit = true;
    signs++;
  }
  if (/^\(.*\)$/.test(text)) { text = text.slice(1, -1).trim(); negative = !negative; signs++; }
  if (text.endsWith("-")) { text = text.slice(0, -1).trim(); negative = !negative; signs++; }
  if (/^[-−–]/.test(text)) { text = text.slice(1).trim(); negative = !negative; signs++; }
  else if (text.startsWith("+")) text = text.slice(1).trim();
  if (text.startsWith("£")) text = text.slice(1).trim();
  // A minus after the pound sign (£-12.00) is how some spreadsheets write it.
  if (signs === 0 && text.startsWith("-")) { text = text.slice(1).trim(); negative = true; signs++; }
  if (signs > 1) return { problem: `is "${raw}", which has more than one sign (a minus, brackets or CR/DR); keep one: ${NUMBER_FORMS}` };
  if (/^[0-9.]+e[-+]?[0-9]+$/i.test(text)) {
    return { problem: `is "${raw}", written with an exponent (as Excel saves a long number from a column formatted General); format the amount column as Number with 2 decimal places before exporting` };
  }
  const m = DIGITS.exec(text);
  if (!m) {
    if (/^[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?$/.test(text) || /^[0-9]+,[0-9]{1,2}$/.test(text)) {
      return { problem: `is "${raw}", written with a decimal comma; export with a decimal point (the UK setting), e.g. 1,234.56` };
    }
    return { problem: `is "${raw}", not an amount: ${NUMBER_FORMS}` };
  }
  const fraction = m[1] ?? m[2] ?? "";
  const whole = m[2] !== undefined ? "0" : text.split(".")[0]!.replace(/,/g, "");
  if (whole.replace(/^0+(?=.)/, "").length > MAX_INTEGER_DIGITS) return { problem: `is "${raw}", with more than ${MAX_INTEGER_DIGITS} digits before the decimal point; no ledger amount is that large: check the column` };
  if (fraction.length > MAX_DECIMAL_DIGITS) return { problem: `is "${raw}", with ${fraction.length} decimal places; amounts have at most ${MAX_DECIMAL_DIGITS}: round it in the export` };
  const value = new D(fraction ? `${whole}.${fraction}` : whole);
  return { value: negative && !value.isZero() ? value.neg() : value, explicit };
}

/**
 * A cell of an .xlsx export: a number (a binary double, read as its shortest decimal rounded to 6 places, as the
 * workbook reader does, so 0.1 + 0.2 typed in Excel is 0.3), or text read as above.
 */
export function parseLedgerCell(cell: string | number | boolean | null | undefined): LedgerNumber {
  if (cell === null || cell === undefined) return { value: ZERO, explicit: false };
  if (typeof cell === "boolean") return { problem: `is ${cell ? "TRUE" : "FALSE"}, not an amount: ${NUMBER_FORMS}` };
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return { problem: "is not a finite number" };
    return { value: new D(cell).toDecimalPlaces(MAX_DECIMAL_DIGITS, Decimal.ROUND_HALF_UP), explicit: false };
  }
  return parseLedgerNumber(cell);
}

export type LedgerAmountRead = { amount: LedgerAmount; explicit: boolean } | { problem: string };

/**
 * parseLedgerCell for the import's per-row path: the same amounts and the same problems, with a whole number of pence
 * as a safe integer (./pence.ts) rather than a Decimal. The forms a ledger writes most ([-]1,234.56, (1,234.56),
 * 1,234.56-, 1,234.56 CR/DR, 1234.5) are read by a scan of the characters; anything else (a £, a sign too many, an
 * odd space, 3 to 6 decimal places, a problem) goes through parseLedgerCell, so the two cannot disagree on it.
 */
export function parseLedgerAmount(cell: string | number | boolean | null | undefined): LedgerAmountRead {
  if (cell === null || cell === undefined) return { amount: 0, explicit: false };
  if (typeof cell === "string" || typeof cell === "number") {
    // A number's shortest decimal text is what new D(n) reads; with at most 2 places it needs no rounding.
    const fast = scanPence(typeof cell === "number" ? String(cell) : cell, typeof cell === "string");
    if (fast !== null) return fast;
  }
  const slow = parseLedgerCell(cell);
  return "problem" in slow ? slow : { amount: slow.value, explicit: slow.explicit };
}

const [SPACE, OPEN, CLOSE, MINUS, COMMA, POINT] = [32, 40, 41, 45, 44, 46];
const isDigit = (c: number) => c >= 48 && c <= 57;
/** 13 digits of pounds are under 10^15 pence, well inside a safe integer. */
const FAST_INTEGER_DIGITS = 13;

/** The common forms as signed pence, or null for parseLedgerCell to read (see parseLedgerAmount). */
function scanPence(s: string, text: boolean): { amount: number; explicit: boolean } | null {
  let i = 0, n = s.length;
  while (i < n && s.charCodeAt(i) === SPACE) i++;
  while (n > i && s.charCodeAt(n - 1) === SPACE) n--;
  if (i === n) return null;
  let negative = false, explicit = false, signs = 0;
  if (text) {
    // CR or DR at the end, as parseLedgerNumber's pattern spells them (CR, Cr, cr), an optional point after.
    let e = n;
    if (s.charCodeAt(e - 1) === POINT) e--;
    if (e - i >= 3) {
      const a = s.charCodeAt(e - 2), b = s.charCodeAt(e - 1);
      // CR, DR (R after C or D), Cr, Dr, cr, dr (r after C, D, c or d)
      if ((b === 82 && (a === 67 || a === 68)) || (b === 114 && (a === 67 || a === 68 || a === 99 || a === 100))) {
        negative = a === 67 || a === 99;
        explicit = true;
        signs++;
        n = e - 2;
        while (n > i && s.charCodeAt(n - 1) === SPACE) n--;
      }
    }
    if (s.charCodeAt(i) === OPEN && s.charCodeAt(n - 1) === CLOSE) { i++; n--; negative = !negative; signs++; }
    else if (s.charCodeAt(n - 1) === MINUS) { n--; negative = !negative; signs++; }
    else if (s.charCodeAt(i) === MINUS) { i++; negative = !negative; signs++; }
  } else if (s.charCodeAt(i) === MINUS) { i++; negative = true; }
  if (signs > 1 || i >= n) return null;
  // Digits, in groups of three after a first group of one to three when there are commas; then .d or .dd.
  let whole = 0, digits = 0, group = -1, p = i;
  for (; p < n; p++) {
    const c = s.charCodeAt(p);
    if (isDigit(c)) { whole = whole * 10 + (c - 48); digits++; if (group >= 0) group++; continue; }
    if (c !== COMMA || !text) break;
    if (group === -1 ? digits === 0 || digits > 3 : group !== 3) return null;
    group = 0;
  }
  if (digits === 0 || digits > FAST_INTEGER_DIGITS || (group !== -1 && group !== 3)) return null;
  let pence = whole * 100;
  if (p < n) {
    if (s.charCodeAt(p) !== POINT) return null;
    const places = n - p - 1;
    if (places < 1 || places > 2) return null;
    const d1 = s.charCodeAt(p + 1), d2 = places === 2 ? s.charCodeAt(p + 2) : 48;
    if (!isDigit(d1) || !isDigit(d2)) return null;
    pence += (d1 - 48) * 10 + (d2 - 48);
  }
  return { amount: negative && pence !== 0 ? -pence : pence, explicit };
}
