/**
 * A stand-in for the sheet plans in unit tests of the memory workbook: the Settings sheet holds the whole model as
 * JSON in A1 (an input) and its identity in marked rows, every other sheet a title and one formula. Enough to test inserting, conflicts, upgrading,
 * events and failures without depending on the real layouts.
 */
import type { PlanPort } from "../../src/workbook/plan-port";
import type { MonitoringPeriod } from "../../src/model/types";
import { modelFromDocument } from "../../src/model/load";
import { blankPeriod } from "../../src/model/template";
import { D } from "../../src/model/amount";
import { STYLE_ROLES, type SheetPlan, type WorkbookPlan } from "../../src/plans/types";

export const jsonPlanPort: PlanPort = {
  blank: (identity) => {
    // Readable as it stands (a zero net budget is refused): one revised budget filled in.
    const model = blankPeriod(identity);
    const first = model.revenue.groups[0]?.lines[0];
    if (first) first.revisedBudget = new D(100);
    return model;
  },
  build(model: MonitoringPeriod, kinds, names) {
    const sheets: SheetPlan[] = kinds.map((kind) => ({
      kind, name: names[kind] ?? kind, columns: [{ width: 20 }, { width: 10, hidden: true }], freeze: { rows: 0, columns: 0 },
      cells: kind === "Settings"
        ? [
            { address: "A1", content: { kind: "text", text: JSON.stringify(model) }, style: "inputText", input: true },
            // The identity rows, found by their markers in the key column as on the real Settings sheet (status reads them).
            ...(["organisation", "financialYear", "period", "units"] as const).flatMap((key, i) => [
              { address: `A${i + 2}`, content: { kind: "text", text: String(model[key]) }, style: "inputText", input: true },
              { address: `B${i + 2}`, content: { kind: "text", text: `set:${key}` }, style: "key", input: false },
            ] as SheetPlan["cells"]),
          ]
        : [
            { address: "A1", content: { kind: "text", text: `${kind}: ${model.organisation}` }, style: "title", input: false },
            { address: "A2", content: { kind: "formula", formula: "=1+1", expected: model.revenue.groups.length.toString() }, style: "calculated", input: false },
            { address: "C3", content: { kind: "blank" }, style: "input", input: true },
          ],
      merges: [], conditionalFormats: [], validations: [], keyColumn: "B", rowKeys: {}, print: { orientation: "portrait", fitToWidth: true },
    }));
    return { sheets, styles: Object.fromEntries(STYLE_ROLES.map((r) => [r, {}])) } as WorkbookPlan;
  },
  read(grid) {
    const value = grid.sheets.find((s) => s.name === "Settings")?.get(1, 1)?.value;
    if (typeof value !== "string") return { model: null, checks: [{ id: "missing-sheet", severity: "error", message: "no Settings", where: "Workbook", place: { area: "workbook", row: null, column: null } }] };
    return { model: modelFromDocument(JSON.parse(value)), checks: [] };
  },
  readModel(grid) {
    return jsonPlanPort.read(grid).model;
  },
};
