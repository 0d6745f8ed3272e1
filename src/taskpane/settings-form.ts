/**
 * The Settings view's form: settings as text fields (what the user types), and back to settings with
 * validation. Every problem names its field, in the words the form shows, so it can be read out of context.
 */
import type { Decimal, Settings, SignConvention, Units, VarianceRagRule } from "../model/types";
import { D } from "../model/amount";

export type RuleName = "revenueLine" | "revenueGroup" | "revenueTotal";
type Level = "amber" | "red";
type Measure = "amount" | "pct";

/** Text fields of the form, by key. */
export type FieldKey =
  | "minimumPct" | "maximumPct" | "warningMarginPct" | "materiality"
  | `${RuleName}.${Level}.${Measure}`
  | "capital.overspendAmberPct" | "capital.overspendRedPct" | "capital.slippageAmberPct" | "capital.slippageRedPct"
  | "savings.greenPct" | "savings.amberPct";

export interface SettingsForm {
  fields: Record<FieldKey, string>;
  signConvention: SignConvention;
  combine: Record<RuleName, VarianceRagRule["combine"]>;
}

export type FieldErrors = Partial<Record<FieldKey, string>>;

export type FieldKind = "pct" | "points" | "amount";

export interface FieldSpec {
  key: FieldKey;
  label: string;
  kind: FieldKind;
  /** Optional fields may be left blank (a threshold by amount only or by % only). */
  optional: boolean;
}

export const RULE_LABELS: Record<RuleName, string> = {
  revenueLine: "Revenue lines",
  revenueGroup: "Revenue groups",
  revenueTotal: "Revenue total (net budget)",
};

const LEVEL_WORDS: Record<Level, string> = { amber: "Amber", red: "Red" };

/** The label of a field as the form shows it; `units` names the amount fields' units. */
export function fieldSpecs(units: Units): Record<FieldKey, FieldSpec> {
  const u = units === "£000" ? "£000" : "£";
  const specs: FieldSpec[] = [
    { key: "minimumPct", label: "Reserves minimum (% of net budget)", kind: "pct", optional: false },
    { key: "maximumPct", label: "Reserves maximum (% of net budget)", kind: "pct", optional: false },
    { key: "warningMarginPct", label: "General fund Amber margin above the minimum (percentage points)", kind: "points", optional: false },
    { key: "materiality", label: `Materiality for commentary (${u})`, kind: "amount", optional: false },
    { key: "capital.overspendAmberPct", label: "Capital overspend Amber from (% of budget)", kind: "pct", optional: false },
    { key: "capital.overspendRedPct", label: "Capital overspend Red from (% of budget)", kind: "pct", optional: false },
    { key: "capital.slippageAmberPct", label: "Capital slippage Amber from (% of budget)", kind: "pct", optional: false },
    { key: "capital.slippageRedPct", label: "Capital slippage Red from (% of budget)", kind: "pct", optional: false },
    { key: "savings.greenPct", label: "Savings Green from (% of planned achieved)", kind: "pct", optional: false },
    { key: "savings.amberPct", label: "Savings Amber from (% of planned achieved)", kind: "pct", optional: false },
  ];
  for (const rule of Object.keys(RULE_LABELS) as RuleName[]) {
    for (const level of ["amber", "red"] as const) {
      specs.push({ key: `${rule}.${level}.amount`, label: `${RULE_LABELS[rule]}: ${LEVEL_WORDS[level]} from an adverse variance of (${u})`, kind: "amount", optional: true });
      specs.push({ key: `${rule}.${level}.pct`, label: `${RULE_LABELS[rule]}: ${LEVEL_WORDS[level]} from an adverse variance of (% of budget)`, kind: "pct", optional: true });
    }
  }
  return Object.fromEntries(specs.map((s) => [s.key, s])) as Record<FieldKey, FieldSpec>;
}

const text = (d: Decimal | null): string => (d === null ? "" : d.toFixed());

export function toForm(settings: Settings): SettingsForm {
  const { rag } = settings;
  const fields = {
    minimumPct: text(settings.reservesBand.minimumPct),
    maximumPct: text(settings.reservesBand.maximumPct),
    warningMarginPct: text(rag.generalFund.warningMarginPct),
    materiality: text(settings.materiality),
    "capital.overspendAmberPct": text(rag.capital.overspendAmberPct),
    "capital.overspendRedPct": text(rag.capital.overspendRedPct),
    "capital.slippageAmberPct": text(rag.capital.slippageAmberPct),
    "capital.slippageRedPct": text(rag.capital.slippageRedPct),
    "savings.greenPct": text(rag.savings.greenPct),
    "savings.amberPct": text(rag.savings.amberPct),
  } as Record<FieldKey, string>;
  for (const rule of Object.keys(RULE_LABELS) as RuleName[]) {
    for (const level of ["amber", "red"] as const) {
      fields[`${rule}.${level}.amount`] = text(rag[rule][level].amount);
      fields[`${rule}.${level}.pct`] = text(rag[rule][level].pct);
    }
  }
  return {
    fields,
    signConvention: settings.signConvention,
    combine: { revenueLine: rag.revenueLine.combine, revenueGroup: rag.revenueGroup.combine, revenueTotal: rag.revenueTotal.combine },
  };
}

const NUMBER = /^-?(?:[0-9]{1,15}|[0-9]{1,3}(?:,[0-9]{3}){1,4})(?:\.[0-9]{1,6})?$/;

/** A typed number: commas between thousands, a £ before an amount or a % after a percentage are allowed. */
export function parseField(raw: string, kind: FieldKind): { value: Decimal | null } | { error: string } {
  let t = raw.trim();
  if (t === "") return { value: null };
  if (kind === "amount") t = t.replace(/^(-?)£/, "$1");
  if (kind !== "amount") t = t.replace(/%$/, "").trim();
  if (!NUMBER.test(t)) {
    const example = kind === "amount" ? "100 or 250.5" : "3 or 2.5";
    return { error: `"${raw.trim()}" is not a number; write a number such as ${example}` };
  }
  const value = new D(t.replace(/,/g, ""));
  if (value.isNegative()) return { error: `is ${value.toFixed()}; it cannot be negative` };
  if (kind === "pct" && value.greaterThan(100)) return { error: `is ${value.toFixed()}%; a percentage here is at most 100` };
  return { value };
}

export type FormResult = { ok: true; settings: Settings } | { ok: false; errors: FieldErrors };

/**
 * Validates the form and builds settings over `base` (keeping what the form does not edit, such as whether a
 * favourable variance is always Green). Returns every problem at once, one per field, each naming its field.
 */
export function fromForm(form: SettingsForm, base: Settings, units: Units): FormResult {
  const specs = fieldSpecs(units);
  const errors: FieldErrors = {};
  const values: Partial<Record<FieldKey, Decimal | null>> = {};
  for (const spec of Object.values(specs)) {
    const parsed = parseField(form.fields[spec.key] ?? "", spec.kind);
    if ("error" in parsed) errors[spec.key] = `${spec.label}: ${parsed.error}.`;
    else if (parsed.value === null && !spec.optional) errors[spec.key] = `${spec.label}: is empty; enter a number.`;
    else values[spec.key] = parsed.value;
  }
  const v = (k: FieldKey): Decimal | null => values[k] ?? null;
  /** `low` must not be above `high`; reported on `low` unless it already has a problem. */
  const ordered = (low: FieldKey, high: FieldKey, words: (a: string, b: string) => string) => {
    const a = v(low), b = v(high);
    if (a && b && a.greaterThan(b) && !errors[low]) errors[low] = `${specs[low].label}: ${words(a.toFixed(), b.toFixed())}.`;
  };
  ordered("minimumPct", "maximumPct", (a, b) => `${a}% is above the maximum of ${b}%; set the minimum no higher than the maximum`);
  ordered("capital.overspendAmberPct", "capital.overspendRedPct", (a, b) => `${a}% is above the Red limit of ${b}%; Amber must come first`);
  ordered("capital.slippageAmberPct", "capital.slippageRedPct", (a, b) => `${a}% is above the Red limit of ${b}%; Amber must come first`);
  ordered("savings.amberPct", "savings.greenPct", (a, b) => `${a}% is above the Green limit of ${b}%; Amber must be lower`);
  for (const rule of Object.keys(RULE_LABELS) as RuleName[]) {
    ordered(`${rule}.amber.amount`, `${rule}.red.amount`, (a, b) => `${a} is above the Red amount of ${b}; Amber must come first`);
    ordered(`${rule}.amber.pct`, `${rule}.red.pct`, (a, b) => `${a}% is above the Red % of ${b}%; Amber must come first`);
    for (const level of ["amber", "red"] as const) {
      const amount: FieldKey = `${rule}.${level}.amount`, pct: FieldKey = `${rule}.${level}.pct`;
      if (!errors[amount] && !errors[pct] && v(amount) === null && v(pct) === null) {
        errors[amount] = `${RULE_LABELS[rule]}: ${LEVEL_WORDS[level]} has neither an amount nor a %; give one or both.`;
      }
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const num = (k: FieldKey) => v(k) as Decimal;
  const rule = (name: RuleName): VarianceRagRule => ({
    amber: { amount: v(`${name}.amber.amount`), pct: v(`${name}.amber.pct`) },
    red: { amount: v(`${name}.red.amount`), pct: v(`${name}.red.pct`) },
    combine: form.combine[name],
    favourableIsGreen: base.rag[name].favourableIsGreen,
  });
  return {
    ok: true,
    settings: {
      signConvention: form.signConvention,
      reservesBand: { minimumPct: num("minimumPct"), maximumPct: num("maximumPct") },
      materiality: num("materiality"),
      rag: {
        revenueLine: rule("revenueLine"),
        revenueGroup: rule("revenueGroup"),
        revenueTotal: rule("revenueTotal"),
        generalFund: { warningMarginPct: num("warningMarginPct") },
        capital: {
          overspendAmberPct: num("capital.overspendAmberPct"), overspendRedPct: num("capital.overspendRedPct"),
          slippageAmberPct: num("capital.slippageAmberPct"), slippageRedPct: num("capital.slippageRedPct"),
        },
        savings: { greenPct: num("savings.greenPct"), amberPct: num("savings.amberPct") },
      },
    },
  };
}

/** The errors in the order the form shows its fields, for a summary. */
export function orderedErrors(errors: FieldErrors, order: readonly FieldKey[]): Array<[FieldKey, string]> {
  return order.filter((k) => errors[k]).map((k) => [k, errors[k] as string]);
}
