/**
 * "Not yet entered" (after issue 14): a Workforce sheet just inserted blank, or a group without its budgeted
 * establishment or strength, has no RAG (null), never a Green on blanks read as 0; nor has the total while any group
 * is not entered, and the position names those groups. A typed 0 is entered.
 */
import fc from "fast-check";
import { D } from "../../src/model/amount";
import type { Decimal, Rag } from "../../src/model/types";
import { type WorkforceGroup, blankWorkforce } from "../../src/model/workforce";
import { type OvertimeResult, computeWorkforce, missingInputs, overtimeRag } from "../../src/engine/workforce";

const rule = { amberPct: new D(2), redPct: new D(5) };
const say = { amount: (d: Decimal) => `£${d.toFixed()}k`, pct: (d: Decimal) => `${d.toFixed(2)}%`, number: (d: Decimal) => d.toFixed() };
const of = (groups: WorkforceGroup[]) => computeWorkforce({ groups, officerTarget: null, overtime: [] }, rule, say);
const group = (name: string, establishmentFte: string | null, actualFte: string | null): WorkforceGroup => ({
  name, kind: "staff", establishmentFte: establishmentFte === null ? null : new D(establishmentFte), actualFte: actualFte === null ? null : new D(actualFte), headcount: null, movements: [],
});

describe("a workforce not yet entered", () => {
  it("has no RAG on a blank sheet (just inserted), the groups' or the total's, and names every group", () => {
    const p = of(blankWorkforce("police").groups);
    expect(p.groups.map((g) => g.rag)).toEqual([null, null, null]);
    expect(p.rag).toBeNull();
    expect(p.notEntered).toEqual(["Police officers", "PCSOs", "Police staff"]);
    expect(p.groups[0]!.missing).toEqual(["establishmentFte", "actualFte"]);
    // No variance check on blanks; the missing-figure warnings say the RAG waits for them.
    expect(p.checks.map((c) => c.id)).not.toContain("workforce-variance");
    expect(p.checks.filter((c) => c.id === "workforce-missing" && c.place?.column === "establishmentFte").map((c) => c.message)).toEqual([
      "Police officers: the budgeted establishment (FTE) is missing; the group has no RAG until it is filled in.",
      "PCSOs: the budgeted establishment (FTE) is missing; the group has no RAG until it is filled in.",
      "Police staff: the budgeted establishment (FTE) is missing; the group has no RAG until it is filled in.",
    ]);
  });

  it("needs both the establishment and the strength: either one blank is not entered", () => {
    expect(of([group("Staff", "100", null)]).groups[0]).toMatchObject({ rag: null, missing: ["actualFte"] });
    expect(of([group("Staff", null, "100")]).groups[0]).toMatchObject({ rag: null, missing: ["establishmentFte"] });
    expect(of([group("Staff", "100", "99")]).groups[0]).toMatchObject({ rag: "Green", missing: [] });
    // Typed zeros are figures: judged (no % of a nought establishment, so Green as before).
    expect(of([group("Staff", "0", "0")]).groups[0]).toMatchObject({ rag: "Green", missing: [] });
    expect(missingInputs({ establishmentFte: new D(0), actualFte: null })).toEqual(["actualFte"]);
  });

  it("gives no total RAG while any group is not entered, even when the entered ones are Green, and names the groups", () => {
    const p = of([group("Police officers", "2210", "2205"), group("PCSOs", "150", null), group("Police staff", null, "1776")]);
    expect(p.groups.map((g) => g.rag)).toEqual(["Green", null, null]);
    expect(p.rag).toBeNull();
    expect(p.notEntered).toEqual(["PCSOs", "Police staff"]);
  });

  it("has no total RAG with no groups at all", () => {
    expect(of([]).rag).toBeNull();
  });

  it("judges the total once every group is entered, whatever the figures (property)", () => {
    const fte = fc.integer({ min: 0, max: 50_000 }).map((n) => new D(n).div(10));
    const maybe = fc.option(fte, { nil: null });
    const groups = fc.array(fc.record({ est: maybe, act: maybe }), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(groups, (gs) => {
      const p = of(gs.map((g, i) => ({ name: `G${i}`, kind: "staff", establishmentFte: g.est, actualFte: g.act, headcount: null, movements: [] })));
      const entered = gs.map((g) => g.est !== null && g.act !== null);
      expect(p.groups.map((g) => g.rag !== null)).toEqual(entered);
      expect(p.rag !== null).toBe(entered.every(Boolean));
      expect(p.notEntered).toEqual(gs.flatMap((_, i) => (entered[i] ? [] : [`G${i}`])));
    }));
  });
});

describe("overtime not yet entered", () => {
  const line = (budget: string | null, forecast: string | null) => ({ group: "Police officers", reason: "Events", budget: budget === null ? null : new D(budget), actualToDate: null, forecast: forecast === null ? null : new D(forecast) });
  const overtime = (lines: ReturnType<typeof line>[]) => computeWorkforce({ groups: [], officerTarget: null, overtime: lines }, { ...rule, overtime: { amber: { pct: new D(2), amount: null }, red: { pct: new D(5), amount: null }, combine: "lower", favourableIsGreen: true } }, say).overtime;

  it("has no RAG on a line without its budget or its forecast (a blank forecast read as 0 would be Green)", () => {
    expect(overtime([line(null, null), line("100", null), line(null, "100")]).map((o) => o.rag)).toEqual([null, null, null]);
    expect(overtime([line("100", "0")]).map((o) => o.rag)).toEqual(["Green"]);
  });

  it("shows the lines together as the worst judged, not yet entered while one is blank unless one is Red already", () => {
    const ragOf = (...rags: Array<Rag | null>) => overtimeRag(rags.map((rag) => ({ rag }) as OvertimeResult));
    expect(ragOf("Green", "Amber")).toBe("Amber");
    expect(ragOf("Green", null)).toBeNull();
    expect(ragOf("Amber", null)).toBeNull();
    expect(ragOf("Red", null)).toBe("Red");
    expect(ragOf(null)).toBeNull();
    expect(ragOf()).toBeNull();
  });
});

