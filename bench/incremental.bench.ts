/**
 * Benchmark: a one-cell edit to the updated headline, Outturn's incremental path (src/engine/incremental.ts) against
 * computing the whole period again and against HyperFormula (a spreadsheet engine, GPL-3, benchmark only: never in the
 * bundle) recalculating the same sheet plans. Prints figures; asserts nothing. Run: npm run bench
 *
 * HyperFormula at 100,000 lines takes minutes to build: it runs only with BENCH_HF_100K=1.
 */
import { performance } from "node:perf_hooks";
import { HyperFormula } from "hyperformula";
import { D } from "../src/model/amount";
import { computePosition } from "../src/engine/position";
import { editRevenue } from "../src/engine/incremental";
import { buildWorkbookPlan } from "../src/plans/workbook";
import { parseA1 } from "../src/plans/a1";
import type { WorkbookPlan } from "../src/plans/types";
import { sized } from "./sized";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
function time(fn: () => void, runs: number): number {
  fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) { const t = performance.now(); fn(); xs.push(performance.now() - t); }
  return median(xs);
}

/** The plan as HyperFormula sheets: each cell's raw content (formulas with "=", numbers, text). */
function hfSheets(plan: WorkbookPlan): Record<string, Array<Array<string | number | null>>> {
  const out: Record<string, Array<Array<string | number | null>>> = {};
  for (const sp of plan.sheets) {
    const rows: Array<Array<string | number | null>> = [];
    for (const c of sp.cells) {
      const { row, col } = parseA1(c.address);
      const r = (rows[row - 1] ??= []);
      const content = c.content;
      r[col - 1] = content.kind === "formula" ? content.formula : content.kind === "amount" ? content.value.toNumber() : content.kind === "text" ? content.text : null;
    }
    out[sp.name] = Array.from(rows, (r) => Array.from(r ?? [], (v) => v ?? null));
  }
  return out;
}

const table: string[][] = [["revenue lines", "Outturn full ms", "Outturn edit ms", "HyperFormula build ms", "HyperFormula edit ms", "edit: HF / Outturn"]];
for (const n of [1_000, 10_000, 100_000]) {
  const model = sized(n);
  const runs = n >= 100_000 ? 3 : 7;
  const position = computePosition(model);
  const full = time(() => computePosition(model), runs);
  let value = 0;
  const edit = time(() => {
    value++;
    const after = editRevenue(position, { group: 0, line: Math.floor(n / 2), column: "forecastOutturn", value: new D(value) });
    if (!after.revenue.netBudget.variance) throw new Error("no headline");
  }, runs * 5);
  let hfBuild = "skipped (BENCH_HF_100K=1)", hfEdit = "", ratio = "";
  if (n < 100_000 || process.env.BENCH_HF_100K === "1") {
    const plan = buildWorkbookPlan(model, { position });
    const sheets = hfSheets(plan);
    let hf: HyperFormula | null = null;
    const start = performance.now();
    hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", maxRows: 200_000 });
    hfBuild = (performance.now() - start).toFixed(0);
    const revenue = plan.sheets.find((s) => s.kind === "Revenue")!;
    const sheet = hf.getSheetId(revenue.name)!;
    const lineRow = revenue.rowKeys[`line:0:${Math.floor(n / 2)}`]! - 1;
    const headline = { sheet, row: revenue.rowKeys.netBudget! - 1, col: 5 };
    const e = time(() => {
      value++;
      hf!.setCellContents({ sheet, row: lineRow, col: 4 }, [[value]]);
      hf!.getCellValue(headline);
    }, runs * 5);
    hfEdit = e.toFixed(3);
    ratio = (e / edit).toFixed(1);
    hf.destroy();
  }
  table.push([String(n), full.toFixed(1), edit.toFixed(3), hfBuild, hfEdit, ratio]);
}
const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
for (const r of table) console.log(r.map((c, i) => c.padStart(widths[i]!)).join("  "));
