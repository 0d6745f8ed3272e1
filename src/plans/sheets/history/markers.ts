/** The Period history sheet's columns, row markers and logical row keys, shared by its layout and its reader. */
export const HISTORY_COLS = {
  period: "A", closedOn: "B", revenueBudget: "C", revenueForecast: "D", revenueRag: "E",
  capitalBudget: "F", capitalForecast: "G", capitalSlippage: "H", capitalRag: "I",
  gfClosing: "J", gfPct: "K", gfRag: "L", savingsPlanned: "M", savingsAchieved: "N", savingsRag: "O", key: "P",
} as const;

export const HISTORY_MARKERS = { snapshot: "snapshot" } as const;

export const HISTORY_ROWS = { snapshot: (i: number) => `snapshot:${i}` } as const;
