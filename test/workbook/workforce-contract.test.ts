/**
 * The Workforce sheet on both gateways (issue 14): the in-memory workbook (the pane's preview) and the Excel gateway on
 * the recording fake insert it with workforce figures, or blank from the Insert form into a workbook that has the other
 * sheets (never over a sheet the person has), upgrade it keeping what was typed, and read it back alike.
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
import { blankWorkforce } from "../../src/model/workforce";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { WORKFORCE_ROWS } from "../../src/plans/sheets/workforce/markers";

const withWorkforce = () => parseMonitoringJson(JSON.stringify({ ...modelToDocument(seed()), workforce: WORKFORCE_EXAMPLE }));

const withBlankWorkforce = () => ({ ...seed(), workforce: blankWorkforce("police") });

/** A gateway, and a person at its workbook: typing, adding a sheet of their own, reading a cell and its lock. */
interface Subject {
  gateway: WorkbookGateway;
  type(sheet: string, address: string, value: string | number): Promise<void>;
  addSheet(name: string): void;
  value(sheet: string, address: string): unknown;
  isLocked(sheet: string, address: string): boolean;
  names(): string[];
}

const SUBJECTS: Array<[string, (values?: () => ReturnType<typeof seed>) => Subject]> = [
  ["the in-memory workbook", () => {
    const wb = new MemoryWorkbook();
    return {
      gateway: wb, type: async (sheet, address, value) => wb.setCells(sheet, { [address]: value }), addSheet: (name) => wb.addSheet(name),
      value: (sheet, address) => wb.previewCell(sheet, address)?.value ?? null, isLocked: (sheet, address) => wb.isLocked(sheet, address), names: () => wb.sheetNames(),
    };
  }],
  ["the Excel gateway on the recording fake", (values = withWorkforce) => {
    const fake = new FakeExcel({ calculate: expectedValues(values()) });
    return {
      gateway: new ExcelGateway({ host: fake }), type: (sheet, address, value) => fake.userEdit(sheet, address, value), addSheet: (name) => void fake.addSheet(name),
      value: (sheet, address) => { const v = fake.valueOf(sheet, address); return v === "" ? null : v; },
      isLocked: (sheet, address) => fake.cell(sheet, address)?.format.locked !== false, names: () => fake.sheets.map((s) => s.name),
    };
  }],
];

const identity = (model: ReturnType<typeof seed>) => ({ organisation: model.organisation, financialYear: model.financialYear, period: model.period, units: model.units });
/** The Workforce sheet's cell of a group's column (the plan's rows: the groups of a blank sheet start where a full one's do). */
const groupCell = (col: string, group: number) => `${col}${buildWorkbookPlan(withBlankWorkforce()).sheets.find((x) => x.kind === "Workforce")!.rowKeys[WORKFORCE_ROWS.group(group)]}`;

describe.each(SUBJECTS)("the Workforce sheet, on %s", (_name, make) => {
  it("is inserted with figures that have workforce numbers and read back", async () => {
    const { gateway } = make();
    const model = withWorkforce();
    await gateway.insertSheets({ ...identity(model), sheets: [...OUTTURN_SHEETS, "Workforce"], onExisting: "ask", model });
    const read = await gateway.readPeriod();
    expect(read.checks.filter((c) => c.severity === "error")).toEqual([]);
    expect(read.model?.workforce?.groups.map((g) => g.name)).toEqual(["Police officers", "PCSOs", "Police staff"]);
    expect(read.model?.workforce?.officerTarget?.targetHeadcount.toFixed()).toBe("2230");
  });

  it("is inserted blank (the Insert form) into a workbook that has the other sheets, which stay as they were; its inputs take typing", async () => {
    const s = make(withBlankWorkforce);
    const model = seed();
    await s.gateway.insertSheets({ ...identity(model), sheets: [...OUTTURN_SHEETS], onExisting: "ask", model });
    await s.type("Revenue", "E7", 4321);
    const before = s.names();
    const result = await s.gateway.insertSheets({ ...identity(model), sheets: ["Workforce"], onExisting: "ask" });
    expect(result).toEqual({ status: "inserted", sheets: ["Workforce"] });
    expect(s.names()).toEqual([...before, "Workforce"]);
    expect(s.value("Revenue", "E7")).toBe(4321);
    const read = await s.gateway.readPeriod();
    expect(read.checks.filter((c) => c.severity === "error")).toEqual([]);
    const groups = read.model?.workforce?.groups ?? [];
    expect(groups.map((g) => [g.name, g.kind, g.establishmentFte, g.actualFte, g.headcount])).toEqual([
      ["Police officers", "officers", null, null, null], ["PCSOs", "pcsos", null, null, null], ["Police staff", "staff", null, null, null],
    ]);
    expect(read.model?.workforce?.officerTarget).toBeNull();
    expect(read.model?.revenue.groups[0]?.lines[0]?.forecastOutturn?.toNumber()).toBe(4321);
    // The establishment is an input (unlocked on the protected sheet); a figure typed there is read back.
    expect(s.isLocked("Workforce", groupCell("C", 0))).toBe(false);
    await s.type("Workforce", groupCell("C", 0), 2210);
    expect((await s.gateway.readPeriod()).model?.workforce?.groups[0]?.establishmentFte?.toNumber()).toBe(2210);
  });

  it("never overwrites a sheet of the person's called Workforce: asked first, then added alongside as Workforce (2)", async () => {
    const s = make(withBlankWorkforce);
    const model = seed();
    await s.gateway.insertSheets({ ...identity(model), sheets: [...OUTTURN_SHEETS], onExisting: "ask", model });
    s.addSheet("Workforce");
    await s.type("Workforce", "A1", "Our own headcount notes");
    expect(await s.gateway.insertSheets({ ...identity(model), sheets: ["Workforce"], onExisting: "ask" })).toEqual({ status: "conflict", existing: ["Workforce"] });
    expect(await s.gateway.insertSheets({ ...identity(model), sheets: ["Workforce"], onExisting: "alongside" })).toEqual({ status: "inserted", sheets: ["Workforce (2)"] });
    expect(s.value("Workforce", "A1")).toBe("Our own headcount notes");
    expect(s.value("Workforce (2)", "A4")).toBe("Group");
  });

  it("upgraded in place keeps every workforce figure typed", async () => {
    const s = make();
    const model = withWorkforce();
    await s.gateway.insertSheets({ ...identity(model), sheets: [...OUTTURN_SHEETS, "Workforce"], onExisting: "ask", model });
    await s.type("Workforce", groupCell("C", 1), 155);
    expect(await s.gateway.insertSheets({ ...identity(model), sheets: ["Workforce"], onExisting: "upgrade" })).toEqual({ status: "inserted", sheets: ["Workforce"] });
    const read = await s.gateway.readPeriod();
    expect(read.model?.workforce?.groups.map((g) => g.establishmentFte?.toNumber())).toEqual([2210, 155, 1991]);
    expect(read.model?.workforce?.overtime.length).toBe(3);
  });
});
