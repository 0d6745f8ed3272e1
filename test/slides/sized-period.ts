/**
 * A large period for tests and benchmarks: the worked example with its first revenue group (Chief Constable) split
 * into `lines` lines, amounts varied line by line (no control totals: they would not match).
 */
import { D } from "../../src/model/amount";
import type { MonitoringPeriod, RevenueLine } from "../../src/model/types";

export function withRevenueLines(seed: MonitoringPeriod, lines: number): MonitoringPeriod {
  const group = seed.revenue.groups[0]!;
  const template = group.lines;
  const grown: RevenueLine[] = Array.from({ length: lines }, (_, i) => {
    const t = template[i % template.length]!;
    const k = new D(i % 97).div(100);
    return {
      ...t, name: `${t.name} ${i + 1}`, ref: null,
      originalBudget: t.originalBudget!.div(lines).plus(k), revisedBudget: t.revisedBudget!.div(lines).plus(k),
      actualToDate: t.actualToDate!.div(lines), forecastOutturn: t.forecastOutturn!.div(lines).minus(k),
    };
  });
  return { ...seed, controlTotals: null, revenue: { ...seed.revenue, groups: [{ ...group, lines: grown }, ...seed.revenue.groups.slice(1)] } };
}
