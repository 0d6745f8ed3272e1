/**
 * The mapping the treasurer keeps: ledger codes (cost centre and/or account; exact, a pattern such as 41* or a range
 * such as 5000-5999) to a line of the report, with an optional sign flip. A code matching no rule is unmapped (listed
 * with its total, never dropped); a code matching two rules is an error naming both.
 */
import type { MonitoringPeriod } from "../model/types";
import { type LineTarget, lineTargets } from "./targets";
import { type Cell, type LedgerTable, findHeader, headerKey } from "./table";

export { type LineTarget, lineTargets };

export interface MappingRule {
  costCentre: string | null;
  account: string | null;
  /** The line: its ref (R1), "Group > Line", "Transfers > Reserves", "Capital > Vehicles", "Financing > ...", or a name found once. */
  line: string;
  /** Turn the sign round (e.g. a ledger that holds a grant as a positive income line). */
  flip: boolean;
  /** Where the rule is written, for messages: "row 7" of a mapping sheet; "rule <n>" of a JSON list when absent. */
  where?: string;
}

export class MappingError extends Error {
  constructor(readonly problems: string[], source: string) {
    super(`${source} cannot be used as the mapping:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** The rules of a mapping document: { "rules": [ { "costCentre": "41*", "account": "5000-5999", "line": "R2" } ] } or the list alone. */
export function mappingFrom(doc: unknown, source = "the mapping"): MappingRule[] {
  const list = Array.isArray(doc) ? doc : doc && typeof doc === "object" ? (doc as Record<string, unknown>).rules : undefined;
  if (!Array.isArray(list)) throw new MappingError(['is not a list of rules; write { "rules": [ { "costCentre": "4100", "account": "5*", "line": "R2" } ] }'], source);
  const problems: string[] = [];
  const rules: MappingRule[] = [];
  list.forEach((r: unknown, i) => {
    const at = `rule ${i + 1}`;
    if (!r || typeof r !== "object" || Array.isArray(r)) { problems.push(`${at}: is not an object like { "account": "5*", "line": "R2" }`); return; }
    const o = r as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!["costCentre", "account", "line", "flip", "note"].includes(k)) problems.push(`${at}: "${k}" is not a rule field; the fields are costCentre, account, line, flip, note`);
    const code = (k: "costCentre" | "account"): string | null => {
      const v = o[k];
      if (v === undefined || v === null || v === "") return null;
      if (typeof v === "number" && Number.isInteger(v)) return String(v);
      if (typeof v === "string") return v.trim();
      problems.push(`${at}: ${k} is ${JSON.stringify(v)}; give the code as text, e.g. "4100", "41*" or "4100-4199"`);
      return null;
    };
    const rule = { costCentre: code("costCentre"), account: code("account"), line: typeof o.line === "string" ? o.line.trim() : "", flip: o.flip === true };
    if (!rule.line) problems.push(`${at}: has no line; say which line of the report it goes to, e.g. "line": "R2" or "line": "Chief Constable > Overheads"`);
    if (!rule.costCentre && !rule.account) problems.push(`${at}: matches every code (no costCentre or account); give one or both`);
    if (o.flip !== undefined && typeof o.flip !== "boolean") problems.push(`${at}: flip is ${JSON.stringify(o.flip)}; it is true or false`);
    rules.push(rule);
  });
  if (problems.length) throw new MappingError(problems, source);
  return rules;
}

/**
 * The rules of a mapping kept as a sheet (saved as CSV, or an .xlsx): a header row with "Line" and "Cost Centre"
 * and/or "Account" (and optionally "Flip": Yes or No), a rule per row below it; blank rows are skipped.
 */
export function mappingFromTable(table: LedgerTable): MappingRule[] {
  const columns = ["cost centre", "account", "line", "flip", "note"] as const;
  const found = findHeader(table, ["Line"]);
  if ("problem" in found) throw new MappingError([`has no header row with a "Line" column (and "Cost Centre" and/or "Account"); the mapping sheet's first row names its columns`], table.file);
  const at = Object.fromEntries(columns.map((c) => [c, found.columns.get(c)])) as Record<(typeof columns)[number], number | undefined>;
  if (at["cost centre"] === undefined && at.account === undefined) throw new MappingError([`row ${found.index + 1}: has no "Cost Centre" or "Account" column; the rules match rows by them`], table.file);
  const docs: Array<Record<string, unknown>> = [];
  const rows: number[] = [];
  const cell = (r: readonly Cell[], j: number | undefined) => {
    const v = j === undefined ? null : r[j];
    return v === null || v === undefined ? undefined : String(v).trim() || undefined;
  };
  table.rows.slice(found.index + 1).forEach((r, i) => {
    if (r.every((c) => c === null || String(c).trim() === "")) return;
    const flip = headerKey(cell(r, at.flip) ?? "no");
    docs.push({ costCentre: cell(r, at["cost centre"]), account: cell(r, at.account), line: cell(r, at.line) ?? "", flip: ["yes", "y", "true", "1"].includes(flip) ? true : ["no", "n", "false", "0"].includes(flip) ? false : cell(r, at.flip) });
    rows.push(found.index + i + 2);
  });
  try {
    return mappingFrom(docs, table.file).map((rule, i) => ({ ...rule, where: `row ${rows[i]}` }));
  } catch (e) {
    // Name the sheet's rows rather than the rules' numbers.
    if (e instanceof MappingError) throw new MappingError(e.problems.map((p) => p.replace(/^rule (\d+)/, (_, n: string) => `row ${rows[Number(n) - 1]}`).replace("it is true or false", "write Yes or No")), table.file);
    throw e;
  }
}

/** A pattern of codes as a test: exact (ignoring case), a glob (41*, 4?00) or a range of codes of one length (5000-5999). */
export function codePattern(pattern: string | null): (code: string) => boolean {
  if (pattern === null || pattern === "*") return () => true;
  const p = pattern.trim().toLowerCase();
  const range = /^([a-z0-9]+)\s*-\s*([a-z0-9]+)$/.exec(p);
  if (range && range[1]!.length === range[2]!.length) {
    const [lo, hi] = [range[1]!, range[2]!];
    return (code) => code.length === lo.length && code.toLowerCase() >= lo && code.toLowerCase() <= hi;
  }
  if (/[*?]/.test(p)) {
    const re = new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
    return (code) => re.test(code.toLowerCase());
  }
  return (code) => code.toLowerCase() === p;
}

export function ruleText(rule: MappingRule, index: number): string {
  const parts = [rule.costCentre !== null ? `cost centre ${rule.costCentre}` : null, rule.account !== null ? `account ${rule.account}` : null].filter(Boolean);
  return `${rule.where ?? `rule ${index + 1}`} (${parts.join(", ")} → ${rule.line}${rule.flip ? ", sign flipped" : ""})`;
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

/** The rules' code tests and lines, once; a rule naming no line is an error for the whole mapping. */
export function compileMapping(rules: readonly MappingRule[], model: MonitoringPeriod, source = "the mapping"): CompiledRule[] {
  const targets = lineTargets(model);
  const problems: string[] = [];
  const compiled = rules.map((rule, i) => {
    const target = resolveLine(rule.line, targets);
    if (typeof target === "string") problems.push(`${ruleText(rule, i)}: ${target}`);
    return { rule, index: i, target: typeof target === "string" ? null : target, costCentre: codePattern(rule.costCentre), account: codePattern(rule.account) };
  });
  if (problems.length) throw new MappingError(problems, source);
  return compiled as CompiledRule[];
}

export interface CompiledRule {
  rule: MappingRule;
  index: number;
  target: LineTarget;
  costCentre: (code: string) => boolean;
  account: (code: string) => boolean;
}

/** The rules a code pair matches (none, one, or several: an error the caller names). */
export function rulesFor(rules: readonly CompiledRule[], costCentre: string, account: string): CompiledRule[] {
  return rules.filter((r) => r.costCentre(costCentre) && r.account(account));
}
