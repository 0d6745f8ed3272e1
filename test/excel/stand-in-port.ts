/**
 * A stand-in for the sheet plans, for testing the gateway's Excel side on its own: every sheet but Settings is a
 * "lines" sheet (test/excel/sample-plan.ts) holding the model's first revenue group; Settings is the real Settings
 * sheet plan. Its reader reads those lines back by their row markers, as the real reader does.
 */
import type { PlanPort } from "../../src/workbook/plan-port";
import type { MonitoringPeriod } from "../../src/model/types";
import type { Check } from "../../src/engine/checks";
import { blankPeriod } from "../../src/model/template";
import { D } from "../../src/model/amount";
import { STYLES } from "../../src/plans/styles";
import { settingsSheet } from "../../src/plans/sheets/settings/layout";
import type { Grid } from "../../src/plans/grid";
import { isGridError } from "../../src/plans/grid";
import { linesSheet, type SampleLine } from "./sample-plan";

export const IDENTITY = { organisation: "Test Police", financialYear: "2024/25", period: "Q2", units: "£000" } as const;

export function modelWithLines(lines: SampleLine[]): MonitoringPeriod {
  const m = blankPeriod(IDENTITY);
  const group = m.revenue.groups[0]!;
  group.lines = lines.map((l) => ({
    name: l.name, ref: l.ref, originalBudget: null, revisedBudget: l.budget, actualToDate: null, forecastOutturn: l.forecast, commentary: l.commentary,
  }));
  return m;
}

export function linesOf(model: MonitoringPeriod): SampleLine[] {
  return model.revenue.groups[0]!.lines.map((l) => ({ name: l.name, ref: l.ref, budget: l.revisedBudget, forecast: l.forecastOutturn, commentary: l.commentary }));
}

export function standInPort(): PlanPort {
  const port: PlanPort = {
    blank: (identity) => blankPeriod(identity),
    build: (model, kinds, names) => ({
      styles: STYLES,
      sheets: kinds.map((k) => (k === "Settings" ? settingsSheet(model, names.Settings ?? "Settings") : linesSheet(linesOf(model), names[k] ?? k, k))),
    }),
    read: (grid: Grid) => {
      const sheet = grid.sheets.find((s) => s.name.toLowerCase() === "revenue");
      if (!sheet) {
        const check: Check = { id: "missing-sheet", severity: "error", message: "There is no Revenue sheet.", where: "Revenue", place: { area: "workbook", row: null, column: null } };
        return { model: null, checks: [check] };
      }
      const text = (r: number, c: number) => {
        const v = sheet.get(r, c)?.value;
        return v === null || v === undefined || v === "" || isGridError(v) ? null : String(v);
      };
      const amount = (r: number, c: number) => {
        const v = sheet.get(r, c)?.value;
        return typeof v === "number" ? new D(v) : null;
      };
      const lines: SampleLine[] = [];
      for (let r = 1; r <= sheet.maxRow; r++) {
        if (sheet.get(r, 8)?.value !== "line") continue;
        lines.push({ name: text(r, 1) ?? "", ref: text(r, 2), budget: amount(r, 3), forecast: amount(r, 4), commentary: text(r, 7) });
      }
      return { model: modelWithLines(lines), checks: [] };
    },
    readModel: (grid) => port.read(grid).model,
  };
  return port;
}
