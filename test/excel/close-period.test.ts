/**
 * Closing and reopening a period through the ExcelGateway on the recording fake, with the real sheet plans: one
 * Excel.run of 3 syncs (2 when there is nothing to change), the History sheet unprotected, rewritten and protected in
 * one request, every cell of it locked; closing twice changes nothing; reopening removes only that period's row.
 */
import { ExcelGateway, OUTTURN_SHEETS, SHEET_NAMES } from "../../src/excel/gateway";
import { FakeExcel } from "../support/fake-excel";
import { expectedValues, seed } from "./plan-values";

const HISTORY = SHEET_NAMES.History;


async function inserted() {
  const model = seed();
  const fake = new FakeExcel({ calculate: expectedValues(model) });
  const gateway = new ExcelGateway({ host: fake, now: () => 0, today: () => "2024-10-31" });
  await gateway.insertSheets({
    organisation: model.organisation, financialYear: model.financialYear, period: model.period, units: model.units,
    sheets: [...OUTTURN_SHEETS], onExisting: "ask", model,
  });
  fake.resetRecords();
  return { fake, gateway };
}

const writes = (fake: FakeExcel) => fake.syncs.flatMap((s) => s.ops).filter((o) => o.kind !== "load");
const historyPeriods = (fake: FakeExcel) => ["A6", "A7", "A8", "A9"].map((a) => fake.cell(HISTORY, a)?.value ?? "").filter((v) => /^[QM][0-9]+$/.test(String(v)));

describe("ExcelGateway: close and reopen a period", () => {
  it("closes Q2 in 3 syncs: the History sheet gains the Q2 row, every cell locked, the sheet protected", async () => {
    const { fake, gateway } = await inserted();
    expect(fake.sheet(HISTORY)?.protected).toBe(true); // written with the Q1 snapshot: protected already
    const result = await gateway.closePeriod();
    expect(result).toEqual({ period: "Q2", changed: true, history: ["Q1", "Q2"] });
    expect(fake.syncs).toHaveLength(3);
    expect(fake.runs).toBeGreaterThan(0);
    expect(fake.unsyncedAtRunEnd).toBe(0);
    expect(historyPeriods(fake)).toEqual(["Q1", "Q2"]);
    expect(fake.cell(HISTORY, "B7")?.value).toBe("2024-10-31");
    expect(fake.sheet(HISTORY)?.protected).toBe(true);
    expect(fake.cell(HISTORY, "C7")?.format.locked).toBe(true);
    // The write is one request: unprotect first, protect last; events off around it.
    const last = fake.syncs[2]?.ops.map((o) => o.member) ?? [];
    expect(last.indexOf("protection.unprotect")).toBeLessThan(last.indexOf("values"));
    expect(last.filter((m) => m === "protection.protect")).toHaveLength(1);
    expect(last.lastIndexOf("protection.protect")).toBeGreaterThan(last.lastIndexOf("protection.locked"));
    expect(fake.enableEvents).toBe(true);
    // Only the History sheet is written.
    const targets = new Set(writes(fake).map((o) => o.target.replace(/^sheet /, "").replace(/!.*$/, "")).filter((t) => t !== "runtime"));
    expect([...targets]).toEqual([HISTORY]);
    const read = await gateway.readPeriod();
    expect(read.checks.filter((c) => c.severity === "error")).toEqual([]);
    expect(read.model?.history.map((s) => s.period)).toEqual(["Q1", "Q2"]);
  });

  it("closing the same period twice writes nothing the second time (2 syncs, no write)", async () => {
    const { fake, gateway } = await inserted();
    await gateway.closePeriod();
    const after = JSON.stringify([...(fake.sheet(HISTORY)?.cells ?? new Map())]);
    fake.resetRecords();
    const again = await gateway.closePeriod();
    expect(again).toEqual({ period: "Q2", changed: false, history: ["Q1", "Q2"] });
    expect(fake.syncs).toHaveLength(2);
    expect(writes(fake)).toEqual([]);
    expect(JSON.stringify([...(fake.sheet(HISTORY)?.cells ?? new Map())])).toBe(after);
  });

  it("reopening Q2 removes only its row; reopening it again changes nothing", async () => {
    const { fake, gateway } = await inserted();
    await gateway.closePeriod();
    fake.resetRecords();
    expect(await gateway.reopenPeriod("Q2")).toEqual({ period: "Q2", changed: true, history: ["Q1"] });
    expect(fake.syncs).toHaveLength(3);
    expect(historyPeriods(fake)).toEqual(["Q1"]);
    expect(fake.sheet(HISTORY)?.protected).toBe(true);
    fake.resetRecords();
    expect(await gateway.reopenPeriod("Q2")).toEqual({ period: "Q2", changed: false, history: ["Q1"] });
    expect(fake.syncs).toHaveLength(2);
    const read = await gateway.readPeriod();
    expect(read.model?.history.map((s) => s.period)).toEqual(["Q1"]);
    expect(read.checks.filter((c) => c.severity === "error")).toEqual([]);
  });

  it("upgrading the sheets in place unprotects the History sheet, rewrites it and protects it again", async () => {
    const { fake, gateway } = await inserted();
    await gateway.closePeriod();
    const model = seed();
    const result = await gateway.insertSheets({
      organisation: model.organisation, financialYear: model.financialYear, period: model.period, units: model.units,
      sheets: [...OUTTURN_SHEETS], onExisting: "upgrade",
    });
    expect(result.status).toBe("inserted");
    expect(fake.sheet(HISTORY)?.protected).toBe(true);
    expect(historyPeriods(fake)).toEqual(["Q1", "Q2"]);
  });

  it("says what to do when the workbook cannot be read, and writes nothing", async () => {
    const fake = new FakeExcel();
    const gateway = new ExcelGateway({ host: fake, now: () => 0 });
    await expect(gateway.closePeriod()).rejects.toThrow(/cannot be read into a period/);
    expect(writes(fake)).toEqual([]);
  });
});
