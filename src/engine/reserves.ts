/** Usable reserves: closing balances, the totals of the report, and the general fund against the policy band. */
import type { Decimal, MonitoringPeriod, Rag, Reserve, ReserveKind } from "../model/types";
import { ZERO, pctOf, sum } from "../model/amount";
import { type BandPosition, bandPosition, generalFundRag } from "./rag";

export interface ReserveBalances {
  openingBalance: Decimal;
  budgetedTransfer: Decimal;
  commitments: Decimal;
  actualTransfer: Decimal;
  /** Opening + budgeted transfer. */
  budgetedClosing: Decimal;
  /** Opening + commitments + actual transfer. */
  forecastClosing: Decimal;
}

export interface ReserveResult extends ReserveBalances {
  reserve: Reserve;
}

export interface ReserveTotal extends ReserveBalances {
  label: string;
  lineCount: number;
}

export interface GeneralFundPosition {
  /** The General Fund Balance row's budgeted closing balance (opening + budgeted transfer). */
  budgetedClosing: Decimal;
  budgetedPct: Decimal;
  budgetedBand: BandPosition;
  /** The row's forecast closing balance after the forecast revenue variance (favourable adds, adverse takes away). */
  forecastClosing: Decimal;
  forecastPct: Decimal;
  forecastBand: BandPosition;
  /** The base of both %s: the revised Net Budget. */
  netBudget: Decimal;
  minimumPct: Decimal;
  maximumPct: Decimal;
  /** The balance at the minimum and maximum of the band, in the file's units. */
  minimumBalance: Decimal;
  maximumBalance: Decimal;
  rag: Rag;
}

export interface ReservesPosition {
  reserves: ReserveResult[];
  earmarked: ReserveTotal;
  /** Null when the period has no general fund (none entered): then the reserves band is not judged. */
  generalFund: ReserveResult | null;
  totalRevenue: ReserveTotal;
  capitalReceipts: ReserveTotal;
  totalUsable: ReserveTotal;
  /** Null without a general fund: no %, no band, no RAG (a blank is not a balance of zero). */
  generalFundPolicy: GeneralFundPosition | null;
}

const INPUTS = ["openingBalance", "budgetedTransfer", "commitments", "actualTransfer"] as const;

/**
 * The period's General Fund Balance, when one was entered: a reserve of kind generalFund with at least one figure. A
 * row left wholly blank (the Reserves sheet always has the row) is no general fund, not a balance of zero.
 */
export function enteredGeneralFund(model: MonitoringPeriod): Reserve | null {
  const gf = model.reserves.find((r) => r.kind === "generalFund");
  return gf && INPUTS.some((c) => gf[c] !== null) ? gf : null;
}

function balances(r: Reserve): ReserveBalances {
  const opening = r.openingBalance ?? ZERO, budgeted = r.budgetedTransfer ?? ZERO;
  const commitments = r.commitments ?? ZERO, actual = r.actualTransfer ?? ZERO;
  return {
    openingBalance: opening, budgetedTransfer: budgeted, commitments, actualTransfer: actual,
    budgetedClosing: opening.plus(budgeted),
    forecastClosing: opening.plus(commitments).plus(actual),
  };
}

function total(label: string, rows: ReserveResult[]): ReserveTotal {
  const add = (k: keyof ReserveBalances) => sum(rows.map((r) => r[k]));
  return {
    label, lineCount: rows.length,
    openingBalance: add("openingBalance"), budgetedTransfer: add("budgetedTransfer"), commitments: add("commitments"),
    actualTransfer: add("actualTransfer"), budgetedClosing: add("budgetedClosing"), forecastClosing: add("forecastClosing"),
  };
}

/**
 * @param netBudget the revised Net Budget (base of the general fund %), non-zero (the loader ensures it)
 * @param revenueFavourable the forecast revenue variance, favourable positive
 */
export function computeReserves(model: MonitoringPeriod, netBudget: Decimal, revenueFavourable: Decimal): ReservesPosition {
  const reserves = model.reserves.map((reserve) => ({ reserve, ...balances(reserve) }));
  const of = (kind: ReserveKind) => reserves.filter((r) => r.reserve.kind === kind);
  const entered = enteredGeneralFund(model);
  const generalFund = reserves.find((r) => r.reserve === entered) ?? null;
  return {
    reserves,
    earmarked: total("Total Earmarked Reserves", of("earmarked")),
    generalFund,
    totalRevenue: total("Total Revenue Reserves", [...of("earmarked"), ...of("generalFund")]),
    capitalReceipts: total("Capital Receipts Reserve", of("capitalReceipts")),
    totalUsable: total("Total Usable Reserves", reserves),
    generalFundPolicy: generalFund && generalFundPolicy(model, generalFund, netBudget, revenueFavourable),
  };
}

/** The general fund against the reserves policy band, after the forecast revenue variance (favourable adds). */
function generalFundPolicy(model: MonitoringPeriod, generalFund: ReserveResult, netBudget: Decimal, revenueFavourable: Decimal): GeneralFundPosition {
  const { minimumPct, maximumPct } = model.settings.reservesBand;
  const pct = (v: Decimal) => pctOf(v, netBudget) ?? ZERO;
  const forecastClosing = generalFund.forecastClosing.plus(revenueFavourable);
  const forecastPct = pct(forecastClosing);
  return {
    budgetedClosing: generalFund.budgetedClosing,
    budgetedPct: pct(generalFund.budgetedClosing),
    budgetedBand: bandPosition(pct(generalFund.budgetedClosing), minimumPct, maximumPct),
    forecastClosing,
    forecastPct,
    forecastBand: bandPosition(forecastPct, minimumPct, maximumPct),
    netBudget,
    minimumPct,
    maximumPct,
    minimumBalance: netBudget.abs().times(minimumPct).div(100),
    maximumBalance: netBudget.abs().times(maximumPct).div(100),
    rag: generalFundRag(forecastPct, model.settings.reservesBand, model.settings.rag.generalFund),
  };
}
