/**
 * The Workforce sheet on both gateways (issue 14): the in-memory workbook (the pane's preview) and the Excel gateway on
 * the recording fake insert it with figures that have workforce numbers (never as a blank template) and read it back
 * alike, so the pane's Position has the workforce.
 */
import type { WorkbookGateway } from "../../src/workbook/gateway";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { ExcelGateway } from "../../src/excel/gateway";
import { OUTTURN_SHEETS } from "../../src/workbook/names";
import { parseMonitoringJson } from "../../src/model/load";
import { modelToDocument } from "../../src/model/save";
import { FakeExcel } from "../support/fake-excel";
import { expectedValues, seed } from "../excel/plan-values";
import { WORKFORCE_EXAMPLE } from "../support/workforce";

const withWorkforce = () => parseMonitoringJson(JSON.stringify({ ...modelToDocument(seed()), workforce: WORKFORCE_EXAMPLE }));

const SUBJECTS: Array<[string, () => WorkbookGateway]> = [
  ["the in-memory workbook", () => new MemoryWorkbook()],
  ["the Excel gateway on the recording fake", () => new ExcelGateway({ host: new FakeExcel({ calculate: expectedValues(withWorkforce()) }) })],
];

describe.each(SUBJECTS)("the Workforce sheet, on %s", (_name, make) => {
  it("is inserted with figures that have workforce numbers and read back", async () => {
    const gateway = make();
    const model = withWorkforce();
    await gateway.insertSheets({ organisation: model.organisation, financialYear: model.financialYear, period: model.period, units: model.units, sheets: [...OUTTURN_SHEETS, "Workforce"], onExisting: "ask", model });
    const read = await gateway.readPeriod();
    expect(read.checks.filter((c) => c.severity === "error")).toEqual([]);
    expect(read.model?.workforce?.groups.map((g) => g.name)).toEqual(["Police officers", "PCSOs", "Police staff"]);
    expect(read.model?.workforce?.officerTarget?.targetHeadcount.toFixed()).toBe("2230");
  });

  it("is refused as a blank template", async () => {
    const gateway = make();
    const model = seed();
    await expect(gateway.insertSheets({ organisation: model.organisation, financialYear: model.financialYear, period: model.period, units: model.units, sheets: [...OUTTURN_SHEETS, "Workforce"], onExisting: "ask", model })).rejects.toThrow("no sheet template for Workforce");
  });
});
