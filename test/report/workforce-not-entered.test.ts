/** report --json and the text report of a Workforce sheet not yet entered: rag null and the groups named, never Green on blanks. */
import { computePosition } from "../../src/engine/position";
import { blankWorkforce } from "../../src/model/workforce";
import { reportJson } from "../../src/report/json";
import { textReport } from "../../src/report/text";
import { toJsonText } from "../../src/model/json-text";
import { seedModel } from "../plans/support";
import { WORKFORCE_EXAMPLE, workforceWithBlanks } from "../support/workforce";
import { reportSchemaErrors } from "../support/report-schema";

const jsonOf = (p: ReturnType<typeof computePosition>) => {
  const json = JSON.parse(toJsonText(reportJson(p)));
  expect(reportSchemaErrors(json)).toEqual([]);
  return json;
};

describe("a workforce not yet entered in the report", () => {
  const blank = computePosition(seedModel((doc) => { doc.workforce = blankWorkforce("police"); }));

  it("has rag null for every group and the total in report --json, and names the groups (a blank sheet)", () => {
    const w = jsonOf(blank).workforce;
    expect(w.groups.map((g: { rag: unknown }) => g.rag)).toEqual([null, null, null]);
    expect(w.total.rag).toBeNull();
    expect(w.notEntered).toEqual(["Police officers", "PCSOs", "Police staff"]);
    expect(JSON.stringify(w)).not.toContain("Green");
  });

  it("says so in the text report", () => {
    const text = textReport(blank);
    expect(text).toContain("Workforce    [Not entered]  establishment 0 FTE");
    expect(text).toContain("not yet entered (no establishment or strength typed, so no RAG): Police officers, PCSOs, Police staff");
    expect(text).toContain("  PCSOs      [Not entered]  no budgeted establishment or strength at the period end typed");
    expect(text).not.toMatch(/Workforce {4}\[Green\]/);
  });

  it("gives the total no RAG while one group is not entered, the others keep theirs", () => {
    const w = jsonOf(computePosition(seedModel((doc) => { doc.workforce = workforceWithBlanks([[1, "actualFte"]]); }))).workforce;
    expect(w.groups.map((g: { rag: unknown }) => g.rag)).toEqual(["Amber", null, "Red"]);
    expect(w.total.rag).toBeNull();
    expect(w.notEntered).toEqual(["PCSOs"]);
  });

  it("keeps the RAG and an empty list once everything is entered", () => {
    const w = jsonOf(computePosition(seedModel((doc) => { doc.workforce = structuredClone(WORKFORCE_EXAMPLE); }))).workforce;
    expect(w.total.rag).toBe("Red");
    expect(w.notEntered).toEqual([]);
  });

  it("gives an overtime line no RAG until its budget and forecast are typed, in report --json and the text report", () => {
    const withBlankOvertime = (blank: "forecast" | "both") => computePosition(seedModel((doc) => {
      const workforce = structuredClone(WORKFORCE_EXAMPLE) as { overtime: unknown[] };
      doc.workforce = workforce;
      workforce.overtime.push({ group: "PCSOs", reason: "Mutual aid", budget: blank === "both" ? null : 100, actualToDate: null, forecast: null });
    }));
    const p = withBlankOvertime("both");
    const lines = jsonOf(p).workforce.overtime.lines;
    expect(lines.map((l: { rag: unknown }) => l.rag)).toEqual(["Amber", "Green", "Green", null]);
    expect(jsonOf(withBlankOvertime("forecast")).workforce.overtime.lines[3].rag).toBeNull();
    // The overtime headline: the worst of the lines judged is Amber, and a line is not entered, so not Amber (nor Green).
    expect(textReport(p)).toMatch(/^Overtime {5}\[Not entered\]/m);
    expect(textReport(computePosition(seedModel((doc) => { doc.workforce = structuredClone(WORKFORCE_EXAMPLE); })))).toMatch(/^Overtime {5}\[Amber\]/m);
  });
});

