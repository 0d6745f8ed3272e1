/** The lines of a period an import can write, each with where it is (its JSON path) and its name as people say it. */
import type { MonitoredLine, MonitoringPeriod } from "../model/types";

/** A line of the period that an import can write: where it is (the JSON path), its name as people say it, the line. */
export interface LineTarget {
  path: string;
  label: string;
  line: MonitoredLine;
  ref: string | null;
}

/** Every monitored line of the period: revenue lines, transfers, capital lines and financing. */
export function lineTargets(model: MonitoringPeriod): LineTarget[] {
  const out: LineTarget[] = [];
  model.revenue.groups.forEach((g, gi) => g.lines.forEach((l, li) => out.push({ path: `revenue.groups[${gi}].lines[${li}]`, label: `${g.name} > ${l.name}`, line: l, ref: l.ref })));
  model.revenue.transfers.forEach((l, i) => out.push({ path: `revenue.transfers[${i}]`, label: `Transfers > ${l.name}`, line: l, ref: l.ref }));
  model.capital.lines.forEach((l, i) => out.push({ path: `capital.lines[${i}]`, label: `Capital > ${l.name}`, line: l, ref: l.ref }));
  model.capital.financing.forEach((l, i) => out.push({ path: `capital.financing[${i}]`, label: `Financing > ${l.name}`, line: l, ref: l.ref }));
  return out;
}

