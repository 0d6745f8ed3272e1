/**
 * The Workforce sheet (issue 14): written when the period has workforce figures, read back to the same model and
 * report, and its integrity checks (a formula typed over, a group inserted, an incomplete target) name their cells.
 */
import { readWorkbook } from "../../src/plans/read";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { computePosition } from "../../src/engine/position";
import { gridFromPlan, modelJson, planCell, reportOf, seedModel } from "./support";
import { WORKFORCE_EXAMPLE } from "../support/workforce";

const withWorkforce = () => seedModel((doc) => { doc.workforce = structuredClone(WORKFORCE_EXAMPLE); });

describe("the Workforce sheet", () => {
  it("is written only for a period with workforce figures, after the templates", () => {
    expect(buildWorkbookPlan(seedModel()).sheets.map((s) => s.kind)).not.toContain("Workforce");
    const kinds = buildWorkbookPlan(withWorkforce()).sheets.map((s) => s.kind);
    expect(kinds.indexOf("Workforce")).toBe(kinds.indexOf("Slides") + 1);
  });

  it("reads back to the same model and report, with no checks of its own", () => {
    const model = withWorkforce();
    const read = readWorkbook(gridFromPlan(buildWorkbookPlan(model)));
    expect(read.checks.filter((c) => c.where.startsWith("Workforce"))).toEqual([]);
    expect(modelJson(read.model)).toEqual(modelJson(model));
    expect(reportOf(read.model!)).toEqual(reportOf(model));
  });

  it("shows the engine's figures: forecast strength, variances, target gap and grant at risk", () => {
    const model = withWorkforce();
    const plan = buildWorkbookPlan(model);
    const w = computePosition(model).workforce!;
    const at = (address: string) => { const c = planCell(plan, "Workforce", address); return c?.content.kind === "formula" ? c.content.expected : c?.content; };
    expect(String(at("H6"))).toBe(w.groups[0]!.forecastFte.toFixed()); // 2,101.5 + 70 − 12
    expect(String(at("H6"))).toBe("2159.5");
    const plannedRows = plan.sheets.find((s) => s.kind === "Workforce")!.rowKeys;
    const target = (field: string) => at(`B${plannedRows[`target:${field}`]}`);
    expect(String(target("forecastHeadcount"))).toBe("2208");
    expect(String(target("gap"))).toBe("-22");
    expect(String(target("grantAtRisk"))).toBe("170");
    expect(planCell(plan, "Workforce", `B${plannedRows["target:withheldPct"]}`)?.content).toMatchObject({ kind: "formula" });
  });

  it("names a formula typed over and an incomplete target by their cells", () => {
    const model = withWorkforce();
    const plan = buildWorkbookPlan(model);
    const rows = plan.sheets.find((s) => s.kind === "Workforce")!.rowKeys;
    const grid = gridFromPlan(plan);
    const sheet = grid.sheets.find((s) => s.name === "Workforce")!;
    sheet.set(6, 8, { value: 2000, formula: null }); // H6: the forecast typed over
    sheet.set(rows["target:grant"]!, 2, { value: null, formula: null }); // the grant cleared
    const read = readWorkbook(grid);
    expect(read.checks.map((c) => `${c.id} ${c.where}`)).toEqual(expect.arrayContaining([`workforce-target-incomplete Workforce!B${rows["target:grant"]}`]));
    expect(read.checks.some((c) => c.where === "Workforce!H6" && c.severity === "error")).toBe(true);
    expect(read.model?.workforce?.officerTarget).toBeNull();
  });
});
