/**
 * The workforce in closed periods (issue 14): closing a period keeps the workforce's totals (establishment, strength,
 * forecast at the year end, FTE) in its snapshot; the Period history sheet writes and reads them back (a sheet written
 * before they were kept reads as none); the trend, report --json and the text report show strength by period.
 */
import { computePosition } from "../../src/engine/position";
import { snapshotOf } from "../../src/engine/history";
import { trendOf } from "../../src/engine/trend";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { readWorkbook } from "../../src/plans/read";
import { HISTORY_MARKERS } from "../../src/plans/sheets/history/markers";
import { reportJson } from "../../src/report/json";
import { textReport } from "../../src/report/text";
import { toJsonText } from "../../src/model/json-text";
import { modelToDocument } from "../../src/model/save";
import { parseMonitoringJson } from "../../src/model/load";
import type { MonitoringPeriod } from "../../src/model/types";
import { gridFromPlan, seedModel } from "../plans/support";
import { WORKFORCE_EXAMPLE } from "../support/workforce";
import { reportSchemaErrors } from "../support/report-schema";

const withWorkforce = (): MonitoringPeriod => seedModel((doc) => { doc.workforce = structuredClone(WORKFORCE_EXAMPLE); });

/** The worked example at Q2 with Q1 closed: Q1's snapshot as it was closed, its strength 20 FTE lower. */
function withClosedQ1(): MonitoringPeriod {
  const model = withWorkforce();
  const q1 = snapshotOf(computePosition({ ...model, period: "Q1" }), "2024-07-31");
  const workforce = q1.workforce && { ...q1.workforce, actualFte: q1.workforce.actualFte.minus(20) };
  return { ...model, history: [{ ...q1, workforce }] };
}

describe("the workforce in closed periods", () => {
  it("is kept in the snapshot of a closed period: the totals of all groups, FTE", () => {
    const p = computePosition(withWorkforce());
    const s = snapshotOf(p, "2024-10-31");
    expect([s.workforce?.establishmentFte.toFixed(), s.workforce?.actualFte.toFixed(), s.workforce?.forecastFte.toFixed()])
      .toEqual([p.workforce!.establishmentFte.toFixed(), p.workforce!.actualFte.toFixed(), p.workforce!.forecastFte.toFixed()]);
    expect(s.workforce?.actualFte.toFixed()).toBe("4017.1");
    expect(snapshotOf(computePosition(seedModel())).workforce).toBeUndefined();
  });

  it("goes through the monitoring file and the Period history sheet and back", () => {
    const model = withClosedQ1();
    const again = parseMonitoringJson(JSON.stringify(modelToDocument(model)));
    expect(again.history[0]!.workforce?.actualFte.toFixed()).toBe("3997.1");
    const read = readWorkbook(gridFromPlan(buildWorkbookPlan(model)));
    expect(read.checks.filter((c) => c.severity === "error")).toEqual([]);
    expect(read.model!.history[0]!.workforce).toEqual(model.history[0]!.workforce);
  });

  it("reads a Period history sheet without the workforce table (written before it was kept) as none kept", () => {
    const plan = buildWorkbookPlan(withClosedQ1());
    const history = plan.sheets.find((s) => s.kind === "History")!;
    const from = history.rowKeys[HISTORY_MARKERS.workforceSection]!;
    const older = { ...plan, sheets: plan.sheets.map((s) => (s === history ? { ...s, cells: s.cells.filter((c) => Number(c.address.replace(/^[A-Z]+/, "")) < from) } : s)) };
    const read = readWorkbook(gridFromPlan(older));
    expect(read.checks.filter((c) => c.severity === "error")).toEqual([]);
    expect(read.model!.history[0]!.workforce).toBeUndefined();
  });

  it("shows strength by period in the trend, report --json and the text report", () => {
    const p = computePosition(withClosedQ1());
    expect(trendOf(p).map((t) => [t.period, t.workforce?.actualFte.toFixed()])).toEqual([["Q1", "3997.1"], ["Q2", "4017.1"]]);
    const json = JSON.parse(toJsonText(reportJson(p))) as { trend: Array<{ period: string; workforce?: { actualFte: number; establishmentFte: number } }> };
    expect(reportSchemaErrors(json)).toEqual([]);
    expect(json.trend.map((t) => [t.period, t.workforce?.actualFte, t.workforce?.establishmentFte])).toEqual([["Q1", 3997.1, 4351], ["Q2", 4017.1, 4351]]);
    expect(textReport(p)).toContain("Workforce strength by period (FTE, all groups): Q1 3,997.1 against 4,351");
    expect(textReport(p)).toContain("; Q2 4,017.1 against 4,351, ");
  });
});
