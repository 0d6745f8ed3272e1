/**
 * The monitoring model: one period of one body's financial monitoring.
 *
 * Amounts are `Decimal` (decimal.js) in the file's units (`£` or `£000`), never JS numbers.
 * Sign convention of the inputs (the report's): expenditure positive; income and transfers
 * from reserves negative. How a *variance* is signed is a setting (see `SignConvention`);
 * inputs never contain variances, so switching the convention changes outputs only.
 *
 * `null` means "not entered" (shown as – in the report). The loader rejects a missing field;
 * a field present but null is accepted and the engine raises a check where a value is required.
 */
import type Decimal from "decimal.js";
import type { Workforce } from "./workforce";
import type { GrantBandSlot } from "./settings/registry";
export type { Decimal };

export type Amount = Decimal;
/** An amount that may be left blank ("–"). */
export type OptionalAmount = Decimal | null;

export type Units = "£" | "£000";

export const QUARTERS = ["Q1", "Q2", "Q3", "Q4"] as const;
export const MONTHS = ["M01", "M02", "M03", "M04", "M05", "M06", "M07", "M08", "M09", "M10", "M11", "M12"] as const;
/** The year-end periods: the provisional outturn, then the final outturn (after the accounts close). */
export const YEAR_END = ["PO", "FO"] as const;
/** Q1..Q4, M01 (April) .. M12 (March) of the financial year, or the year end: PO (provisional outturn), FO (final outturn). */
export type PeriodId = (typeof QUARTERS)[number] | (typeof MONTHS)[number] | (typeof YEAR_END)[number];

/**
 * - `budget-minus-forecast`: variance = revised budget − forecast outturn; favourable positive,
 *   adverse shown in brackets (the report's convention, the default).
 * - `forecast-minus-budget`: variance = forecast outturn − revised budget; overspend positive.
 */
export type SignConvention = "budget-minus-forecast" | "forecast-minus-budget";

export type Rag = "Red" | "Amber" | "Green";

/** A threshold on an adverse variance: an absolute amount (file units) and/or a % of the absolute budget. */
export interface Threshold {
  amount: Decimal | null;
  pct: Decimal | null;
}

/**
 * RAG rule for a revenue variance. A variance is Red when its adverse size reaches `red`, Amber when it
 * reaches `amber`. With both an amount and a % set, `combine` says which of the two limits applies:
 * `lower` flags as soon as either is reached, `higher` only when both are.
 */
export interface VarianceRagRule {
  amber: Threshold;
  red: Threshold;
  combine: "lower" | "higher";
  /** Favourable variances are Green unless this is false (then they are judged by size like adverse ones). */
  favourableIsGreen: boolean;
}

export interface RagSettings {
  revenueLine: VarianceRagRule;
  revenueGroup: VarianceRagRule;
  /** The total (net budget): % of the net budget. */
  revenueTotal: VarianceRagRule;
  /** Each revenue line's variance to date, against its profiled budget to date. */
  yearToDate: VarianceRagRule;
  /** General fund forecast % of net budget: Red below the minimum; Amber within `warningMarginPct` points above it, or above the maximum. */
  generalFund: { warningMarginPct: Decimal };
  /** Capital: overspend of the programme as % of revised budget, and slippage as % of revised budget. */
  capital: { overspendAmberPct: Decimal; overspendRedPct: Decimal; slippageAmberPct: Decimal; slippageRedPct: Decimal };
  /** Savings: % of planned savings achieved (delivered + forecast). Green at or above greenPct, Amber at or above amberPct, else Red. */
  savings: { greenPct: Decimal; amberPct: Decimal };
  /** Workforce: strength against establishment, either way, as % of the establishment. */
  workforce: { amberPct: Decimal; redPct: Decimal };
}

export interface Settings {
  signConvention: SignConvention;
  /** Reserves policy band for the general fund as % of the net budget. */
  reservesBand: { minimumPct: Decimal; maximumPct: Decimal };
  /** A line's variance at or above this size (file units) needs commentary. */
  materiality: Decimal;
  rag: RagSettings;
  /** How many decimal places percentages are shown to (0 to 3), each rounded once from the exact figure. */
  pctDecimals: Decimal;
  /** Year to date: flag a line whose actual to date is this % or more off its profiled budget to date. */
  yearToDate: { paceWarningPct: Decimal | null };
  /** Forecast assist: flag a forecast this far (file units) from a projection; null: the commentary materiality. */
  assist: { materialityAmount: Decimal | null };
  /**
   * Which optional inputs the body keeps (true: shown and asked for; false: hidden and never asked for, and blank, not
   * zero): revenue and capital original budget and actual to date, savings delivered to date and forecast further
   * delivery, capital slippage, capital financing.
   */
  inputs: {
    originalBudget: boolean; actualToDate: boolean;
    deliveredToDate: boolean; forecastFurtherDelivery: boolean; slippage: boolean; capitalFinancing: boolean;
    /** The Capital sheet's own original budget and actual to date columns; null: as originalBudget and actualToDate. */
    capitalOriginalBudget: boolean | null; capitalActualToDate: boolean | null;
  };
  /** The kind of body, and the name of the board or committee that reviews the monitoring (null: the kind's usual one). */
  body: { kind: "police" | "fire" | "council" | "other"; board: string | null };
  /** How negative figures are shown in tables, the sheets and the slides: (2,307) or -2,307. */
  negativeStyle: "brackets" | "minus";
  /** "an adverse variance of £2.307m" or "an overspend of £2.307m". */
  varianceWording: "favourable-adverse" | "underspend-overspend";
  /** The officer grant's withholding bands (issue 14), a table of six rows: see GRANT_BAND_SLOTS in settings/registry.ts. */
  grantBands: Record<GrantBandSlot, { fromPct: Decimal | null; toPct: Decimal | null; withheldPct: Decimal | null }>;
  /** The scheme of consent (issue 15): a virement above `approvalAbove` (file units; null: every one) needs an approval, naming `approver` when set. */
  virements: { approvalAbove: Decimal | null; approver: string | null };
}

export interface MonitoredLine {
  name: string;
  ref: string | null;
  originalBudget: OptionalAmount;
  revisedBudget: OptionalAmount;
  actualToDate: OptionalAmount;
  forecastOutturn: OptionalAmount;
  commentary: string | null;
}

/**
 * How a revenue line's annual budget falls across the twelve months of the financial year (April first), for the
 * budget to date:
 * - `flat`: twelfths (the default when a line has no profile);
 * - `custom`: twelve percentages of the annual budget, April first, summing to exactly 100;
 * - `lastYear`: the shape of last year's monthly actuals (the line's `lastYearMonthly`);
 * - `payLike`: flat, with the pay award (`awardPct` %) paid from month `awardFromMonth` (1 = April) onwards.
 */
export type BudgetProfile =
  | { kind: "flat" }
  | { kind: "custom"; monthlyPct: Decimal[] }
  | { kind: "lastYear" }
  | { kind: "payLike"; awardFromMonth: number; awardPct: Decimal };

/** A part of a line's budget shown on its own, with no forecast of its own: the line's forecast covers the parts. */
export interface BudgetPart {
  name: string;
  revisedBudget: Decimal;
}

export interface RevenueLine extends MonitoredLine {
  /**
   * The line's revised budget split into parts that carry a budget only (a PCC's and the force's budgets under one
   * projected outturn); the parts add up to the line's revised budget. Absent or null: no split.
   */
  budgetSplit?: BudgetPart[] | null;
  /** How the budget is profiled over the year; absent or null: flat. */
  profile?: BudgetProfile | null;
  /** Last year's actuals month by month (April first, twelve amounts), when known: for a `lastYear` profile and last year's pattern. */
  lastYearMonthly?: Decimal[] | null;
  /**
   * Commitments: orders raised (purchase orders) not yet paid, in the file's units. Absent or null: none entered (not
   * zero). They never change the forecast outturn or the variance: the forecast is the budget holder's judgement, and
   * commitments inform it; "spent and committed" is the actual to date plus them.
   */
  commitments?: OptionalAmount;
}

export interface RevenueGroup {
  name: string;
  /** Ref printed on the group's total row (e.g. R5). */
  ref: string | null;
  commentary: string | null;
  lines: RevenueLine[];
}

export interface Revenue {
  /** Groups adding up to Total Net Revenue Expenditure. */
  groups: RevenueGroup[];
  /** Transfers to/(from) reserves, below Total Net Revenue Expenditure; with it they make the Net Budget. */
  transfers: RevenueLine[];
  /** Ref and commentary printed on the Net Budget row. */
  netBudgetRef: string | null;
  netBudgetCommentary: string | null;
}

export interface CapitalLine extends MonitoredLine {
  /**
   * The part of this line's budget slipping into next year (positive = slipping). The rest of the
   * favourable variance is underspend. Not a variance: it does not change with the sign convention.
   */
  slippage: OptionalAmount;
}

export type FinancingSource = MonitoredLine;

export interface Capital {
  lines: CapitalLine[];
  financing: FinancingSource[];
}

export type ReserveKind = "earmarked" | "generalFund" | "capitalReceipts";

export interface Reserve {
  name: string;
  kind: ReserveKind;
  openingBalance: OptionalAmount;
  /** Budgeted transfer to/(from) the reserve for the year. */
  budgetedTransfer: OptionalAmount;
  /** Transfers committed but not yet made. */
  commitments: OptionalAmount;
  /** Transfers made so far. */
  actualTransfer: OptionalAmount;
  /**
   * The forecast closing balance, when the body publishes balances rather than movements. With commitments and the
   * actual transfer blank, the year's movement (closing − opening) is derived; with them given they must add up to it.
   */
  forecastClosing?: OptionalAmount;
  commentary: string | null;
}

export const SAVINGS_STATUSES = ["Delivered", "On track", "At risk", "Delayed", "Not taken forward"] as const;
export type SavingsStatus = (typeof SAVINGS_STATUSES)[number];

export interface SavingsScheme {
  category: string;
  scheme: string;
  planned: OptionalAmount;
  deliveredToDate: OptionalAmount;
  forecastFurtherDelivery: OptionalAmount;
  status: SavingsStatus;
  /** Of the unachieved amount, how much is expected to deliver next year. */
  expectedNextYear: OptionalAmount;
  /** A new saving replacing one no longer taken forward (usually has no planned amount). */
  replacement: boolean;
  commentary: string | null;
}

/**
 * Key figures of a closed period, kept so later periods show movement and last period's RAG.
 * Stored as budget and forecast, not as variances, so they do not depend on the sign convention.
 */
export interface PeriodSnapshot {
  period: PeriodId;
  revenue: { revisedBudget: Decimal; forecastOutturn: Decimal; rag: Rag | null };
  capital: { revisedBudget: Decimal; forecastOutturn: Decimal; slippage: Decimal | null; rag: Rag | null } | null;
  generalFund: { forecastClosing: Decimal; forecastPct: Decimal; rag: Rag | null } | null;
  savings: { planned: Decimal; achieved: Decimal; rag: Rag | null } | null;
  /** ISO date the period was closed, when known. */
  closedOn: string | null;
  /**
   * Each revenue line's revised budget and forecast when the period was closed (by group and line name), for the
   * movement by line and each line's previous variance; absent in snapshots closed before Outturn kept them.
   */
  lines?: SnapshotLine[];
  /** The same of each transfer to or from reserves (by name), for its previous variance; absent in older snapshots. */
  transfers?: SnapshotTransfer[];
  /** The workforce's totals (all groups, FTE) when the period was closed, for strength by period; absent or null: none kept. */
  workforce?: SnapshotWorkforce | null;
}

export interface SnapshotWorkforce {
  establishmentFte: Decimal;
  /** Strength at the period end. */
  actualFte: Decimal;
  /** Forecast strength at the year end, as forecast then. */
  forecastFte: Decimal;
}

export type SnapshotTransfer = Omit<SnapshotLine, "group">;

export interface SnapshotLine {
  group: string;
  name: string;
  revisedBudget: Decimal;
  forecastOutturn: Decimal;
}

/** A column of a monitored table, for control totals. */
export type MonitoredColumn = "originalBudget" | "revisedBudget" | "actualToDate" | "forecastOutturn";
/**
 * Published variance and variance % (in the body's sign convention; the % as percent, 1.34 for 1.34%), reconciled
 * like the amounts: a difference within rounding is info, more an error.
 */
export type ControlColumn = MonitoredColumn | "variance" | "variancePct";
export type ColumnTotals = Partial<Record<ControlColumn, Decimal>>;
/** A line's published variance and %, by the line's name. */
export type LineControls = Partial<Record<"variance" | "variancePct", Decimal>>;
export type ReserveColumn = "openingBalance" | "budgetedTransfer" | "commitments" | "actualTransfer" | "forecastClosing";

/** Totals as published or taken from the ledger, reconciled against the computed totals. */
export interface ControlTotals {
  source: string | null;
  revenue: {
    groups: Record<string, ColumnTotals>;
    totalNetRevenueExpenditure: ColumnTotals | null;
    netBudget: ColumnTotals | null;
    /** Per revenue line or transfer name (a name used in two groups cannot be given here). */
    lines?: Record<string, LineControls>;
  } | null;
  capital: { programme: ColumnTotals | null; financing: ColumnTotals | null; lines?: Record<string, LineControls> } | null;
  /** Per reserve name, and the totals ("Total Earmarked Reserves", "Total Revenue Reserves", "Total Usable Reserves"). */
  reserves: Record<string, Partial<Record<ReserveColumn, Decimal>>> | null;
  savings: { planned: Decimal | null; achieved: Decimal | null } | null;
}

export interface MonitoringPeriod {
  schemaVersion: 1;
  organisation: string;
  /** e.g. "2024/25" */
  financialYear: string;
  period: PeriodId;
  units: Units;
  settings: Settings;
  revenue: Revenue;
  capital: Capital;
  reserves: Reserve[];
  savings: SavingsScheme[];
  /** Earlier closed periods of the same year, oldest first. */
  history: PeriodSnapshot[];
  /** Workforce numbers and the officer target (issue 14); optional: a period without them has none. */
  workforce?: Workforce | null;
  controlTotals: ControlTotals | null;
}
