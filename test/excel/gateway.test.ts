/**
 * ExcelGateway on the recording fake, with a stand-in for the sheet plans (test/excel/stand-in-port.ts): round
 * trips, existing sheets, text that looks like a formula, errors, events. test/excel/gateway-plans.test.ts runs the
 * same gateway on the real plans.
 */
import { ExcelGateway, OUTTURN_SHEETS, SHEET_NAMES } from "../../src/excel/gateway";
import { freeName } from "../../src/workbook/names";
import { WorkbookError, type InsertRequest } from "../../src/workbook/gateway";
import { FakeExcel, type FakeSheet } from "../support/fake-excel";
import { IDENTITY, linesOf, modelWithLines, standInPort } from "./stand-in-port";
import { sampleLines } from "./sample-plan";
import { defaultSettings } from "../../src/model/defaults";
import { D } from "../../src/model/amount";

const MB = 1024 * 1024;

function setup(options: ConstructorParameters<typeof FakeExcel>[0] = {}) {
  const fake = new FakeExcel(options);
  let clock = 0;
  const gateway = new ExcelGateway({ host: fake, plans: standInPort(), now: () => clock });
  return { fake, gateway, advance: (ms: number) => { clock += ms; } };
}

const request = (over: Partial<InsertRequest> = {}): InsertRequest => ({ ...IDENTITY, sheets: ["Revenue"], onExisting: "ask", ...over });

/** Everything about a sheet, to compare before and after. */
function snapshot(sheet: FakeSheet) {
  return JSON.stringify({
    cells: [...sheet.cells.entries()].sort(), widths: [...sheet.columnWidths.entries()], merges: sheet.merges, cfs: sheet.conditionalFormats,
    frozen: sheet.frozen, validations: sheet.validations,
  });
}

describe("insertSheets: round trips", () => {
  it("inserts every template in at most two syncs, with nothing left unsynced", async () => {
    const { fake, gateway } = setup();
    const result = await gateway.insertSheets(request({ sheets: [...OUTTURN_SHEETS], model: modelWithLines(sampleLines(12)) }));
    expect(result).toEqual({ status: "inserted", sheets: OUTTURN_SHEETS.map((k) => SHEET_NAMES[k]) });
    expect(SHEET_NAMES.History).toBe("Period history");
    expect(fake.syncs.length).toBeLessThanOrEqual(2);
    expect(fake.runs).toBe(1);
    expect(fake.unsyncedAtRunEnd).toBe(0);
    for (const k of OUTTURN_SHEETS) expect(fake.sheet(SHEET_NAMES[k])).toBeDefined();
    // The last write of the batch reached the workbook: the final sync happened.
    expect(fake.valueOf("Revenue", "A15")).toBe("Line 12");
    expect(fake.cell("Revenue", "C16")!.formula).toBe("=SUM(C4:C15)");
    expect(fake.sheet("Revenue")!.frozen).toEqual({ rows: 3, columns: 1 });
    expect(fake.sheet("Revenue")!.conditionalFormats.map((c) => c.range)).toEqual(["F4:F16", "F4:F16", "F4:F16"]);
    expect(fake.sheet("Revenue")!.hiddenColumns.has(8)).toBe(true);
    expect(fake.sheet("Revenue")!.merges).toEqual(["A1:G1"]);
    expect(fake.activeSheet).toBe("Summary");
  });

  it("stays at two syncs with 2,000 extra lines, each request under 5 MB", async () => {
    const { fake, gateway } = setup();
    await gateway.insertSheets(request({ sheets: [...OUTTURN_SHEETS], model: modelWithLines(sampleLines(2012)) }));
    expect(fake.syncs).toHaveLength(2);
    for (const s of fake.syncs) expect(s.requestBytes).toBeLessThan(5 * MB);
    expect(fake.valueOf("Revenue", "A2015")).toBe("Line 2012");
  });

  it("makes no range call per line: the number of commands does not grow with the lines", async () => {
    const a = setup();
    await a.gateway.insertSheets(request({ sheets: ["Revenue"], model: modelWithLines(sampleLines(10, () => "ok")) }));
    const b = setup();
    await b.gateway.insertSheets(request({ sheets: ["Revenue"], model: modelWithLines(sampleLines(2010, () => "ok")) }));
    expect(b.fake.ops.length).toBe(a.fake.ops.length);
  });

  it("splits a huge workbook into several requests, each under 5 MB, and writes all of it", async () => {
    const { fake, gateway } = setup();
    const long = "A long commentary line explaining the variance in some detail for the Board. ".repeat(5);
    await gateway.insertSheets(request({ sheets: ["Revenue", "Capital"], model: modelWithLines(sampleLines(20000, () => long)) }));
    expect(fake.syncs.length).toBeGreaterThan(2);
    for (const s of fake.syncs) expect(s.requestBytes).toBeLessThan(5 * MB);
    expect(fake.unsyncedAtRunEnd).toBe(0);
    expect(fake.valueOf("Capital", "A20003")).toBe("Line 20000");
    expect(fake.valueOf("Capital", "G20003")).toBe(long);
  });
});

describe("insertSheets: existing sheets", () => {
  async function withExistingRevenue() {
    const s = setup();
    await s.gateway.insertSheets(request({ model: modelWithLines(sampleLines(3)) }));
    s.fake.resetRecords();
    return s;
  }

  it("ask: reports the conflict and writes nothing", async () => {
    const { fake, gateway } = await withExistingRevenue();
    const before = snapshot(fake.sheet("Revenue")!);
    const result = await gateway.insertSheets(request({ sheets: ["Revenue", "Capital"], onExisting: "ask" }));
    expect(result).toEqual({ status: "conflict", existing: ["Revenue"] });
    expect(fake.syncs).toHaveLength(1);
    expect(fake.ops.every((o) => o.kind === "load")).toBe(true);
    expect(fake.sheet("Capital")).toBeUndefined();
    expect(snapshot(fake.sheet("Revenue")!)).toBe(before);
  });

  it("alongside: inserts under a free name and leaves the existing sheet untouched", async () => {
    const { fake, gateway } = await withExistingRevenue();
    fake.addSheet("Revenue (2)");
    const before = snapshot(fake.sheet("Revenue")!);
    const result = await gateway.insertSheets(request({ onExisting: "alongside", model: modelWithLines(sampleLines(5)) }));
    expect(result).toEqual({ status: "inserted", sheets: ["Revenue (3)"] });
    expect(fake.syncs.length).toBeLessThanOrEqual(2);
    expect(snapshot(fake.sheet("Revenue")!)).toBe(before);
    expect(fake.valueOf("Revenue (3)", "A8")).toBe("Line 5");
  });

  it("upgrade: rewrites the template in place keeping every input the user typed, in at most three syncs", async () => {
    const { fake, gateway } = await withExistingRevenue();
    await fake.userEdit("Revenue", "G4", "Overspend on overtime");
    await fake.userEdit("Revenue", "D5", 1234);
    await fake.userEdit("Revenue", "A6", "Renamed line");
    fake.setCell("Revenue", "Z99", "stray format"); // outside the template
    fake.resetRecords();
    const result = await gateway.insertSheets(request({ onExisting: "upgrade", model: modelWithLines(sampleLines(3, () => "from the request")) }));
    expect(result).toEqual({ status: "inserted", sheets: ["Revenue"] });
    expect(fake.syncs.length).toBeLessThanOrEqual(3);
    expect(fake.valueOf("Revenue", "G4")).toBe("Overspend on overtime");
    expect(fake.valueOf("Revenue", "D5")).toBe(1234);
    expect(fake.valueOf("Revenue", "A6")).toBe("Renamed line");
    expect(fake.valueOf("Revenue", "G5")).toBe("Line 2 is on budget; nothing to report this quarter.");
    expect(fake.cell("Revenue", "E5")!.formula).toBe("=C5-D5");
    expect(fake.sheet("Revenue")!.conditionalFormats).toHaveLength(3); // cleared and re-added, not doubled
    expect(fake.sheets.filter((s) => s.name.toLowerCase().startsWith("revenue"))).toHaveLength(1);
  });

  it("upgrade: a sheet protected with a password Outturn was not given is reported before anything is written", async () => {
    const { fake, gateway } = await withExistingRevenue();
    fake.sheet("Revenue")!.protected = true;
    fake.sheet("Revenue")!.password = "theirs";
    const before = snapshot(fake.sheet("Revenue")!);
    const error = await gateway.insertSheets(request({ onExisting: "upgrade" })).catch((e) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error.code).toBe("Protected");
    expect(error.message).toMatch(/"Revenue".*Unprotect Sheet/);
    expect(snapshot(fake.sheet("Revenue")!)).toBe(before);
    // Outturn tried to unprotect it first thing in its write request (the only way to learn of a password on the
    // desktop); Excel stops a request at the command that fails, so nothing after it was written.
    const writes = fake.ops.filter((o) => o.kind !== "load");
    expect(writes.slice(0, 2).map((o) => o.member)).toEqual(["enableEvents", "protection.unprotect"]);
    expect(fake.sheet("Revenue")!).toMatchObject({ protected: true, password: "theirs" });
    expect(fake.enableEvents).toBe(true);
  });

  it("refuses to add sheets to a workbook whose structure is protected, with what to do", async () => {
    const { fake, gateway } = setup();
    fake.workbookProtected = true;
    await expect(gateway.insertSheets(request())).rejects.toMatchObject({ code: "Protected", message: expect.stringMatching(/Protect Workbook/) });
  });

  it("free names skip taken ones, case-insensitively, within 31 characters", () => {
    expect(freeName("Revenue", ["Revenue", "revenue (2)"])).toBe("Revenue (3)");
    expect(freeName("X".repeat(31), ["X".repeat(31)])).toHaveLength(31);
  });
});

describe("text that looks like a formula", () => {
  it("lands as text: a commentary =SUM(A1) and +44 1234", async () => {
    const { fake, gateway } = setup();
    const lines = sampleLines(2);
    lines[0]!.commentary = "=SUM(A1)";
    lines[1]!.commentary = "+44 1234";
    lines[1]!.name = "@risk line";
    lines[0]!.ref = "00123";
    await gateway.insertSheets(request({ model: modelWithLines(lines) }));
    expect(fake.cell("Revenue", "G4")).toMatchObject({ formula: null, value: "=SUM(A1)", numberFormat: "@" });
    expect(fake.cell("Revenue", "G5")).toMatchObject({ formula: null, value: "+44 1234" });
    expect(fake.cell("Revenue", "A5")).toMatchObject({ formula: null, value: "@risk line" });
    expect(fake.cell("Revenue", "B4")).toMatchObject({ formula: null, value: "00123" });
    // ...and reads back as text, not as a formula.
    const read = await gateway.readPeriod();
    expect(linesOf(read.model!).map((l) => l.commentary)).toEqual(["=SUM(A1)", "+44 1234"]);
  });
});

describe("readPeriod", () => {
  it("returns the model the plan was made from, in two syncs", async () => {
    const { fake, gateway } = setup();
    const model = modelWithLines(sampleLines(25));
    await gateway.insertSheets(request({ sheets: ["Revenue", "Settings"], model }));
    fake.resetRecords();
    const read = await gateway.readPeriod();
    expect(fake.syncs).toHaveLength(2);
    expect(linesOf(read.model!)).toEqual(linesOf(model));
  });

  it("reports a missing sheet as a check", async () => {
    const { gateway } = setup();
    const read = await gateway.readPeriod();
    expect(read.model).toBeNull();
    expect(read.checks.map((c) => c.id)).toContain("missing-sheet");
  });
});

describe("errors", () => {
  it("turns cell-edit mode into a WorkbookError that says what to do", async () => {
    const { fake, gateway } = setup();
    fake.editMode = true;
    const error = await gateway.insertSheets(request()).catch((e) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error.code).toBe("CellEditMode");
    expect(error.message).toContain("Press Enter or Esc to finish editing the cell, then try again.");
  });

  it("a background read waits while a cell is being edited, then reads; one the user asked for fails at once", async () => {
    const { fake, gateway } = setup();
    await gateway.insertSheets(request({ model: modelWithLines(sampleLines(3)) }));
    fake.editMode = true;
    const asked = await gateway.readPeriod().catch((e) => e);
    expect(asked).toMatchObject({ code: "CellEditMode" });
    let read: unknown = null;
    const background = gateway.readPeriod({ background: true }).then((r) => (read = r));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(read).toBeNull();
    expect(fake.delayedSyncs).toBeGreaterThan(0);
    fake.editMode = false;
    await background;
    expect(read).toMatchObject({ model: expect.anything() });
  });

  it("names the sheet when Excel refuses a change (AccessDenied)", async () => {
    const { fake, gateway } = setup();
    fake.failNextSync("AccessDenied");
    const error = await gateway.readPeriod().catch((e) => e);
    expect(error.code).toBe("Protected");
    const second = setup();
    await second.gateway.insertSheets(request());
    second.fake.failNextSync("ItemNotFound");
    const notFound = await second.gateway.selectCell({ sheet: "Revenue", address: "C5" }).catch((e) => e);
    expect(notFound.code).toBe("NotFound");
    expect(notFound.message).toContain('"Revenue"');
  });

  it("says which Excel version is needed when a requirement set is missing", async () => {
    const { gateway } = setup({ excelApi: "1.7" });
    const error = await gateway.insertSheets(request()).catch((e) => e);
    expect(error.code).toBe("Unsupported");
    expect(error.message).toMatch(/Excel JavaScript API 1\.8/);
  });

  it("turns events back on after a write that failed half way", async () => {
    const { fake, gateway } = setup();
    fake.addSheet("Capital");
    fake.sheet("Capital")!.protected = true;
    // Upgrade Capital in place: the protection check stops it before any write, events untouched.
    await gateway.insertSheets(request({ sheets: ["Capital"], onExisting: "upgrade" })).catch(() => undefined);
    expect(fake.enableEvents).toBe(true);
    // A failure in the write request itself.
    const s2 = setup();
    s2.fake.addSheet("Other");
    const original = s2.fake.createSheet.bind(s2.fake);
    s2.fake.createSheet = (name: string) => (name === "Capital" ? (() => { throw Object.assign(new Error("x"), { code: "GeneralException" }); })() : original(name));
    await s2.gateway.insertSheets(request({ sheets: ["Revenue", "Capital"] })).catch(() => undefined);
    expect(s2.fake.enableEvents).toBe(true);
  });
});

describe("selectCell, status, writeSettings", () => {
  it("activates the sheet and selects the cell in one sync", async () => {
    const { fake, gateway } = setup();
    await gateway.insertSheets(request({ sheets: ["Revenue", "Capital"] }));
    fake.resetRecords();
    await gateway.selectCell({ sheet: "Capital", address: "C7" });
    expect(fake.syncs).toHaveLength(1);
    expect(fake.activeSheet).toBe("Capital");
    expect(fake.selection).toEqual({ sheet: "Capital", address: "C7" });
  });

  it("reports the Outturn sheets and the identity typed on Settings", async () => {
    const { gateway } = setup();
    expect(await gateway.status()).toEqual({ sheets: [], identity: null });
    await gateway.insertSheets(request({ sheets: ["Revenue", "Settings"] }));
    expect(await gateway.status()).toEqual({ sheets: ["Revenue", "Settings"], identity: IDENTITY });
  });

  it("writes the settings into the Settings sheet's rows, found by their markers", async () => {
    const { fake, gateway } = setup();
    await gateway.insertSheets(request({ sheets: ["Settings"] }));
    // The user inserted a row near the top: addresses moved, markers did not.
    const sheet = fake.sheet("Settings")!;
    const moved = new Map([...sheet.cells].map(([k, v]) => { const [r, c] = k.split(",").map(Number) as [number, number]; return [`${r >= 3 ? r + 1 : r},${c}`, v]; }));
    sheet.cells.clear();
    for (const [k, v] of moved) sheet.cells.set(k, v);
    fake.resetRecords();
    const settings = defaultSettings("£000");
    settings.materiality = new D(750);
    settings.signConvention = "forecast-minus-budget";
    settings.rag.revenueLine.amber.amount = null;
    await gateway.writeSettings(settings);
    expect(fake.syncs.length).toBeLessThanOrEqual(3);
    const rowOf = (marker: string) => [...sheet.cells].find(([, c]) => c.value === marker)![0].split(",")[0];
    expect(fake.valueOf("Settings", `B${rowOf("set:materiality")}`)).toBe(750);
    expect(fake.valueOf("Settings", `B${rowOf("set:signConvention")}`)).toBe("forecast-minus-budget");
    expect(fake.valueOf("Settings", `B${rowOf("set:revenueLine.amberAmount")}`)).toBe("");
    // Identity rows are not settings: untouched.
    expect(fake.valueOf("Settings", `B${rowOf("set:organisation")}`)).toBe("Test Police");
  });

  it("on a protected Settings sheet, writes the (unlocked) input values only", async () => {
    const { fake, gateway } = setup();
    await gateway.insertSheets(request({ sheets: ["Settings"] }));
    fake.sheet("Settings")!.protected = true;
    fake.resetRecords();
    const settings = defaultSettings("£000");
    settings.materiality = new D(999);
    await gateway.writeSettings(settings);
    expect(fake.ops.some((o) => o.member === "numberFormat")).toBe(false);
    expect([...fake.sheet("Settings")!.cells.values()].some((c) => c.value === 999)).toBe(true);
  });

  it("says to insert Settings first when there is none", async () => {
    const { gateway } = setup();
    await expect(gateway.writeSettings(defaultSettings("£000"))).rejects.toMatchObject({ code: "NotFound", message: expect.stringMatching(/Insert it first/) });
  });
});

describe("onMonitoringChanged", () => {
  it("hears the user's edits but not Outturn's own writes, until unsubscribed", async () => {
    const { fake, gateway, advance } = setup();
    await gateway.insertSheets(request({ sheets: ["Revenue", "Settings"] }));
    advance(5000);
    const handler = jest.fn();
    const unsubscribe = await gateway.onMonitoringChanged(handler);
    expect(fake.syncs.slice(-2).every((s) => s.run === fake.runs)).toBe(true);
    await gateway.insertSheets(request({ sheets: ["Revenue"], onExisting: "upgrade" }));
    await gateway.writeSettings(defaultSettings("£000"));
    await new Promise((r) => setTimeout(r, 5));
    expect(handler).not.toHaveBeenCalled();
    // Excel raised no event at all for them: events were off while Outturn wrote.
    expect(fake.deliveredEvents).toHaveLength(0);
    advance(5000);
    await fake.userEdit("Revenue", "C4", 5);
    expect(handler).toHaveBeenCalledTimes(1);
    unsubscribe();
    await new Promise((r) => setTimeout(r, 5));
    await fake.userEdit("Revenue", "C4", 6);
    expect(handler).toHaveBeenCalledTimes(1);
    expect(fake.sheet("Revenue")!.handlers).toHaveLength(0);
  });

  it("watches sheets inserted after subscribing, with no extra round trip", async () => {
    const { fake, gateway, advance } = setup();
    await gateway.insertSheets(request());
    const handler = jest.fn();
    const unsubscribe = await gateway.onMonitoringChanged(handler);
    fake.resetRecords();
    await gateway.insertSheets(request({ sheets: ["Capital"] }));
    expect(fake.syncs).toHaveLength(2);
    advance(5000);
    await fake.userEdit("Capital", "C4", 5);
    expect(handler).toHaveBeenCalledTimes(1);
    unsubscribe();
    await new Promise((r) => setTimeout(r, 5));
    expect(fake.sheet("Capital")!.handlers).toHaveLength(0);
    expect(fake.sheet("Revenue")!.handlers).toHaveLength(0);
  });

  it("drops events from Outturn's own writes by their trigger source even if events were not turned off", async () => {
    const { fake, gateway, advance } = setup({ excelApi: "1.14" });
    await gateway.insertSheets(request());
    advance(5000);
    const handler = jest.fn();
    await gateway.onMonitoringChanged(handler);
    // Simulate a host that ignores enableEvents: Outturn's writes raise events marked ThisLocalAddin.
    const writeWithEvents = fake.run(async (context) => {
      context.workbook.worksheets.getItem("Revenue").getRange("C4").values = [[1]];
      await context.sync();
    });
    await writeWithEvents;
    await new Promise((r) => setTimeout(r, 5));
    expect(fake.deliveredEvents.at(-1)?.triggerSource).toBe("ThisLocalAddin");
    expect(handler).not.toHaveBeenCalled();
  });

  it("ignores events that arrive during and just after its own write on hosts without triggerSource", async () => {
    const { fake, gateway, advance } = setup({ excelApi: "1.8" });
    await gateway.insertSheets(request());
    const handler = jest.fn();
    await gateway.onMonitoringChanged(handler);
    await fake.userEdit("Revenue", "C4", 1); // within the grace period after the insert
    expect(handler).not.toHaveBeenCalled();
    advance(5000);
    await fake.userEdit("Revenue", "C4", 2);
    expect(handler).toHaveBeenCalledTimes(1);
  });
});

describe("the default host (Office.js globals)", () => {
  it("uses Excel.run and Office.context.requirements from the globals", async () => {
    const fake = new FakeExcel();
    const uninstall = fake.install();
    try {
      const gateway = new ExcelGateway({ plans: standInPort() });
      await gateway.insertSheets(request());
      expect(fake.sheet("Revenue")).toBeDefined();
    } finally {
      uninstall();
    }
  });

  it("says Outturn is not inside Excel when office.js is absent", async () => {
    const gateway = new ExcelGateway({ plans: standInPort() });
    await expect(gateway.readPeriod()).rejects.toMatchObject({ code: "NoExcel" });
  });
});
