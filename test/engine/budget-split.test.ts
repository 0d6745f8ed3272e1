/**
 * Issue 11: budget-only sub-lines. A line's revised budget may be split into parts that carry a budget only (Surrey's
 * PCC and Operational budgets under one projected outturn): the parts must add up to the line's budget (a difference
 * within the rounding of the parts is info, more an error naming the line), `report --json` gives them on the line
 * (`budgetSplit`), and the Revenue sheet keeps them in a table below the control totals, read back by line name.
 */
import { computePosition } from "../../src/engine/position";
import { reportJson } from "../../src/report/json";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { readWorkbook } from "../../src/plans/read";
import { parseA1 } from "../../src/plans/a1";
import type { MonitoringPeriod } from "../../src/model/types";
import { gridFromPlan, seedModel } from "../plans/support";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

/** Dorset's Pay & Employment costs (revised budget 148,606) split into officers and staff. */
const split = (officers: string | number, staff: string | number) => seedModel((doc: Doc) => {
  doc.revenue.groups[0].lines[1].budgetSplit = [{ name: "Officers", revisedBudget: officers }, { name: "Staff", revisedBudget: staff }];
});
const splitChecks = (m: MonitoringPeriod) => computePosition(m).checks.filter((c) => c.id === "budget-split" || (c.id === "rounding" && c.place.row === "Pay & Employment costs"));

describe("a line's budget split into budget-only parts", () => {
  test("parts adding up to the line's budget: no check, the figures unchanged, and report --json gives the parts on the line", () => {
    const m = split(90000, 58606);
    expect(splitChecks(m)).toEqual([]);
    const p = computePosition(m);
    expect(p.revenue.netBudget.variance.toFixed()).toBe(computePosition(seedModel()).revenue.netBudget.variance.toFixed());
    const rows = reportJson(p).lines.revenue;
    expect(rows.find((r) => r.name === "Pay & Employment costs")?.budgetSplit?.map((s) => [s.name, s.revisedBudget.toFixed()])).toEqual([["Officers", "90000"], ["Staff", "58606"]]);
    expect(rows.filter((r) => r.budgetSplit !== null)).toHaveLength(1);
  });

  test("parts one unit off (published rounded): rounding, info; further off: an error naming the line, the parts and both sums", () => {
    expect(splitChecks(split(90000, 58607)).map((c) => [c.id, c.severity])).toEqual([["rounding", "info"]]);
    const off = splitChecks(split(90000, 58000));
    expect(off.map((c) => [c.id, c.severity, c.place])).toEqual([["budget-split", "error", { area: "revenue", row: "Pay & Employment costs", column: "revisedBudget" }]]);
    expect(off[0]?.message).toBe("Pay & Employment costs: its budget split (Officers, Staff) adds up to £148,000k, but its revised budget is £148,606k: the parts are £606k short of it. Correct the parts or the line's budget.");
    expect(reportJson(computePosition(split(90000, 58000))).complete).toBe(false);
  });

  test("on the Revenue sheet: a table of the parts below the control totals, read back onto their line; none without a split", () => {
    const m = split(90000, 58606);
    const plan = buildWorkbookPlan(m);
    const revenue = plan.sheets.find((s) => s.name === "Revenue")!;
    const text = (t: string) => revenue.cells.find((c) => c.content.kind === "text" && c.content.text === t);
    expect(text("Officers")?.address).toMatch(/^A/);
    const read = readWorkbook(gridFromPlan(plan));
    expect(read.checks.filter((c) => c.severity !== "info")).toEqual([]);
    expect(read.model?.revenue.groups[0]?.lines[1]?.budgetSplit?.map((s) => [s.name, s.revisedBudget.toFixed()])).toEqual([["Officers", "90000"], ["Staff", "58606"]]);
    const plain = buildWorkbookPlan(seedModel()).sheets.find((s) => s.name === "Revenue")!;
    expect(plain.cells.some((c) => c.content.kind === "text" && /^Budget split of lines/.test(c.content.text))).toBe(false);
  });

  test("a part whose line's name is no line is an error at its cell, with what to type", () => {
    const plan = buildWorkbookPlan(split(90000, 58606));
    const grid = gridFromPlan(plan);
    const revenue = plan.sheets.find((s) => s.name === "Revenue")!;
    const lineCell = revenue.cells.filter((c) => c.content.kind === "text" && c.content.text === "Pay & Employment costs" && c.address.startsWith("J"))[0]!;
    const { row, col } = parseA1(lineCell.address);
    grid.sheets.find((s) => s.name === "Revenue")!.set(row, col, { value: "Pay and Employment", formula: null });
    const read = readWorkbook(grid);
    const errors = read.checks.filter((c) => c.severity === "error");
    expect(errors.map((c) => c.where)).toEqual([`Revenue!${lineCell.address}`]);
    expect(errors[0]?.message).toMatch(/the budget split's line "Pay and Employment" is not the name of a revenue line; type the name of one line/);
  });
});
