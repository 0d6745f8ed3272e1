/**
 * The registry of Outturn's sheets: for each kind, where its row markers are, how its title starts (to recognise it
 * when renamed), whether the period can be read without it, and the sections whose totals SUM their lines. A new
 * sheet is a folder here (markers.ts, layout.ts, read.ts) plus an entry in this table, in src/plans/workbook.ts (its
 * layout) and in src/plans/read (what its reader adds to the model).
 */
import type { SheetKind } from "../types";
import type { Section } from "../read/integrity";
import { SETTINGS_COLUMNS } from "./settings/markers";
import { REVENUE_COLS } from "./revenue/markers";
import { CAPITAL_COLS } from "./capital/markers";
import { RESERVES_COLS } from "./reserves/markers";
import { SAVINGS_COLS } from "./savings/markers";
import { HISTORY_COLS } from "./history/markers";
import { PROFILE_COLS } from "./profiles/markers";
import { SIGNOFF_COLS, SIGNOFF_TITLE } from "./signoff/markers";
import { ACTIONS_COLS, ACTIONS_TITLE } from "./actions/markers";
import { VIREMENTS_COLS, VIREMENTS_TITLE } from "./virements/markers";
import { revenueSections } from "./revenue/read";
import { capitalSections } from "./capital/read";
import { reservesSections } from "./reserves/read";
import { savingsSections } from "./savings/read";
import { WORKFORCE_COLS, WORKFORCE_TITLE } from "./workforce/markers";
import { workforceSections } from "./workforce/read";
import { MAPPING_COLS, MAPPING_TITLE } from "./mapping/markers";

export interface SheetEntry {
  kind: SheetKind;
  /** The hidden column of row markers. */
  keyColumn: string;
  /** How the sheet's title (A1) starts, to recognise it when renamed; null for a sheet not read back. */
  titleStart: string | null;
  /** The period cannot be read without it. */
  required: boolean;
  /** Not a template: added when first needed (the Sign-off sheet), so a workbook without it is complete. */
  addedWhenNeeded?: boolean;
  /** Sections whose total rows SUM their lines, given the rows found (logical key -> row). */
  sections?: (keys: Record<string, number>) => Section[];
}

/** Every sheet read back, in tab order (the Slides sheet only shows and is not read). */
export const READ_SHEETS: readonly SheetEntry[] = [
  { kind: "Summary", keyColumn: "E", titleStart: "Financial monitoring summary:", required: false },
  { kind: "Revenue", keyColumn: REVENUE_COLS.key, titleStart: "Revenue budget monitoring:", required: true, sections: revenueSections },
  { kind: "Capital", keyColumn: CAPITAL_COLS.key, titleStart: "Capital budget monitoring:", required: true, sections: capitalSections },
  { kind: "Reserves", keyColumn: RESERVES_COLS.key, titleStart: "Usable reserves:", required: true, sections: reservesSections },
  { kind: "Savings", keyColumn: SAVINGS_COLS.key, titleStart: "Delivery of savings:", required: true, sections: savingsSections },
  // Without it (a workbook from before 0.3) every line is flat, as in a file without profiles.
  { kind: "Profiles", keyColumn: PROFILE_COLS.key, titleStart: "Budget profiles and the year to date:", required: false },
  { kind: "History", keyColumn: HISTORY_COLS.key, titleStart: "Closed periods:", required: false },
  { kind: "Settings", keyColumn: SETTINGS_COLUMNS.key, titleStart: "Outturn settings", required: true },
  { kind: "Actions", keyColumn: ACTIONS_COLS.key, titleStart: `${ACTIONS_TITLE}:`, required: false, addedWhenNeeded: true },
  { kind: "Signoff", keyColumn: SIGNOFF_COLS.key, titleStart: `${SIGNOFF_TITLE}:`, required: false, addedWhenNeeded: true },
  // Written when the period has workforce figures (issue 14); without it, the period has none.
  { kind: "Workforce", keyColumn: WORKFORCE_COLS.key, titleStart: `${WORKFORCE_TITLE}:`, required: false, addedWhenNeeded: true, sections: workforceSections },
  { kind: "Virements", keyColumn: VIREMENTS_COLS.key, titleStart: `${VIREMENTS_TITLE}:`, required: false, addedWhenNeeded: true },
  // The ledger import's profile and mapping (issue 12), saved from the pane's Import tab.
  { kind: "Mapping", keyColumn: MAPPING_COLS.key, titleStart: MAPPING_TITLE.slice(0, MAPPING_TITLE.indexOf(":") + 1), required: false, addedWhenNeeded: true },
];
