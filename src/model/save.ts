/**
 * The model back to the JSON document of the schema, the inverse of load.ts. Decimals stay Decimals here;
 * toJsonText (src/model/json-text.ts) writes them as exact JSON numbers.
 */
import type { BudgetProfile, Decimal, MonitoredLine, MonitoringPeriod, RevenueLine } from "./types";
import { settingsDocument } from "./settings/values";

export { settingsDocument };

type Doc = Record<string, unknown>;

const line = (l: MonitoredLine): Doc => ({
  name: l.name, ref: l.ref, originalBudget: l.originalBudget, revisedBudget: l.revisedBudget,
  actualToDate: l.actualToDate, forecastOutturn: l.forecastOutturn, commentary: l.commentary,
});
/** A revenue line: its profile, last year's months and commitments only when it has them, so files without them round-trip unchanged. */
const revenueLine = (l: RevenueLine): Doc => ({
  ...line(l),
  ...(l.profile ? { profile: profileDocument(l.profile) } : {}),
  ...(l.lastYearMonthly ? { lastYearMonthly: l.lastYearMonthly } : {}),
  ...(l.budgetSplit ? { budgetSplit: l.budgetSplit.map((p) => ({ ...p })) } : {}),
  ...(l.commitments ? { commitments: l.commitments } : {}),
});
const profileDocument = (p: BudgetProfile): Doc => ({ ...p });
const defined = (o: Record<string, Decimal | undefined>): Doc => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

export function modelToDocument(m: MonitoringPeriod): Doc {
  const ct = m.controlTotals;
  return {
    schemaVersion: 1,
    organisation: m.organisation,
    financialYear: m.financialYear,
    period: m.period,
    units: m.units,
    settings: settingsDocument(m.settings),
    revenue: {
      groups: m.revenue.groups.map((g) => ({ name: g.name, ref: g.ref, commentary: g.commentary, lines: g.lines.map(revenueLine) })),
      transfers: m.revenue.transfers.map(line),
      netBudgetRef: m.revenue.netBudgetRef,
      netBudgetCommentary: m.revenue.netBudgetCommentary,
    },
    capital: {
      lines: m.capital.lines.map((l) => ({ ...line(l), slippage: l.slippage })),
      financing: m.capital.financing.map(line),
    },
    reserves: m.reserves.map((r) => ({
      name: r.name, kind: r.kind, openingBalance: r.openingBalance, budgetedTransfer: r.budgetedTransfer,
      commitments: r.commitments, actualTransfer: r.actualTransfer,
      ...(r.forecastClosing === undefined ? {} : { forecastClosing: r.forecastClosing }), commentary: r.commentary,
    })),
    savings: m.savings.map((s) => ({ ...s })),
    history: m.history.map((h) => ({
      period: h.period, closedOn: h.closedOn,
      revenue: { ...h.revenue },
      capital: h.capital && { ...h.capital },
      generalFund: h.generalFund && { ...h.generalFund },
      savings: h.savings && { ...h.savings },
      ...(h.lines ? { lines: h.lines.map((l) => ({ ...l })) } : {}),
      ...(h.transfers ? { transfers: h.transfers.map((l) => ({ ...l })) } : {}),
      ...(h.workforce ? { workforce: { ...h.workforce } } : {}),
    })),
    ...(m.workforce ? { workforce: { groups: m.workforce.groups, officerTarget: m.workforce.officerTarget, ...(m.workforce.overtime.length ? { overtime: m.workforce.overtime } : {}) } } : {}),
    controlTotals: ct && {
      source: ct.source,
      revenue: ct.revenue && {
        groups: Object.fromEntries(Object.entries(ct.revenue.groups).map(([k, v]) => [k, defined(v)])),
        ...(ct.revenue.totalNetRevenueExpenditure ? { totalNetRevenueExpenditure: defined(ct.revenue.totalNetRevenueExpenditure) } : {}),
        ...(ct.revenue.netBudget ? { netBudget: defined(ct.revenue.netBudget) } : {}),
        ...(ct.revenue.lines ? { lines: Object.fromEntries(Object.entries(ct.revenue.lines).map(([k, v]) => [k, defined(v)])) } : {}),
      },
      capital: ct.capital && {
        ...(ct.capital.programme ? { programme: defined(ct.capital.programme) } : {}),
        ...(ct.capital.financing ? { financing: defined(ct.capital.financing) } : {}),
        ...(ct.capital.lines ? { lines: Object.fromEntries(Object.entries(ct.capital.lines).map(([k, v]) => [k, defined(v)])) } : {}),
      },
      reserves: ct.reserves && Object.fromEntries(Object.entries(ct.reserves).map(([k, v]) => [k, defined(v)])),
      savings: ct.savings && { ...ct.savings },
    },
  };
}
