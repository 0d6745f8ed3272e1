/** The Savings sheet's columns, row markers and logical row keys, shared by its layout and its reader. */
export const SAVINGS_COLS = {
  category: "A", scheme: "B", planned: "C", deliveredToDate: "D", forecastFurtherDelivery: "E", achieved: "F", unachieved: "G",
  expectedNextYear: "H", status: "I", rag: "J", replacement: "K", commentary: "L", key: "M",
} as const;
export const SAVINGS_INPUTS = [["planned", "C"], ["deliveredToDate", "D"], ["forecastFurtherDelivery", "E"], ["expectedNextYear", "H"]] as const;

export const SAVINGS_MARKERS = {
  schemesSection: "schemes-section", scheme: "scheme", total: "total-savings", achievedPct: "achievedPct", controlSavings: "control-savings",
} as const;

export const SAVINGS_ROWS = { scheme: (i: number) => `scheme:${i}`, schemePrefix: "scheme:" } as const;
