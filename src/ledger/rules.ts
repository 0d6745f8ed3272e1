/**
 * The mapping's rules as the treasurer writes them (JSON, or a row of a sheet), checked with every problem in words.
 * Free of the file readers (no CSV parser), so the workbook's Mapping sheet reader can use it at start-up.
 */
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
 * The rules of rows of a sheet (a mapping saved as CSV or .xlsx, or the workbook's Mapping sheet), each problem naming
 * the row's place (`places[i]`: "row 7", "'Ledger mapping'!A12") rather than the rule's number.
 */
export function mappingFromRows(docs: Array<Record<string, unknown>>, places: readonly string[], source: string, flipWords = "write Yes or No"): MappingRule[] {
  try {
    return mappingFrom(docs, source).map((rule, i) => ({ ...rule, where: places[i] }));
  } catch (e) {
    if (e instanceof MappingError) throw new MappingError(e.problems.map((p) => p.replace(/^rule (\d+)/, (_, n: string) => places[Number(n) - 1] ?? `rule ${n}`).replace("it is true or false", flipWords)), source);
    throw e;
  }
}

/** A sheet's Flip cell (Yes or No; blank is No) as a rule's flip, or the text as typed (refused by mappingFrom). */
export function flipOf(text: string | undefined): unknown {
  const flip = (text ?? "no").trim().toLowerCase();
  return ["yes", "y", "true", "1"].includes(flip) ? true : ["no", "n", "false", "0", ""].includes(flip) ? false : text;
}
