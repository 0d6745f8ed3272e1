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
