/** The Start view's form: who and when the monitoring is for, and which sheets to insert. */
import type { PeriodId, Units } from "../model/types";
import type { SheetKind } from "../workbook/gateway";
import { SHEET_KINDS_IN_ORDER } from "../plans/kinds";

/** The sheets the plans build, in tab order; Slides holds native charts (the PowerPoint deck is separate). */
export const ALL_SHEETS: readonly SheetKind[] = SHEET_KINDS_IN_ORDER;

/** Sheets the form offers unticked: not every body keeps them in the workbook (a blank Workforce sheet's groups to fill in). */
export const OPTIONAL_SHEETS: readonly SheetKind[] = ["Workforce"];

/** Every sheet the form lists, in its order. */
export const FORM_SHEETS: readonly SheetKind[] = [...ALL_SHEETS, ...OPTIONAL_SHEETS];

export const SHEET_WORDS: Record<SheetKind, string> = {
  Summary: "Summary: headline figures and RAG",
  Revenue: "Revenue budget monitoring",
  Capital: "Capital programme and financing",
  Reserves: "Usable reserves",
  Savings: "Delivery of savings",
  Profiles: "Profiles: budget to date and forecast assist",
  Settings: "Settings: reserves band, RAG rules, sign convention",
  History: "History: closed periods, for movement",
  Slides: "Slides: charts sized for 16:9 slides",
  Signoff: "Sign-off: who signed off the figures (added at the first sign-off)",
  Actions: "Actions: what the board agreed for Red items",
  Workforce: "Workforce (optional): strength against establishment, the officer target and overtime, blank to fill in",
  Virements: "Virements: each change from the original to the revised budget",
  Mapping: "Ledger mapping: the ledger import's profile and mapping (saved from the Import tab)",
};

export interface StartForm {
  organisation: string;
  financialYear: string;
  period: PeriodId;
  units: Units;
  sheets: SheetKind[];
  /** The password to protect the sheets with (blank: none); kept by the gateway for this session only, never stored. */
  password?: string;
}

export type StartErrors = Partial<Record<"organisation" | "financialYear" | "sheets", string>>;

/** The financial year (April to March) a date falls in, as "2024/25". */
export function financialYearOf(date: Date): string {
  const start = date.getMonth() >= 3 ? date.getFullYear() : date.getFullYear() - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

/** The last quarter to have ended before `date`, and its financial year (monitoring reports on a closed quarter). */
export function lastClosedQuarter(date: Date): { financialYear: string; period: PeriodId } {
  const end = new Date(date.getFullYear(), date.getMonth() - 1, 1);
  while (end.getMonth() % 3 !== 2) end.setMonth(end.getMonth() - 1); // quarters end in June, September, December, March
  const monthOfYear = ((end.getMonth() - 3 + 12) % 12) + 1; // April = 1
  return { financialYear: financialYearOf(end), period: `Q${monthOfYear / 3}` as PeriodId };
}

export function defaultStartForm(today: Date, identity?: Partial<StartForm> | null): StartForm {
  const last = lastClosedQuarter(today);
  return {
    organisation: identity?.organisation ?? "",
    financialYear: identity?.financialYear ?? last.financialYear,
    period: identity?.period ?? last.period,
    units: identity?.units ?? "£000",
    sheets: [...ALL_SHEETS],
  };
}

export function validateStart(form: StartForm): StartErrors {
  const errors: StartErrors = {};
  if (!form.organisation.trim()) errors.organisation = "Organisation: is empty; enter the body's name, e.g. Dorset Police and Crime Commissioner.";
  const fy = /^([0-9]{4})\/([0-9]{2})$/.exec(form.financialYear.trim());
  if (!fy) errors.financialYear = `Financial year: "${form.financialYear.trim()}" is not in the form 2024/25.`;
  else if ((Number(fy[1]) + 1) % 100 !== Number(fy[2])) errors.financialYear = `Financial year: ${fy[1]}/${fy[2]} is not one year; write ${fy[1]}/${String((Number(fy[1]) + 1) % 100).padStart(2, "0")}.`;
  if (form.sheets.length === 0) errors.sheets = "Sheets: none chosen; tick at least one sheet to insert.";
  return errors;
}
