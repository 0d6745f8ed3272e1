/** Test helpers for plans: a grid as a perfect spreadsheet would show a plan (formulas showing the engine's values). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseMonitoringJson } from "../../src/model/load";
import type { MonitoringPeriod } from "../../src/model/types";
import { type GridCell, MapGridSheet } from "../../src/plans/grid";
import { parseA1 } from "../../src/plans/a1";
import type { WorkbookPlan } from "../../src/plans/types";
import { computePosition } from "../../src/engine/position";
import { reportJson } from "../../src/report/json";
import { toJsonText } from "../../src/model/json-text";

export const ROOT = join(__dirname, "..", "..");

export function seedModel(edit?: (doc: Record<string, unknown>) => void): MonitoringPeriod {
  const text = readFileSync(join(ROOT, "seeds", "q2-2024-25.json"), "utf8");
  if (!edit) return parseMonitoringJson(text);
  const doc = JSON.parse(text) as Record<string, unknown>;
  edit(doc);
  return parseMonitoringJson(JSON.stringify(doc));
}

export function planCell(plan: WorkbookPlan, sheet: string, address: string) {
  const s = plan.sheets.find((x) => x.name === sheet);
  return s?.cells.find((c) => c.address === address);
}

/** The grid a spreadsheet would show for the plan: text, numbers, and formulas with their expected values. */
export function gridFromPlan(plan: WorkbookPlan): { sheets: MapGridSheet[] } {
  return {
    sheets: plan.sheets.map((s) => {
      const g = new MapGridSheet(s.name);
      for (const c of s.cells) {
        const { row, col } = parseA1(c.address);
        let cell: GridCell | null = null;
        if (c.content.kind === "text") cell = { value: c.content.text, formula: null };
        else if (c.content.kind === "amount") cell = { value: c.content.value.toNumber(), formula: null };
        else if (c.content.kind === "formula") {
          const e = c.content.expected;
          cell = { value: typeof e === "string" ? e : e.toNumber(), formula: c.content.formula };
        }
        if (cell) g.set(row, col, cell);
      }
      return g;
    }),
  };
}

/** The report JSON of a model, with the checks' `where` left out (words from JSON, cells from a workbook). */
export function reportOf(model: MonitoringPeriod): unknown {
  const r = reportJson(computePosition(model));
  return JSON.parse(toJsonText({ ...r, checks: r.checks.map(({ id, severity, message }) => ({ id, severity, message })) }));
}

/** A model as comparable JSON (Decimals as exact text). */
export function modelJson(model: MonitoringPeriod | null): unknown {
  return model === null ? null : JSON.parse(toJsonText(model));
}
