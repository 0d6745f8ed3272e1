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
export type { Decimal };

export type Amount = Decimal;
/** An amount that may be left blank ("–"). */
export type OptionalAmount = Decimal | null;

export type Units = "£" | "£000";

export const QUARTERS = ["Q1", "Q2", "Q3", "Q4"] as const;
export const MONTHS = ["M01", "M02", "M03", "M04", "M05", "M06", "M07", "M08", "M09", "M10", "M11", "M12"] as const;
/** Q1..Q4, or M01 (April) .. M12 (March) of the financial year. */
export type PeriodId = (typeof QUARTERS)[number] | (typeof MONTHS)[number];

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

export type RevenueLine = MonitoredLine;

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
}

/** A column of a monitored table, for control totals. */
export type MonitoredColumn = "originalBudget" | "revisedBudget" | "actualToDate" | "forecastOutturn";
export type ColumnTotals = Partial<Record<MonitoredColumn, Decimal>>;
export type ReserveColumn = "openingBalance" | "budgetedTransfer" | "commitments" | "actualTransfer" | "forecastClosing";

/** Totals as published or taken from the ledger, reconciled against the computed totals. */
export interface ControlTotals {
  source: string | null;
  revenue: {
    groups: Record<string, ColumnTotals>;
    totalNetRevenueExpenditure: ColumnTotals | null;
    netBudget: ColumnTotals | null;
  } | null;
  capital: { programme: ColumnTotals | null; financing: ColumnTotals | null } | null;
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
