/** The Capital sheet's columns, row markers and logical row keys, shared by its layout and its reader. */
export const CAPITAL_COLS = {
  name: "A", originalBudget: "B", revisedBudget: "C", actualToDate: "D", forecastOutturn: "E", variance: "F", variancePct: "G",
  slippage: "H", underspend: "I", rag: "J", ref: "K", commentary: "L", key: "M",
} as const;

export const CAPITAL_MARKERS = {
  programmeSection: "programme-section", line: "line", programme: "programme", financingSection: "financing-section",
  funding: "funding", gap: "gap", controlProgramme: "control-programme", controlFinancing: "control-financing",
} as const;

export const CAPITAL_ROWS = {
  line: (i: number) => `cline:${i}`,
  source: (i: number) => `fline:${i}`,
  linePrefix: "cline:",
  sourcePrefix: "fline:",
} as const;
