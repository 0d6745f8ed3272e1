/**
 * "Check Excel" (src/excel/self-check.ts) on the recording fake: every capability passes on a fake that behaves as
 * Excel documents, the temporary sheet is gone afterwards, and planted misbehaviours show as failures.
 */
import { ENGINE_VALUE, TEXTS, runSelfCheck, selfCheckText, type SelfCheckReport } from "../../src/excel/self-check";
import { FakeExcel, type FakeExcelOptions } from "../support/fake-excel";

const EXCEL_ROUND = -10543.38; // ROUND((1234.56 - 32865 + 0.1 + 0.2) / 3, 2), as Excel computes it
const WEB = { version: "16.0.19127.42001", platform: "OfficeOnline" };

function fakeExcel(options: FakeExcelOptions = {}) {
  const fake = new FakeExcel({ calculate: (_s, _a, formula) => (formula === "=ROUND(SUM(C1:C4)/3,2)" ? EXCEL_ROUND : 0), ...options });
  fake.addSheet("Budget 2024-25").cells.set("1,1", { value: "mine", formula: null, numberFormat: "General", format: {} });
  return fake;
}
const byId = (r: SelfCheckReport) => Object.fromEntries(r.items.map((i) => [i.id, i]));
const now = () => new Date("2026-11-30T03:10:00Z");

describe("Check Excel", () => {
  it("passes every capability on an Excel that behaves as documented, and removes its temporary sheet", async () => {
    const fake = fakeExcel();
    const before = JSON.stringify([...fake.sheet("Budget 2024-25")!.cells]);
    const report = await runSelfCheck({ host: fake, diagnostics: WEB, now, eventWaitMs: 500, largeRows: 26_000 });
    expect(report.items.filter((i) => !i.ok)).toEqual([]);
    expect(report.items.map((i) => i.id)).toEqual(["requirements", "text", "date", "formula", "numberFormat", "conditionalFormat", "validation", "protection", "chart", "events", "large"]);
    expect(report.passed).toBe(true);
    expect(ENGINE_VALUE.toNumber()).toBe(EXCEL_ROUND);
    // Over 5 MB went through in several requests, each under the limit, and came back in blocks.
    expect(byId(report).large!.detail).toMatch(/^26,000 rows \(5\.\d MB\) written in [2-9] requests, 26,000 read back unchanged$/);
    for (const s of fake.syncs) expect(s.requestBytes).toBeLessThan(5 * 1024 * 1024);
    for (const s of fake.syncs) expect(s.responseBytes).toBeLessThan(5 * 1024 * 1024);
    // Nothing of the user's touched; the temporary sheet gone; events back as they were.
    expect(fake.sheets.map((s) => s.name)).toEqual(["Budget 2024-25"]);
    expect(JSON.stringify([...fake.sheet("Budget 2024-25")!.cells])).toBe(before);
    expect(fake.unsyncedAtRunEnd).toBe(0);
    const text = selfCheckText(report);
    expect(text.split("\n")[0]).toBe("Outturn: Check Excel, 2026-11-30T03:10:00.000Z. Excel 16.0.19127.42001 on OfficeOnline. 11 of 11 passed.");
    expect(text).toMatch(/^PASS {2}Text stays text: 8 strings/m);
  });

  it("skips the large transfer where there is no 5 MB limit (Windows), saying why", async () => {
    const fake = fakeExcel();
    const report = await runSelfCheck({ host: fake, diagnostics: { version: "16.0.1", platform: "PC" }, now, eventWaitMs: 500 });
    expect(byId(report).large).toMatchObject({ ok: true, detail: expect.stringMatching(/not needed here/) });
    expect(fake.syncs.length).toBeLessThanOrEqual(6);
  });

  it("reports planted misbehaviours as failures: a formula Excel computes differently, no change events, text turned into a formula", async () => {
    const fake = fakeExcel({ calculate: () => -10543.37 });
    fake.enableEvents = false;
    // Excel ignoring the quote prefix: the string is taken as typed without it.
    const writeScalar = fake.writeScalar.bind(fake);
    fake.writeScalar = (sheet, r, c, input, via) => writeScalar(sheet, r, c, typeof input === "string" ? input.replace(/^'/, "") : input, via);
    const report = await runSelfCheck({ host: fake, diagnostics: WEB, now, eventWaitMs: 200, largeTransfer: false });
    const items = byId(report);
    expect(report.passed).toBe(false);
    expect(items.formula).toMatchObject({ ok: false, detail: "=ROUND(SUM(C1:C4)/3,2) gives -10543.37 in Excel, -10543.38 in the engine" });
    expect(items.events).toMatchObject({ ok: false });
    expect(items.text!.ok).toBe(false);
    expect(items.text!.detail).toMatch(/"=SUM\(1,2\)"/);
    expect(items.protection!.ok).toBe(true);
    expect(selfCheckText(report)).toMatch(/^FAIL {2}Formulas computed by Excel match Outturn's engine/m);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Budget 2024-25"]);
  });

  it("says in words when Excel fails part of the way, and still removes the temporary sheet", async () => {
    const fake = fakeExcel();
    fake.failSyncNumber = { index: 2, code: "GeneralException" };
    const report = await runSelfCheck({ host: fake, diagnostics: WEB, now, eventWaitMs: 100 });
    expect(byId(report).run).toMatchObject({ ok: false, label: "Could not read back what was written", detail: expect.stringMatching(/GeneralException/) });
    expect(fake.sheets.map((s) => s.name)).toEqual(["Budget 2024-25"]);
  });

  it("reports an Excel too old for Outturn", async () => {
    const fake = fakeExcel({ excelApi: "1.7" });
    const report = await runSelfCheck({ host: fake, diagnostics: { version: "16.0.10730", platform: "PC" }, now, eventWaitMs: 100 });
    expect(byId(report).requirements).toMatchObject({ ok: false, detail: expect.stringMatching(/missing ExcelApi 1\.8/) });
    expect(report.passed).toBe(false);
    expect(TEXTS).toContain("2024-10-15");
  });
});
