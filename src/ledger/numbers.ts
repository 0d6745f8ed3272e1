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
