/**
 * A large period for tests and benchmarks: the worked example with its first revenue group (Chief Constable) split
 * into `lines` lines, amounts varied line by line (no control totals: they would not match).
 */
import { D, type Decimal } from "../../src/model/amount";
import type { MonitoringPeriod, RevenueLine } from "../../src/model/types";

export function withRevenueLines(seed: MonitoringPeriod, lines: number): MonitoringPeriod {
  const group = seed.revenue.groups[0]!;
  const template = group.lines;
  const grown: RevenueLine[] = Array.from({ length: lines }, (_, i) => {
    const t = template[i % template.length]!;
    const k = new D(i % 97).div(100);
    const share = (d: Decimal | null) => d!.div(lines).toDecimalPlaces(2); // amounts to the penny of £000, as typed
    return {
      ...t, name: `${t.name} ${i + 1}`, ref: null,
      originalBudget: share(t.originalBudget).plus(k), revisedBudget: share(t.revisedBudget).plus(k),
      actualToDate: share(t.actualToDate), forecastOutturn: share(t.forecastOutturn).minus(k),
    };
  });
  return { ...seed, controlTotals: null, revenue: { ...seed.revenue, groups: [{ ...group, lines: grown }, ...seed.revenue.groups.slice(1)] } };
}
