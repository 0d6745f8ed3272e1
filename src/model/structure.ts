/**
 * Structural rules: a period whose parts cannot be told apart or contradict their own labels. A schema checks each
 * field alone; these look across fields (two groups with one name would send a control total to the wrong one).
 * Used on every way in (the JSON loader; the workbook reader and the pane through the lead's wiring), each problem
 * naming the field path.
 */
import type { Problem } from "./semantics";
import type { MonitoringPeriod } from "./types";

/** Names compared as a reader would: case, surrounding and repeated spaces do not make two names different. */
const key = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

/** Each name seen before in `names`, as [index of the repeat, index of the first]. */
function repeats(names: readonly string[]): Array<[number, number]> {
  const first = new Map<string, number>();
  const out: Array<[number, number]> = [];
  names.forEach((n, i) => {
    const k = key(n);
    const seen = first.get(k);
    if (seen === undefined) first.set(k, i);
    else out.push([i, seen]);
  });
  return out;
}

/** An ISO date (yyyy-mm-dd) that exists on the calendar. */
export function isCalendarDate(text: string): boolean {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** "2024/25" names the years 2024 and 2025; "2024/26" is not a financial year. */
function financialYearProblem(fy: string): string | null {
  const m = /^([0-9]{4})\/([0-9]{2})$/.exec(fy.trim());
  if (!m) return `is "${fy}"; write the financial year as 2024/25`;
  const start = Number(m[1]);
  const end = Number(m[2]);
  const expected = (start + 1) % 100;
  if (end !== expected) return `is "${fy}": a financial year runs April to March, so ${start} is followed by ${String(expected).padStart(2, "0")} (${start}/${String(expected).padStart(2, "0")})`;
  return null;
}

/** The reserve totals a control total may name (as src/engine/reserves.ts labels them). */
const RESERVE_TOTALS = ["Total Earmarked Reserves", "Total Revenue Reserves", "Total Usable Reserves"];

export function structuralProblems(model: MonitoringPeriod): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });

  if (model.organisation.trim() === "") add("organisation", "is blank; type the name of the police body, fire authority or council");
  const fy = financialYearProblem(model.financialYear);
  if (fy) add("financialYear", fy);

  const groups = model.revenue.groups;
  for (const [i, first] of repeats(groups.map((g) => g.name))) {
    add(`revenue.groups[${i}].name ("${groups[i]?.name}")`, `is the same name as revenue.groups[${first}]; each revenue group needs its own name, or control totals and commentary go to the wrong one`);
  }
  groups.forEach((g, gi) => {
    for (const [i, first] of repeats(g.lines.map((l) => l.name))) {
      add(`revenue.groups[${gi}].lines[${i}].name ("${g.lines[i]?.name}")`, `is a second line of that name in the group "${g.name}" (first at lines[${first}]); merge the two lines or name them apart`);
    }
  });
  const lists: Array<[string, Array<{ name: string }>]> = [
    ["revenue.transfers", model.revenue.transfers], ["capital.lines", model.capital.lines], ["capital.financing", model.capital.financing],
  ];
  for (const [path, list] of lists) {
    for (const [i, first] of repeats(list.map((l) => l.name))) {
      add(`${path}[${i}].name ("${list[i]?.name}")`, `is a second line of that name (first at ${path}[${first}]); merge the two lines or name them apart`);
    }
  }
  for (const [i, first] of repeats(model.reserves.map((r) => r.name))) {
    add(`reserves[${i}].name ("${model.reserves[i]?.name}")`, `is a second reserve of that name (first at reserves[${first}]); each reserve is listed once`);
  }
  for (const [i, first] of repeats(model.history.map((h) => h.period))) {
    add(`history[${i}].period`, `is ${model.history[i]?.period} again (first at history[${first}]); each closed period is in the history once`);
  }
  model.history.forEach((h, i) => {
    if (h.closedOn !== null && !isCalendarDate(h.closedOn)) add(`history[${i}].closedOn`, `is "${h.closedOn}", not a date; write the closing date as yyyy-mm-dd, e.g. 2024-10-31`);
  });
  model.savings.forEach((s, i) => {
    for (const k of ["planned", "deliveredToDate"] as const) {
      const v = s[k];
      if (v && v.isNegative()) add(`savings[${i}].${k} ("${s.scheme}")`, `is ${v.toFixed()}, negative; savings are entered as positive amounts (a saving not made is 0)`);
    }
  });

  // The engine finds a control total by the exact name shown, so a name that matches nothing is silently unused.
  const ct = model.controlTotals;
  if (ct?.revenue) {
    const names = new Set(groups.map((g) => g.name));
    for (const name of Object.keys(ct.revenue.groups)) {
      if (!names.has(name)) add(`controlTotals.revenue.groups["${name}"]`, `is a control total for a revenue group that does not exist; the groups are ${groups.map((g) => `"${g.name}"`).join(", ")}`);
    }
  }
  // Line controls (published variance and %) by line name: the name must be one line's.
  const lineNames = (names: string[], path: string, given: Record<string, unknown> | undefined) => {
    for (const name of Object.keys(given ?? {})) {
      const n = names.filter((x) => x === name).length;
      if (n === 0) add(`${path}["${name}"]`, "is a control total for a line that does not exist; type the line's name as it is in the file");
      else if (n > 1) add(`${path}["${name}"]`, `names ${n} lines; a line's control total needs a name used once (rename one of the lines)`);
    }
  };
  lineNames([...groups.flatMap((g) => g.lines.map((l) => l.name)), ...model.revenue.transfers.map((l) => l.name)], "controlTotals.revenue.lines", ct?.revenue?.lines);
  lineNames(model.capital.lines.map((l) => l.name), "controlTotals.capital.lines", ct?.capital?.lines);
  if (ct?.reserves) {
    const names = new Set([...model.reserves.map((r) => r.name), ...RESERVE_TOTALS]);
    for (const name of Object.keys(ct.reserves)) {
      if (!names.has(name)) add(`controlTotals.reserves["${name}"]`, `is a control total for a reserve or total that does not exist; use a name from reserves[].name or one of ${RESERVE_TOTALS.join(", ")}`);
    }
  }
  return problems;
}
