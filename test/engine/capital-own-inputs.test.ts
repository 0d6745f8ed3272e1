/**
 * Issue 11: the Capital sheet's original budget and actual to date may be kept on their own (North Wales FRA publishes an
 * approved capital budget, £3.1m, but no revenue original budget). `inputs.capitalOriginalBudget` and
 * `inputs.capitalActualToDate`: Yes or No for the Capital sheet; blank (the default) follows `inputs.originalBudget` and
 * `inputs.actualToDate`, so files and sheets written before read as they did.
 */
import { computePosition } from "../../src/engine/position";
import { reportJson } from "../../src/report/json";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { readWorkbook } from "../../src/plans/read";
import type { MonitoringPeriod } from "../../src/model/types";
import { gridFromPlan, seedModel } from "../plans/support";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

/** Dorset with no revenue original budgets (not kept), Vehicles' capital original budget blank, and the capital setting given. */
const model = (capitalOriginalBudget: boolean | null, revenueKept = false) => seedModel((doc: Doc) => {
  for (const l of [...doc.revenue.groups.flatMap((g: Doc) => g.lines), ...doc.revenue.transfers]) if (!revenueKept) l.originalBudget = null;
  doc.capital.lines[0].originalBudget = null;
  doc.settings = { ...doc.settings, inputs: { originalBudget: revenueKept, ...(capitalOriginalBudget === null ? {} : { capitalOriginalBudget }) } };
});
const missing = (m: MonitoringPeriod) => computePosition(m).checks.filter((c) => c.id === "missing-input").map((c) => [c.severity, c.place.area, c.place.row, c.place.column]);
const hidden = (m: MonitoringPeriod, sheet: string) => buildWorkbookPlan(m).sheets.find((s) => s.name === sheet)!.columns[1]?.hidden;

describe("the Capital sheet's own kept original budget", () => {
  test("kept for capital only: the capital blank is a warning naming the capital setting, the revenue blanks are not asked for", () => {
    const m = model(true);
    expect(missing(m)).toEqual([["warning", "capital", "Vehicles", "originalBudget"]]);
    expect(computePosition(m).checks.find((c) => c.id === "missing-input")?.message).toMatch(/set "The body keeps an original budget for capital" to No/);
    expect([hidden(m, "Revenue"), hidden(m, "Capital")]).toEqual([true, false]);
  });

  test("report --json: the capital rows keep their original budgets, the revenue rows have none", () => {
    const r = reportJson(computePosition(model(true)));
    const capital = r.lines.capital.map((l) => l.originalBudget?.toFixed() ?? null);
    expect(capital.slice(0, 2)).toEqual([null, expect.stringMatching(/^[0-9]+$/)]);
    expect(capital.at(-1)).not.toBeNull();
    expect(r.lines.revenue.every((l) => l.originalBudget === null)).toBe(true);
  });

  test("blank follows the shared setting: not kept on either sheet, nothing asked for", () => {
    const m = model(null);
    expect(missing(m)).toEqual([]);
    expect([hidden(m, "Revenue"), hidden(m, "Capital")]).toEqual([true, true]);
    expect(reportJson(computePosition(m)).lines.capital.every((l) => l.originalBudget === null)).toBe(true);
  });

  test("not kept for capital while the revenue keeps it: the capital blank is not asked for", () => {
    const m = model(false, true);
    expect(missing(m)).toEqual([]);
    expect([hidden(m, "Revenue"), hidden(m, "Capital")]).toEqual([false, true]);
  });

  test("on the Settings sheet: Yes, No and blank read back as they were written", () => {
    for (const v of [true, false, null]) {
      const read = readWorkbook(gridFromPlan(buildWorkbookPlan(model(v))));
      expect(read.checks.filter((c) => c.severity === "error")).toEqual([]);
      expect(read.model?.settings.inputs.capitalOriginalBudget).toBe(v);
    }
  });
});
