/** Closing, reopening and rolling forward periods (src/engine/history.ts). */
import fc from "fast-check";
import { D } from "../../src/model/amount";
import { semanticProblems } from "../../src/model/semantics";
import { endMonth } from "../../src/model/period";
import {
  HistoryError, SNAPSHOT_PCT_DP, closePeriod, isClosed, normaliseHistory, reopenPeriod, rollForward, snapshotOf,
} from "../../src/engine/history";
import { computePosition } from "../../src/engine/position";
import { reportJson } from "../../src/report/json";
import type { MonitoringPeriod, PeriodSnapshot } from "../../src/model/types";
import { period as arbitraryPeriod } from "../support/arbitrary-period";
import { generatedQ1, generatedYear, seedModel } from "./fixtures";

const text = (d: { toFixed(): string } | null | undefined) => (d ? d.toFixed() : d);

function snap(period: PeriodSnapshot["period"], forecast = 100): PeriodSnapshot {
  return { period, closedOn: null, revenue: { revisedBudget: new D(100), forecastOutturn: new D(forecast), rag: "Green" }, capital: null, generalFund: null, savings: null };
}

function isSortedAndUnique(history: PeriodSnapshot[]): boolean {
  const periods = history.map((h) => h.period);
  return new Set(periods).size === periods.length && history.every((h, i) => i === 0 || endMonth(history[i - 1]!.period) <= endMonth(h.period));
}

describe("snapshotOf", () => {
  it("keeps the worked example's key figures as budget and forecast, with the RAG of each area", () => {
    const s = snapshotOf(computePosition(seedModel()));
    expect(s.period).toBe("Q2");
    expect(s.closedOn).toBeNull();
    expect([text(s.revenue.revisedBudget), text(s.revenue.forecastOutturn), s.revenue.rag]).toEqual(["171875", "174182", "Red"]);
    expect([text(s.capital?.revisedBudget), text(s.capital?.forecastOutturn), text(s.capital?.slippage), s.capital?.rag]).toEqual(["17959", "12322", "4701", "Red"]);
    expect([text(s.generalFund?.forecastClosing), text(s.generalFund?.forecastPct), s.generalFund?.rag]).toEqual(["3571", "2.0777", "Red"]);
    expect([text(s.savings?.planned), text(s.savings?.achieved), s.savings?.rag]).toEqual(["4500", "3600", "Amber"]);
  });

  it("does not depend on the sign convention", () => {
    const model = seedModel();
    const other: MonitoringPeriod = { ...model, settings: { ...model.settings, signConvention: "forecast-minus-budget" } };
    expect(snapshotOf(computePosition(other))).toEqual(snapshotOf(computePosition(model)));
  });

  it("keeps the general fund % to at most the 6 places a file can hold", () => {
    expect(snapshotOf(computePosition(seedModel())).generalFund?.forecastPct.decimalPlaces()).toBeLessThanOrEqual(Math.min(SNAPSHOT_PCT_DP, 6));
  });
});

describe("closePeriod and reopenPeriod", () => {
  const model = seedModel();
  const position = computePosition(model);

  it("adds the period's snapshot after the earlier ones, keeping them", () => {
    const closed = closePeriod(model, position, "2024-10-31");
    expect(closed.history.map((h) => h.period)).toEqual(["Q1", "Q2"]);
    expect(closed.history[0]).toBe(model.history[0]);
    expect(closed.history[1]).toEqual(snapshotOf(position, "2024-10-31"));
    expect(isClosed(closed)).toBe(true);
    expect(model.history.map((h) => h.period)).toEqual(["Q1"]); // the input is not changed
  });

  it("changes nothing when the period is closed again, even on a later date", () => {
    const once = closePeriod(model, position, "2024-10-31");
    const twice = closePeriod(once, computePosition(once), "2024-11-15");
    expect(twice).toEqual(once);
    expect(twice.history[1]?.closedOn).toBe("2024-10-31");
  });

  it("replaces the snapshot (and its date) when the figures changed before closing again", () => {
    const once = closePeriod(model, position, "2024-10-31");
    const pay = once.revenue.groups[0]!.lines[1]!;
    const edited: MonitoringPeriod = {
      ...once,
      revenue: { ...once.revenue, groups: [{ ...once.revenue.groups[0]!, lines: once.revenue.groups[0]!.lines.map((l) => (l === pay ? { ...l, forecastOutturn: new D(153000) } : l)) }, ...once.revenue.groups.slice(1)] },
    };
    const again = closePeriod(edited, computePosition(edited), "2024-11-15");
    expect(again.history.map((h) => h.period)).toEqual(["Q1", "Q2"]);
    expect(text(again.history[1]?.revenue.forecastOutturn)).toBe("173385");
    expect(again.history[1]?.closedOn).toBe("2024-11-15");
  });

  it("reopening removes that period's snapshot only; reopening an open period changes nothing", () => {
    const closed = closePeriod(model, position, null);
    const reopened = reopenPeriod(closed, "Q2");
    expect(reopened.history).toEqual(model.history);
    expect(isClosed(reopened)).toBe(false);
    expect(reopenPeriod(reopened, "Q2")).toEqual(reopened);
    expect(reopenPeriod(closed, "Q1").history.map((h) => h.period)).toEqual(["Q2"]);
  });

  it("sorts history by the month a period ends (a quarter before its last month) and never duplicates", () => {
    expect(normaliseHistory([snap("M05"), snap("Q1"), snap("M03"), snap("Q1", 101)]).map((h) => [h.period, text(h.revenue.forecastOutturn)])).toEqual([
      ["Q1", "101"], ["M03", "100"], ["M05", "100"],
    ]);
    const q3: MonitoringPeriod = { ...model, period: "Q3", history: [snap("Q2"), snap("Q1")] };
    expect(closePeriod(q3, computePosition(q3), null).history.map((h) => h.period)).toEqual(["Q1", "Q2", "Q3"]);
  });

  it("refuses figures of another period and a date that is not YYYY-MM-DD", () => {
    const q3: MonitoringPeriod = { ...model, period: "Q3" };
    expect(() => closePeriod(q3, position, null)).toThrow(HistoryError);
    expect(() => closePeriod(model, position, "31/10/2024")).toThrow(/YYYY-MM-DD/);
  });
});

describe("rollForward", () => {
  it("gives the next period with the closed history, and refuses to roll an open period or roll backwards", () => {
    const model = seedModel();
    const closed = closePeriod(model, computePosition(model), "2024-10-31");
    const q3 = rollForward(closed, "Q3");
    expect(q3.period).toBe("Q3");
    expect(q3.history.map((h) => h.period)).toEqual(["Q1", "Q2"]);
    expect(q3.controlTotals).toBeNull();
    expect(q3.revenue).toBe(closed.revenue);
    expect(semanticProblems(q3)).toEqual([]);
    const p3 = computePosition(q3);
    expect(p3.movement?.previous.period).toBe("Q2");
    expect(p3.movement?.favourable.isZero()).toBe(true); // no figures changed yet
    expect(() => rollForward(model, "Q3")).toThrow(/Close Q2 before rolling forward/);
    expect(() => rollForward(closed, "Q1")).toThrow(HistoryError);
    expect(() => rollForward(closed, "M06")).toThrow(HistoryError); // ends in the same month as Q2
  });
});

describe("a generated year: Q1 closed, rolled forward to Q2 and updated", () => {
  const { q1, q2 } = generatedYear(1_250);

  it("shows the movement since Q1 and Q1's RAG in Q2", () => {
    expect(q1.movement).toBeNull();
    expect(q2.model.history.map((h) => h.period)).toEqual(["Q1"]);
    expect(q2.movement?.previous).toEqual(snapshotOf(q1, "2025-07-31"));
    expect(q2.movement?.favourable.toFixed()).toBe("1250");
    const json = reportJson(q2);
    expect(json.revenue.previousPeriod).toBe("Q1");
    expect(json.revenue.previousRag).toBe(q1.rag.revenue);
    expect(json.revenue.movementSincePrevious?.toFixed()).toBe("1250");
  });

  it("closing Q2 twice gives the same history as closing it once", () => {
    const once = closePeriod(q2.model, q2, "2025-10-31");
    expect(closePeriod(once, computePosition(once), "2025-11-30")).toEqual(once);
    expect(once.history.map((h) => h.period)).toEqual(["Q1", "Q2"]);
  });

  it("the generated Q1 is a valid period", () => {
    expect(semanticProblems(generatedQ1())).toEqual([]);
  });
});

describe("properties", () => {
  it("closing is idempotent, keeps every other period's snapshot, and history stays sorted and unique", () => {
    fc.assert(
      fc.property(arbitraryPeriod, fc.constantFrom("2024-10-31", "2025-01-31", null), (model, date) => {
        const closed = closePeriod(model, computePosition(model), date);
        const again = closePeriod(closed, computePosition(closed), "2030-01-01");
        expect(again).toEqual(closed);
        for (const s of model.history) expect(closed.history).toContain(s);
        expect(closed.history.filter((h) => h.period === model.period)).toHaveLength(1);
        expect(isSortedAndUnique(closed.history)).toBe(true);
        // Closing does not change the period's own figures or movement.
        expect(computePosition(closed).movement?.previous ?? null).toEqual(computePosition(model).movement?.previous ?? null);
        expect(reopenPeriod(closed, model.period).history).toEqual(normaliseHistory(model.history));
      }),
      { numRuns: 60 },
    );
  });
});
