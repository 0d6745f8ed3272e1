/** The structural rules of the JSON loader (src/model/structure.ts) hold on a workbook read back too, naming the sheet. */
import { readWorkbook } from "../../src/plans/read";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { gridFromPlan, seedModel } from "./support";

test("two revenue groups of one name, and a reserve listed twice, are errors on their sheets", () => {
  const model = seedModel();
  const groups = model.revenue.groups.map((g, i) => (i === 1 ? { ...g, name: model.revenue.groups[0]!.name } : g));
  const reserves = [...model.reserves, { ...model.reserves[0]! }];
  const read = readWorkbook(gridFromPlan(buildWorkbookPlan({ ...model, revenue: { ...model.revenue, groups }, reserves })));
  const structure = read.checks.filter((c) => c.id === "structure");
  expect(structure.map((c) => c.where)).toEqual(["Revenue!A1", "Reserves!A1"]);
  expect(structure[0]?.message).toMatch(/^Revenue sheet, revenue\.groups\[1\]\.name \("Chief Constable"\): is the same name as revenue\.groups\[0\]/);
  expect(structure.every((c) => c.severity === "error")).toBe(true);
});

test("the worked example's workbook has no structural problem", () => {
  expect(readWorkbook(gridFromPlan(buildWorkbookPlan(seedModel()))).checks.filter((c) => c.id === "structure")).toEqual([]);
});
