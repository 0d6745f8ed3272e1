/** The Workforce sheet's columns, row markers and logical row keys, shared by its layout and its reader. */
import type { WorkforceKind } from "../../../model/workforce";

/**
 * Strength by group: the inputs (group, kind, establishment, strength, headcount), then the figures worked out
 * (joiners and leavers to the year end, the forecast, the variances and the RAG), then the monthly joiners (N..Y) and
 * leavers (Z..AK), April first.
 */
export const WORKFORCE_COLS = {
  name: "A", kind: "B", establishmentFte: "C", actualFte: "D", headcount: "E", joiners: "F", leavers: "G", forecastFte: "H",
  varianceFte: "I", variancePct: "J", forecastVarianceFte: "K", forecastVariancePct: "L", rag: "M", key: "AL",
} as const;
export const JOINER_COLS = ["N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y"] as const;
export const LEAVER_COLS = ["Z", "AA", "AB", "AC", "AD", "AE", "AF", "AG", "AH", "AI", "AJ", "AK"] as const;

/** The officer target block: a label in A, its value in B. */
export const TARGET_VALUE_COL = "B";
/**
 * The overtime table: group, reason, budget, actual to date, forecast, variance, % and RAG; then (added later, so a
 * sheet written before them still reads) the budget to date, the variance to date, the part recharged to others, the
 * variance to date net of it, and the Revenue line the budget and forecast come from.
 */
export const OVERTIME_COLS = {
  group: "A", reason: "B", budget: "C", actualToDate: "D", forecast: "E", variance: "F", variancePct: "G", rag: "H",
  budgetToDate: "I", varianceToDate: "J", recharged: "K", netVarianceToDate: "L", revenueLine: "M",
} as const;

/** A group's kind as the sheet's drop-down shows it. */
export const KIND_WORDS: Record<WorkforceKind, string> = { officers: "Police officers", pcsos: "PCSOs", staff: "Police staff", specials: "Specials" };

export const TARGET_FIELDS = ["countDate", "targetHeadcount", "forecastOverride", "forecastHeadcount", "gap", "achievedPct", "grant", "withheldPct", "grantAtRisk"] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

export const WORKFORCE_MARKERS = {
  strengthSection: "strength-section", group: "wf-group", total: "wf-total", targetSection: "target-section",
  target: (field: TargetField) => `target:${field}`, targetPrefix: "target:",
  overtimeSection: "overtime-section", overtimeHeader: "overtime-header", overtimeUnits: "overtime-units", overtime: "overtime", overtimeTotal: "overtime-total", note: "wf-note",
} as const;

export const WORKFORCE_ROWS = {
  group: (i: number) => `wf-group:${i}`, groupPrefix: "wf-group:",
  overtime: (i: number) => `overtime:${i}`, overtimePrefix: "overtime:",
} as const;

export const WORKFORCE_TITLE = "Workforce and overtime";

/** FTE and headcount: up to 2 places shown (the cell keeps what was typed, up to 6). */
export const FTE_FORMAT = "#,##0.##;(#,##0.##);\"–\"";
