/**
 * Every line of the period with its figures, for a body that publishes by line: each revenue line, group total,
 * Total Net Revenue Expenditure, transfer and the Net Budget; each capital line and the programme; each source of
 * finance and the total funding; each reserve and the reserve totals; each savings scheme and the total. Amounts exact
 * in the file's units, variances in the body's sign convention, percentages to the body's places (pctDecimals).
 *
 * Each row has stable keys: `path` (where the line is in the monitoring file, e.g. revenue.groups[0].lines[1]; for a
 * total, the path of what it adds up, e.g. revenue.groups[0]), `kind` ("line" or "total"), `name` and `ref`.
 */
import type { Decimal, Rag, Settings } from "../model/types";
import { round } from "../model/amount";
import type { Position } from "../engine/position";
import { type LineResult, type TotalResult, revenueLinePath } from "../engine/rows";
import type { ReserveBalances } from "../engine/reserves";
import type { SavingsFigures } from "../engine/savings";
import { pctPlaces } from "../engine/format";
import { previousVariances } from "../engine/previous-variances";
import { keepsColumn } from "../engine/checks";

/** A percentage to the body's places, or null. */
type Pct = (d: Decimal | null) => Decimal | null;

interface RowKeys {
  path: string;
  kind: "line" | "total";
  name: string;
  ref: string | null;
}

export interface MonitoredRow extends RowKeys {
  /** For revenue lines: the group's name; null for totals and transfers. */
  group: string | null;
  originalBudget: Decimal | null;
  revisedBudget: Decimal | null;
  actualToDate: Decimal | null;
  forecastOutturn: Decimal | null;
  variance: Decimal;
  variancePct: Decimal | null;
  rag: Rag | null;
}

/**
 * A revenue row: with its variance at the latest earlier closed period (null without one, or for a row new since), and
 * for a line whose budget is split into budget-only parts, the parts (null for every other row).
 */
export interface RevenueRow extends MonitoredRow {
  previousVariance: Decimal | null;
  budgetSplit: Array<{ name: string; revisedBudget: Decimal }> | null;
}

/** Slippage and underspend are null when the body does not keep slippage (Settings: inputs.slippage). */
export interface CapitalRow extends MonitoredRow {
  slippage: Decimal | null;
  underspend: Decimal | null;
}

/** A reserve or a reserve total: the engine's balances (opening, transfers, budgeted and forecast closing). */
export interface ReserveRow extends RowKeys, ReserveBalances {
  reserveKind: string | null;
}

/**
 * A savings scheme or the total: the engine's savings figures (planned, delivered, achieved...); delivered to date or
 * forecast further delivery null when the body does not keep it (Settings: inputs).
 */
export interface SavingsRow extends RowKeys, Omit<SavingsFigures, "deliveredToDate" | "forecastFurtherDelivery"> {
  deliveredToDate: Decimal | null;
  forecastFurtherDelivery: Decimal | null;
  category: string | null;
  status: string | null;
  rag: Rag | null;
}

export interface ReportLines {
  revenue: RevenueRow[];
  capital: CapitalRow[];
  financing: MonitoredRow[];
  reserves: ReserveRow[];
  savings: SavingsRow[];
}


function lineRow(path: string, group: string | null, r: LineResult, withRag: boolean, pct: Pct): MonitoredRow {
  const l = r.line;
  return {
    path, kind: "line", name: l.name, ref: l.ref, group,
    originalBudget: l.originalBudget, revisedBudget: l.revisedBudget, actualToDate: l.actualToDate, forecastOutturn: l.forecastOutturn,
    variance: r.variance, variancePct: pct(r.variancePct), rag: withRag ? r.rag : null,
  };
}

function totalRow(path: string, ref: string | null, t: TotalResult, withRag: boolean, pct: Pct): MonitoredRow {
  return {
    path, kind: "total", name: t.label, ref, group: null,
    originalBudget: t.originalBudget, revisedBudget: t.revisedBudget, actualToDate: t.actualToDate, forecastOutturn: t.forecastOutturn,
    variance: t.variance, variancePct: pct(t.variancePct), rag: withRag ? t.rag : null,
  };
}

const balances = (b: ReserveBalances) => ({
  openingBalance: b.openingBalance, budgetedTransfer: b.budgetedTransfer, commitments: b.commitments, actualTransfer: b.actualTransfer,
  budgetedClosing: b.budgetedClosing, forecastClosing: b.forecastClosing,
});

const saved = (s: SavingsFigures, inputs: Settings["inputs"]) => ({
  planned: s.planned,
  deliveredToDate: inputs.deliveredToDate ? s.deliveredToDate : null,
  forecastFurtherDelivery: inputs.forecastFurtherDelivery ? s.forecastFurtherDelivery : null,
  achieved: s.achieved, unachieved: s.unachieved, expectedNextYear: s.expectedNextYear,
});

/** A column the body does not keep (Settings: inputs) is blank (null) on every row, totals included, not a sum of blanks. */
function keptOnly<R extends MonitoredRow>(rows: R[], settings: Settings, area: "revenue" | "capital"): R[] {
  const original = keepsColumn(settings, "originalBudget", area), actual = keepsColumn(settings, "actualToDate", area);
  if (original && actual) return rows;
  return rows.map((r) => ({ ...r, ...(original ? {} : { originalBudget: null }), ...(actual ? {} : { actualToDate: null }) }));
}

export function reportLines(p: Position): ReportLines {
  const { model, revenue, capital, reserves, savings } = p;
  const places = pctPlaces(model.settings);
  const pct: Pct = (d) => (d === null ? null : round(d, places));
  const revenueRows: MonitoredRow[] = [];
  const splits = new Map<string, RevenueRow["budgetSplit"]>();
  revenue.groups.forEach((g, gi) => {
    g.lines.forEach((l, li) => {
      const path = revenueLinePath(gi, li);
      const split = g.group.lines[li]?.budgetSplit;
      if (split?.length) splits.set(path, split.map((s) => ({ name: s.name, revisedBudget: s.revisedBudget })));
      revenueRows.push(lineRow(path, g.group.name, l, true, pct));
    });
    revenueRows.push(totalRow(`revenue.groups[${gi}]`, g.group.ref, g.total, true, pct));
  });
  revenueRows.push(totalRow("revenue.groups", null, revenue.totalNetRevenueExpenditure, true, pct));
  revenue.transfers.forEach((l, i) => revenueRows.push(lineRow(`revenue.transfers[${i}]`, null, l, true, pct)));
  revenueRows.push(totalRow("revenue", model.revenue.netBudgetRef, revenue.netBudget, true, pct));

  const capitalRows: CapitalRow[] = capital.lines.map((l, i) => ({ ...lineRow(`capital.lines[${i}]`, null, l, true, pct), slippage: l.slippage, underspend: l.underspend }));
  capitalRows.push({ ...totalRow("capital.lines", null, capital.programme, true, pct), slippage: capital.slippage, underspend: capital.underspend });
  const financing = capital.financing.map((l, i) => lineRow(`capital.financing[${i}]`, null, l, false, pct));
  financing.push(totalRow("capital.financing", null, capital.funding, false, pct));

  // A General Fund row left blank is no general fund: not a line of zeros (paths keep the file's indexes).
  const reserveRows: ReserveRow[] = reserves.reserves.flatMap((r, i) => (r.reserve.kind === "generalFund" && r !== reserves.generalFund ? [] : [{
    path: `reserves[${i}]`, kind: "line" as const, name: r.reserve.name, ref: null, reserveKind: r.reserve.kind, ...balances(r),
  }]));
  for (const t of [reserves.earmarked, reserves.totalRevenue, reserves.totalUsable]) {
    reserveRows.push({ path: "reserves", kind: "total", name: t.label, ref: null, reserveKind: null, ...balances(t) });
  }

  const savingsRows: SavingsRow[] = savings.schemes.map((s, i) => ({
    path: `savings[${i}]`, kind: "line", name: s.scheme.scheme, ref: null, category: s.scheme.category, status: s.scheme.status, ...saved(s, model.settings.inputs), rag: s.rag,
  }));
  savingsRows.push({ path: "savings", kind: "total", name: "Total savings", ref: null, category: null, status: null, ...saved(savings, model.settings.inputs), rag: savings.rag });

  const previous = previousVariances(p);
  const revenueWithPrevious = revenueRows.map((r): RevenueRow => ({ ...r, previousVariance: previous?.byPath.get(r.path) ?? null, budgetSplit: splits.get(r.path) ?? null }));

  const s = model.settings;
  return { revenue: keptOnly(revenueWithPrevious, s, "revenue"), capital: keptOnly(capitalRows, s, "capital"), financing: keptOnly(financing, s, "capital"), reserves: reserveRows, savings: savingsRows };
}
