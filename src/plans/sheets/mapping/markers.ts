/**
 * The Ledger mapping sheet's columns and row markers, shared by its layout and its reader. Stored in workbooks in use:
 * never change a marker's text.
 */
export const MAPPING_COLS = { costCentre: "A", account: "B", line: "C", flip: "D", note: "E", key: "F" } as const;
/** The profile block: the field's name in A, its value in B, what it means in C (merged to E). */
export const PROFILE_BLOCK_COLS = { label: "A", value: "B", about: "C" } as const;

export const MAPPING_MARKERS = {
  /** The profile block's header row: the common header marker, by which every sheet's layout is recognised. */
  profileHeader: "header",
  /** A profile field's row: "profile:layout", "profile:columns.costCentre"... */
  profile: (field: string) => `profile:${field}`,
  rulesHeader: "rules-header",
  rule: "rule",
} as const;

export const MAPPING_ROWS = { rule: (i: number) => `rule:${i}` } as const;

export const MAPPING_TITLE = "Ledger import: the export's layout and the mapping of codes to lines";

/** The profile's fields as rows of the sheet, in order: the JSON profile's field ("columns.costCentre"), label, note. */
export const PROFILE_ROWS: ReadonlyArray<{ field: string; label: string; about: string; choices?: readonly string[] }> = [
  { field: "name", label: "Profile name", about: "A name for the export's layout, shown in messages (e.g. Agresso trial balance)." },
  { field: "layout", label: "Layout", about: "long: a row per code and period; wide: a column per month, headed by the month (Apr-24, P01...).", choices: ["long", "wide"] },
  { field: "columns.costCentre", label: "Cost centre column", about: "The header text of each column, as in the file (case and punctuation do not matter); blank when the file has none." },
  { field: "columns.account", label: "Account column", about: "The account (subjective code). The cost centre, the account or both." },
  { field: "columns.description", label: "Description column", about: "" },
  { field: "columns.period", label: "Period column", about: "P01-P12, 1-12, Apr-24, 2024-04, a date or a month name (a long layout)." },
  { field: "columns.amount", label: "Amount column", about: "One signed amount; or the debit and credit columns below, not both." },
  { field: "columns.drCr", label: "Dr/Cr column", about: "DR or CR beside an unsigned amount." },
  { field: "columns.debit", label: "Debit column", about: "" },
  { field: "columns.credit", label: "Credit column", about: "" },
  { field: "columns.budget", label: "Budget column", about: "The budget for the year (see Budget is, below)." },
  { field: "signs", label: "Plain amounts", about: "credits-negative (debits positive) or credits-positive; CR/DR and debit/credit columns say it themselves.", choices: ["credits-negative", "credits-positive"] },
  { field: "actuals", label: "The amounts are", about: "year-to-date: the period's rows are the actual to date; month: each month's movement, added up to the period.", choices: ["year-to-date", "month"] },
  { field: "budget", label: "Budget is", about: "The revised or the original budget for the year.", choices: ["revised", "original"] },
  { field: "duplicates", label: "A code twice", about: "reject (a trial balance lists each code and period once) or add (a list of transactions).", choices: ["reject", "add"] },
  { field: "totalRow", label: "Total row", about: "The text of the file's own total row (default Total), checked against its rows." },
  { field: "delimiter", label: "Delimiter", about: "The CSV's delimiter when the guess is wrong: , ; | or tab." },
  { field: "sheet", label: "Sheet", about: "The .xlsx export's sheet; the first when blank." },
];

export const RULE_HEADINGS = ["Cost centre", "Account", "Line", "Flip", "Note"];
