/** A workbook read back: the structural rules of the JSON loader (src/model/structure.ts) hold too, naming the sheet; reading and engine checks are not said twice. */
import { readWorkbook } from "../../src/plans/read";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { gridFromPlan, seedModel } from "./support";
import { computePosition } from "../../src/engine/position";
import { withReadChecks } from "../../src/engine/checks";

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

test("a cell that holds text is one error at its cell, not also a missing figure from the engine", () => {
  const model = seedModel();
  const plan = buildWorkbookPlan(model);
  const grid = gridFromPlan(plan);
  const revenue = grid.sheets.find((s) => s.name === "Revenue")!;
  revenue.set(8, 5, { value: "153,797", formula: null });
  const read = readWorkbook(grid);
  const combined = withReadChecks(read.checks, computePosition(read.model!).checks);
  expect(combined.filter((c) => c.place.row === "Pay & Employment costs" && c.place.column === "forecastOutturn").map((c) => c.id)).toEqual(["text-in-amount"]);
  expect(computePosition(read.model!).checks.some((c) => c.id === "missing-input")).toBe(true);
});
