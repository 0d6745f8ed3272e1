/**
 * Benchmark: how long the pure core takes on large periods, and how much memory it uses.
 * Prints figures; it asserts nothing (speed depends on the machine). Run: npm run bench
 *
 * For each size: computePosition (the engine), buildWorkbookPlan (the sheet plans, live formulas included),
 * readWorkbook (reading the sheets back, with every integrity check), and the narrative.
 */
import { performance } from "node:perf_hooks";
import { computePosition } from "../src/engine/position";
import { buildWorkbookPlan } from "../src/plans/workbook";
import { readWorkbook } from "../src/plans/read";
import { narrative } from "../src/narrative";
import { gridFromPlan } from "../test/plans/support";
import { sized } from "./sized";

function time<T>(fn: () => T, runs: number): { ms: number; value: T } {
  let value = fn(); // warm-up
  const start = performance.now();
  for (let i = 0; i < runs; i++) value = fn();
  return { ms: (performance.now() - start) / runs, value };
}

const rows: string[][] = [["revenue lines", "engine ms", "plans ms", "cells", "read-back ms", "narrative ms", "heap MB"]];
for (const n of [4, 100, 1_000, 5_000]) {
  const model = sized(n);
  const runs = n >= 1_000 ? 3 : 20;
  const engine = time(() => computePosition(model), runs);
  const plans = time(() => buildWorkbookPlan(model), runs);
  const cells = plans.value.sheets.reduce((s, sh) => s + sh.cells.length, 0);
  const grid = gridFromPlan(plans.value);
  const read = time(() => readWorkbook(grid), runs);
  if (read.value.checks.some((c) => c.severity === "error")) throw new Error(`read-back of ${n} lines found errors: ${read.value.checks[0]?.message}`);
  const text = time(() => narrative(engine.value), runs);
  rows.push([String(n), engine.ms.toFixed(2), plans.ms.toFixed(1), String(cells), read.ms.toFixed(1), text.ms.toFixed(2), (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)]);
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) console.log(r.map((c, i) => c.padStart(widths[i]!)).join("  "));
