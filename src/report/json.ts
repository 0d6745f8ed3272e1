/**
 * The period's position as the report JSON of `outturn report --json`: amounts exact in the file's units,
 * variances in the body's sign convention, percentages to the body's places (Settings: pctDecimals, 2 by default), RAG
 * as "Red", "Amber" or "Green".
 */
import type { Decimal, Rag } from "../model/types";
import { round } from "../model/amount";
import type { Position } from "../engine/position";
import type { OvertimeTotal, StrengthFigures, WorkforcePosition } from "../engine/workforce";
import { narrative } from "../narrative/narrative";
import { pctPlaces } from "../engine/format";
import { periodErrors } from "./errors";
import { type ReportLines, reportLines } from "./lines";
import { type YearToDateJson, yearToDateJson } from "./year-to-date";
import { type LineMovements, lineMovements } from "../engine/line-movements";
import { trendOf } from "../engine/trend";
import { bridgeOf } from "../engine/bridge";
import { type CommitmentRow, commitmentsOf } from "../engine/commitments";

export interface ReportCheck { id: string; severity: string; message: string; where: string }

export interface ReportJson {
  /**
   * False when the period has an error check (a bad input cell, a broken formula, a structural error): the figures
   * leave out what those cells hold and must not be used as the position. `errors` lists them with their place.
   */
  complete: boolean;
  errors: ReportCheck[];
  organisation: string;
  financialYear: string;
  period: string;
  units: string;
  signConvention: string;
  revenue: {
    originalBudget: Decimal; revisedBudget: Decimal; actualToDate: Decimal; forecastOutturn: Decimal;
    variance: Decimal; variancePct: Decimal | null; rag: Rag;
    movementSincePrevious: Decimal | null; previousPeriod: string | null; previousVariance: Decimal | null; previousRag: Rag | null;
    totalNetRevenueExpenditure: { revisedBudget: Decimal; forecastOutturn: Decimal; variance: Decimal };
  };
  capital: {
    originalBudget: Decimal; revisedBudget: Decimal; actualToDate: Decimal; forecastOutturn: Decimal;
    /** Null when the body does not keep slippage (Settings: inputs.slippage): the variance is not split. */
    variance: Decimal; slippage: Decimal | null; underspend: Decimal | null; slippagePct: Decimal | null; rag: Rag;
    /** Null when the body does not keep its capital financing (Settings: inputs.capitalFinancing). */
    funding: { revisedBudget: Decimal; forecastOutturn: Decimal } | null;
  };
  reserves: {
    /** Null when no general fund was entered: the band is not judged. */
    generalFund: {
      opening: Decimal; budgetedClosing: Decimal; budgetedPct: Decimal; forecastClosing: Decimal; forecastPct: Decimal;
      band: string; minimumPct: Decimal; maximumPct: Decimal; rag: Rag;
    } | null;
    totalEarmarkedClosing: Decimal;
    totalRevenueClosing: Decimal;
    totalUsableOpening: Decimal;
    totalUsableClosing: Decimal;
  };
  savings: { planned: Decimal; achieved: Decimal; unachieved: Decimal; achievedPct: Decimal | null; expectedNextYear: Decimal; rag: Rag };
  /** Only when the period has workforce figures: each group's strength against establishment, and the officer target. */
  workforce?: WorkforceJson;
  /**
   * Only when a revenue line has commitments entered (orders raised, not yet paid): each line's and group's commitments
   * and spent and committed (actual to date + commitments), and Total Net Revenue Expenditure's. Not in the forecast.
   */
  commitments?: { lines: CommitmentRow[]; total: CommitmentRow };
  /** Every line, group and total with its figures, variance, % and RAG (src/report/lines.ts). */
  lines: ReportLines;
  /** Each revenue line's budget profiled to date, variance to date and projections (src/report/year-to-date.ts). */
  yearToDate: YearToDateJson;
  /** Each revenue line's variance now and at the latest earlier closed period, the largest movement first; null without one. */
  movementsByLine: { since: string; lines: Array<Omit<LineMovements["lines"][number], "favourable">> } | null;
  /**
   * The year so far: each earlier closed period (months and quarters, oldest first), then this one: the Net Budget's
   * forecast variance (body's convention), its %, the movement since the period before, the general fund % (null
   * where none was recorded) and the revenue RAG.
   */
  trend: TrendJson[];
  /**
   * From the forecast variance at the latest earlier closed period to this one: the largest changes by line (the
   * transfers as one), and the rest added into `other`, so from + steps + other = to exactly; null without such a period.
   */
  bridge: BridgeJson | null;
  checks: ReportCheck[];
  /** The narrative paragraphs in the published style: revenue, general fund and reserves, capital, savings. */
  narrative: string[];
}

export interface TrendJson {
  period: string; closed: boolean; revisedBudget: Decimal; forecastOutturn: Decimal; forecastVariance: Decimal; variancePct: Decimal | null;
  movement: Decimal | null; generalFundClosing: Decimal | null; generalFundPct: Decimal | null; revenueRag: Rag | null;
  /** The workforce's totals (FTE) at the period; absent where none was kept. */
  workforce?: { establishmentFte: Decimal; actualFte: Decimal; forecastFte: Decimal };
}

export interface BridgeJson {
  since: string; from: Decimal; to: Decimal;
  steps: Array<{ name: string; kind: string; path: string | null; movement: Decimal }>;
  other: { count: number; movement: Decimal } | null;
}

export interface StrengthJson {
  establishmentFte: Decimal; actualFte: Decimal; headcount: Decimal; joiners: Decimal; leavers: Decimal; forecastFte: Decimal;
  varianceFte: Decimal; variancePct: Decimal | null; forecastVarianceFte: Decimal; forecastVariancePct: Decimal | null;
  /** Null: not yet entered (a group without its establishment or strength; the total while any group is), not judged. */
  rag: Rag | null;
}

export interface WorkforceJson {
  groups: Array<{ name: string; kind: string } & StrengthJson>;
  total: StrengthJson;
  /** The groups not yet entered (no establishment or no strength typed), by name: the total has no RAG while any is. */
  notEntered: string[];
  officerTarget: {
    countDate: string; targetHeadcount: Decimal; forecastHeadcount: Decimal; gap: Decimal; achievedPct: Decimal | null;
    grant: Decimal; withheldPct: Decimal | null; grantAtRisk: Decimal | null;
  } | null;
  /** Only when the period has overtime lines: each line and the total, variances in the body's convention. */
  overtime?: {
    /** A figure not entered is null. */
    lines: Array<{
      group: string; reason: string; budget: Decimal | null; actualToDate: Decimal | null; forecast: Decimal | null; variance: Decimal; variancePct: Decimal | null; rag: Rag | null;
      budgetToDate: Decimal | null; varianceToDate: Decimal | null; recharged: Decimal | null; netVarianceToDate: Decimal | null; revenueLine: string | null;
    }>;
    /** Each group's lines summed (every reason of "Police officers", say), in the order the groups first appear. */
    byGroup: Array<{ group: string } & OvertimeJson>;
    total: OvertimeJson;
  };
}

/** varianceToDate and netVarianceToDate are null when no line keeps a budget to date. */
interface OvertimeJson {
  budget: Decimal; actualToDate: Decimal; forecast: Decimal; variance: Decimal; variancePct: Decimal | null;
  budgetToDate: Decimal; varianceToDate: Decimal | null; recharged: Decimal; netVarianceToDate: Decimal | null;
}

function workforceJson(w: WorkforcePosition, pct: (d: Decimal | null) => Decimal | null): WorkforceJson {
  const strength = (f: StrengthFigures): StrengthJson => ({
    establishmentFte: f.establishmentFte, actualFte: f.actualFte, headcount: f.headcount, joiners: f.joiners, leavers: f.leavers, forecastFte: f.forecastFte,
    varianceFte: f.varianceFte, variancePct: pct(f.variancePct), forecastVarianceFte: f.forecastVarianceFte, forecastVariancePct: pct(f.forecastVariancePct), rag: f.rag,
  });
  const t = w.target;
  return {
    groups: w.groups.map((g) => ({ name: g.group.name, kind: g.group.kind, ...strength(g) })),
    total: strength(w),
    notEntered: w.notEntered,
    officerTarget: t && {
      countDate: t.target.countDate, targetHeadcount: t.target.targetHeadcount, forecastHeadcount: t.forecastHeadcount, gap: t.gap,
      achievedPct: pct(t.achievedPct), grant: t.target.grant, withheldPct: t.band?.withheldPct ?? null, grantAtRisk: t.grantAtRisk,
    },
    ...(w.overtimeTotal ? {
      overtime: {
        lines: w.overtime.map((o) => ({
          group: o.line.group, reason: o.line.reason, budget: o.line.budget, actualToDate: o.line.actualToDate, forecast: o.line.forecast,
          variance: o.variance, variancePct: pct(o.variancePct), rag: o.rag,
          budgetToDate: o.line.budgetToDate ?? null, varianceToDate: o.varianceToDate, recharged: o.line.recharged ?? null, netVarianceToDate: o.netVarianceToDate, revenueLine: o.line.revenueLine ?? null,
        })),
        byGroup: w.overtimeByGroup.map((g) => ({ group: g.group, ...overtimeJson(g, pct) })),
        total: overtimeJson(w.overtimeTotal, pct),
      },
    } : {}),
  };
}

function overtimeJson(t: OvertimeTotal, pct: (d: Decimal | null) => Decimal | null): OvertimeJson {
  return {
    budget: t.budget, actualToDate: t.actualToDate, forecast: t.forecast, variance: t.variance, variancePct: pct(t.variancePct),
    budgetToDate: t.budgetToDate, varianceToDate: t.varianceToDate, recharged: t.recharged, netVarianceToDate: t.netVarianceToDate,
  };
}

const reportCheck = ({ id, severity, message, where }: ReportCheck): ReportCheck => ({ id, severity, message, where });


export function reportJson(p: Position): ReportJson {
  const { model, revenue, capital, reserves, savings, movement } = p;
  const nb = revenue.netBudget, gf = reserves.generalFundPolicy;
  const errors = periodErrors(p).map(reportCheck);
  // Percentages to the body's places, each rounded once from the exact figure.
  const places = pctPlaces(model.settings);
  const pct = (d: Decimal | null) => (d === null ? null : round(d, places));
  return {
    complete: errors.length === 0,
    errors,
    organisation: model.organisation,
    financialYear: model.financialYear,
    period: model.period,
    units: model.units,
    signConvention: model.settings.signConvention,
    revenue: {
      originalBudget: nb.originalBudget, revisedBudget: nb.revisedBudget, actualToDate: nb.actualToDate, forecastOutturn: nb.forecastOutturn,
      variance: nb.variance, variancePct: pct(nb.variancePct), rag: nb.rag,
      movementSincePrevious: movement?.revenueVariance ?? null,
      previousPeriod: movement?.previous.period ?? null,
      previousVariance: movement?.previousRevenueVariance ?? null,
      previousRag: movement?.previous.revenue.rag ?? null,
      totalNetRevenueExpenditure: {
        revisedBudget: revenue.totalNetRevenueExpenditure.revisedBudget,
        forecastOutturn: revenue.totalNetRevenueExpenditure.forecastOutturn,
        variance: revenue.totalNetRevenueExpenditure.variance,
      },
    },
    capital: {
      originalBudget: capital.programme.originalBudget, revisedBudget: capital.programme.revisedBudget,
      actualToDate: capital.programme.actualToDate, forecastOutturn: capital.programme.forecastOutturn,
      variance: capital.programme.variance, slippage: capital.slippage, underspend: capital.underspend,
      slippagePct: pct(capital.slippagePct), rag: capital.rag,
      funding: model.settings.inputs.capitalFinancing ? { revisedBudget: capital.funding.revisedBudget, forecastOutturn: capital.funding.forecastOutturn } : null,
    },
    reserves: {
      generalFund: gf && reserves.generalFund && {
        opening: reserves.generalFund.openingBalance,
        budgetedClosing: gf.budgetedClosing, budgetedPct: round(gf.budgetedPct, places),
        forecastClosing: gf.forecastClosing, forecastPct: round(gf.forecastPct, places),
        band: gf.forecastBand, minimumPct: gf.minimumPct, maximumPct: gf.maximumPct, rag: gf.rag,
      },
      totalEarmarkedClosing: reserves.earmarked.forecastClosing,
      totalRevenueClosing: reserves.totalRevenue.forecastClosing,
      totalUsableOpening: reserves.totalUsable.openingBalance,
      totalUsableClosing: reserves.totalUsable.forecastClosing,
    },
    savings: {
      planned: savings.planned, achieved: savings.achieved, unachieved: savings.unachieved,
      achievedPct: pct(savings.achievedPct), expectedNextYear: savings.expectedNextYear, rag: savings.rag,
    },
    ...(p.workforce ? { workforce: workforceJson(p.workforce, pct) } : {}),
    ...commitmentsJson(p),
    lines: reportLines(p),
    yearToDate: yearToDateJson(p),
    movementsByLine: movementsJson(p),
    trend: trendOf(p).map((t) => ({
      period: t.period, closed: t.closed, revisedBudget: t.revisedBudget, forecastOutturn: t.forecastOutturn, forecastVariance: t.forecastVariance,
      variancePct: pct(t.variancePct), movement: t.movement, generalFundClosing: t.generalFundClosing, generalFundPct: pct(t.generalFundPct), revenueRag: t.revenueRag,
      ...(t.workforce ? { workforce: t.workforce } : {}),
    })),
    bridge: bridgeJson(p),
    checks: p.checks.map(reportCheck),
    narrative: narrative(p),
  };
}

function commitmentsJson(p: Position): Pick<ReportJson, "commitments"> {
  const c = commitmentsOf(p.model);
  return c ? { commitments: { lines: c.rows, total: c.total } } : {};
}

function movementsJson(p: Position): ReportJson["movementsByLine"] {
  const m = lineMovements(p);
  return m && { since: m.since, lines: m.lines.map(({ favourable: _f, ...rest }) => rest) };
}

function bridgeJson(p: Position): BridgeJson | null {
  const b = bridgeOf(p);
  return b && {
    since: b.since, from: b.from, to: b.to,
    steps: b.steps.map(({ name, kind, path, movement }) => ({ name, kind, path, movement })),
    other: b.other && { count: b.other.count, movement: b.other.movement },
  };
}
