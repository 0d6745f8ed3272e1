/**
 * Fixtures for the history, narrative and slides tests: the worked example (and variants of it as files would be
 * written), and a generated year whose Q1 is closed and rolled forward to Q2.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { D } from "../../src/model/amount";
import { modelFromDocument, parseMonitoringJson } from "../../src/model/load";
import { blankPeriod } from "../../src/model/template";
import { closePeriod, rollForward } from "../../src/engine/history";
import { computePosition, type Position } from "../../src/engine/position";
import type { Decimal, MonitoringPeriod } from "../../src/model/types";

export const ROOT = join(__dirname, "..", "..");
export const SEED = join(ROOT, "seeds", "q2-2024-25.json");

export function seedText(): string {
  return readFileSync(SEED, "utf8");
}

/** The worked example as its JSON document (all its amounts are whole £000, safe as JS numbers). */
export function seedDocument(): Record<string, unknown> {
  return JSON.parse(seedText()) as Record<string, unknown>;
}

export function seedModel(): MonitoringPeriod {
  return parseMonitoringJson(seedText(), SEED);
}

export function positionOf(doc: Record<string, unknown>): Position {
  return computePosition(modelFromDocument(doc));
}

const AMOUNT_KEYS = new Set([
  "originalBudget", "revisedBudget", "actualToDate", "forecastOutturn", "slippage", "openingBalance", "budgetedTransfer",
  "commitments", "actualTransfer", "planned", "deliveredToDate", "forecastFurtherDelivery", "expectedNextYear", "forecastClosing", "achieved",
]);

/** Every amount of a document multiplied by 1000 and written as text (a £ file); settings and percentages untouched. */
export function inPounds(doc: unknown): unknown {
  if (Array.isArray(doc)) return doc.map(inPounds);
  if (doc && typeof doc === "object") {
    return Object.fromEntries(Object.entries(doc as Record<string, unknown>).map(([k, v]) => {
      if (k === "settings") return [k, v];
      if (AMOUNT_KEYS.has(k) && (typeof v === "number" || typeof v === "string")) return [k, new D(v).times(1000).toFixed()];
      return [k, inPounds(v)];
    }));
  }
  return doc;
}

/** Sets a revenue line's forecast in a document (by line name). */
export function withRevenueForecast(doc: Record<string, unknown>, lineName: string, forecast: number | string): Record<string, unknown> {
  const copy = structuredClone(doc) as { revenue: { groups: Array<{ lines: Array<{ name: string; forecastOutturn: unknown }> }> } };
  const line = copy.revenue.groups.flatMap((g) => g.lines).find((l) => l.name === lineName);
  if (!line) throw new Error(`no revenue line ${lineName}`);
  line.forecastOutturn = forecast;
  return copy as unknown as Record<string, unknown>;
}

// ---- a generated year ----

/** A small deterministic PRNG (mulberry32), so the generated year is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const whole = (n: number): Decimal => new D(Math.round(n));

/**
 * Q1 of a generated year (2025/26, £000) built on the blank template: budgets, actuals for a quarter, forecasts with
 * an adverse revenue variance, capital slippage, reserves and savings.
 */
export function generatedQ1(seed = 7): MonitoringPeriod {
  const r = random(seed);
  const m = blankPeriod({ organisation: "Wessex Police and Crime Commissioner", financialYear: "2025/26", period: "Q1", units: "£000" });
  const budgets: Record<string, number> = { Income: -30_000 - 5_000 * r(), "Pay & Employment costs": 140_000 + 10_000 * r(), Overheads: 45_000 + 5_000 * r(), "Capital Financing": 5_000 + 2_000 * r(), OPCC: 3_000 + 500 * r() };
  const drift: Record<string, number> = { Income: -1_500, "Pay & Employment costs": 6_000, Overheads: 400, "Capital Financing": -600, OPCC: 0 };
  for (const g of m.revenue.groups) {
    for (const l of g.lines) {
      const b = budgets[l.name] ?? 1_000;
      l.originalBudget = whole(b);
      l.revisedBudget = whole(b);
      l.actualToDate = whole(b / 4);
      l.forecastOutturn = whole(b + (drift[l.name] ?? 0));
      l.commentary = "Generated commentary.";
    }
  }
  for (const t of m.revenue.transfers) {
    t.originalBudget = whole(-600); t.revisedBudget = whole(-600); t.actualToDate = whole(0); t.forecastOutturn = whole(-600);
  }
  const capital: Record<string, [number, number, number]> = { Vehicles: [1_500, 1_200, 0], "Estates Works": [8_000, 6_000, 1_500], ICT: [5_000, 3_000, 1_800], Equipment: [1_000, 1_000, 0], Slippage: [-400, 0, -400] };
  for (const l of m.capital.lines) {
    const [budget, forecast, slip] = capital[l.name] ?? [0, 0, 0];
    l.originalBudget = whole(budget); l.revisedBudget = whole(budget); l.actualToDate = whole(Math.max(0, forecast / 5)); l.forecastOutturn = whole(forecast); l.slippage = whole(slip);
    l.commentary = "Generated commentary.";
  }
  const programme = Object.values(capital).reduce((a, [b]) => a + b, 0);
  const forecastTotal = Object.values(capital).reduce((a, [, f]) => a + f, 0);
  for (const f of m.capital.financing) {
    const borrowing = f.name === "Borrowing";
    const fixed = 500;
    f.originalBudget = whole(borrowing ? programme - 4 * fixed : fixed);
    f.revisedBudget = f.originalBudget;
    f.actualToDate = whole(0);
    f.forecastOutturn = whole(borrowing ? forecastTotal - 4 * fixed : fixed);
    f.commentary = borrowing ? "Borrowing balances the programme." : null;
  }
  m.reserves.forEach((res, i) => {
    res.openingBalance = whole(res.kind === "generalFund" ? 7_000 : 300 + 50 * i);
    res.budgetedTransfer = whole(res.kind === "earmarked" && i < 3 ? -200 : 0);
    res.commitments = res.budgetedTransfer;
    res.actualTransfer = whole(0);
  });
  const planned = [1_800, 1_200, 1_500];
  m.savings.forEach((s, i) => {
    s.planned = whole(planned[i] ?? 0);
    s.deliveredToDate = whole((planned[i] ?? 0) / 3);
    s.forecastFurtherDelivery = whole((planned[i] ?? 0) / 2);
    s.expectedNextYear = whole(0);
  });
  return m;
}

/** The treasurer's Q2 update of a rolled-forward model: actuals for half a year, and a pay forecast `change` (£000) lower. */
export function updateForQ2(m: MonitoringPeriod, change: number): MonitoringPeriod {
  const groups = m.revenue.groups.map((g) => ({
    ...g,
    lines: g.lines.map((l) => ({
      ...l,
      actualToDate: l.revisedBudget === null ? null : l.revisedBudget.div(2).toDecimalPlaces(0),
      forecastOutturn: l.name === "Pay & Employment costs" && l.forecastOutturn ? l.forecastOutturn.minus(change) : l.forecastOutturn,
    })),
  }));
  return { ...m, revenue: { ...m.revenue, groups } };
}

/** Q1 closed and rolled forward to Q2, then updated: the Q2 position, and the closed Q1 position. */
export function generatedYear(change = 1_250): { q1: Position; q2: Position; q2Model: MonitoringPeriod } {
  const q1Model = generatedQ1();
  const q1 = computePosition(q1Model);
  const closed = closePeriod(q1Model, q1, "2025-07-31");
  const q2Model = updateForQ2(rollForward(closed, "Q2"), change);
  return { q1, q2: computePosition(q2Model), q2Model };
}
