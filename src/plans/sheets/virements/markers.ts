/** The Virements sheet's columns and row markers, shared by its layout and its reader. Stored in workbooks in use: never change. */
export const VIREMENTS_COLS = { line: "A", amount: "B", counterpart: "C", reason: "D", approvedBy: "E", approvedOn: "F", key: "G" } as const;

export const VIREMENTS_MARKERS = { entry: "virement", total: "total" } as const;

export const VIREMENTS_ROWS = { entry: (i: number) => `virement:${i}` } as const;

export const VIREMENTS_TITLE = "Budget changes (virements)";
