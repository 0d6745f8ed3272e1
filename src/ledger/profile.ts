/**
 * An import profile: how one finance system's export is laid out and what it means. Set up once per export layout
 * (JSON for the command line; presets for common layouts), checked here with every problem in words.
 */
export type ProfileColumn = "costCentre" | "account" | "description" | "period" | "amount" | "debit" | "credit" | "drCr" | "budget" | "commitments";

export interface ImportProfile {
  /** A name for the layout, shown in messages. */
  name: string;
  /** The header text of each column the export has (compared ignoring case, spaces and punctuation). */
  columns: Partial<Record<ProfileColumn, string>>;
  /** long: a row per code and period (or per code, for one period); wide: a column per month, headed by the period. */
  layout: "long" | "wide";
  /** How a plain amount is signed: credits negative (debits positive, the report's way) or credits positive. CR/DR and debit/credit columns say it themselves. */
  signs: "credits-negative" | "credits-positive";
  /** What the amounts are: the actual to date at each period, or each month's movement (added up to the period). */
  actuals: "year-to-date" | "month";
  /** Which budget the budget column holds (for the year). */
  budget: "revised" | "original";
  /** reject: a code (and period) on two rows is an error (a trial balance); add: rows of one code are added up (a transaction list). */
  duplicates: "reject" | "add";
  /** Text in the first cells of the file's own total row (e.g. "Grand Total"), checked against the imported sum. */
  totalRow: string | null;
  /** The CSV's delimiter, when the guess is wrong. */
  delimiter: string | null;
  /** The sheet of an .xlsx export; the first when null. */
  sheet: string | null;
}

export const PROFILE_COLUMNS: Record<ProfileColumn, string> = {
  costCentre: "cost centre",
  account: "account (subjective code)",
  description: "description",
  period: "period",
  amount: "amount",
  debit: "debit",
  credit: "credit",
  drCr: "CR/DR indicator",
  budget: "budget",
  // Orders raised, not yet paid, outstanding at the period's end: written to the revenue lines' commitments.
  commitments: "commitments",
};

const CHOICES = {
  layout: ["long", "wide"],
  signs: ["credits-negative", "credits-positive"],
  actuals: ["year-to-date", "month"],
  budget: ["revised", "original"],
  duplicates: ["reject", "add"],
} as const;

const DEFAULTS: Omit<ImportProfile, "name" | "columns"> = {
  layout: "long", signs: "credits-negative", actuals: "year-to-date", budget: "revised", duplicates: "reject", totalRow: null, delimiter: null, sheet: null,
};

/**
 * Presets for common layouts (each documented in the README). Every column name can be changed in a profile that
 * starts from a preset: { "preset": "debit-credit", "columns": { "costCentre": "CC" } }.
 */
export const PRESETS: Record<string, { about: string; profile: ImportProfile }> = {
  "debit-credit": {
    about: "A trial balance with separate Debit and Credit columns, one row per cost centre, account and period, year to date (Unit4 ERP / Agresso, Civica Financials).",
    profile: { ...DEFAULTS, name: "debit-credit", columns: { costCentre: "Cost Centre", account: "Account", description: "Description", period: "Period", debit: "Debit", credit: "Credit" }, totalRow: "Total" },
  },
  "amount-drcr": {
    about: "One Amount column with a separate Dr/Cr column and a Budget column, year to date (Oracle E-Business Suite and Fusion reports).",
    profile: { ...DEFAULTS, name: "amount-drcr", columns: { costCentre: "Cost Centre", account: "Account", description: "Description", period: "Period", amount: "Amount", drCr: "Dr/Cr", budget: "Budget" } },
  },
  "trailing-minus": {
    about: "One signed Amount column where credits carry a trailing minus (1,234.56-), year to date (SAP).",
    profile: { ...DEFAULTS, name: "trailing-minus", columns: { costCentre: "Cost Center", account: "G/L Account", description: "Text", period: "Period", amount: "Amount" } },
  },
  "monthly-columns": {
    about: "A budget-versus-actual report with a column per month (Apr-24 ... Mar-25) of each month's actual, and an annual Budget column (Dynamics 365, Sage, TechnologyOne).",
    profile: { ...DEFAULTS, name: "monthly-columns", layout: "wide", actuals: "month", columns: { costCentre: "Cost Centre", account: "Account", description: "Description", budget: "Budget" }, totalRow: "Total" },
  },
};

export class ProfileError extends Error {
  constructor(readonly problems: string[], source: string) {
    super(`${source} is not a usable import profile:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

const KEYS = ["name", "preset", "columns", ...Object.keys(CHOICES), "totalRow", "delimiter", "sheet", "$schema", "about"];

/** A profile from its JSON document (already parsed), or a ProfileError listing every problem in words. */
export function profileFrom(doc: unknown, source = "the profile"): ImportProfile {
  const problems: string[] = [];
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw new ProfileError(['is not a JSON object; a profile looks like { "preset": "debit-credit" } or { "name": ..., "columns": { "costCentre": "Cost Centre", ... } }'], source);
  const d = doc as Record<string, unknown>;
  for (const k of Object.keys(d)) if (!KEYS.includes(k)) problems.push(`"${k}" is not a profile field; the fields are ${KEYS.filter((x) => !x.startsWith("$") && x !== "about").join(", ")}`);
  let base: ImportProfile | null = null;
  if (d.preset !== undefined) {
    const preset = typeof d.preset === "string" ? PRESETS[d.preset] : undefined;
    if (!preset) problems.push(`preset: is ${JSON.stringify(d.preset)}; the presets are ${Object.keys(PRESETS).join(", ")}`);
    else base = preset.profile;
  }
  const profile: ImportProfile = { ...DEFAULTS, ...(base ?? {}), name: base?.name ?? "profile", columns: { ...(base?.columns ?? {}) } };
  if (d.name !== undefined) {
    if (typeof d.name === "string" && d.name.trim()) profile.name = d.name;
    else problems.push("name: is not a text; give the layout a name, e.g. \"Agresso trial balance\"");
  }
  for (const [k, values] of Object.entries(CHOICES) as Array<[keyof typeof CHOICES, readonly string[]]>) {
    if (d[k] === undefined) continue;
    if (typeof d[k] === "string" && values.includes(d[k])) (profile as unknown as Record<string, unknown>)[k] = d[k];
    else problems.push(`${k}: is ${JSON.stringify(d[k])}; it is one of ${values.map((v) => `"${v}"`).join(", ")}`);
  }
  for (const k of ["totalRow", "delimiter", "sheet"] as const) {
    if (d[k] === undefined) continue;
    if (d[k] === null || (typeof d[k] === "string" && d[k] !== "")) profile[k] = d[k];
    else problems.push(`${k}: is ${JSON.stringify(d[k])}; give a text, or null`);
  }
  if (profile.delimiter !== null && profile.delimiter.length !== 1) problems.push(`delimiter: is ${JSON.stringify(profile.delimiter)}; a delimiter is one character, such as "," ";" "|" or "\\t" (tab)`);
  if (d.columns !== undefined) {
    if (!d.columns || typeof d.columns !== "object" || Array.isArray(d.columns)) problems.push('columns: is not an object; write { "costCentre": "Cost Centre", "account": "Account", ... }');
    else {
      for (const [k, v] of Object.entries(d.columns as Record<string, unknown>)) {
        if (!(k in PROFILE_COLUMNS)) { problems.push(`columns.${k}: is not a column Outturn reads; the columns are ${Object.keys(PROFILE_COLUMNS).join(", ")}`); continue; }
        if (v === null) delete profile.columns[k as ProfileColumn];
        else if (typeof v === "string" && v.trim()) profile.columns[k as ProfileColumn] = v;
        else problems.push(`columns.${k}: is ${JSON.stringify(v)}; give the column's header text as in the file, e.g. "Cost Centre"`);
      }
    }
  }
  problems.push(...consistencyProblems(profile));
  if (problems.length) throw new ProfileError(problems, source);
  return profile;
}

/** What the columns together must say, whatever way the profile was made (a file or the pane). */
export function consistencyProblems(p: ImportProfile): string[] {
  const out: string[] = [];
  const c = p.columns;
  if (!c.costCentre && !c.account) out.push("columns: name the cost centre column, the account column, or both; the mapping matches rows by them");
  if (p.layout === "long") {
    const hasAmount = Boolean(c.amount), hasDc = Boolean(c.debit || c.credit);
    if (!hasAmount && !hasDc && !c.budget && !c.commitments) out.push("columns: name the amount column (columns.amount), or the debit and credit columns (columns.debit and columns.credit)");
    if (hasAmount && hasDc) out.push("columns: name either an amount column or debit and credit columns, not both: the same money would count twice");
    if (hasDc && !(c.debit && c.credit)) out.push(`columns: name both the debit and the credit column (only ${c.debit ? "debit" : "credit"} is named)`);
    if (c.drCr && !hasAmount) out.push("columns.drCr: a CR/DR column says the sign of the amount column; name the amount column too");
    if (p.actuals === "month" && !c.period) out.push('actuals: "month" adds up each month to the period, so name the period column (columns.period)');
  } else {
    for (const k of ["period", "amount", "debit", "credit", "drCr"] as const) {
      if (c[k]) out.push(`columns.${k}: a wide layout has a column per month, headed by the month (Apr-24, P01...), so it has no ${PROFILE_COLUMNS[k]} column; remove it or use "layout": "long"`);
    }
  }
  const seen = new Map<string, string>();
  for (const [k, v] of Object.entries(c)) {
    const key = v.trim().toLowerCase();
    const other = seen.get(key);
    if (other) out.push(`columns.${k} and columns.${other}: both are "${v}"; each column of the file holds one thing`);
    else seen.set(key, k);
  }
  return out;
}
