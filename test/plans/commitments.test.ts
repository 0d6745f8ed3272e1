/**
 * Commitments on the revenue lines (issue 12): an optional input in the file's units, read back from the Revenue sheet's
 * commitments column, added up exactly, shown as spent and committed (actual to date + commitments) in the sheet and the
 * reports, and never in the forecast or the variance. A Revenue sheet from before commitments still reads.
 */
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { readWorkbook } from "../../src/plans/read";
import { computePosition } from "../../src/engine/position";
import { commitmentsOf } from "../../src/engine/commitments";
import { reportJson } from "../../src/report/json";
import { textReport } from "../../src/report/text";
import { toJsonText } from "../../src/model/json-text";
import { modelToDocument } from "../../src/model/save";
import { parseMonitoringJson } from "../../src/model/load";
import { schemaValidator } from "../../src/model/schema-validator";
import { D } from "../../src/model/amount";
import type { MonitoringPeriod } from "../../src/model/types";
import type { WorkbookPlan } from "../../src/plans/types";
import { parseA1 } from "../../src/plans/a1";
import { REVENUE_COLS } from "../../src/plans/sheets/revenue/markers";
import { gridFromPlan, modelJson, planCell, seedModel } from "./support";
import { reportSchemaErrors } from "../support/report-schema";

/** The worked example with commitments on two lines (£000): Overheads 1,234.5 and the OPCC 20. */
function withCommitments(): MonitoringPeriod {
  const model = seedModel();
  model.revenue.groups[0]!.lines[2]!.commitments = new D("1234.5");
  model.revenue.groups[1]!.lines[0]!.commitments = new D("20");
  return model;
}

/** The plan as an older version wrote it: the Revenue sheet without its commitments columns (L and M). */
function olderPlan(model: MonitoringPeriod, keep: (address: string) => boolean = () => false): WorkbookPlan {
  const plan = buildWorkbookPlan(model);
  const drop = (a: string) => /^[LM][0-9]+$/.test(a) && !keep(a);
  return { ...plan, sheets: plan.sheets.map((s) => (s.kind === "Revenue" ? { ...s, cells: s.cells.filter((c) => !drop(c.address)), columns: s.columns.slice(0, 11) } : s)) };
}

describe("commitments", () => {
  it("are optional in the monitoring file: the worked example has none, and a file with them round-trips exactly", () => {
    expect(seedModel().revenue.groups.flatMap((g) => g.lines).every((l) => l.commitments === undefined)).toBe(true);
    expect(JSON.stringify(modelToDocument(seedModel()))).not.toContain("commitments\":1");
    const doc = modelToDocument(withCommitments());
    const validate = schemaValidator();
    validate(JSON.parse(toJsonText(doc)));
    expect(validate.errors ?? []).toEqual([]);
    const again = parseMonitoringJson(toJsonText(doc));
    expect(again.revenue.groups[0]!.lines[2]!.commitments?.toFixed()).toBe("1234.5");
    expect(again.revenue.groups[0]!.lines[1]!.commitments).toBeUndefined();
    expect(modelJson(again)).toEqual(modelJson(withCommitments()));
  });

  it("add up exactly to spent and committed, and never change the forecast, the variance or the RAG", () => {
    const c = commitmentsOf(withCommitments())!;
    expect(commitmentsOf(seedModel())).toBeNull();
    const overheads = c.rows.find((r) => r.name === "Overheads")!;
    expect([overheads.actualToDate?.toFixed(), overheads.commitments?.toFixed(), overheads.spentAndCommitted?.toFixed()]).toEqual(["23102", "1234.5", "24336.5"]);
    const pay = c.rows.find((r) => r.name === "Pay & Employment costs")!;
    expect([pay.commitments, pay.spentAndCommitted?.toFixed()]).toEqual([null, "76042"]);
    const cc = c.rows.find((r) => r.name === "Total Chief Constable")!;
    expect([cc.commitments?.toFixed(), cc.spentAndCommitted?.toFixed()]).toEqual(["1234.5", "85955.5"]);
    expect([c.total.commitments?.toFixed(), c.total.spentAndCommitted?.toFixed()]).toEqual(["1254.5", "86311.5"]);
    // The position without the commitments' own section is the worked example's, figure for figure.
    const { commitments: _c, ...json } = JSON.parse(toJsonText(reportJson(computePosition(withCommitments())))) as Record<string, unknown>;
    expect(json).toEqual(JSON.parse(toJsonText(reportJson(computePosition(seedModel())))));
  });

  it("appear in report --json (valid against its schema) and the text report only when entered", () => {
    const json = JSON.parse(toJsonText(reportJson(computePosition(withCommitments())))) as { commitments: { lines: Array<{ name: string; commitments: number | null; spentAndCommitted: number | null }>; total: { commitments: number; spentAndCommitted: number } } };
    expect(reportSchemaErrors(json)).toEqual([]);
    expect(json.commitments.total).toMatchObject({ commitments: 1254.5, spentAndCommitted: 86311.5 });
    expect(json.commitments.lines.find((l) => l.name === "OPCC")).toMatchObject({ commitments: 20, spentAndCommitted: 356 });
    expect(JSON.parse(toJsonText(reportJson(computePosition(seedModel()))))).not.toHaveProperty("commitments");
    const text = textReport(computePosition(withCommitments()), true);
    // Shown in whole £000 as every table of the text report (the JSON above is exact).
    expect(text).toContain("commitments 1,255 (orders raised, not yet paid); actual to date plus them, spent and committed, 86,312");
    expect(text).toMatch(/ {2}Overheads +23,102 +1,235 +24,337\n/);
    expect(text).toMatch(/ {2}Pay & Employment costs +76,042 +– +76,042\n/);
    expect(textReport(computePosition(seedModel()), true)).not.toContain("ommitments (orders");
  });

  it("are an input column of the Revenue sheet beside the table, read back exactly, with spent and committed worked out", () => {
    const model = withCommitments();
    const plan = buildWorkbookPlan(model);
    const sheet = plan.sheets.find((s) => s.kind === "Revenue")!;
    const row = sheet.cells.find((c) => c.place?.row === "Overheads" && c.place.column === "commitments")!;
    expect(row).toMatchObject({ input: true, content: { kind: "amount" } });
    const r = parseA1(row.address).row;
    expect(row.address).toBe(`${REVENUE_COLS.commitments}${r}`);
    expect(planCell(plan, "Revenue", `M${r}`)?.content).toMatchObject({ kind: "formula", formula: `=IF(AND(D${r}="",L${r}=""),"",D${r}+L${r})` });
    expect((planCell(plan, "Revenue", `M${r}`)?.content as { expected: { toFixed(): string } }).expected.toFixed()).toBe("24336.5");
    const read = readWorkbook(gridFromPlan(plan));
    expect(read.checks.filter((c) => c.severity !== "warning" || c.id === "commitments-column")).toEqual(readWorkbook(gridFromPlan(buildWorkbookPlan(seedModel()))).checks.filter((c) => c.severity !== "warning" || c.id === "commitments-column"));
    expect(read.checks.filter((c) => c.severity === "error")).toEqual([]);
    expect(modelJson(read.model)).toEqual(modelJson(model));
  });

  it("a Revenue sheet from before commitments reads without errors, as none entered, and says how to add the column", () => {
    const read = readWorkbook(gridFromPlan(olderPlan(seedModel())));
    expect(read.checks.filter((c) => c.severity === "error")).toEqual([]);
    expect(modelJson(read.model)).toEqual(modelJson(seedModel()));
    expect(read.checks.find((c) => c.id === "commitments-column")).toMatchObject({ severity: "info", message: expect.stringMatching(/no Commitments column .*Insert > Revenue > Upgrade/) });
    // Whatever the person kept in its column L (their own notes) is neither read as commitments nor checked.
    const plan = olderPlan(seedModel());
    const grid = gridFromPlan(plan);
    const revenue = grid.sheets.find((s) => s.name === "Revenue")!;
    revenue.set(9, 12, { value: "chase the fleet order", formula: null });
    revenue.set(8, 12, { value: 5, formula: null });
    const notes = readWorkbook(grid);
    expect(notes.checks.filter((c) => c.severity === "error")).toEqual([]);
    expect(modelJson(notes.model)).toEqual(modelJson(seedModel()));
    // A freshly inserted sheet has the column, and says nothing about it.
    expect(readWorkbook(gridFromPlan(buildWorkbookPlan(seedModel()))).checks.filter((c) => c.id === "commitments-column")).toEqual([]);
  });
});
