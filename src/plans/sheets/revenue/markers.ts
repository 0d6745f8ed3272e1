/** The Revenue sheet's columns, row markers and logical row keys, shared by its layout and its reader. */
import type { MonitoredColumn } from "../../../model/types";

export const REVENUE_COLS = {
  name: "A", originalBudget: "B", revisedBudget: "C", actualToDate: "D", forecastOutturn: "E",
  variance: "F", variancePct: "G", rag: "H", ref: "I", commentary: "J", key: "K",
  // Added after the key column (a later version), so every older workbook keeps its columns and markers where they were.
  commitments: "L", spentAndCommitted: "M",
} as const;

/** The heading of the commitments column: a Revenue sheet without it came before commitments (read as none entered). */
export const COMMITMENTS_HEADING = "Commitments (orders raised, not yet paid)";

export const AMOUNT_COLUMNS: ReadonlyArray<[MonitoredColumn, "B" | "C" | "D" | "E"]> = [
  ["originalBudget", "B"], ["revisedBudget", "C"], ["actualToDate", "D"], ["forecastOutturn", "E"],
];

export const REVENUE_MARKERS = {
  group: "group", line: "line", total: "total", tnre: "tnre", transfers: "transfers", netBudget: "netBudget",
  controlGroup: "control-group", controlTnre: "control-tnre", controlNetBudget: "control-netBudget", controlNote: "control-note",
  splitSection: "split-section", splitHeader: "split-header", split: "split",
} as const;

/** The table of budget-only parts of lines (below the control totals): the part, its revised budget, its line. */
export const SPLIT_COLS = { part: "A", revisedBudget: "C", line: "J" } as const;

/** Logical keys of rows that repeat. */
export const REVENUE_ROWS = {
  group: (g: number) => `group:${g}`,
  line: (g: number, l: number) => `line:${g}:${l}`,
  total: (g: number) => `total:${g}`,
  transfer: (i: number) => `transfer:${i}`,
  controlGroup: (i: number) => `control-group:${i}`,
  split: (i: number) => `split:${i}`,
  /** Prefixes, for finding every line of a group or every transfer. */
  linePrefix: (g: number) => `line:${g}:`,
  transferPrefix: "transfer:",
} as const;
