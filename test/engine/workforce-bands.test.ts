/**
 * The grant's bands as settings data (issue 14 item 2) and the overtime totals (item 3): the default band table is the
 * one Surrey PCC decision 018/2022 states; a band changed in the settings moves the grant at risk at its edges,
 * exactly; a band whose from % is above its to % is refused naming the setting; overtime totals are the lines' sums.
 */
import fc from "fast-check";
import { D } from "../../src/model/amount";
import { grantBandsOf, statedUpliftBands } from "../../src/model/workforce";
import { defaultSettings, withSettings } from "../../src/model/settings/values";
import { settingProblems } from "../../src/model/settings/validate";
import { settingOf } from "../../src/model/settings/values";
import { computeWorkforce, grantAtRisk, workforceRules } from "../../src/engine/workforce";
import type { Decimal } from "../../src/model/types";

const say = { amount: (d: Decimal) => d.toFixed(), pct: (d: Decimal) => d.toFixed(2), number: (d: Decimal) => d.toFixed() };

describe("the grant's bands in the settings", () => {
  it("default to the bands decision 018/2022 states, and nothing between 75% and 95%", () => {
    const bands = grantBandsOf(defaultSettings("£000"));
    expect(bands.map((b) => [b.fromPct.toFixed(), b.toPct?.toFixed() ?? null, b.withheldPct.toFixed()])).toEqual([["100", null, "0"], ["95", "99.99", "10"], ["0", "75", "100"]]);
    expect(bands).toEqual(statedUpliftBands((n) => new D(n)));
  });

  it("follow a settings change: a band added from 75% to 94.99% withholding 50% covers its edges exactly", () => {
    const settings = withSettings(defaultSettings("£000"), { "grantBands.band4.fromPct": new D(75), "grantBands.band4.toPct": new D("94.99"), "grantBands.band4.withheldPct": new D(50) });
    const target = { targetHeadcount: new D(2230), grant: new D(1700), bands: workforceRules(settings).bands };
    // 75% exactly is in band 3 (listed first): all withheld; 75.0001% and 94.99% in the new band; 94.9901% in none.
    expect(grantAtRisk(target, new D("1672.5")).atRisk?.toFixed()).toBe("1700");
    expect(grantAtRisk(target, new D("1672.50223")).atRisk?.toFixed()).toBe("850");
    expect(grantAtRisk(target, new D("2118.277")).atRisk?.toFixed()).toBe("850");
    expect(grantAtRisk(target, new D("2118.28")).atRisk).toBeNull();
    expect(settingProblems((k) => settingOf(settings, k))).toEqual([]);
  });

  it("refuse a band whose from % is above its to %, naming the setting", () => {
    const settings = withSettings(defaultSettings("£000"), { "grantBands.band2.fromPct": new D(99.995) });
    expect(settingProblems((k) => settingOf(settings, k))).toEqual([{ key: "grantBands.band2.fromPct", message: "99.995% is above the band's to % of 99.99%; a band goes from the lower % to the higher" }]);
  });
});

describe("overtime", () => {
  const amount = fc.integer({ min: 0, max: 9_999_999 }).map((n) => new D(n).div(100));
  const line = fc.record({ group: fc.constantFrom("Police officers", "Police staff"), reason: fc.constantFrom("Events", "Vacancies"), budget: amount, actualToDate: amount, forecast: amount });
  it("totals are the lines' sums, and each variance is budget − forecast in the default convention", () => {
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
      const w = computeWorkforce({ groups: [], officerTarget: null, overtime: lines }, workforceRules(defaultSettings("£000")), say);
      for (const column of ["budget", "actualToDate", "forecast"] as const) {
        expect(w.overtimeTotal![column].equals(lines.reduce((s, l) => s.plus(l[column]), new D(0)))).toBe(true);
      }
      w.overtime.forEach((o, i) => expect(o.variance.equals(lines[i]!.budget.minus(lines[i]!.forecast))).toBe(true));
      expect(w.overtimeTotal!.variance.equals(w.overtime.reduce((s, o) => s.plus(o.variance), new D(0)))).toBe(true);
    }));
  });
});
