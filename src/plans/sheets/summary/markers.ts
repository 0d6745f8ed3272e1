/** The Summary sheet's row markers, shared by its layout and its reader. */
export const SUMMARY_MARKERS = { check: "check" } as const;
