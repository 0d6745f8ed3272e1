/**
 * The workforce position (issue 14, items 1 and 2): strength at year end = current + joiners − leavers, totals are
 * the groups' sums, RAG from the rule; the grant at risk matches the band table at each band's edges (exact
 * decimals) and never falls as the forecast headcount falls.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { parseMonitoringJson } from "../../src/model/load";
import { D } from "../../src/model/amount";
import type { Decimal } from "../../src/model/types";
import { type GrantBand, type Workforce, type WorkforceGroup, statedUpliftBands } from "../../src/model/workforce";
import { computeWorkforce, grantAtRisk, variancePctRag, workforceRule } from "../../src/engine/workforce";

const rule = { amberPct: new D(2), redPct: new D(5) };
const say = { amount: (d: Decimal) => `£${d.toFixed()}k`, pct: (d: Decimal) => `${d.toFixed(2)}%`, number: (d: Decimal) => d.toFixed() };
const surrey = { targetHeadcount: new D(104), grant: new D(1700), bands: statedUpliftBands((n) => new D(n)) };

const fte = fc.integer({ min: 0, max: 500_000 }).map((n) => new D(n).div(10));
const movement = fc.record({ month: fc.constantFrom("2024-10", "2024-11", "2025-01", "2025-03"), joiners: fte, leavers: fte });
const group: fc.Arbitrary<WorkforceGroup> = fc.record({
  name: fc.constantFrom("Police officers", "PCSOs", "Police staff"), kind: fc.constantFrom("officers" as const, "pcsos" as const, "staff" as const),
  establishmentFte: fte, actualFte: fte, headcount: fte, movements: fc.array(movement, { maxLength: 6 }),
});

describe("workforce strength", () => {
  it("forecasts the year end as current + joiners − leavers, and the totals are the groups' sums", () => {
    fc.assert(fc.property(fc.array(group, { minLength: 1, maxLength: 4 }), (groups) => {
      const p = computeWorkforce({ groups, officerTarget: null, overtime: [] }, rule, say);
      groups.forEach((g, i) => {
        const r = p.groups[i]!;
        const joiners = g.movements.reduce((s, m) => s.plus(m.joiners), new D(0));
        const leavers = g.movements.reduce((s, m) => s.plus(m.leavers), new D(0));
        expect(r.forecastFte.equals(g.actualFte!.plus(joiners).minus(leavers))).toBe(true);
        expect(r.varianceFte.equals(g.actualFte!.minus(g.establishmentFte!))).toBe(true);
      });
      for (const column of ["establishmentFte", "actualFte", "headcount", "joiners", "leavers", "forecastFte", "varianceFte"] as const) {
        expect(p[column].equals(p.groups.reduce((s, g) => s.plus(g[column]), new D(0)))).toBe(true);
      }
    }));
  });

  it("rates a variance to establishment by its size either way, from the rule's percentages", () => {
    expect(variancePctRag(new D("-1.99"), rule)).toBe("Green");
    expect(variancePctRag(new D("-2"), rule)).toBe("Amber");
    expect(variancePctRag(new D("4.99"), rule)).toBe("Amber");
    expect(variancePctRag(new D("5"), rule)).toBe("Red");
    expect(variancePctRag(null, rule)).toBe("Green");
    const p = computeWorkforce({ groups: [{ name: "Police officers", kind: "officers", establishmentFte: new D(2210), actualFte: new D(2100), headcount: new D(2130), movements: [{ month: "2025-01", joiners: new D(60), leavers: new D(20) }] }], officerTarget: null, overtime: [] }, rule, say);
    expect(p.groups[0]!.rag).toBe("Amber"); // −110 FTE is −4.98% now; −70 forecast is −3.17%
    expect(p.checks.map((c) => c.message)).toEqual(["Police officers is forecast at 2140 FTE at the year end against an establishment of 2210: 70 FTE (3.17%) under establishment (Amber)."]);
  });
});

describe("the officer target and the grant at risk", () => {
  it("matches the stated Surrey bands at each edge, exactly", () => {
    const at = (forecast: string) => grantAtRisk(surrey, new D(forecast));
    expect(at("104").atRisk?.toFixed()).toBe("0"); // 100%: all paid
    expect(at("110").atRisk?.toFixed()).toBe("0");
    expect(at("103.995").atRisk).toBeNull(); // 99.9951...%: between 99.99% and 100%, no band
    expect(at("103.98").atRisk?.toFixed()).toBe("170"); // 99.9807...%
    expect(at("103.9896").atRisk?.toFixed()).toBe("170"); // exactly 99.99%
    expect(at("98.8").atRisk?.toFixed()).toBe("170"); // exactly 95%
    expect(at("98.79").atRisk).toBeNull(); // just under 95%: the bands between 75% and 95% are not stated
    expect(at("78").atRisk?.toFixed()).toBe("1700"); // exactly 75%: no grant
    expect(at("0").atRisk?.toFixed()).toBe("1700");
  });

  it("never puts less at risk as the forecast headcount falls (any table whose withheld % falls as the bands rise)", () => {
    const table = fc.uniqueArray(fc.integer({ min: 1, max: 119 }), { minLength: 1, maxLength: 5 }).chain((edges) => {
      const sorted = [...edges].sort((a, b) => a - b);
      return fc.array(fc.integer({ min: 0, max: 100 }), { minLength: sorted.length + 1, maxLength: sorted.length + 1 }).map((ws) => {
        const withheld = [...ws].sort((a, b) => b - a);
        const froms = [0, ...sorted];
        return froms.map((from, i): GrantBand => ({ fromPct: new D(from), toPct: i + 1 < froms.length ? new D(froms[i + 1]!).minus("0.000001") : null, withheldPct: new D(withheld[i]!) }));
      });
    });
    fc.assert(fc.property(table, fc.integer({ min: 0, max: 30000 }), fc.integer({ min: 0, max: 30000 }), (bands, a, b) => {
      const target = { targetHeadcount: new D(2210), grant: new D("1700.5"), bands };
      const [low, high] = a <= b ? [a, b] : [b, a];
      const lowRisk = grantAtRisk(target, new D(low).div(10)).atRisk, highRisk = grantAtRisk(target, new D(high).div(10)).atRisk;
      if (lowRisk && highRisk) expect(lowRisk.greaterThanOrEqualTo(highRisk)).toBe(true);
    }));
    fc.assert(fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 }), (a, b) => {
      const [low, high] = a <= b ? [a, b] : [b, a];
      const lowRisk = grantAtRisk(surrey, new D(low).div(10)).atRisk, highRisk = grantAtRisk(surrey, new D(high).div(10)).atRisk;
      if (lowRisk && highRisk) expect(lowRisk.greaterThanOrEqualTo(highRisk)).toBe(true);
    }));
  });

  it("warns when the forecast headcount is below the target, naming the gap and the grant at risk", () => {
    const workforce = (forecast: string | null): Workforce => ({
      groups: [{ name: "Police officers", kind: "officers", establishmentFte: new D(104), actualFte: new D(95), headcount: new D(96), movements: [{ month: "2023-02", joiners: new D(5), leavers: new D(1) }, { month: "2023-04", joiners: new D(9), leavers: new D(0) }] }],
      officerTarget: { countDate: "2023-03-31", targetHeadcount: surrey.targetHeadcount, grant: surrey.grant, forecastHeadcount: forecast === null ? null : new D(forecast) },
      overtime: [],
    });
    // The bands are settings (Settings: grantBands), given with the rules.
    const rules = { ...rule, bands: surrey.bands };
    const derived = computeWorkforce(workforce(null), rules, say);
    expect(derived.target?.forecastHeadcount.toFixed()).toBe("100"); // 96 + 5 − 1; April's joiners come after the count date
    expect(derived.target?.gap.toFixed()).toBe("-4");
    expect(derived.target?.grantAtRisk?.toFixed()).toBe("170");
    expect(derived.checks.find((c) => c.id === "workforce-target")).toMatchObject({ severity: "warning", where: "Workforce, Officer target, forecastHeadcount", message: "The officer headcount is forecast at 100 on 2023-03-31 against a target of 104: 4 short; £170k of the £1700k grant is at risk." });
    const uncovered = computeWorkforce(workforce("90"), rules, say);
    expect(uncovered.target?.grantAtRisk).toBeNull();
    expect(uncovered.checks.find((c) => c.id === "workforce-band-missing")?.severity).toBe("error");
    expect(computeWorkforce(workforce("104"), rules, say).checks.filter((c) => c.id.startsWith("workforce-target") || c.id === "workforce-band-missing")).toEqual([]);
  });
});

describe("the workforce RAG settings", () => {
  it("default to Amber from 2% and Red from 5%, and are read from a file's settings like any percentage", () => {
    const doc = JSON.parse(readFileSync(join(__dirname, "..", "..", "seeds", "q2-2024-25.json"), "utf8"));
    const byDefault = workforceRule(parseMonitoringJson(JSON.stringify(doc)).settings);
    expect([byDefault.amberPct.toFixed(), byDefault.redPct.toFixed()]).toEqual(["2", "5"]);
    doc.settings = { ...doc.settings, rag: { ...doc.settings?.rag, workforce: { amberPct: "3%", redPct: 7.5 } } };
    const set = workforceRule(parseMonitoringJson(JSON.stringify(doc)).settings);
    expect([set.amberPct.toFixed(), set.redPct.toFixed()]).toEqual(["3", "7.5"]);
  });
});
