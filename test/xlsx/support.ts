/** Helpers for workbook tests: write a model's workbook, recalculate it in LibreOffice, compare every formula. */
import * as path from "node:path";
import type { MonitoringPeriod } from "../../src/model/types";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import type { WorkbookPlan } from "../../src/plans/types";
import type { Grid } from "../../src/plans/grid";
import { isGridError } from "../../src/plans/grid";
import { parseA1 } from "../../src/plans/a1";
import { writeWorkbookFile } from "../../src/xlsx/write";
import { readGridFile } from "../../src/xlsx/read";
import { decimalOfNumber } from "../../src/plans/read";
import { recalculateManyXlsx } from "../support/libreoffice";

export interface Recalculated {
  plan: WorkbookPlan;
  /** The workbook as Outturn wrote it. */
  written: string;
  /** The same after LibreOffice recalculated every formula and saved it. */
  recalculated: string;
  grid: Grid;
}

export async function writeAndRecalculate(model: MonitoringPeriod, dir: string, name: string): Promise<Recalculated> {
  const [book] = await writeAndRecalculateMany([[name, model]], dir);
  return book as Recalculated;
}

/** writeAndRecalculate for many models with one LibreOffice start (about 6 s, where each call takes about as long). */
export async function writeAndRecalculateMany(models: Array<[name: string, model: MonitoringPeriod]>, dir: string): Promise<Recalculated[]> {
  const { mkdirSync } = await import("node:fs");
  mkdirSync(path.join(dir, "written"), { recursive: true });
  const written = await Promise.all(models.map(async ([name, model]) => {
    const plan = buildWorkbookPlan(model);
    const file = path.join(dir, "written", `${name}.xlsx`);
    await writeWorkbookFile(plan, file);
    return { plan, written: file };
  }));
  const recalculated = await recalculateManyXlsx(written.map((w) => w.written), path.join(dir, "recalculated"));
  return Promise.all(written.map(async (w, i) => ({ ...w, recalculated: recalculated[i] as string, grid: await readGridFile(recalculated[i] as string) })));
}

/** Formula cells whose recalculated value differs from the engine's (numbers equal after rounding to 6 dp). */
export function formulaMismatches(plan: WorkbookPlan, grid: Grid): string[] {
  const out: string[] = [];
  let count = 0;
  for (const sp of plan.sheets) {
    const sheet = grid.sheets.find((s) => s.name === sp.name);
    for (const c of sp.cells) {
      if (c.content.kind !== "formula") continue;
      count++;
      const { row, col } = parseA1(c.address);
      const cell = sheet?.get(row, col);
      const v = cell?.value ?? null;
      const e = c.content.expected;
      const ok = !!cell?.formula && (typeof e === "string"
        ? (v ?? "") === e
        : typeof v === "number" && decimalOfNumber(v).toDecimalPlaces(6).equals(e.toDecimalPlaces(6)));
      if (!ok) out.push(`${sp.name}!${c.address}: ${isGridError(v) ? v.error : JSON.stringify(v)} (formula ${cell?.formula ?? "none"}), engine ${String(e)} (${c.content.formula})`);
    }
  }
  if (count === 0) out.push("no formulas at all");
  return out;
}
