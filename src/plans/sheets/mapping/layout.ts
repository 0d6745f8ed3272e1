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
import { MAPPING_COLS as C, MAPPING_MARKERS, MAPPING_ROWS, MAPPING_TITLE, PROFILE_BLOCK_COLS as P, PROFILE_ROWS, RULE_HEADINGS } from "./markers";

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
