/** The worked example grown to many revenue lines, for the benchmarks: every published total kept, amounts varied. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { D } from "../src/model/amount";
import { parseMonitoringJson } from "../src/model/load";
import type { MonitoringPeriod, RevenueLine } from "../src/model/types";

const seed = parseMonitoringJson(readFileSync(join(__dirname, "..", "seeds", "q2-2024-25.json"), "utf8"));

/** The worked example with `lines` revenue lines spread over the Chief Constable group, amounts varied. */
export function sized(lines: number): MonitoringPeriod {
  const template = seed.revenue.groups[0]!.lines;
  const grown: RevenueLine[] = Array.from({ length: lines }, (_, i) => {
    const t = template[i % template.length]!;
    const k = new D(i % 97).div(100);
    return {
      ...t, name: `${t.name} ${i + 1}`, ref: null,
      originalBudget: t.originalBudget!.div(lines).plus(k), revisedBudget: t.revisedBudget!.div(lines).plus(k),
      actualToDate: t.actualToDate!.div(lines), forecastOutturn: t.forecastOutturn!.div(lines).minus(k),
    };
  });
  return { ...seed, controlTotals: null, revenue: { ...seed.revenue, groups: [{ ...seed.revenue.groups[0]!, lines: grown }, ...seed.revenue.groups.slice(1)] } };
}
