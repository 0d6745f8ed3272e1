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
  generalFund: ReserveResult;
  totalRevenue: ReserveTotal;
  capitalReceipts: ReserveTotal;
  totalUsable: ReserveTotal;
  generalFundPolicy: GeneralFundPosition;
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
  const generalFund = of("generalFund")[0];
  if (!generalFund) throw new Error("reserves: no General Fund Balance (kind generalFund); the loader should have refused this file");
  const { minimumPct, maximumPct } = model.settings.reservesBand;
  const pct = (v: Decimal) => pctOf(v, netBudget) ?? ZERO;
  const forecastClosing = generalFund.forecastClosing.plus(revenueFavourable);
  const forecastPct = pct(forecastClosing);
  return {
    reserves,
    earmarked: total("Total Earmarked Reserves", of("earmarked")),
    generalFund,
    totalRevenue: total("Total Revenue Reserves", [...of("earmarked"), ...of("generalFund")]),
    capitalReceipts: total("Capital Receipts Reserve", of("capitalReceipts")),
    totalUsable: total("Total Usable Reserves", reserves),
    generalFundPolicy: {
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
    },
  };
}
