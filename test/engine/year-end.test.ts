/**
 * Issue 11 item 8 (periods): the year end, the provisional outturn (PO) and the final outturn (FO), alongside quarters
 * and months: after March, in that order, in the history, the movement, the roll-forward, the labels and the sheets.
 */
import { computePosition } from "../../src/engine/position";
import { rollForward, snapshotOf } from "../../src/engine/history";
import { PERIODS, endMonth, periodLabel } from "../../src/model/period";
import { narrative } from "../../src/narrative/narrative";
import { textReport } from "../../src/report/text";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { readWorkbook } from "../../src/plans/read";
import { gridFromPlan, modelJson, planCell } from "../plans/support";
import { provisionalOutturn } from "../support/year-end";

test("PO and FO come after every quarter and month, the provisional before the final", () => {
  expect(PERIODS.slice(-2)).toEqual(["PO", "FO"]);
  expect([endMonth("Q4"), endMonth("M12"), endMonth("PO"), endMonth("FO")]).toEqual([12, 12, 13, 14]);
  expect([periodLabel("PO"), periodLabel("FO")]).toEqual(["Provisional outturn", "Final outturn"]);
});

test("the provisional outturn's movement is since Q4, in the narrative and the report", () => {
  const p = computePosition(provisionalOutturn());
  expect(p.movement?.previous.period).toBe("Q4");
  expect(narrative(p)[0]).toMatch(/deterioration of £1\.182m since Q4\./);
  expect(textReport(p)).toMatch(/2024\/25 Provisional outturn financial monitoring/);
});

test("closing the provisional outturn and rolling forward to the final outturn; never back to a quarter", () => {
  const po = provisionalOutturn();
  const closed = { ...po, history: [...po.history, snapshotOf(computePosition(po), "2025-05-01")] };
  const fo = rollForward(closed, "FO");
  expect(fo.period).toBe("FO");
  const p = computePosition(fo);
  expect(p.movement?.previous.period).toBe("PO");
  expect(narrative(p)[0]).toMatch(/since the provisional outturn\./);
  expect(() => rollForward(closed, "Q4")).toThrow("Q4 does not come after PO in the financial year");
});

test("on the sheets: the Summary finds Q4 as the last period of the provisional outturn, and the workbook reads back the same", () => {
  const model = provisionalOutturn();
  const plan = buildWorkbookPlan(model);
  const f = (a: string) => (planCell(plan, "Summary", a)?.content as { expected?: unknown }).expected;
  expect([String(f("F4")), String(f("F5")), f("F6")]).toEqual(["13", "24", "Q4"]);
  const read = readWorkbook(gridFromPlan(plan));
  expect(read.checks.filter((c) => c.severity === "error")).toEqual([]);
  expect(modelJson(read.model)).toEqual(modelJson(model));
});
