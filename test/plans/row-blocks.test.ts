/**
 * Blocks of rows (SheetBuilder.rows): a sheet's big runs of rows are laid out again whenever read instead of held,
 * and must read back as the very cells an eager layout keeps: same cells, same order, same row keys and heights.
 */
import { D } from "../../src/model/amount";
import { HOLD_CELLS, SheetBuilder, planCells, planRows } from "../../src/plans/builder";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { parseA1 } from "../../src/plans/a1";
import type { PlanCell, SheetPlan } from "../../src/plans/types";
import { sized } from "../../bench/sized";
import { seedModel } from "./support";

const COLUMNS = [{ width: 30 }, { width: 12 }, { width: 40 }, { width: 8, hidden: true }];

/**
 * A small sheet: a title, three lines laid out by a block (counting how often each is laid out), a total. `holdLimit`
 * 0 makes the block behave as a big one (laid out again when read); by default a block this small is held.
 */
function sample(lines = ["Pay", "Premises", "A long commentary that wraps over several lines of its narrow column"], holdLimit = 0) {
  const laidOut: number[] = [];
  const b = new SheetBuilder("Revenue", "Revenue", COLUMNS, "D");
  b.holdLimit = holdLimit;
  b.label(1, "A", "Title", "title");
  b.key(1, "title");
  const next = b.rows(2, lines, (r, name, i) => {
    laidOut.push(i);
    b.inputText(r, "A", name, "lineName");
    b.formula(r, "B", `=${i}*2`, D(i * 2), "calculated");
    b.inputText(r, "C", name, "inputText");
    b.key(r, "line", `line:${i}`);
  });
  b.label(next, "A", "Total", "totalLabel");
  b.fill(next, 2, 3, "total");
  b.key(next, "total");
  return { plan: b.build(), laidOut, total: next };
}

/** The same sheet laid out eagerly, row after row, as before blocks existed. */
function sampleEager(lines = ["Pay", "Premises", "A long commentary that wraps over several lines of its narrow column"]): SheetPlan {
  const b = new SheetBuilder("Revenue", "Revenue", COLUMNS, "D");
  b.label(1, "A", "Title", "title");
  b.key(1, "title");
  lines.forEach((name, i) => {
    const r = 2 + i;
    b.inputText(r, "A", name, "lineName");
    b.formula(r, "B", `=${i}*2`, D(i * 2), "calculated");
    b.inputText(r, "C", name, "inputText");
    b.key(r, "line", `line:${i}`);
  });
  const next = 2 + lines.length;
  b.label(next, "A", "Total", "totalLabel");
  b.fill(next, 2, 3, "total");
  b.key(next, "total");
  return b.build();
}

/** The plan's cells grouped by row, rows ascending (what a writer holding the cells whole did). */
function groupedByRow(cells: readonly PlanCell[]): Array<{ row: number; cells: PlanCell[] }> {
  const byRow = new Map<number, PlanCell[]>();
  for (const c of cells) {
    const { row } = parseA1(c.address);
    byRow.set(row, [...(byRow.get(row) ?? []), c]);
  }
  return [...byRow].sort(([a], [b]) => a - b).map(([row, cells]) => ({ row, cells }));
}

describe("a block of rows", () => {
  test("is laid out once for its row keys and heights, then again each time it is read, never kept until `cells` is read", () => {
    const { plan, laidOut, total } = sample();
    expect(laidOut).toEqual([0, 1, 2]);
    expect(plan.rowKeys).toEqual({ title: 1, "line:0": 2, "line:1": 3, "line:2": 4, total });
    expect(plan.rowHeights?.[4]).toBeGreaterThan(0);

    expect([...planRows(plan)].map((r) => r.row)).toEqual([1, 2, 3, 4, 5]);
    expect(laidOut).toEqual([0, 1, 2, 0, 1, 2]);
    expect([...planCells(plan)]).toHaveLength(1 + 1 + 3 * 4 + 1 + 2 + 1);
    expect(laidOut).toHaveLength(9);
    expect(Object.getOwnPropertyDescriptor(plan, "cells")?.get).toBeDefined();

    const cells = plan.cells;
    expect(laidOut).toHaveLength(12);
    expect(plan.cells).toBe(cells);
    expect(Object.getOwnPropertyDescriptor(plan, "cells")?.get).toBeUndefined();
    // Once kept, the rows are read from the kept cells.
    expect([...planRows(plan)].flatMap((r) => r.cells)).toEqual(groupedByRow(cells).flatMap((r) => r.cells));
    expect(laidOut).toHaveLength(12);
  });

  test("reads as the cells, keys, heights and rows of the same sheet laid out eagerly", () => {
    const { plan } = sample();
    const eager = sampleEager();
    expect([...planRows(plan)]).toEqual(groupedByRow(eager.cells));
    expect(JSON.stringify(plan)).toBe(JSON.stringify(eager));
  });

  test("within the sheet's hold limit, is laid out once and held: read as the same cells, never laid out again", () => {
    const lines = ["Pay", "Premises", "A long commentary that wraps over several lines of its narrow column"];
    const { plan, laidOut } = sample(lines, HOLD_CELLS);
    const eager = sampleEager(lines);
    expect([...planRows(plan)]).toEqual(groupedByRow(eager.cells));
    expect([...planCells(plan)]).toEqual(eager.cells);
    expect(JSON.stringify(plan)).toBe(JSON.stringify(eager));
    expect(laidOut).toEqual([0, 1, 2]);
    // Just over the limit (4 cells a row, 12 in all): laid out again when read, as a big block.
    const over = sample(lines, 11);
    expect([...planRows(over.plan)]).toEqual(groupedByRow(eager.cells));
    expect(over.laidOut).toEqual([0, 1, 2, 0, 1, 2]);
  });

  test("puts cells on its own row only, on rows nothing else has, and nothing but cells and keys", () => {
    const b = new SheetBuilder("Revenue", "Revenue", COLUMNS, "D");
    expect(() => b.rows(2, ["a"], (r) => b.label(r + 1, "A", "x"))).toThrow(/outside the row it lays out/);
    b.label(10, "A", "kept");
    expect(() => b.rows(9, ["a", "b"], (r) => b.label(r, "A", "x"))).toThrow(/already laid out/);
    expect(() => b.rows(20, ["a"], (r) => b.note(r, "x", "C"))).toThrow(/only cells and keys/);
    b.rows(30, ["a", "b"], (r) => b.label(r, "A", "x"));
    expect(() => b.label(31, "B", "y")).toThrow(/laid out by a block of rows/);
    expect(() => b.rows(31, ["c"], (r) => b.label(r, "A", "x"))).toThrow(/already laid out/);
  });
});

describe("the plans' blocks of rows", () => {
  test.each([
    ["the worked example", () => seedModel()],
    ["a 1,000-line period", () => sized(1000)],
  ])("%s: rows read one at a time are the plan's cells grouped by row, and planCells is its cells", (_name, model) => {
    const lazy = buildWorkbookPlan(model());
    const held = buildWorkbookPlan(model());
    // The big sheets are laid out by blocks, so their cells are not held until asked for.
    for (const kind of ["Revenue", "Profiles", "Slides"]) {
      expect(Object.getOwnPropertyDescriptor(lazy.sheets.find((s) => s.kind === kind), "cells")?.get).toBeDefined();
    }
    // Compared as JSON (Decimals as their digits): toEqual over 50,000 cells takes most of a minute.
    for (const [i, sheet] of lazy.sheets.entries()) {
      const cells = (held.sheets[i] as SheetPlan).cells;
      expect(JSON.stringify([...planCells(sheet)])).toBe(JSON.stringify(cells));
      expect(JSON.stringify([...planRows(sheet)])).toBe(JSON.stringify(groupedByRow(cells)));
    }
  });
});
