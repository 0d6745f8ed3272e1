/** Revenue: lines, group totals, Total Net Revenue Expenditure, transfers to/(from) reserves, Net Budget. */
import type { MonitoringPeriod, RevenueGroup } from "../model/types";
import { type LineResult, type TotalResult, lineResult, totalOf } from "./rows";

export interface RevenueGroupResult {
  group: RevenueGroup;
  lines: LineResult[];
  total: TotalResult;
}

export interface RevenuePosition {
  groups: RevenueGroupResult[];
  totalNetRevenueExpenditure: TotalResult;
  transfers: LineResult[];
  /** The total the variance %, the RAG and the general fund % are measured against. */
  netBudget: TotalResult;
}

export function computeRevenue(model: MonitoringPeriod): RevenuePosition {
  const { signConvention: convention, rag } = model.settings;
  const groups = model.revenue.groups.map((group) => ({
    group,
    lines: group.lines.map((l) => lineResult(l, convention, rag.revenueLine)),
    total: totalOf(`Total ${group.name}`, group.lines, convention, rag.revenueGroup),
  }));
  const expenditureLines = model.revenue.groups.flatMap((g) => g.lines);
  return {
    groups,
    totalNetRevenueExpenditure: totalOf("Total Net Revenue Expenditure", expenditureLines, convention, rag.revenueGroup),
    transfers: model.revenue.transfers.map((l) => lineResult(l, convention, rag.revenueLine)),
    netBudget: totalOf("Net Budget", [...expenditureLines, ...model.revenue.transfers], convention, rag.revenueTotal),
  };
}
