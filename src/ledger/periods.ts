/**
 * Ledger periods, in the forms finance systems export them, as the month of the financial year (1 = its first
 * month). P01-P12 and 1-12 are months of the financial year already; Apr-24, 2024-04, 30/04/2024 and month names
 * are calendar months, placed by the month the financial year starts in (April in the UK public sector: a setting).
 */
import { CALENDAR_MONTHS as MONTH_NAMES } from "../model/settings/registry";
import { settingOf } from "../model/settings/values";
import type { Settings } from "../model/types";

export type LedgerPeriod = { month: number } | { problem: string };

export interface YearContext {
  /** The calendar month the financial year starts in, 1 (January) to 12; 4 for April. */
  startMonth: number;
  /** The calendar year the financial year starts in (2024 for 2024/25), to refuse a month of another year. */
  startYear: number | null;
}

const FORMS = "write it as P01 to P12, 1 to 12, a month (Apr, April), Apr-24 or 2024-04";

function monthOfName(text: string): number | null {
  const t = text.toLowerCase().replace(/\.$/, "");
  if (t === "sept") return 9;
  const i = MONTH_NAMES.findIndex((n) => n.toLowerCase() === t || n.toLowerCase().slice(0, 3) === t);
  return i < 0 ? null : i + 1;
}

/** 2024 from "2024" or "24". */
function yearOf(text: string): number {
  const y = Number(text);
  return text.length === 2 ? 2000 + y : y;
}

/** The financial year's month of a calendar month (and year, when known), or why not. */
function fromCalendar(raw: string, month: number, year: number | null, ctx: YearContext): LedgerPeriod {
  if (month < 1 || month > 12) return { problem: `is "${raw}", whose month ${month} is not 1 to 12; ${FORMS}` };
  const fyMonth = ((month - ctx.startMonth + 12) % 12) + 1;
  if (year !== null && ctx.startYear !== null) {
    const expected = ctx.startYear + (month < ctx.startMonth ? 1 : 0);
    if (year !== expected) {
      return { problem: `is ${MONTH_NAMES[month - 1]} ${year}, outside the financial year ${ctx.startYear}/${String((ctx.startYear + 1) % 100).padStart(2, "0")} (${MONTH_NAMES[ctx.startMonth - 1]} ${ctx.startYear} to ${MONTH_NAMES[(ctx.startMonth + 10) % 12]} ${ctx.startYear + (ctx.startMonth === 1 ? 0 : 1)}); export this year's ledger, or correct the period` };
    }
  }
  return { month: fyMonth };
}

function fromFinancial(raw: string, n: number): LedgerPeriod {
  if (n >= 1 && n <= 12) return { month: n };
  if (n >= 13 && n <= 16) return { problem: `is "${raw}", a year-end adjustment period (${n}); Outturn reads months 1 to 12: leave adjustment periods out of the export, or post them in period 12` };
  return { problem: `is "${raw}", not a period of the year (1 to 12); ${FORMS}` };
}

/** A period cell as the month of the financial year. Cells from .xlsx may be numbers or ISO dates ("2024-04-30"). */
export function parseLedgerPeriod(cell: string | number | boolean | null | undefined, ctx: YearContext): LedgerPeriod {
  if (cell === null || cell === undefined || cell === "") return { problem: `is blank; every row needs its period (${FORMS})` };
  const raw = String(cell).trim();
  let m: RegExpExecArray | null;
  // P01-P12, P1, "Period 6", "Per 06", "M06"
  if ((m = /^(?:p|per|period|m|month)\s*\.?\s*0*([0-9]{1,3})$/i.exec(raw))) return fromFinancial(raw, Number(m[1]));
  if ((m = /^0*([0-9]{1,3})$/.exec(raw))) return fromFinancial(raw, Number(m[1]));
  // 2024-04, 2024/04, 2024-04-30 (an ISO date), 2024004 (SAP's year and three-digit period are not calendar: refused below)
  if ((m = /^([0-9]{4})[-/.]([0-9]{1,2})(?:[-/.][0-9]{1,2})?(?:T.*)?$/.exec(raw))) return fromCalendar(raw, Number(m[2]), Number(m[1]), ctx);
  // 04/2024, 30/04/2024 (UK day first), 30/04/24
  if ((m = /^(?:[0-9]{1,2}[-/.])?([0-9]{1,2})[-/.]([0-9]{4}|[0-9]{2})$/.exec(raw))) return fromCalendar(raw, Number(m[1]), yearOf(m[2] as string), ctx);
  // Apr-24, Apr 2024, April-2024, 24-Apr, Sept 24
  if ((m = /^([a-z]+)\.?[\s\-/']*([0-9]{4}|[0-9]{2})$/i.exec(raw))) {
    const month = monthOfName(m[1] as string);
    if (month) return fromCalendar(raw, month, yearOf(m[2] as string), ctx);
  }
  if ((m = /^([0-9]{2})[\s\-/]([a-z]+)$/i.exec(raw))) {
    const month = monthOfName(m[2] as string);
    if (month) return fromCalendar(raw, month, yearOf(m[1] as string), ctx);
  }
  const month = monthOfName(raw);
  if (month) return fromCalendar(raw, month, null, ctx);
  return { problem: `is "${raw}", not a period Outturn knows; ${FORMS}` };
}

/** The calendar year a financial year such as "2024/25" or "2024-25" starts in; null when it does not say. */
export function startYearOf(financialYear: string): number | null {
  const m = /^([0-9]{4})/.exec(financialYear.trim());
  return m ? Number(m[1]) : null;
}

/** The setting "Financial year starts in" as a calendar month number (4 for April). */
export function yearStartMonth(settings: Settings): number {
  const i = (MONTH_NAMES as readonly string[]).indexOf(String(settingOf(settings, "ledger.yearStart")));
  return i < 0 ? 4 : i + 1;
}
