/** The Period history sheet's columns, row markers and logical row keys, shared by its layout and its reader. */
export const HISTORY_COLS = {
  period: "A", closedOn: "B", revenueBudget: "C", revenueForecast: "D", revenueRag: "E",
  capitalBudget: "F", capitalForecast: "G", capitalSlippage: "H", capitalRag: "I",
  gfClosing: "J", gfPct: "K", gfRag: "L", savingsPlanned: "M", savingsAchieved: "N", savingsRag: "O", key: "P",
} as const;

export const HISTORY_MARKERS = {
  snapshot: "snapshot", linesSection: "lines-section", linesHeader: "lines-header", line: "snapshot-line",
  workforceSection: "workforce-section", workforceHeader: "workforce-header", workforce: "snapshot-workforce",
} as const;

export const HISTORY_ROWS = {
  snapshot: (i: number) => `snapshot:${i}`, line: (i: number) => `snapshot-line:${i}`, workforce: (i: number) => `snapshot-workforce:${i}`,
} as const;

/** The table of each closed period's workforce totals (FTE), below the lines (a sheet written before it reads as none kept). */
export const HISTORY_WORKFORCE_COLS = { period: "A", establishmentFte: "B", actualFte: "C", forecastFte: "D" } as const;

/** The table of each closed period's revenue lines, below the periods (and below the Summary's lookup rows). */
export const HISTORY_LINE_COLS = { period: "A", group: "B", name: "C", revisedBudget: "D", forecastOutturn: "E" } as const;
