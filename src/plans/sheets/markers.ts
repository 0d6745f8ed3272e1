/**
 * Row markers every sheet shares. Each Outturn sheet has a hidden key column holding a marker per row; the reader
 * finds rows by these (so rows the user inserts are read as new lines). They are stored in workbooks in use: never
 * change a marker's text. Each sheet's own markers are in its folder's markers.ts.
 */
export const COMMON_MARKERS = { title: "title", subtitle: "subtitle", header: "header", units: "units", note: "note", controls: "controls" } as const;

/** The heading rows every table sheet starts with. */
export const HEADING_MARKERS: readonly string[] = [COMMON_MARKERS.title, COMMON_MARKERS.subtitle, COMMON_MARKERS.header, COMMON_MARKERS.units];
