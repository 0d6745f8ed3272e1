/** The Sign-off sheet's columns and row markers, shared by its layout and its reader. Stored in signed workbooks: never change. */
export const SIGNOFF_COLS = { role: "A", name: "B", at: "C", fingerprint: "D", snapshot: "E", key: "F" } as const;

export const SIGNOFF_MARKERS = { record: "signoff", snapshot: "snapshot" } as const;

export const SIGNOFF_ROWS = { record: (i: number) => `signoff:${i}`, snapshot: (i: number) => `snapshot:${i}` } as const;

/** The title the sheet starts with (to find it when renamed). */
export const SIGNOFF_TITLE = "Sign-off";

/** Characters of the kept inputs per cell: under Excel's 32,767 a cell holds, with room for what escaping adds. */
export const SNAPSHOT_CHUNK = 30_000;
