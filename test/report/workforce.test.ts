/** report --json and the text report carry the workforce (issue 14) when a period has it, and only then. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseMonitoringJson } from "../../src/model/load";
import { computePosition } from "../../src/engine/position";
import { reportJson } from "../../src/report/json";
import { textReport } from "../../src/report/text";
import { toJsonText } from "../../src/model/json-text";
import { reportSchemaErrors } from "../support/report-schema";

const seed = JSON.parse(readFileSync(join(__dirname, "..", "..", "seeds", "q2-2024-25.json"), "utf8"));
const workforce = {
  groups: [
    { name: "Police officers", kind: "officers", establishmentFte: 2210, actualFte: "2101.5", headcount: 2150, movements: [{ month: "2025-01", joiners: 40, leavers: 12 }, { month: "2025-03", joiners: 30, leavers: 0 }] },
    { name: "Police staff", kind: "staff", establishmentFte: 1991, actualFte: 1776, headcount: 1850, movements: [] },
  ],
  // The grant's bands are settings; their defaults are the bands Surrey PCC decision 018/2022 states.
  officerTarget: { countDate: "2025-03-31", targetHeadcount: 2230, grant: 1700 },
};
const position = computePosition(parseMonitoringJson(JSON.stringify({ ...seed, workforce })));

describe("the workforce in the report", () => {
  it("is in report --json with exact figures, matching the published schema", () => {
    const json = JSON.parse(toJsonText(reportJson(position)));
    expect(reportSchemaErrors(json)).toEqual([]);
    expect(json.workforce.groups[0]).toMatchObject({ name: "Police officers", actualFte: 2101.5, forecastFte: 2159.5, varianceFte: -108.5, variancePct: -4.91, rag: "Amber" });
    expect(json.workforce.groups[1]).toMatchObject({ varianceFte: -215, variancePct: -10.8, rag: "Red" });
    expect(json.workforce.total).toMatchObject({ establishmentFte: 4201, actualFte: 3877.5, forecastFte: 3935.5 });
    // 2,150 + 40 − 12 + 30 = 2,208 at 31 March: 99.01% of 2,230, so 10% of £1,700k at risk.
    expect(json.workforce.officerTarget).toEqual({ countDate: "2025-03-31", targetHeadcount: 2230, forecastHeadcount: 2208, gap: -22, achievedPct: 99.01, grant: 1700, withheldPct: 10, grantAtRisk: 170 });
    expect(json.checks.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(["workforce-target", "workforce-variance"]));
  });

  it("is in the text report, with the target gap and the grant at risk", () => {
    const text = textReport(position);
    expect(text).toContain("Workforce    [Red]  establishment 4,201 FTE, strength 3,877.5 (−323.5, −7.70%), forecast at year end 3,935.5 (−265.5, −6.32%)");
    expect(text).toContain("officer target 2,230 at 2025-03-31: forecast headcount 2,208, gap −22; grant at risk £170k of £1,700k");
    expect(text).toContain("The officer headcount is forecast at 2,208 on 2025-03-31 against a target of 2,230: 22 short; £170k of the £1,700k grant is at risk.");
  });

  it("is left out of a period without workforce figures (the worked example's report is unchanged)", () => {
    const plain = computePosition(parseMonitoringJson(JSON.stringify(seed)));
    expect("workforce" in reportJson(plain)).toBe(false);
    expect(textReport(plain)).not.toContain("Workforce");
  });
});
