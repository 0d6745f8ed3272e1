/**
 * The mapping the treasurer keeps: ledger codes (cost centre and/or account; exact, a pattern such as 41* or a range
 * such as 5000-5999) to a line of the report, with an optional sign flip. A code matching no rule is unmapped (listed
 * with its total, never dropped); a code matching two rules is an error naming both.
 */
import type { MonitoringPeriod } from "../model/types";
import { type MappingRule, MappingError, flipOf, mappingFrom, mappingFromRows } from "./rules";
import { type LineTarget, lineTargets, resolveLine } from "./targets";
import { type Cell, type LedgerTable, findHeader } from "./table";

export { type LineTarget, lineTargets, resolveLine };
export { type MappingRule, MappingError, mappingFrom };

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
    docs.push({ costCentre: cell(r, at["cost centre"]), account: cell(r, at.account), line: cell(r, at.line) ?? "", flip: flipOf(cell(r, at.flip)) });
    rows.push(found.index + i + 2);
  });
  return mappingFromRows(docs, rows.map((r) => `row ${r}`), table.file, "write Yes or No");
}

/** A pattern of codes as a test: exact (ignoring case), a glob (41*, 4?00) or a range of codes of one length (5000-5999). */
export function codePattern(pattern: string | null): (code: string) => boolean {
  if (pattern === null || pattern === "*") return () => true;
  const exact = exactCode(pattern);
  if (exact !== null) return (code) => code.toLowerCase() === exact;
  const p = pattern.trim().toLowerCase();
  const range = /^([a-z0-9]+)\s*-\s*([a-z0-9]+)$/.exec(p);
  if (range && range[1]!.length === range[2]!.length) {
    const [lo, hi] = [range[1]!, range[2]!];
    return (code) => code.length === lo.length && code.toLowerCase() >= lo && code.toLowerCase() <= hi;
  }
  // A glob: what exactCode leaves when it is no range.
  const re = new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
  return (code) => re.test(code.toLowerCase());
}

/** The code a pattern matches exactly (lower case, as compared), or null for every code, a glob or a range. */
export function exactCode(pattern: string | null): string | null {
  if (pattern === null || pattern === "*") return null;
  const p = pattern.trim().toLowerCase();
  const range = /^([a-z0-9]+)\s*-\s*([a-z0-9]+)$/.exec(p);
  if (range && range[1]!.length === range[2]!.length) return null;
  return /[*?]/.test(p) ? null : p;
}

export function ruleText(rule: MappingRule, index: number): string {
  const parts = [rule.costCentre !== null ? `cost centre ${rule.costCentre}` : null, rule.account !== null ? `account ${rule.account}` : null].filter(Boolean);
  return `${rule.where ?? `rule ${index + 1}`} (${parts.join(", ")} → ${rule.line}${rule.flip ? ", sign flipped" : ""})`;
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

/** The rules a code pair matches (none, one, or several: an error the caller names), trying each rule in turn. */
export function rulesFor(rules: readonly CompiledRule[], costCentre: string, account: string): CompiledRule[] {
  return rules.filter((r) => r.costCentre(costCentre) && r.account(account));
}

/**
 * rulesFor with the rules indexed, for a trial balance of many codes against a mapping of many rules: a rule giving an
 * exact cost centre and account is found by one Map lookup of the pair, one giving one exact code by a lookup of that
 * code (its other code tested), and only the rules of patterns and ranges on both are tried in turn. Every rule a
 * pair matches is still found (an exact rule and a pattern both matching is the error naming both), in the rules' order.
 */
export function mappingIndex(rules: readonly CompiledRule[]): (costCentre: string, account: string) => CompiledRule[] {
  const pairs = new Map<string, Map<string, CompiledRule[]>>(), byCentre = new Map<string, CompiledRule[]>(), byAccount = new Map<string, CompiledRule[]>();
  const others: CompiledRule[] = [];
  const add = (m: Map<string, CompiledRule[]>, k: string, r: CompiledRule) => { const l = m.get(k); if (l) l.push(r); else m.set(k, [r]); };
  for (const r of rules) {
    const cc = exactCode(r.rule.costCentre), acc = exactCode(r.rule.account);
    if (cc !== null && acc !== null) add(pairs.get(cc) ?? pairs.set(cc, new Map()).get(cc)!, acc, r);
    else if (cc !== null) add(byCentre, cc, r);
    else if (acc !== null) add(byAccount, acc, r);
    else others.push(r);
  }
  return (costCentre, account) => {
    const cc = costCentre.toLowerCase(), acc = account.toLowerCase();
    const found = [...(pairs.get(cc)?.get(acc) ?? [])];
    for (const r of byCentre.get(cc) ?? []) if (r.account(account)) found.push(r);
    for (const r of byAccount.get(acc) ?? []) if (r.costCentre(costCentre)) found.push(r);
    for (const r of others) if (r.costCentre(costCentre) && r.account(account)) found.push(r);
    return found.length > 1 ? found.sort((a, b) => a.index - b.index) : found;
  };
}
