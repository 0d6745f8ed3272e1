/**
 * The worked example (seeds/q2-2024-25.json) as the cells a person would type: every input cell of the sheet plans
 * built for the seed's model, by sheet and address. Also what the run expects to see, worked out from the same
 * plans and the engine, not typed in by hand.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseMonitoringJson } from "../../src/model/load";
import type { MonitoringPeriod } from "../../src/model/types";
import { computePosition } from "../../src/engine/position";
import { defaultPlanPort } from "../../src/workbook/plan-port";
import { ALL_SHEETS } from "../../src/taskpane/start-form";
import type { PlanCell, WorkbookPlan } from "../../src/plans/types";
import { formatCellRef } from "../../src/taskpane/cell-ref";

export const SEED = path.resolve(__dirname, "..", "..", "seeds", "q2-2024-25.json");

export function seedModel(): MonitoringPeriod {
  return parseMonitoringJson(fs.readFileSync(SEED, "utf8"), SEED);
}

function seedPlan(m: MonitoringPeriod = seedModel()): WorkbookPlan {
  return defaultPlanPort().build(m, [...ALL_SHEETS], {});
}

function blankPlan(m: MonitoringPeriod = seedModel()): WorkbookPlan {
  const port = defaultPlanPort();
  return port.build(port.blank({ organisation: m.organisation, financialYear: m.financialYear, period: m.period, units: m.units }), [...ALL_SHEETS], {});
}

function typed(cell: PlanCell): number | string | null {
  const c = cell.content;
  if (c.kind === "amount") return c.value.toNumber();
  if (c.kind === "text") return c.text;
  return null;
}

/** One thing a person does in Excel: insert rows, or type into cells (values, or formulas copied down). */
export type Edit =
  | { kind: "insertRows"; sheet: string; before: number; count: number }
  /** Review > Unprotect Sheet / Protect Sheet: Outturn's sheets are protected, with their formulas locked. */
  | { kind: "protect"; sheet: string; on: boolean }
  | { kind: "type"; sheet: string; cells: Record<string, number | string> };

/** Lines of a section, by their row-key family: "scheme:3" -> "scheme", "line:0:2" -> "line:0". */
function families(rowKeys: Record<string, number>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [key, row] of Object.entries(rowKeys)) {
    const m = /^(.*):([0-9]+)$/.exec(key);
    if (!m || m[1] === undefined) continue;
    out.set(m[1], [...(out.get(m[1]) ?? []), row].sort((a, b) => a - b));
  }
  return out;
}

/**
 * How a person enters the worked example into freshly inserted (blank) templates: where the example has more lines
 * than the template (savings schemes), insert rows inside the section and copy the row formulas down; then type every
 * input. The result is the workbook Outturn would have written for the example.
 */
export function seedEdits(model: MonitoringPeriod = seedModel()): Edit[] {
  const seed = seedPlan(model);
  const blank = blankPlan(model);
  const edits: Edit[] = [];
  for (const sheet of seed.sheets) {
    const before = blank.sheets.find((s) => s.kind === sheet.kind);
    if (!before) continue;
    const formulas: Record<string, string> = {};
    for (const [family, rows] of families(sheet.rowKeys)) {
      const had = families(before.rowKeys).get(family) ?? [];
      const extra = rows.length - had.length;
      if (extra <= 0) continue;
      const last = had[had.length - 1];
      if (last === undefined) {
        // An empty section (Period history): the template leaves an empty row for the first line.
        if (extra > 1) throw new Error(`${sheet.name}: ${extra} lines into an empty section is not scripted`);
        continue;
      }
      // Rows inserted above the section's last line, so totals' SUM ranges grow to include them (as in Excel).
      edits.push({ kind: "insertRows", sheet: sheet.name, before: last, count: extra });
      for (const cell of sheet.cells) {
        const row = Number(/[0-9]+$/.exec(cell.address)?.[0]);
        if (row >= last && row < last + extra && cell.content.kind === "formula") formulas[cell.address] = cell.content.formula;
      }
    }
    const cells: Record<string, number | string> = { ...formulas };
    for (const cell of sheet.cells) {
      if (!cell.input) continue;
      const v = typed(cell);
      if (v !== null) cells[cell.address] = v;
    }
    // Formulas copied into the new rows go into locked cells: the person unprotects the sheet for that, then protects it again.
    const unprotect = Object.keys(formulas).length > 0;
    if (unprotect) edits.push({ kind: "protect", sheet: sheet.name, on: false });
    if (Object.keys(cells).length) edits.push({ kind: "type", sheet: sheet.name, cells });
    if (unprotect) edits.push({ kind: "protect", sheet: sheet.name, on: true });
  }
  return edits;
}

/**
 * A generated year: the worked example's figures as Quarter 1 of 2025/26 with nothing closed, Q1's forecasts a little
 * worse (each revenue line's forecast 0.5% higher), so Q2 (the worked example's figures) shows an improvement.
 */
export function generatedQ1(): MonitoringPeriod {
  const m = seedModel();
  const groups = m.revenue.groups.map((g) => ({ ...g, lines: g.lines.map((l) => ({ ...l, forecastOutturn: l.forecastOutturn && l.forecastOutturn.times("1.005").round() })) }));
  return { ...m, organisation: "Wessex Police and Crime Commissioner", financialYear: "2025/26", period: "Q1", history: [], controlTotals: null, revenue: { ...m.revenue, groups } };
}

/** Where a sheet plan puts a row (e.g. Settings "set:period", Revenue "line:0:0"), for typing into it. */
export function planRow(model: MonitoringPeriod, kind: "Settings" | "Revenue", key: string): number {
  const sheet = defaultPlanPort().build(model, [kind], {}).sheets[0];
  const row = sheet?.rowKeys[key];
  if (row === undefined) throw new Error(`no row ${key} on the ${kind} plan`);
  return row;
}

export interface SeedExpectations {
  organisation: string;
  financialYear: string;
  /** The general fund check, and the cell its place is shown in. */
  check: { id: string; sheet: string; cell: string; address: string };
  /** Where the Settings sheet holds the reserves minimum. */
  settingsMinimumCell: string;
}

export function seedExpectations(): SeedExpectations {
  const model = seedModel();
  const position = computePosition(model);
  const gfCheck = position.checks.find((c) => c.id === "reserves-below-minimum");
  if (!gfCheck) throw new Error("the worked example should have the reserves-below-minimum check");
  const plan = seedPlan();
  let target: { sheet: string; cell: string } | null = null;
  let minimum: string | null = null;
  for (const sheet of plan.sheets) {
    for (const cell of sheet.cells) {
      const p = cell.place;
      if (!target && p && p.area === gfCheck.place.area && p.row === gfCheck.place.row && p.column === gfCheck.place.column) target = { sheet: sheet.name, cell: cell.address };
    }
    if (sheet.kind === "Settings") {
      const row = sheet.rowKeys["set:reservesMin"];
      if (row !== undefined) minimum = `B${row}`;
    }
  }
  if (!target) throw new Error(`no plan cell has the place of the check ${JSON.stringify(gfCheck.place)}`);
  if (!minimum) throw new Error("the Settings plan has no row set:reservesMin");
  return {
    organisation: model.organisation,
    financialYear: model.financialYear,
    check: { id: gfCheck.id, ...target, address: formatCellRef({ sheet: target.sheet, address: target.cell }) },
    settingsMinimumCell: minimum,
  };
}
