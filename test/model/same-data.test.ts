/** sameData agrees with comparing toJsonText, on the worked example and on periods differing in one figure. */
import fc from "fast-check";
import { D } from "../../src/model/amount";
import { toJsonText } from "../../src/model/json-text";
import { sameData } from "../../src/model/same-data";
import { period } from "../support/arbitrary-period";
import { seedModel } from "../plans/support";

describe("sameData", () => {
  test("is what comparing the JSON text says, for random periods and one figure changed or kept", () => {
    fc.assert(
      fc.property(period, fc.nat(), fc.boolean(), (model, pick, change) => {
        const lines = model.revenue.groups.flatMap((g) => g.lines);
        const line = lines[pick % lines.length]!;
        const value = change ? (line.forecastOutturn ?? D(0)).plus("0.01") : line.forecastOutturn === null ? null : new D(line.forecastOutturn.toFixed());
        const other = { ...model, revenue: { ...model.revenue, groups: model.revenue.groups.map((g) => ({ ...g, lines: g.lines.map((l) => (l === line ? { ...l, forecastOutturn: value } : l)) })) } };
        expect(sameData(model, other)).toBe(toJsonText(model) === toJsonText(other));
      }),
      { numRuns: 100 },
    );
  });

  test("Decimals by value, undefined keys as absent, arrays by length", () => {
    const m = seedModel();
    expect(sameData(m, seedModel())).toBe(true);
    expect(sameData(m, { ...m, period: "Q3" })).toBe(false);
    expect(sameData({ a: new D("1.50") }, { a: new D("1.5") })).toBe(true);
    expect(sameData({ a: new D("1.5") }, { a: 1.5 })).toBe(false);
    expect(sameData({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameData([1, 2], [1, 2, 3])).toBe(false);
    expect(sameData(null, {})).toBe(false);
  });
});
