import {
  COMMAND_ENVELOPE, REQUEST_BUDGET, chunkBytes, chunkWork, jsonBytes, numberFormatOf, rectangles, renderSheet, splitCellsOp, widthToPoints,
  type SheetOp,
} from "../../src/excel/render";
import fc from "fast-check";
import { STYLES } from "../../src/plans/styles";
import { sampleSheet } from "./sample-plan";

const features = { indent: true, pageLayout: true };
type CellsOp = Extract<SheetOp, { kind: "cells" }>;
const cellsOf = (ops: SheetOp[], property: CellsOp["property"]) => ops.find((o): o is CellsOp => o.kind === "cells" && o.property === property);

describe("rectangles", () => {
  it("stacks identical column runs and splits different ones", () => {
    const cells = [
      { row: 1, col: 1 }, { row: 1, col: 2 }, { row: 1, col: 3 },
      { row: 2, col: 1 }, { row: 2, col: 2 }, { row: 2, col: 3 },
      { row: 3, col: 1 }, { row: 3, col: 3 },
      { row: 5, col: 1 },
    ];
    expect(rectangles(cells)).toEqual([
      { r1: 1, c1: 1, r2: 2, c2: 3 },
      { r1: 3, c1: 1, r2: 3, c2: 1 },
      { r1: 3, c1: 3, r2: 3, c2: 3 },
      { r1: 5, c1: 1, r2: 5, c2: 1 },
    ]);
  });

  /** rectangles as first written (string-keyed maps of runs): the faster one must give the same rectangles. */
  function rectanglesByMaps(cells: Array<{ row: number; col: number }>) {
    const byRow = new Map<number, number[]>();
    for (const { row, col } of cells) byRow.set(row, [...(byRow.get(row) ?? []), col]);
    const done: Array<{ r1: number; c1: number; r2: number; c2: number }> = [];
    let open = new Map<string, { r1: number; c1: number; r2: number; c2: number }>();
    for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
      const runs: Array<[number, number]> = [];
      for (const c of [...new Set(byRow.get(row))].sort((a, b) => a - b)) {
        const last = runs[runs.length - 1];
        if (last && last[1] === c - 1) last[1] = c;
        else runs.push([c, c]);
      }
      const next = new Map<string, { r1: number; c1: number; r2: number; c2: number }>();
      for (const [c1, c2] of runs) {
        const prev = open.get(`${c1}:${c2}`);
        if (prev && prev.r2 === row - 1) {
          prev.r2 = row;
          open.delete(`${c1}:${c2}`);
          next.set(`${c1}:${c2}`, prev);
        } else next.set(`${c1}:${c2}`, { r1: row, c1, r2: row, c2 });
      }
      done.push(...open.values());
      open = next;
    }
    done.push(...open.values());
    return done.sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1);
  }

  it("gives the same rectangles as string-keyed maps of runs, for cells in any order, repeated or not", () => {
    const cell = fc.record({ row: fc.integer({ min: 1, max: 12 }), col: fc.integer({ min: 1, max: 8 }) });
    fc.assert(fc.property(fc.array(cell, { maxLength: 80 }), fc.boolean(), (cells, sorted) => {
      const input = sorted ? [...cells].sort((a, b) => a.row - b.row || a.col - b.col) : cells;
      expect(rectangles(input)).toEqual(rectanglesByMaps(input));
    }), { numRuns: 1000 });
  });
});

describe("renderSheet", () => {
  it("writes user text through values with the Text number format, never through formulas", () => {
    const plan = sampleSheet({ lines: 2, commentary: (i) => (i === 0 ? "=SUM(A1)" : "+44 1234") });
    const ops = renderSheet(plan, STYLES, { features });
    const order = ops.filter((o) => o.kind === "cells").map((o) => (o as CellsOp).property);
    expect(order).toEqual(["numberFormat", "values", "formulas"]);
    const nf = cellsOf(ops, "numberFormat")!.data, values = cellsOf(ops, "values")!.data, formulas = cellsOf(ops, "formulas")!.data;
    // G4 and G5: rows 3 and 4 of the arrays, column 6.
    expect(values[3]![6]).toBe("=SUM(A1)");
    expect(values[4]![6]).toBe("+44 1234");
    expect(nf[3]![6]).toBe("@");
    expect(nf[4]![6]).toBe("@");
    expect(formulas[3]![6]).toBeNull();
    expect(formulas[4]![6]).toBeNull();
    // A real formula goes through formulas, with a number format that is not Text.
    expect(formulas[3]![4]).toBe("=C4-D4");
    expect(values[3]![4]).toBeNull();
    expect(nf[3]![4]).not.toBe("@");
  });

  it("does not grow the number of operations with the number of lines", () => {
    const small = renderSheet(sampleSheet({ lines: 10, commentary: () => "ok" }), STYLES, { features });
    const large = renderSheet(sampleSheet({ lines: 2000, commentary: () => "ok" }), STYLES, { features });
    expect(large.length).toBe(small.length);
    expect(large.filter((o) => o.kind === "cells")).toHaveLength(3);
  });

  it("gives blank text inputs the Text format so what the user types later stays text", () => {
    const plan = sampleSheet({ lines: 1, commentary: () => null });
    const cell = plan.cells.find((c) => c.address === "G4")!;
    expect(cell.content.kind).toBe("blank");
    expect(numberFormatOf(cell, STYLES[cell.style])).toBe("@");
  });

  it("applies conditional formats to the planned range and never to whole columns", () => {
    const plan = sampleSheet({ lines: 3 });
    const ops = renderSheet(plan, STYLES, { features });
    expect(ops.filter((o) => o.kind === "conditionalFormat").map((o) => (o as { address: string }).address)).toEqual(["F4:F7"]);
    plan.conditionalFormats.push({ range: "F:F", rules: [] });
    expect(() => renderSheet(plan, STYLES, { features })).toThrow(/whole columns/);
  });

  it("leaves out 1.9 features when the host lacks them", () => {
    const ops = renderSheet(sampleSheet({ lines: 1 }), STYLES, { features: { indent: false, pageLayout: false } });
    expect(ops.some((o) => o.kind === "print")).toBe(false);
  });

  it("refuses text longer than an Excel cell holds, naming the cell", () => {
    const plan = sampleSheet({ lines: 1, commentary: () => "x".repeat(32768) });
    expect(() => renderSheet(plan, STYLES, { features })).toThrow(/Revenue!G4 .*32,767/);
  });

  it("converts column widths from characters to points", () => {
    expect(widthToPoints(10)).toBe(56.25);
    expect(widthToPoints(0)).toBe(0);
  });
});

describe("payload split", () => {
  it("keeps an ordinary workbook in one request", () => {
    const ops = renderSheet(sampleSheet({ lines: 2000 }), STYLES, { features });
    const chunks = chunkWork([{ name: "Revenue", create: true, ops }]);
    expect(chunks).toHaveLength(1);
    expect(chunkBytes(chunks[0]!)).toBeLessThan(REQUEST_BUDGET);
  });

  it("splits a huge write into bands of whole rows, each under the budget, in order", () => {
    const long = "x".repeat(400);
    const ops = renderSheet(sampleSheet({ lines: 30000, commentary: () => long }), STYLES, { features });
    const total = ops.reduce((n, o) => n + o.bytes, 0);
    expect(total).toBeGreaterThan(5 * 1024 * 1024);
    const chunks = chunkWork([{ name: "Revenue", create: true, ops }]);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(chunkBytes(c)).toBeLessThanOrEqual(REQUEST_BUDGET);
    // Every cell row is written exactly once per property, and number formats come before values.
    const items = chunks.flat().map((i) => i.op).filter((o): o is CellsOp => !!o && o.kind === "cells");
    for (const property of ["numberFormat", "values", "formulas"] as const) {
      const bands = items.filter((o) => o.property === property);
      let next = 1;
      for (const b of bands) {
        expect(b.firstRow).toBe(next);
        next += b.data.length;
      }
      expect(next - 1).toBe(cellsOf(ops, property)!.data.length);
    }
    const firstValues = items.findIndex((o) => o.property === "values");
    const lastFormats = items.map((o) => o.property).lastIndexOf("numberFormat");
    expect(lastFormats).toBeLessThan(firstValues);
  });

  it("counts UTF-8 bytes (a pound sign is two)", () => {
    expect(jsonBytes("£")).toBe(4);
    expect(jsonBytes([["Pay", 1.5, null]])).toBe(18);
    expect(jsonBytes([["€ and \ud83d\udcb7"]])).toBe(Buffer.byteLength(JSON.stringify([["€ and \ud83d\udcb7"]])) + 2); // 3 a surrogate: an upper bound
    const op = { kind: "cells" as const, property: "values" as const, firstRow: 1, firstCol: 1, data: [["a"], ["b"], ["c"]], bytes: 10_000 };
    const bands = splitCellsOp(op, COMMAND_ENVELOPE + 12);
    expect(bands.map((b) => b.data.length)).toEqual([2, 1]);
  });
});
