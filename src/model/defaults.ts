/**
 * Documented default settings. Absolute thresholds are set in pounds here and converted to the file's
 * units, so a £000 workbook and a £ workbook get the same rules.
 */
import type { Decimal, Settings, Units, VarianceRagRule } from "./types";
import { D } from "./amount";

/** How many pounds one unit of the file is. */
export function poundsPerUnit(units: Units): Decimal {
  return new D(units === "£000" ? 1000 : 1);
}

function pounds(value: number, units: Units): Decimal {
  return new D(value).div(poundsPerUnit(units));
}

function rule(amber: [number | null, number | null], red: [number | null, number | null], combine: "lower" | "higher", units: Units): VarianceRagRule {
  const threshold = ([amount, pct]: [number | null, number | null]) => ({
    amount: amount === null ? null : pounds(amount, units),
    pct: pct === null ? null : new D(pct),
  });
  return { amber: threshold(amber), red: threshold(red), combine, favourableIsGreen: true };
}

/**
 * - Revenue lines: Amber at an adverse variance of £250k or 1% of the line's budget, Red at £500k or 2%,
 *   whichever is higher (small lines are not flagged for pennies, large lines not for rounding).
 * - Revenue groups: Amber at £500k or 0.5%, Red at £1m or 1%, whichever is higher.
 * - Revenue total: Green when favourable or adverse under 0.5% of the net budget, Amber from 0.5%, Red from 1%.
 * - General fund: Red below the band's minimum; Amber within 0.5 points above the minimum, or above the maximum.
 * - Capital: any overspend of the programme Amber, from 2% Red; slippage Amber from 10% of the revised budget, Red from 20%.
 * - Savings: Green from 95% of planned savings achieved, Amber from 80%, Red below.
 * - Reserves band 3% to 5% of the net budget; commentary needed from a variance of £100k.
 */
export function defaultSettings(units: Units): Settings {
  return {
    signConvention: "budget-minus-forecast",
    reservesBand: { minimumPct: new D(3), maximumPct: new D(5) },
    materiality: pounds(100_000, units),
    rag: {
      revenueLine: rule([250_000, 1], [500_000, 2], "higher", units),
      revenueGroup: rule([500_000, 0.5], [1_000_000, 1], "higher", units),
      revenueTotal: rule([null, 0.5], [null, 1], "lower", units),
      generalFund: { warningMarginPct: new D(0.5) },
      capital: { overspendAmberPct: new D(0), overspendRedPct: new D(2), slippageAmberPct: new D(10), slippageRedPct: new D(20) },
      savings: { greenPct: new D(95), amberPct: new D(80) },
    },
  };
}
