/**
 * Ledger mapping (issue 12): what the treasurer sets up once for importing the ledger, kept in the workbook. At the
 * top, the export's layout (the import profile, a field per row, as the command line's profile.json); below, the
 * mapping of ledger codes to the report's lines, a rule per row (cost centre and/or account: exact, a pattern such
 * as 41* or a range such as 5000-5999; the line; Flip). Every value is an input the user edits; no formulas, so the
 * sheet stands alone (it refers to no other sheet). Added when first saved from the pane's Import tab.
 */
import type { ImportProfile } from "../../../ledger/profile";
import type { MappingRule } from "../../../ledger/rules";
import { SheetBuilder } from "../../builder";
import type { SheetPlan } from "../../types";
import { COMMON_MARKERS } from "../markers";
import { MAPPING_COLS as C, MAPPING_MARKERS, MAPPING_ROWS, MAPPING_TITLE, PROFILE_BLOCK_COLS as P } from "./markers";

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
  { field: "columns.commitments", label: "Commitments column", about: "Orders raised, not yet paid, at the period's end: written to the revenue lines' commitments." },
  { field: "signs", label: "Plain amounts", about: "credits-negative (debits positive) or credits-positive; CR/DR and debit/credit columns say it themselves.", choices: ["credits-negative", "credits-positive"] },
  { field: "actuals", label: "The amounts are", about: "year-to-date: the period's rows are the actual to date; month: each month's movement, added up to the period.", choices: ["year-to-date", "month"] },
  { field: "budget", label: "Budget is", about: "The revised or the original budget for the year.", choices: ["revised", "original"] },
  { field: "duplicates", label: "A code twice", about: "reject (a trial balance lists each code and period once) or add (a list of transactions).", choices: ["reject", "add"] },
  { field: "totalRow", label: "Total row", about: "The text of the file's own total row (default Total), checked against its rows." },
  { field: "delimiter", label: "Delimiter", about: "The CSV's delimiter when the guess is wrong: , ; | or tab." },
  { field: "sheet", label: "Sheet", about: "The .xlsx export's sheet; the first when blank." },
];

export const RULE_HEADINGS = ["Cost centre", "Account", "Line", "Flip", "Note"];

/** What the sheet keeps: the profile (null: not set up) and the rules. */
export interface LedgerSetup {
  profile: ImportProfile | null;
  rules: MappingRule[];
}

/** A profile field's value as the sheet shows it ("columns.costCentre" -> "Cost Centre"; a tab delimiter as "tab"). */
export function profileCellText(profile: ImportProfile, field: string): string | null {
  const v = field.startsWith("columns.") ? profile.columns[field.slice(8) as keyof ImportProfile["columns"]] : (profile as unknown as Record<string, string | null>)[field];
  if (v === undefined || v === null) return null;
  return field === "delimiter" && v === "\t" ? "tab" : v;
}

export function mappingSheet(name: string, setup: LedgerSetup): SheetPlan {
  const b = new SheetBuilder("Mapping", name, [{ width: 22 }, { width: 22 }, { width: 40 }, { width: 8 }, { width: 50 }, { width: 10, hidden: true }], C.key);
  b.label(1, "A", MAPPING_TITLE, "title");
  b.merges.push("A1:E1");
  b.key(1, COMMON_MARKERS.title);
  b.label(2, "A", "Set up once from the pane's Import tab, then kept here: change any yellow cell. outturn import reads this sheet too when given no --profile or --mapping.", "subtitle");
  b.merges.push("A2:E2");
  b.key(2, COMMON_MARKERS.subtitle);

  b.label(4, P.label, "The export's layout (import profile)", "header");
  b.label(4, P.value, "Value", "header");
  b.label(4, P.about, "What it means", "header");
  b.fill(4, 4, 5, "header");
  b.merges.push("C4:E4");
  b.key(4, MAPPING_MARKERS.profileHeader);
  let row = 5;
  for (const f of PROFILE_ROWS) {
    b.label(row, P.label, f.label);
    b.inputText(row, P.value, setup.profile ? profileCellText(setup.profile, f.field) : null);
    b.label(row, P.about, f.about, "note");
    b.merges.push(`C${row}:E${row}`);
    if (f.choices) b.validations.push({ range: `${P.value}${row}`, values: [...f.choices] });
    b.key(row, MAPPING_MARKERS.profile(f.field));
    row++;
  }

  row++;
  const header = row;
  RULE_HEADINGS.forEach((h, i) => b.label(header, String.fromCharCode(65 + i), h, "header"));
  b.key(header, MAPPING_MARKERS.rulesHeader);
  row++;
  setup.rules.forEach((rule, i) => {
    b.inputText(row, C.costCentre, rule.costCentre);
    b.inputText(row, C.account, rule.account);
    b.inputText(row, C.line, rule.line);
    b.inputText(row, C.flip, rule.flip ? "Yes" : "No");
    b.inputText(row, C.note, null);
    b.key(row, MAPPING_MARKERS.rule, MAPPING_ROWS.rule(i));
    row++;
  });
  const last = Math.max(row - 1, header + 1);
  b.validations.push({ range: `${C.flip}${header + 1}:${C.flip}${last}`, values: ["Yes", "No"] });
  b.note(row + 1,
    "A rule per row: a cost centre and/or an account, each exact (4100), a pattern (41*, 4?00) or a range of codes of one length (5000-5999); the line as its ref (R2), \"Group > Line\" or a name used once; Flip Yes turns the sign round (capital financing is a credit in the ledger). A code matching no rule is listed with its total; a code matching two rules is rejected, naming both. Insert rows above this note for more rules.",
    "E");
  b.freeze = { rows: 0, columns: 0 };
  return b.build();
}
