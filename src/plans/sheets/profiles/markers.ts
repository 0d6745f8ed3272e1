/** The Profiles sheet's columns, row markers and logical row keys, shared by its layout and its reader. */
import type { BudgetProfile } from "../../../model/types";

/** Figures first (what the board reads), then the inputs: the profile, the pay award, twelve %s, last year's twelve months. */
export const PROFILE_COLS = {
  name: "A", budget: "B", budgetToDate: "C", actualToDate: "D", variance: "E", variancePct: "F", rag: "G", forecast: "H",
  straightLine: "I", profiled: "J", lastYear: "K", profile: "L", awardFromMonth: "M", awardPct: "N", key: "AM",
} as const;

/** The column of month m (1 = April) in the custom %s block (O..Z) and in last year's actuals block (AA..AL). */
export const PCT_MONTH_COLS = ["O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z"] as const;
export const LAST_YEAR_COLS = ["AA", "AB", "AC", "AD", "AE", "AF", "AG", "AH", "AI", "AJ", "AK", "AL"] as const;

export const MONTH_HEADINGS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"] as const;

/** The profile's kind as the sheet's drop-down shows it. */
export const PROFILE_WORDS: Record<BudgetProfile["kind"], string> = { flat: "Flat", custom: "Custom", lastYear: "Last year", payLike: "Pay-like" };

export const PROFILE_MARKERS = { months: "months", monthNumbers: "month-numbers", line: "profile", total: "profile-total" } as const;

/** A line's row: the same logical key as its row on the Revenue sheet. */
export const PROFILE_ROWS = { line: (g: number, l: number) => `profile:${g}:${l}`, linePrefix: "profile:" } as const;
