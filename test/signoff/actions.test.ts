/** Board actions (issue 15 item 2): the Actions sheet, and a check for each Red item or the General Fund below the band without an open action. */
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { readWorkbook } from "../../src/plans/read";
import { computePosition } from "../../src/engine/position";
import { itemsNeedingAction } from "../../src/engine/actions";
import { gridFromPlan, seedModel } from "../plans/support";

function actionsGrid() {
  const model = seedModel();
  const grid = gridFromPlan(buildWorkbookPlan(model, { actions: [] }));
  return { model, grid, sheet: grid.sheets.find((s) => s.name === "Actions")! };
}

test("the worked example's items needing an action: its Red revenue lines and the General Fund below the band", () => {
  const items = itemsNeedingAction(computePosition(seedModel())).map((i) => i.item);
  expect(items).toContain("General Fund below the reserves band");
  expect(items.filter((i) => i.startsWith("Revenue line: ")).length).toBeGreaterThan(0);
  expect(items).toEqual([...new Set(items)]);
});

test("the Actions sheet has a row per item owed an action, and each is a warning at its cell until an open action is typed", () => {
  const { model, grid, sheet } = actionsGrid();
  const items = itemsNeedingAction(computePosition(model));
  const read = readWorkbook(grid);
  expect(read.actions?.map((a) => a.item)).toEqual(items.map((i) => i.item));
  const missing = read.checks.filter((c) => c.id === "action-missing");
  expect(missing.map((c) => c.message.split(" is ")[0])).toEqual(items.map((i) => i.item));
  expect(missing.find((c) => c.message.startsWith("General Fund"))?.where).toMatch(/^Reserves!F\d+$/);
  expect(read.checks.filter((c) => c.severity === "error" && /Actions/.test(c.where))).toEqual([]);

  // An action agreed for the first item (no status: open), and one Done for the second: the second is still owed.
  sheet.set(6, 2, { value: "Freeze overtime outside operations", formula: null });
  sheet.set(6, 3, { value: "Chief Finance Officer", formula: null });
  sheet.set(6, 6, { value: 250, formula: null });
  sheet.set(7, 2, { value: "Recruitment pause", formula: null });
  sheet.set(7, 5, { value: "Done", formula: null });
  const after = readWorkbook(grid);
  expect(after.checks.filter((c) => c.id === "action-missing").map((c) => c.message.split(" is ")[0])).toEqual(items.slice(1).map((i) => i.item));
  expect(after.actions?.[0]).toMatchObject({ action: "Freeze overtime outside operations", owner: "Chief Finance Officer", status: null });
  expect(after.actions?.[0]?.effect?.toFixed()).toBe("250");

  sheet.set(7, 5, { value: "Finished", formula: null });
  expect(readWorkbook(grid).checks.filter((c) => c.id === "bad-choice").map((c) => c.where)).toEqual(["Actions!E7"]);
});

test("without an Actions sheet there is no action check (the sheet is added when the board wants it)", () => {
  const read = readWorkbook(gridFromPlan(buildWorkbookPlan(seedModel())));
  expect(read.actions).toBeNull();
  expect(read.checks.filter((c) => c.id === "action-missing" || c.id === "sheet-missing")).toEqual([]);
});
