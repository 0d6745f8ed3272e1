/**
 * The incremental path (src/engine/incremental.ts) against the full computation: after any edit of a revenue input,
 * the updated position is the position of the edited period, figure for figure and check for check.
 */
import fc from "fast-check";
import { D } from "../../src/model/amount";
import { toJsonText } from "../../src/model/json-text";
import type { MonitoredColumn, MonitoringPeriod } from "../../src/model/types";
import { computePosition } from "../../src/engine/position";
import { type RevenueEdit, editRevenue } from "../../src/engine/incremental";
import { period } from "../support/arbitrary-period";
import { seedModel } from "../plans/support";

const COLUMNS: MonitoredColumn[] = ["originalBudget", "revisedBudget", "actualToDate", "forecastOutturn"];

/** The model with the edit applied, the plain way. */
function edited(model: MonitoringPeriod, e: RevenueEdit): MonitoringPeriod {
  const lines = e.group === "transfers" ? model.revenue.transfers : model.revenue.groups[e.group]!.lines;
  const target = lines.map((l, i) => (i === e.line ? { ...l, [e.column]: e.value } : l));
  if (e.group === "transfers") return { ...model, revenue: { ...model.revenue, transfers: target } };
  return { ...model, revenue: { ...model.revenue, groups: model.revenue.groups.map((g, i) => (i === e.group ? { ...g, lines: target } : g)) } };
}

const same = (a: unknown, b: unknown) => expect(toJsonText(a)).toBe(toJsonText(b));

/** An edit of some revenue line of the model: a new value (with pence or a blank sometimes) in one of its columns. */
const editOf = (model: MonitoringPeriod) => {
  const places = [
    ...model.revenue.groups.flatMap((g, gi) => g.lines.map((_, li) => ({ group: gi as number | "transfers", line: li }))),
    ...model.revenue.transfers.map((_, li) => ({ group: "transfers" as const, line: li })),
  ];
  return fc.record({
    at: fc.constantFrom(...places),
    column: fc.constantFrom(...COLUMNS),
    value: fc.oneof(
      fc.integer({ min: -200_000, max: 200_000 }).map((n) => new D(n)),
      fc.integer({ min: -20_000_000, max: 20_000_000 }).map((n) => new D(n).div(100)),
      fc.constant(null),
    ),
  }).map(({ at, column, value }): RevenueEdit => ({ ...at, column, value }));
};

describe("editing one revenue input", () => {
  test("equals computing the edited period again, for random periods and random edits (several in a row)", () => {
    fc.assert(
      fc.property(period.chain((m) => fc.tuple(fc.constant(m), fc.array(editOf(m), { minLength: 1, maxLength: 4 }))), ([model, edits]) => {
        let position = computePosition(model);
        let plain = model;
        for (const e of edits) {
          position = editRevenue(position, e);
          plain = edited(plain, e);
          same(position, computePosition(plain));
        }
      }),
      { numRuns: 150 },
    );
  });

  test("on the worked example: a forecast moved by £1m moves the Net Budget's variance, the general fund and the checks", () => {
    const model = seedModel();
    const before = computePosition(model);
    const pay = model.revenue.groups[0]!.lines[1]!;
    const after = editRevenue(before, { group: 0, line: 1, column: "forecastOutturn", value: pay.forecastOutturn!.plus(1000) });
    expect(after.revenue.netBudget.variance.toFixed()).toBe(before.revenue.netBudget.variance.minus(1000).toFixed());
    expect(after.reserves.generalFundPolicy!.forecastClosing.toFixed()).toBe(before.reserves.generalFundPolicy!.forecastClosing.minus(1000).toFixed());
    same(after, computePosition(edited(model, { group: 0, line: 1, column: "forecastOutturn", value: pay.forecastOutturn!.plus(1000) })));
  });

  test("a blank typed into a line is a missing-input error, and filling it clears the error", () => {
    const model = seedModel();
    const blank = editRevenue(computePosition(model), { group: 1, line: 0, column: "actualToDate", value: null });
    expect(blank.checks.filter((c) => c.id === "missing-input").map((c) => c.place)).toEqual([{ area: "revenue", row: model.revenue.groups[1]!.lines[0]!.name, column: "actualToDate" }]);
    const filled = editRevenue(blank, { group: 1, line: 0, column: "actualToDate", value: new D(5) });
    expect(filled.checks.some((c) => c.id === "missing-input")).toBe(false);
  });
});
