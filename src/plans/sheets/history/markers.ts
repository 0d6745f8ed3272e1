/** The Period history sheet's columns, row markers and logical row keys, shared by its layout and its reader. */
export const HISTORY_COLS = {
  period: "A", closedOn: "B", revenueBudget: "C", revenueForecast: "D", revenueRag: "E",
  capitalBudget: "F", capitalForecast: "G", capitalSlippage: "H", capitalRag: "I",
  gfClosing: "J", gfPct: "K", gfRag: "L", savingsPlanned: "M", savingsAchieved: "N", savingsRag: "O", key: "P",
} as const;

export const HISTORY_MARKERS = { snapshot: "snapshot", linesSection: "lines-section", linesHeader: "lines-header", line: "snapshot-line" } as const;

export const HISTORY_ROWS = { snapshot: (i: number) => `snapshot:${i}`, line: (i: number) => `snapshot-line:${i}` } as const;

/** The table of each closed period's revenue lines, below the periods (and below the Summary's lookup rows). */
export const HISTORY_LINE_COLS = { period: "A", group: "B", name: "C", revisedBudget: "D", forecastOutturn: "E" } as const;
