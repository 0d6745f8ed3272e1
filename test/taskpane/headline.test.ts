import * as fs from "node:fs";
import * as path from "node:path";
import { parseMonitoringJson } from "../../src/model/load";
import { computePosition } from "../../src/engine/position";
import { D } from "../../src/model/amount";
import { summarise } from "../../src/taskpane/headline";

const seed = () => parseMonitoringJson(fs.readFileSync(path.resolve(__dirname, "../../seeds/q2-2024-25.json"), "utf8"));

describe("position summary of the worked example (2024/25 Q2)", () => {
  const summary = summarise(computePosition(seed()));
  const byKey = Object.fromEntries(summary.headlines.map((h) => [h.key, h]));

  it("gives the published headline figures", () => {
    expect(summary.title).toBe("Dorset Police and Crime Commissioner: 2024/25 Quarter 2");
    expect(byKey.revenue).toMatchObject({ rag: "Red", figure: "£2.307m adverse" });
    expect(byKey.revenue?.detail[0]).toBe("Forecast outturn £174.2m against a net budget of £171.9m: 1.34% adverse.");
    expect(byKey.capital?.figure).toBe("£5.637m favourable");
    expect(byKey.capital?.detail[1]).toMatch(/^Slippage of £4.701m \(26\.\d\d% of the budget\) and underspends of £0.936m\.$/);
    expect(byKey.reserves).toMatchObject({ rag: "Red", figure: "2.08% of net budget" });
    expect(byKey.reserves?.detail[0]).toBe("Forecast £3.571m at year end after the forecast revenue variance: below the minimum of 3% (band 3% to 5%).");
    expect(byKey.savings).toMatchObject({ rag: "Amber", figure: "80.00% achieved" });
  });

  it("draws the general fund on the band, with a text alternative", () => {
    expect(summary.band).toMatchObject({ minimumPct: 3, maximumPct: 5, budgetedPct: 3.4199, forecastPct: 2.0777, rag: "Red" });
    expect(summary.band!.description).toContain("budgeted 3.42% (within the band), forecast 2.08% (below the minimum)");
  });

  it("gives the movement since Q1 as published", () => {
    expect(summary.movement).toMatch(/^Since Q1: the revenue variance was £3.664m adverse and is now £2.307m adverse, an improvement of £1.357m\./);
  });

  it("turns the general fund Amber when the minimum is lowered to 2%", () => {
    const model = seed();
    model.settings.reservesBand.minimumPct = new D(2);
    const s = summarise(computePosition(model));
    expect(s.headlines.find((h) => h.key === "reserves")?.rag).toBe("Amber");
  });

  it("says when there is no earlier period", () => {
    const model = seed();
    model.history = [];
    expect(summarise(computePosition(model)).movement).toMatch(/^No earlier period/);
  });
});

describe("a blank template", () => {
  it("has no position to show until there is a net budget", async () => {
    const { blankPeriod } = await import("../../src/model/template");
    const { notYet } = await import("../../src/taskpane/headline");
    const model = blankPeriod({ organisation: "Dorset", financialYear: "2024/25", period: "Q2", units: "£000" });
    expect(notYet(computePosition(model))).toMatch(/^No figures yet/);
    expect(notYet(computePosition(seed()))).toBeNull();
  });
});
