/**
 * A blank period with the report's structure (the lines of a police force and its PCC), for inserting
 * fresh templates. Amounts are blank (null) until the treasurer types them.
 */
import { defaultSettings } from "./defaults";
import type { CapitalLine, MonitoredLine, MonitoringPeriod, PeriodId, Reserve, SavingsScheme, Units } from "./types";

const blankLine = (name: string, ref: string | null = null): MonitoredLine => ({
  name, ref, originalBudget: null, revisedBudget: null, actualToDate: null, forecastOutturn: null, commentary: null,
});
const blankCapital = (name: string): CapitalLine => ({ ...blankLine(name), slippage: null });
const blankReserve = (name: string, kind: Reserve["kind"]): Reserve => ({
  name, kind, openingBalance: null, budgetedTransfer: null, commitments: null, actualTransfer: null, commentary: null,
});
const blankSaving = (category: string): SavingsScheme => ({
  category, scheme: category, planned: null, deliveredToDate: null, forecastFurtherDelivery: null, status: "On track",
  expectedNextYear: null, replacement: false, commentary: null,
});

export interface PeriodIdentity {
  organisation: string;
  financialYear: string;
  period: PeriodId;
  units: Units;
}

export function blankPeriod({ organisation, financialYear, period, units }: PeriodIdentity): MonitoringPeriod {
  return {
    schemaVersion: 1,
    organisation, financialYear, period, units,
    settings: defaultSettings(units),
    revenue: {
      groups: [
        { name: "Chief Constable", ref: null, commentary: null, lines: [blankLine("Income", "R1"), blankLine("Pay & Employment costs", "R2"), blankLine("Overheads", "R3"), blankLine("Capital Financing", "R4")] },
        { name: "OPCC", ref: null, commentary: null, lines: [blankLine("OPCC")] },
      ],
      transfers: [blankLine("Reserves")],
      netBudgetRef: null,
      netBudgetCommentary: null,
    },
    capital: {
      lines: ["Vehicles", "Estates Works", "ICT", "Equipment", "Slippage"].map(blankCapital),
      financing: ["Capital Receipts", "Government grants", "Other Grants", "Direct revenue contributions", "Borrowing"].map((n) => blankLine(n)),
    },
    reserves: [
      ...["Budget Management Fund", "Police and Crime Plan Reserve", "Violence Reduction Reserve", "OPCC Legal Reserve", "OPCC Reserve",
        "Regional Collaboration Reserve", "Forensic Capability Network Reserve", "Workforce Change Reserve", "Learning & Development Reserve",
        "PEQF Reserve"].map((n) => blankReserve(n, "earmarked")),
      blankReserve("General Fund Balance", "generalFund"),
      blankReserve("Capital Receipts Reserve", "capitalReceipts"),
    ],
    savings: ["Efficiency Savings", "Service Changes", "Service Reviews"].map(blankSaving),
    history: [],
    controlTotals: null,
  };
}
