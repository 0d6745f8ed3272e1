/** Overtime in report --json (issue 14): each line and the total, exact, in the body's convention, matching the published schema; absent without overtime lines. */
import { computePosition } from "../../src/engine/position";
import { reportJson } from "../../src/report/json";
import { textReport } from "../../src/report/text";
import { toJsonText } from "../../src/model/json-text";
import { seedModel } from "../plans/support";
import { WORKFORCE_EXAMPLE } from "../support/workforce";
import { reportSchemaErrors } from "../support/report-schema";

describe("overtime in report --json", () => {
  it("has each line's variance, % and RAG and the total, in the body's convention", () => {
    const p = computePosition(seedModel((doc) => { doc.workforce = structuredClone(WORKFORCE_EXAMPLE); }));
    const json = JSON.parse(toJsonText(reportJson(p)));
    expect(reportSchemaErrors(json)).toEqual([]);
    expect(json.workforce.overtime.lines[0]).toEqual({ group: "Police officers", reason: "Events", budget: 1200, actualToDate: 780, forecast: 1480, variance: -280, variancePct: -23.33, rag: "Amber",
      budgetToDate: 700, varianceToDate: -80, recharged: 60, netVarianceToDate: -20, revenueLine: null,
    });
    expect(json.workforce.overtime.total).toEqual({ budget: 4300, actualToDate: 2600, forecast: 4720, variance: -420, variancePct: -9.77, budgetToDate: 2450, varianceToDate: -150, recharged: 60, netVarianceToDate: -90 });
    expect(json.workforce.overtime.byGroup.map((g: { group: string; budget: number }) => [g.group, g.budget])).toEqual([["Police officers", 3700], ["Police staff", 600]]);
  });

  it("has no variance to date where no line keeps a budget to date", () => {
    const p = computePosition(seedModel((doc) => {
      doc.workforce = structuredClone(WORKFORCE_EXAMPLE);
      for (const l of (doc.workforce as { overtime: Array<Record<string, unknown>> }).overtime) delete l.budgetToDate;
    }));
    const json = JSON.parse(toJsonText(reportJson(p)));
    expect([json.workforce.overtime.lines[0].varianceToDate, json.workforce.overtime.total.varianceToDate, json.workforce.overtime.total.netVarianceToDate]).toEqual([null, null, null]);
  });

  it("is left out without overtime lines", () => {
    const p = computePosition(seedModel((doc) => { doc.workforce = { ...structuredClone(WORKFORCE_EXAMPLE), overtime: [] }; }));
    expect("overtime" in JSON.parse(toJsonText(reportJson(p))).workforce).toBe(false);
  });
});

describe("overtime in the text report", () => {
  it("has the total's budget, actual, forecast and variance, with the worst line's RAG", () => {
    const p = computePosition(seedModel((doc) => { doc.workforce = structuredClone(WORKFORCE_EXAMPLE); }));
    expect(textReport(p)).toContain("Overtime     [Amber]  budget 4,300, actual to date 2,600, forecast 4,720, variance (420), (9.77%)");
  });
});
