/**
 * Reading a monitoring period from JSON: exact number parsing (lossless-json), validation against the
 * JSON Schema (ajv), then the checks a schema cannot express. Every problem names the field, in words.
 */
import type { ErrorObject } from "ajv";
import { parseExactJson } from "./exact-json";
import { schemaValidator } from "./schema-validator";
import { AmountError, parseAmount } from "./amount";
import { type Problem, semanticProblems } from "./semantics";
import { structuralProblems } from "./structure";
import { defaultSettings, mergeSettings, settingOf } from "./settings/values";
import { SETTING_KEYS, jsonPath, type SettingKey } from "./settings/registry";
import { settingProblems } from "./settings/validate";
import type {
  BudgetProfile, CapitalLine, ControlTotals, Decimal, MonitoredLine, MonitoringPeriod, PeriodSnapshot, Reserve,
  RevenueGroup, RevenueLine, SavingsScheme, Settings, Units,
} from "./types";
import type { Workforce, WorkforceGroup } from "./workforce";

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
    doc = parseExactJson(text);
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
  const file = doc as FileDocument;
  let settings: ReturnType<typeof settingsOf>, model: MonitoringPeriod;
  try {
    settings = settingsOf(file);
    model = build(file, settings.settings);
  } catch (e) {
    // An amount the schema lets through but the amount rule refuses (1e-7, 153797.1234567, 21 significant digits) is
    // found while the model is built, where its field is not known: name every such field.
    if (e instanceof AmountError) throw new ModelError(amountProblems(doc, e), source);
    throw e;
  }
  const problems = [...settings.problems, ...structuralProblems(model), ...semanticProblems(model)];
  if (problems.length) throw new ModelError(problems, source);
  return model;
}

/** Every amount-like value of the document the amount rule refuses, by field path. */
function amountProblems(doc: unknown, original: AmountError): Problem[] {
  const problems: Problem[] = [];
  const walk = (node: unknown, pointer: string) => {
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, `${pointer}/${i}`));
    else if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) walk(v, `${pointer}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`);
    else if (typeof node === "number" || (typeof node === "string" && /^\s*-?[0-9.]+(e[-+]?[0-9]+)?\s*$/i.test(node))) {
      try {
        parseAmount(node);
      } catch (e) {
        if (e instanceof AmountError) problems.push({ field: fieldName(pointer, doc), message: e.message });
      }
    }
  };
  walk(doc, "");
  return problems.length ? problems : [{ field: "", message: `an amount ${original.message}` }];
}

// ---- from the validated document to the model ----

interface FileDocument {
  organisation: string; financialYear: string; period: MonitoringPeriod["period"]; units: Units;
  settings?: Record<string, unknown>;
  revenue: { groups: Array<Record<string, unknown>>; transfers: Array<Record<string, unknown>>; netBudgetRef?: string | null; netBudgetCommentary?: string | null };
  capital: { lines: Array<Record<string, unknown>>; financing: Array<Record<string, unknown>> };
  reserves: Array<Record<string, unknown>>;
  savings: Array<Record<string, unknown>>;
  history?: Array<Record<string, unknown>>;
  workforce?: Record<string, unknown> | null;
  controlTotals?: Record<string, unknown> | null;
}

const amt = (v: unknown): Decimal => parseAmount(v);
const optAmt = (v: unknown): Decimal | null => (v === null || v === undefined ? null : amt(v));
const text = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);

function line(o: Record<string, unknown>): MonitoredLine {
  return {
    name: o.name as string, ref: text(o.ref), commentary: text(o.commentary),
    originalBudget: optAmt(o.originalBudget), revisedBudget: optAmt(o.revisedBudget),
    actualToDate: optAmt(o.actualToDate), forecastOutturn: optAmt(o.forecastOutturn),
  };
}

function profile(o: unknown): BudgetProfile | null {
  if (!o || typeof o !== "object") return null;
  const p = o as Record<string, unknown>;
  switch (p.kind) {
    case "custom": return { kind: "custom", monthlyPct: (p.monthlyPct as unknown[]).map(amt) };
    case "lastYear": return { kind: "lastYear" };
    case "payLike": return { kind: "payLike", awardFromMonth: p.awardFromMonth as number, awardPct: amt(p.awardPct) };
    default: return { kind: "flat" };
  }
}

/** A revenue line: a monitored line with, optionally, its budget profile and last year's monthly actuals. */
function revenueLine(o: Record<string, unknown>): RevenueLine {
  const l: RevenueLine = line(o);
  if (o.profile) l.profile = profile(o.profile);
  if (Array.isArray(o.lastYearMonthly)) l.lastYearMonthly = o.lastYearMonthly.map(amt);
  if (o.commitments !== undefined && o.commitments !== null) l.commitments = amt(o.commitments);
  if (Array.isArray(o.budgetSplit)) l.budgetSplit = (o.budgetSplit as Array<Record<string, unknown>>).map((p) => ({ name: p.name as string, revisedBudget: amt(p.revisedBudget) }));
  return l;
}

function build(doc: FileDocument, settings: Settings): MonitoringPeriod {
  return {
    schemaVersion: 1,
    organisation: doc.organisation,
    financialYear: doc.financialYear,
    period: doc.period,
    units: doc.units,
    settings,
    revenue: {
      groups: doc.revenue.groups.map((g): RevenueGroup => ({
        name: g.name as string, ref: text(g.ref), commentary: text(g.commentary),
        lines: (g.lines as Array<Record<string, unknown>>).map(revenueLine),
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
      ...(r.forecastClosing === undefined ? {} : { forecastClosing: optAmt(r.forecastClosing) }),
    })),
    savings: doc.savings.map((s): SavingsScheme => ({
      category: s.category as string, scheme: s.scheme as string, status: s.status as SavingsScheme["status"],
      planned: optAmt(s.planned), deliveredToDate: optAmt(s.deliveredToDate),
      forecastFurtherDelivery: optAmt(s.forecastFurtherDelivery), expectedNextYear: optAmt(s.expectedNextYear),
      replacement: s.replacement === true, commentary: text(s.commentary),
    })),
    history: (doc.history ?? []).map(snapshot),
    ...(doc.workforce ? { workforce: workforceOf(doc.workforce) } : {}),
    controlTotals: doc.controlTotals ? controlTotals(doc.controlTotals) : null,
  };
}

function workforceOf(o: Record<string, unknown>): Workforce {
  const target = (o.officerTarget ?? null) as Record<string, unknown> | null;
  return {
    groups: (o.groups as Array<Record<string, unknown>>).map((g): WorkforceGroup => ({
      name: g.name as string, kind: g.kind as WorkforceGroup["kind"],
      establishmentFte: optAmt(g.establishmentFte), actualFte: optAmt(g.actualFte), headcount: optAmt(g.headcount),
      movements: ((g.movements ?? []) as Array<Record<string, unknown>>).map((m) => ({ month: m.month as string, joiners: amt(m.joiners), leavers: amt(m.leavers) })),
    })),
    officerTarget: target && {
      countDate: target.countDate as string, targetHeadcount: amt(target.targetHeadcount), forecastHeadcount: optAmt(target.forecastHeadcount), grant: amt(target.grant),
    },
    overtime: ((o.overtime ?? []) as Array<Record<string, unknown>>).map((l) => ({
      group: l.group as string, reason: l.reason as string, budget: optAmt(l.budget), actualToDate: optAmt(l.actualToDate), forecast: optAmt(l.forecast),
      ...(l.budgetToDate === undefined ? {} : { budgetToDate: optAmt(l.budgetToDate) }),
      ...(l.recharged === undefined ? {} : { recharged: optAmt(l.recharged) }),
      ...(typeof l.revenueLine === "string" ? { revenueLine: l.revenueLine } : {}),
    })),
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
    ...(Array.isArray(o.lines) ? { lines: (o.lines as Array<Record<string, unknown>>).map((l) => ({ group: l.group as string, name: l.name as string, revisedBudget: amt(l.revisedBudget), forecastOutturn: amt(l.forecastOutturn) })) } : {}),
    ...(Array.isArray(o.transfers) ? { transfers: (o.transfers as Array<Record<string, unknown>>).map((l) => ({ name: l.name as string, revisedBudget: amt(l.revisedBudget), forecastOutturn: amt(l.forecastOutturn) })) } : {}),
    ...(part("workforce") ? { workforce: { establishmentFte: amt(part("workforce")!.establishmentFte), actualFte: amt(part("workforce")!.actualFte), forecastFte: amt(part("workforce")!.forecastFte) } } : {}),
  };
}

function columnTotals(o: unknown): Record<string, Decimal> {
  const out: Record<string, Decimal> = {};
  for (const [k, v] of Object.entries((o ?? {}) as Record<string, unknown>)) out[k] = amt(v);
  return out;
}

const perName = (o: unknown): Record<string, Record<string, Decimal>> =>
  Object.fromEntries(Object.entries(o as Record<string, unknown>).map(([k, v]) => [k, columnTotals(v)]));

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
          ...(rev.lines ? { lines: perName(rev.lines) } : {}),
        }
      : null,
    capital: cap ? { programme: cap.programme ? columnTotals(cap.programme) : null, financing: cap.financing ? columnTotals(cap.financing) : null, ...(cap.lines ? { lines: perName(cap.lines) } : {}) } : null,
    reserves: res ? Object.fromEntries(Object.entries(res).map(([k, v]) => [k, columnTotals(v)])) : null,
    savings: sav ? { planned: optAmt(sav.planned), achieved: optAmt(sav.achieved) } : null,
  };
}

/**
 * Settings from the file over the defaults, checked as the Settings sheet and the pane check them. A refusal names
 * the JSON path, and says when a value in the rule came from the defaults rather than the file.
 */
function settingsOf(doc: FileDocument): { settings: Settings; problems: Problem[] } {
  const { settings, given, problems: written } = mergeSettings(defaultSettings(doc.units), doc.settings ?? {}, doc.units);
  const shown = (key: SettingKey) => {
    const v = settingOf(settings, key);
    return v === null ? "blank" : typeof v === "object" ? v.toFixed() : String(v);
  };
  const refused = new Set(written.map((w) => w.key));
  const problems = settingProblems((key) => settingOf(settings, key), refused).map((p): Problem => {
    const defaults = SETTING_KEYS.filter((k) => !given.has(k) && p.message.includes(shown(k)) && related(p.key, k));
    const note = defaults.length ? ` (${defaults.map((k) => `${jsonPath(k)} is the default ${shown(k)}, not in the file`).join("; ")}: set it in the file to change it)` : "";
    return { field: jsonPath(p.key), message: `${p.message}${note}` };
  });
  return { settings, problems: [...written.map((w) => ({ field: jsonPath(w.key), message: w.message })), ...problems] };
}

/** Settings of the same group (the same RAG rule, the band, capital, savings): the ones a cross-rule compares. */
function related(a: SettingKey, b: SettingKey): boolean {
  const group = (k: SettingKey) => (k === "reservesMin" || k === "reservesMax" ? "band" : k.split(".")[0]);
  return a !== b && group(a) === group(b);
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
      const allowed = (p.allowedValues as unknown[]).filter((v) => v !== null).map((v) => (typeof v === "string" ? v : JSON.stringify(v)));
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
