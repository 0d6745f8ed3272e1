/** The narrative in the published style (src/narrative), for the worked example and its variants. */
import { computePosition } from "../../src/engine/position";
import { reportJson } from "../../src/report/json";
import { modelFromDocument } from "../../src/model/load";
import { narrative } from "../../src/narrative";
import { runCli } from "../support/cli";
import { generatedYear, inPounds, positionOf, seedDocument, seedModel, withRevenueForecast } from "../history/fixtures";

const worked = narrative(computePosition(seedModel()));
const text = worked.join("\n");

describe("the worked example (Q2 2024/25)", () => {
  it.each(["£174.2m", "£171.9m", "£2.307m", "1.34%", "£1.357m", "£3.571m", "2.08%", "3%", "£12.322m", "£17.959m", "£5.637m", "£4.701m", "£0.936m", "£0.9m"])(
    "carries the published figure %s",
    (figure) => {
      expect(text).toContain(figure);
    },
  );

  it("has one paragraph each for revenue, the general fund and reserves, capital and savings", () => {
    expect(worked).toHaveLength(4);
    expect(worked[0]).toMatch(/^The overall revenue spend/);
    expect(worked[1]).toMatch(/General Fund Balance/);
    expect(worked[2]).toMatch(/^The Capital Programme/);
    expect(worked[3]).toMatch(/savings/);
  });

  it("says the revenue position and its movement as published", () => {
    expect(worked[0]).toBe(
      "The overall revenue spend for the year is forecast to be £174.2m against a budget of £171.9m, an adverse variance of £2.307m or 1.34%. " +
        "Whilst this is still an adverse position, it is an improvement of £1.357m since Q1.",
    );
  });

  it("says the general fund against the reserves policy as published", () => {
    expect(worked[1]).toContain(
      "The current forecast would reduce the General Fund Balance to £3.571m, equivalent to 2.08% of Net Revenue Expenditure which would be below the minimum level of reserves of 3%.",
    );
    expect(worked[1]).toContain("Total usable reserves are forecast to fall from £13.149m at 1 April 2024 to £12.492m by 31 March 2025.");
  });

  it("says capital as published", () => {
    expect(worked[2]).toContain("The Capital Programme is currently predicting expenditure of £12.322m against a revised budget of £17.959m for the year");
    expect(worked[2]).toContain("The variance of £5.637m is made up of slippage of £4.701m and forecast underspends of £0.936m.");
    expect(worked[2]).toContain("This will reduce the borrowing required in 2024/25.");
  });

  it("says savings as published", () => {
    expect(worked[3]).toContain("£4.5m");
    expect(worked[3]).toContain("there remains £0.9m of savings built into the budget that have not yet been achieved.");
  });
});

describe("words follow the favourable-positive figures, not the sign convention", () => {
  it("the other sign convention gives the same narrative", () => {
    const model = seedModel();
    const other = { ...model, settings: { ...model.settings, signConvention: "forecast-minus-budget" as const } };
    expect(narrative(computePosition(other))).toEqual(worked);
  });

  it("a favourable forecast, improved since an adverse Q1, within the band", () => {
    const doc = withRevenueForecast(seedDocument(), "Pay & Employment costs", 150000); // 3,797 lower than published
    for (const convention of ["budget-minus-forecast", "forecast-minus-budget"] as const) {
      const d = { ...doc, settings: { ...(doc.settings as object), signConvention: convention } };
      const [revenue, reserves] = narrative(positionOf(d));
      expect(revenue).toBe(
        "The overall revenue spend for the year is forecast to be £170.4m against a budget of £171.9m, a favourable variance of £1.490m or 0.87%. " +
          "This is an improvement of £5.154m since Q1, when an adverse variance of £3.664m was forecast.",
      );
      expect(reserves).toContain("The current forecast would increase the General Fund Balance to £7.368m, equivalent to 4.29% of Net Revenue Expenditure which would be within the minimum and maximum levels of reserves of 3% and 5%.");
    }
  });

  it("a favourable forecast that deteriorated since a more favourable Q1", () => {
    const doc = withRevenueForecast(seedDocument(), "Pay & Employment costs", 150000);
    (doc.history as Array<{ revenue: { forecastOutturn: number } }>)[0]!.revenue.forecastOutturn = 169000;
    expect(narrative(positionOf(doc))[0]).toContain("Whilst this is still a favourable position, it is a deterioration of £1.385m since Q1.");
  });

  it("an adverse forecast that deteriorated since Q1", () => {
    const doc = seedDocument();
    (doc.history as Array<{ revenue: { forecastOutturn: number } }>)[0]!.revenue.forecastOutturn = 173000;
    expect(narrative(positionOf(doc))[0]).toContain("an adverse variance of £2.307m or 1.34%. This is a deterioration of £1.182m since Q1.");
  });

  it("a general fund above the maximum of the band", () => {
    const doc = withRevenueForecast(seedDocument(), "Pay & Employment costs", 145000);
    const [revenue, reserves] = narrative(positionOf(doc));
    expect(revenue).toContain("a favourable variance of £6.490m or 3.78%");
    expect(reserves).toContain("The current forecast would increase the General Fund Balance to £12.368m, equivalent to 7.20% of Net Revenue Expenditure which would be above the maximum level of reserves of 5%.");
  });

  it("no movement sentence when there is no previous period", () => {
    const doc = { ...seedDocument(), history: [] };
    const [revenue] = narrative(positionOf(doc));
    expect(revenue).toBe("The overall revenue spend for the year is forecast to be £174.2m against a budget of £171.9m, an adverse variance of £2.307m or 1.34%.");
    expect(revenue).not.toMatch(/since|improvement|deterioration/);
  });

  it("a forecast on budget, and savings all achieved", () => {
    const doc = withRevenueForecast(seedDocument(), "Pay & Employment costs", 151490);
    const p = positionOf({ ...doc, history: [] });
    const [revenue, reserves, , savings] = narrative(p);
    expect(revenue).toBe("The overall revenue spend for the year is forecast to be £171.9m, in line with the budget of £171.9m.");
    expect(reserves).toContain("would leave the General Fund Balance at £5.878m, equivalent to 3.42%");
    const allDone = { ...seedDocument(), savings: [{ category: "Efficiency Savings", scheme: "All", planned: 1000, deliveredToDate: 1000, forecastFurtherDelivery: 0, status: "Delivered", expectedNextYear: null, replacement: false, commentary: null }] };
    expect(narrative(positionOf(allDone))[3]).toBe("Savings of £1.0m were built into the 2024/25 budget; £1.0m have been delivered or are forecast to be delivered in the year. All of the savings built into the budget have been achieved or are forecast to be achieved.");
    expect(savings).toContain("£0.9m");
  });
});

describe("units", () => {
  it("a £ file (amounts in pounds, with pence) gives the same figures in £m", () => {
    const doc = inPounds(seedDocument()) as Record<string, unknown>;
    expect(doc.units).toBe("£000");
    const pounds = { ...doc, units: "£" };
    // pence on one line: still £2.307m adverse and £3.571m after rounding
    const withPence = withRevenueForecast(pounds, "Income", "-34870123.45");
    const model = modelFromDocument(withPence);
    expect(model.units).toBe("£");
    expect(narrative(computePosition(model))).toEqual(worked);
  });

  it("savings not exact to £0.1m are shown to 3 places, and next year's share is said", () => {
    const doc = seedDocument();
    const savings = doc.savings as Array<{ planned: number | null; expectedNextYear: number | null; forecastFurtherDelivery: number }>;
    savings[3]!.expectedNextYear = 300;
    savings[1]!.forecastFurtherDelivery = 850; // 50 less achieved
    const text = narrative(positionOf(doc))[3];
    expect(text).toContain("there remains £0.950m of savings built into the budget that have not yet been achieved, although £0.300m of these are currently forecast to deliver for 2025/26.");
  });
});

describe("where the narrative is published", () => {
  it("is in the report JSON", () => {
    expect(reportJson(computePosition(seedModel())).narrative).toEqual(worked);
  });

  it("is in `outturn report --json`", () => {
    const r = runCli(["report", "seeds/q2-2024-25.json", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { narrative: string[] }).narrative).toEqual(worked);
  });

  it("a generated year's Q2 says the movement since Q1", () => {
    const { q1, q2 } = generatedYear(1_250);
    expect(narrative(q1)[0]).not.toMatch(/since/);
    expect(narrative(q2)[0]).toMatch(/(it is an improvement|This is an improvement) of £1\.250m since Q1/);
  });
});
