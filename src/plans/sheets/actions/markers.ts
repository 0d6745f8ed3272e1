/** The Actions sheet's columns and row markers, shared by its layout and its reader. Stored in workbooks in use: never change. */
export const ACTIONS_COLS = { item: "A", action: "B", owner: "C", due: "D", status: "E", effect: "F", meeting: "G", key: "H" } as const;

export const ACTIONS_MARKERS = { action: "action" } as const;

export const ACTIONS_ROWS = { action: (i: number) => `action:${i}` } as const;

export const ACTIONS_TITLE = "Board actions";
