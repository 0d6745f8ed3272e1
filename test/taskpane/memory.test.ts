import { MemoryWorkbook } from "../../src/workbook/memory";
import { WorkbookError, type InsertRequest } from "../../src/workbook/gateway";
import { D } from "../../src/model/amount";
import { jsonPlanPort } from "./json-plan-port";
import { defaultPlanPort } from "../../src/workbook/plan-port";
import { OUTTURN_SHEETS } from "../../src/workbook/names";

const request = (over: Partial<InsertRequest> = {}): InsertRequest => ({
  organisation: "Dorset Police and Crime Commissioner", financialYear: "2024/25", period: "Q2", units: "£000",
  sheets: ["Revenue", "Settings"], onExisting: "ask", ...over,
});
const settle = () => new Promise((r) => setTimeout(r, 5));

describe("MemoryWorkbook (in-memory WorkbookGateway)", () => {
  it("starts empty, then inserts the planned sheets and reports them", async () => {
    const wb = new MemoryWorkbook(jsonPlanPort);
    expect(await wb.status()).toEqual({ sheets: [], identity: null });
    expect(await wb.insertSheets(request())).toEqual({ status: "inserted", sheets: ["Revenue", "Settings"] });
    expect(await wb.status()).toEqual({
      sheets: ["Revenue", "Settings"],
      identity: { organisation: "Dorset Police and Crime Commissioner", financialYear: "2024/25", period: "Q2", units: "£000" },
    });
    expect(wb.previewCell("Revenue", "A1")?.value).toBe("Revenue: Dorset Police and Crime Commissioner");
    expect(wb.previewCell("Revenue", "A2")).toMatchObject({ formula: "=1+1", input: false });
    expect(wb.previewCell("Revenue", "C3")).toMatchObject({ value: null, input: true });
    expect((await wb.readPeriod()).model?.organisation).toBe("Dorset Police and Crime Commissioner");
  });

  it("reports existing sheets instead of inserting when asked to ask", async () => {
    const wb = new MemoryWorkbook(jsonPlanPort);
    await wb.insertSheets(request());
    const before = wb.version;
    expect(await wb.insertSheets(request({ sheets: ["Revenue", "Capital"] }))).toEqual({ status: "conflict", existing: ["Revenue"] });
    expect(wb.version).toBe(before);
    expect(wb.sheetNames()).toEqual(["Revenue", "Settings"]);
  });

  it("inserts alongside under new names, leaving the existing sheets as they were", async () => {
    const wb = new MemoryWorkbook(jsonPlanPort);
    await wb.insertSheets(request());
    wb.setCells("Revenue", { C3: 42 });
    expect(await wb.insertSheets(request({ organisation: "Another", onExisting: "alongside" }))).toEqual({ status: "inserted", sheets: ["Revenue (2)", "Settings (2)"] });
    expect(wb.previewCell("Revenue", "C3")?.value).toBe(42);
    expect(wb.previewCell("Revenue (2)", "A1")?.value).toBe("Revenue: Another");
    // The pane keeps reading the original sheets.
    expect((await wb.readPeriod()).model?.organisation).toBe("Dorset Police and Crime Commissioner");
    expect((await wb.status()).sheets).toEqual(["Revenue", "Settings"]);
  });

  it("upgrades in place keeping the inputs read back", async () => {
    const wb = new MemoryWorkbook(jsonPlanPort);
    await wb.insertSheets(request());
    const model = (await wb.readPeriod()).model;
    if (!model) throw new Error("no model");
    model.settings.reservesBand.minimumPct = new D(2);
    wb.setCells("Settings", { A1: JSON.stringify(model) });
    expect(await wb.insertSheets(request({ onExisting: "upgrade", period: "Q3" }))).toEqual({ status: "inserted", sheets: ["Revenue", "Settings"] });
    const after = (await wb.readPeriod()).model;
    expect(after?.settings.reservesBand.minimumPct.toFixed()).toBe("2");
    expect(after?.period).toBe("Q3");
    expect(wb.sheetNames()).toEqual(["Revenue", "Settings"]);
  });

  it("writes settings into the Settings sheet (the real plans: rows found by their markers)", async () => {
    const wb = new MemoryWorkbook(defaultPlanPort());
    await wb.insertSheets(request({ sheets: [...OUTTURN_SHEETS] }));
    const model = (await wb.readPeriod()).model;
    if (!model) throw new Error("no model");
    await wb.writeSettings({ ...model.settings, reservesBand: { minimumPct: new D(2), maximumPct: new D(4) } });
    expect((await wb.readPeriod()).model?.settings.reservesBand.maximumPct.toFixed()).toBe("4");
  });

  it("says what to do when there is no Settings sheet to write to", async () => {
    const wb = new MemoryWorkbook(jsonPlanPort);
    await wb.insertSheets(request({ sheets: ["Revenue"] }));
    await expect(wb.writeSettings({} as never)).rejects.toMatchObject({ code: "NotFound", message: expect.stringMatching(/no Settings sheet.*Insert it first/) });
  });

  it("raises monitoring-changed for cells set by a person, not for its own writes", async () => {
    const wb = new MemoryWorkbook(jsonPlanPort);
    const handler = jest.fn();
    const off = await wb.onMonitoringChanged(handler);
    await wb.insertSheets(request());
    const model = (await wb.readPeriod()).model;
    if (!model) throw new Error("no model");
    await wb.writeSettings(model.settings);
    await settle();
    expect(handler).not.toHaveBeenCalled();
    wb.setProtected("Revenue", false); // D4 is locked on the protected sheet: Review > Unprotect Sheet first
    wb.setCells("Revenue", { C3: 1, D4: "text" });
    await settle();
    expect(handler).toHaveBeenCalledTimes(1);
    off();
    wb.setCells("Revenue", { C3: 2 });
    await settle();
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it("keeps a cell's input flag when it is typed into, and takes formulas typed as formulas", async () => {
    const wb = new MemoryWorkbook(jsonPlanPort);
    await wb.insertSheets(request());
    expect(() => wb.setCells("Revenue", { A2: "=2+2" })).toThrow(/\(A2\) is on a protected sheet \("Revenue"\).*Unprotect Sheet/);
    wb.setProtected("Revenue", false);
    wb.setCells("Revenue", { c3: 5, A2: "=2+2" });
    expect(wb.previewCell("Revenue", "C3")).toMatchObject({ value: 5, input: true });
    expect(wb.previewCell("Revenue", "A2")).toMatchObject({ value: null, formula: "=2+2" });
    expect(() => wb.setCells("Nope", { A1: 1 })).toThrow(/no sheet "Nope".*Revenue, Settings/);
  });

  it("records the selected cell, and refuses a sheet that is not there", async () => {
    const wb = new MemoryWorkbook(jsonPlanPort);
    await wb.insertSheets(request());
    await wb.selectCell({ sheet: "Revenue", address: "C3" });
    expect(wb.selection).toEqual({ sheet: "Revenue", address: "C3" });
    await expect(wb.selectCell({ sheet: "Reserves", address: "A1" })).rejects.toMatchObject({ code: "NotFound" });
  });

  it("fails the next call of a method on request, as Excel would, then works again", async () => {
    const wb = new MemoryWorkbook(jsonPlanPort);
    wb.failNext("readPeriod", new WorkbookError("A cell is being edited.", "CellEditMode"));
    await expect(wb.readPeriod()).rejects.toMatchObject({ code: "CellEditMode", message: "A cell is being edited." });
    await expect(wb.readPeriod()).resolves.toMatchObject({ model: null });
    expect(wb.calls).toMatchObject({ readPeriod: 2 });
  });

  it("gives the preview its visible columns and rows", async () => {
    const wb = new MemoryWorkbook(jsonPlanPort);
    await wb.insertSheets(request());
    const sheet = wb.previewSheet("Revenue");
    expect(sheet?.columns.map((c) => c.index)).toEqual([1, 3]);
    expect(sheet?.maxRow).toBe(3);
    expect(wb.previewSheet("Nope")).toBeNull();
  });
});
