/**
 * Reading a monitoring period from JSON: exact number parsing (lossless-json), validation against the
 * JSON Schema (ajv), then the checks a schema cannot express. Every problem names the field, in words.
 */
import type { ErrorObject } from "ajv";
import { isSafeNumber, parse as parseLossless } from "lossless-json";
import { schemaValidator } from "./schema-validator";
import { AmountError, parseAmount } from "./amount";
import { type Problem, semanticProblems } from "./semantics";
import { defaultSettings } from "./defaults";
import type {
  CapitalLine, ControlTotals, Decimal, MonitoredLine, MonitoringPeriod, PeriodSnapshot, Reserve, RevenueGroup,
  SavingsScheme, Settings, Threshold, Units, VarianceRagRule,
} from "./types";

export type { Problem } from "./semantics";

export class ModelError extends Error {
  constructor(readonly problems: Problem[], readonly source: string = "the file") {
    super(`${source} cannot be used:\n` + problems.map((p) => `- ${p.field ? p.field + ": " : ""}${p.message}`).join("\n"));
    this.name = "ModelError";
  }
}

/** Parses the text of a .json file into a validated model. */
export function parseMonitoringJson(text: string, source = "the file"): MonitoringPeriod {
  let doc: unknown;
  try {
    // Numbers keep their exact text: a safe one becomes a JS number (its text round-trips), any other stays text
    // and the amount pattern then rejects it by name (e.g. a 20-digit amount), instead of being silently rounded.
    doc = parseLossless(text, undefined, (numberText: string) => (isSafeNumber(numberText) ? Number(numberText) : numberText));
  } catch (e) {
    throw new ModelError([{ field: "", message: `is not valid JSON (${(e as Error).message}). Check the file is the monitoring JSON and not, say, a workbook or a text export.` }], source);
  }
  return modelFromDocument(doc, source);
}

/** Validates a parsed document (plain JSON values) and builds the model. */
export function modelFromDocument(doc: unknown, source = "the file"): MonitoringPeriod {
  const validate = schemaValidator();
  if (!validate(doc)) {
    throw new ModelError(describeSchemaErrors(validate.errors ?? [], doc), source);
  }
  const model = build(doc as unknown as FileDocument);
  const problems = semanticProblems(model);
  if (problems.length) throw new ModelError(problems, source);
  return model;
}

// ---- from the validated document to the model ----

type Json = string | number | null;
interface FileDocument {
  organisation: string; financialYear: string; period: MonitoringPeriod["period"]; units: Units;
  settings?: Record<string, unknown>;
  revenue: { groups: Array<Record<string, unknown>>; transfers: Array<Record<string, unknown>>; netBudgetRef?: string | null; netBudgetCommentary?: string | null };
  capital: { lines: Array<Record<string, unknown>>; financing: Array<Record<string, unknown>> };
  reserves: Array<Record<string, unknown>>;
  savings: Array<Record<string, unknown>>;
  history?: Array<Record<string, unknown>>;
  controlTotals?: Record<string, unknown> | null;
}

const amt = (v: unknown): Decimal => parseAmount(v as Json);
const optAmt = (v: unknown): Decimal | null => (v === null || v === undefined ? null : amt(v));
const text = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);

function line(o: Record<string, unknown>): MonitoredLine {
  return {
    name: o.name as string, ref: text(o.ref), commentary: text(o.commentary),
    originalBudget: optAmt(o.originalBudget), revisedBudget: optAmt(o.revisedBudget),
    actualToDate: optAmt(o.actualToDate), forecastOutturn: optAmt(o.forecastOutturn),
  };
}

function build(doc: FileDocument): MonitoringPeriod {
  return {
    schemaVersion: 1,
    organisation: doc.organisation,
    financialYear: doc.financialYear,
    period: doc.period,
    units: doc.units,
    settings: mergeSettings(defaultSettings(doc.units), doc.settings ?? {}),
    revenue: {
      groups: doc.revenue.groups.map((g): RevenueGroup => ({
        name: g.name as string, ref: text(g.ref), commentary: text(g.commentary),
        lines: (g.lines as Array<Record<string, unknown>>).map(line),
      })),
      transfers: doc.revenue.transfers.map(line),
      netBudgetRef: text(doc.revenue.netBudgetRef),
      netBudgetCommentary: text(doc.revenue.netBudgetCommentary),
    },
    capital: {
      lines: doc.capital.lines.map((l): CapitalLine => ({ ...line(l), slippage: optAmt(l.slippage) })),
      financing: doc.capital.financing.map(line),
    },
    reserves: doc.reserves.map((r): Reserve => ({
      name: r.name as string, kind: r.kind as Reserve["kind"], commentary: text(r.commentary),
      openingBalance: optAmt(r.openingBalance), budgetedTransfer: optAmt(r.budgetedTransfer),
      commitments: optAmt(r.commitments), actualTransfer: optAmt(r.actualTransfer),
    })),
    savings: doc.savings.map((s): SavingsScheme => ({
      category: s.category as string, scheme: s.scheme as string, status: s.status as SavingsScheme["status"],
      planned: optAmt(s.planned), deliveredToDate: optAmt(s.deliveredToDate),
      forecastFurtherDelivery: optAmt(s.forecastFurtherDelivery), expectedNextYear: optAmt(s.expectedNextYear),
      replacement: s.replacement === true, commentary: text(s.commentary),
    })),
    history: (doc.history ?? []).map(snapshot),
    controlTotals: doc.controlTotals ? controlTotals(doc.controlTotals) : null,
  };
}

function snapshot(o: Record<string, unknown>): PeriodSnapshot {
  const part = (k: string) => (o[k] ?? null) as Record<string, unknown> | null;
  const rag = (p: Record<string, unknown>) => (p.rag ?? null) as PeriodSnapshot["revenue"]["rag"];
  const revenue = part("revenue") as Record<string, unknown>;
  const capital = part("capital");
  const gf = part("generalFund");
  const savings = part("savings");
  return {
    period: o.period as PeriodSnapshot["period"],
    closedOn: text(o.closedOn),
    revenue: { revisedBudget: amt(revenue.revisedBudget), forecastOutturn: amt(revenue.forecastOutturn), rag: rag(revenue) },
    capital: capital && { revisedBudget: amt(capital.revisedBudget), forecastOutturn: amt(capital.forecastOutturn), slippage: optAmt(capital.slippage), rag: rag(capital) },
    generalFund: gf && { forecastClosing: amt(gf.forecastClosing), forecastPct: amt(gf.forecastPct), rag: rag(gf) },
    savings: savings && { planned: amt(savings.planned), achieved: amt(savings.achieved), rag: rag(savings) },
  };
}

function columnTotals(o: unknown): Record<string, Decimal> {
  const out: Record<string, Decimal> = {};
  for (const [k, v] of Object.entries((o ?? {}) as Record<string, unknown>)) out[k] = amt(v);
  return out;
}

function controlTotals(o: Record<string, unknown>): ControlTotals {
  const rev = o.revenue as Record<string, unknown> | null | undefined;
  const cap = o.capital as Record<string, unknown> | null | undefined;
  const res = o.reserves as Record<string, unknown> | null | undefined;
  const sav = o.savings as Record<string, unknown> | null | undefined;
  return {
    source: text(o.source),
    revenue: rev
      ? {
          groups: Object.fromEntries(Object.entries((rev.groups ?? {}) as Record<string, unknown>).map(([k, v]) => [k, columnTotals(v)])),
          totalNetRevenueExpenditure: rev.totalNetRevenueExpenditure ? columnTotals(rev.totalNetRevenueExpenditure) : null,
          netBudget: rev.netBudget ? columnTotals(rev.netBudget) : null,
        }
      : null,
    capital: cap ? { programme: cap.programme ? columnTotals(cap.programme) : null, financing: cap.financing ? columnTotals(cap.financing) : null } : null,
    reserves: res ? Object.fromEntries(Object.entries(res).map(([k, v]) => [k, columnTotals(v)])) : null,
    savings: sav ? { planned: optAmt(sav.planned), achieved: optAmt(sav.achieved) } : null,
  };
}

/** Settings from the file over the defaults, field by field. */
export function mergeSettings(base: Settings, given: Record<string, unknown>): Settings {
  const g = given as {
    signConvention?: Settings["signConvention"]; materiality?: Json;
    reservesBand?: { minimumPct?: Json; maximumPct?: Json };
    rag?: Record<string, Record<string, unknown> | undefined>;
  };
  const num = (v: Json | undefined, fallback: Decimal) => (v === undefined || v === null ? fallback : amt(v));
  const rule = (b: VarianceRagRule, r: Record<string, unknown> | undefined): VarianceRagRule => {
    if (!r) return b;
    const threshold = (bt: Threshold, t: Record<string, Json> | undefined): Threshold =>
      t ? { amount: "amount" in t ? optAmt(t.amount) : bt.amount, pct: "pct" in t ? optAmt(t.pct) : bt.pct } : bt;
    return {
      amber: threshold(b.amber, r.amber as Record<string, Json> | undefined),
      red: threshold(b.red, r.red as Record<string, Json> | undefined),
      combine: (r.combine as VarianceRagRule["combine"] | undefined) ?? b.combine,
      favourableIsGreen: (r.favourableIsGreen as boolean | undefined) ?? b.favourableIsGreen,
    };
  };
  const rag = g.rag ?? {};
  const pick = (k: string) => (rag[k] ?? {}) as Record<string, Json>;
  const gf = pick("generalFund"), cap = pick("capital"), sav = pick("savings");
  return {
    signConvention: g.signConvention ?? base.signConvention,
    materiality: num(g.materiality, base.materiality),
    reservesBand: {
      minimumPct: num(g.reservesBand?.minimumPct, base.reservesBand.minimumPct),
      maximumPct: num(g.reservesBand?.maximumPct, base.reservesBand.maximumPct),
    },
    rag: {
      revenueLine: rule(base.rag.revenueLine, rag.revenueLine),
      revenueGroup: rule(base.rag.revenueGroup, rag.revenueGroup),
      revenueTotal: rule(base.rag.revenueTotal, rag.revenueTotal),
      generalFund: { warningMarginPct: num(gf.warningMarginPct, base.rag.generalFund.warningMarginPct) },
      capital: {
        overspendAmberPct: num(cap.overspendAmberPct, base.rag.capital.overspendAmberPct),
        overspendRedPct: num(cap.overspendRedPct, base.rag.capital.overspendRedPct),
        slippageAmberPct: num(cap.slippageAmberPct, base.rag.capital.slippageAmberPct),
        slippageRedPct: num(cap.slippageRedPct, base.rag.capital.slippageRedPct),
      },
      savings: { greenPct: num(sav.greenPct, base.rag.savings.greenPct), amberPct: num(sav.amberPct, base.rag.savings.amberPct) },
    },
  };
}

// ---- schema errors in words ----

const FIELD_WORDS: Record<string, string> = {
  originalBudget: "original budget", revisedBudget: "revised budget", actualToDate: "actual to date", forecastOutturn: "forecast outturn",
  openingBalance: "opening balance", budgetedTransfer: "budgeted transfer", commitments: "commitments", actualTransfer: "actual transfer",
  planned: "planned saving", deliveredToDate: "delivered to date", forecastFurtherDelivery: "forecast further delivery", slippage: "slippage",
};

/** "/revenue/groups/0/lines/1/forecastOutturn" -> revenue.groups[0].lines[1].forecastOutturn ("Pay & Employment costs"). */
export function fieldName(pointer: string, doc: unknown): string {
  const parts = pointer.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  let path = "";
  let node: unknown = doc;
  let label: string | null = null;
  for (const p of parts) {
    path += /^[0-9]+$/.test(p) ? `[${p}]` : path ? `.${p}` : p;
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[p] : undefined;
    if (node && typeof node === "object" && !Array.isArray(node)) {
      const n = (node as Record<string, unknown>).name ?? (node as Record<string, unknown>).scheme;
      if (typeof n === "string") label = n;
    }
  }
  return label ? `${path} ("${label}")` : path || "the file";
}

function describeSchemaErrors(errors: ErrorObject[], doc: unknown): Problem[] {
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const list = byPath.get(e.instancePath) ?? [];
    list.push(e);
    byPath.set(e.instancePath, list);
  }
  const problems: Problem[] = [];
  for (const [pointer, list] of byPath) {
    const value = valueAt(doc, pointer);
    const field = fieldName(pointer, doc);
    const last = pointer.split("/").pop() ?? "";
    const words = FIELD_WORDS[last];
    const isAmount = list.some((e) => e.schemaPath.includes("amount") || e.keyword === "anyOf");
    if (isAmount && list.every((e) => ["type", "pattern", "anyOf", "minimum", "maximum"].includes(e.keyword))) {
      let reason: string;
      try {
        parseAmount(value);
        reason = "is outside the range of an amount (at most 15 digits before the point)";
      } catch (err) {
        reason = err instanceof AmountError ? err.message : String(err);
      }
      problems.push({ field, message: `${words ? `the ${words} ` : ""}${reason}` });
      continue;
    }
    for (const e of list) {
      if (e.keyword === "anyOf" || e.keyword === "oneOf" || e.keyword === "if") continue;
      problems.push({ field, message: schemaMessage(e, value) });
    }
  }
  return problems.length ? problems : [{ field: "", message: "does not match the monitoring format" }];
}

function schemaMessage(e: ErrorObject, value: unknown): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required": {
      const missing = String(p.missingProperty);
      const words = FIELD_WORDS[missing];
      return `is missing the field "${missing}"${words && words !== missing ? ` (${words})` : ""}; add it (use null for a value not entered)`;
    }
    case "additionalProperties":
      return `has a field "${String(p.additionalProperty)}" the format does not know; check its spelling`;
    case "enum": {
      const allowed = (p.allowedValues as unknown[]).filter((v) => v !== null).map((v) => String(v));
      return `is ${JSON.stringify(value)}; it must be one of ${allowed.join(", ")}`;
    }
    case "const":
      return `is ${JSON.stringify(value)}; it must be ${JSON.stringify(p.allowedValue)}`;
    case "type":
      return `must be ${typeWords(String(p.type))}, not ${JSON.stringify(value)}`;
    case "pattern":
      return e.instancePath.endsWith("financialYear") ? `is ${JSON.stringify(value)}; write the financial year as 2024/25` : `is ${JSON.stringify(value)}, which is not in the expected form`;
    case "minLength":
      return "is empty; fill it in";
    case "minItems":
      return "is empty; it needs at least one entry";
    default:
      return e.message ?? "is not valid";
  }
}

function typeWords(t: string): string {
  return t.split(",").map((x) => ({ string: "text", number: "a number", object: "a set of fields", array: "a list", boolean: "true or false", null: "null" })[x] ?? x).join(" or ");
}

function valueAt(doc: unknown, pointer: string): unknown {
  let node = doc;
  for (const p of pointer.split("/").slice(1)) node = node && typeof node === "object" ? (node as Record<string, unknown>)[p] : undefined;
  return node;
}
