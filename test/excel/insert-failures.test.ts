/**
 * An insert that fails part of the way (issue 10, item 7): freeze panes refused by Excel (office-js#2196) must not
 * abort the insert; a split insert failing in a later request must leave the added sheets as they were (removed
 * again) and say exactly which existing sheets were upgraded and how to finish.
 */
import { ExcelGateway, OUTTURN_SHEETS, SHEET_NAMES } from "../../src/excel/gateway";
import { FREEZE_WARNING, sheetsWritten } from "../../src/excel/insert-recovery";
import { WorkbookError, type InsertRequest } from "../../src/workbook/gateway";
import { FakeExcel } from "../support/fake-excel";
import { IDENTITY, modelWithLines, standInPort } from "./stand-in-port";
import { sampleLines } from "./sample-plan";
import { expectedValues, seed } from "./plan-values";

const request = (over: Partial<InsertRequest> = {}): InsertRequest => ({ ...IDENTITY, sheets: ["Revenue"], onExisting: "ask", ...over });
const LONG = "A long commentary line explaining the variance in some detail for the Board. ".repeat(5);

describe("freeze panes refused by Excel", () => {
  it("inserts every sheet (charts, activation and events included) and reports the frozen headings as a warning", async () => {
    const model = seed();
    const fake = new FakeExcel({ calculate: expectedValues(model) });
    fake.freezeFails = true;
    const gateway = new ExcelGateway({ host: fake, now: () => 0 });
    const result = await gateway.insertSheets({
      organisation: model.organisation, financialYear: model.financialYear, period: model.period, units: model.units,
      sheets: [...OUTTURN_SHEETS], onExisting: "ask", model,
    });
    expect(result).toEqual({ status: "inserted", sheets: OUTTURN_SHEETS.map((k) => SHEET_NAMES[k]), warnings: [FREEZE_WARNING] });
    expect(fake.syncs).toHaveLength(2);
    expect(fake.sheet("Slides")!.charts).toHaveLength(3);
    expect(fake.activeSheet).toBe("Summary");
    expect(fake.enableEvents).toBe(true);
    expect(fake.sheet("Period history")!.protected).toBe(model.history.length > 0);
    // Every freeze command is queued after every other write of the insert.
    const members = fake.syncs[1]!.ops.map((o) => o.member);
    const firstFreeze = members.findIndex((m) => m.startsWith("freezePanes."));
    expect(firstFreeze).toBeGreaterThan(members.lastIndexOf("enableEvents"));
    expect(members.slice(firstFreeze).every((m) => m.startsWith("freezePanes."))).toBe(true);
  });

  it("freezes as planned when Excel does freeze, with no warning", async () => {
    const fake = new FakeExcel();
    const gateway = new ExcelGateway({ host: fake, plans: standInPort(), now: () => 0 });
    expect(await gateway.insertSheets(request({ model: modelWithLines(sampleLines(3)) }))).toEqual({ status: "inserted", sheets: ["Revenue"] });
    expect(fake.sheet("Revenue")!.frozen).toEqual({ rows: 3, columns: 1 });
  });
});

describe("a split insert failing in a later request", () => {
  it("removes the sheets it added, so the workbook is as it was, and says so", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    const gateway = new ExcelGateway({ host: fake, plans: standInPort(), now: () => 0 });
    fake.failSyncNumber = { index: 3, code: "RequestAborted" }; // 1: which sheets; 2: first 4 MB; 3: the next
    const error = await gateway.insertSheets(request({ sheets: ["Revenue", "Capital"], model: modelWithLines(sampleLines(20000, () => LONG)) })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).message).toMatch(/^Excel could not insert the sheets just now \(RequestAborted\)\./);
    expect((error as WorkbookError).message).toMatch(/Outturn removed the sheets it had begun to add \("Revenue", "Capital"\), so they are as they were\./);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(fake.enableEvents).toBe(true);
  });

  it("says which existing sheets were upgraded completely and which only partly, and how to finish", async () => {
    const fake = new FakeExcel();
    const gateway = new ExcelGateway({ host: fake, plans: standInPort(), now: () => 0 });
    // (Reads are not yet split under the 5 MB response limit, so the upgraded sheets stay small: their rewrite is one
    // request, and it fails. sheetsWritten, below, covers sheets completed by earlier requests.)
    await gateway.insertSheets(request({ sheets: ["Revenue", "Capital"], model: modelWithLines(sampleLines(3)) }));
    fake.resetRecords();
    fake.failSyncNumber = { index: 3, code: "RequestAborted" }; // 1: sheets; 2: their inputs; 3: the rewrite
    const error = await gateway.insertSheets(request({ sheets: ["Revenue", "Capital"], onExisting: "upgrade" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    const message = (error as WorkbookError).message;
    expect(message).toMatch(/"Revenue", "Capital" may be only partly upgraded: close the workbook without saving to go back to the saved copy, or insert again with Upgrade to finish\./);
    expect(message).not.toMatch(/removed the sheets/);
  });

  it("knows which sheets' writes all reached Excel", () => {
    const item = (sheet: string) => ({ sheet, create: false, op: null });
    expect(sheetsWritten([[item("A"), item("B")], [item("B"), item("C")]], 1)).toEqual({ complete: ["A"], partial: ["B"] });
    expect(sheetsWritten([[item("A")], [item("B")]], 2)).toEqual({ complete: ["A", "B"], partial: [] });
  });
});
