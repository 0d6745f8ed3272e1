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


const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

/** The line a rule names, or why it names none (or more than one). */
export function resolveLine(text: string, targets: readonly LineTarget[]): LineTarget | string {
  const t = norm(text);
  const byRef = targets.filter((x) => x.ref !== null && norm(x.ref) === t);
  if (byRef.length === 1) return byRef[0]!;
  const byLabel = targets.filter((x) => norm(x.label) === t.replace(/\s*>\s*/g, " > "));
  if (byLabel.length === 1) return byLabel[0]!;
  const byName = targets.filter((x) => norm(x.label.slice(x.label.indexOf(" > ") + 3)) === t);
  if (byName.length === 1) return byName[0]!;
  const several = [...byRef, ...byName];
  if (several.length > 1) return `"${text}" is more than one line (${several.map((x) => `"${x.label}"`).join(", ")}); write the one meant as "Group > Line"`;
  return `"${text}" is no line of the period; write a ref (${targets.filter((x) => x.ref).map((x) => x.ref).slice(0, 6).join(", ")}) or "Group > Line", e.g. "${targets[0]?.label ?? "Chief Constable > Income"}"`;
}
