/**
 * Reads past Excel on the web's 5 MB response limit, on the fake that refuses such a response as Excel on the web does
 * (ResponsePayloadSizeLimitExceeded): a workbook with ~5,000 extra revenue lines is read, upgraded and closed, each
 * read split into requests under the limit; an ordinary workbook still reads in one request. With the real plans.
 */
import { ExcelGateway, OUTTURN_SHEETS } from "../../src/excel/gateway";
import { planReadGroups, READ_BUDGET } from "../../src/excel/grid";
import type { MonitoringPeriod } from "../../src/model/types";
import { D } from "../../src/model/amount";
import { toJsonText } from "../../src/model/json-text";
import type { InsertRequest } from "../../src/workbook/gateway";
import { FakeExcel } from "../support/fake-excel";
import { expectedValues, seed } from "./plan-values";

const MB = 1024 * 1024;
const EXTRA = 5000;

function bigModel(): MonitoringPeriod {
  const model = seed();
  const group = model.revenue.groups[0]!;
  for (let i = 0; i < EXTRA; i++) {
    group.lines.push({
      name: `Extra revenue line ${i + 1}`, ref: null, originalBudget: new D(i), revisedBudget: new D(i), actualToDate: new D(i % 7),
      forecastOutturn: new D(i + 1), commentary: i % 2 ? `Variance note for line ${i + 1}: timing of the grant` : null,
    });
  }
  return model;
}

const request = (model: MonitoringPeriod, over: Partial<InsertRequest> = {}): InsertRequest => ({
  organisation: model.organisation, financialYear: model.financialYear, period: model.period, units: model.units,
  sheets: [...OUTTURN_SHEETS], onExisting: "ask", model, ...over,
});
const json = (m: MonitoringPeriod | null): unknown => (m ? JSON.parse(toJsonText(m)) : null);

let big: { model: MonitoringPeriod; fake: FakeExcel; gateway: ExcelGateway };
/** The big workbook as inserted, before any test changes it (FakeExcel.clone). */
let asInserted: FakeExcel;
beforeAll(async () => {
  const model = bigModel();
  const fake = new FakeExcel({ calculate: expectedValues(model) });
  const gateway = new ExcelGateway({ host: fake, now: () => 0, today: () => "2024-10-15" });
  await gateway.insertSheets(request(model));
  big = { model, fake, gateway };
  asInserted = fake.clone();
});
beforeEach(() => big.fake.resetRecords());

/** Every sync answered, each response under 5 MB, and the first (unsplit) attempt refused as Excel on the web would. */
function expectSplitUnderLimit(fake: FakeExcel): void {
  const refused = fake.syncs.filter((s) => s.error);
  expect(refused.map((s) => s.error)).toEqual(["ResponsePayloadSizeLimitExceeded"]);
  for (const s of fake.syncs.filter((x) => !x.error)) expect(s.responseBytes).toBeLessThan(5 * MB);
}

describe("reading a workbook over Excel on the web's 5 MB response limit", () => {
  it(`reads ${EXTRA.toLocaleString("en-GB")} extra revenue lines back as the model they were written from, in responses under 5 MB`, async () => {
    const { fake, gateway, model } = big;
    const read = await gateway.readPeriod();
    expect(read.checks.filter((c) => c.severity === "error")).toEqual([]);
    expect(json(read.model)).toEqual(json(model));
    expectSplitUnderLimit(fake);
    // 1 (sheet names) + 1 refused + 1 (addresses) + the row blocks: a handful, not one per line. The Profiles sheet's
    // year-to-date formulas are as long as the Revenue sheet's, so nine sheets of 5,000 lines take about twice the
    // blocks eight did (6 syncs before it).
    expect(fake.syncs.length).toBeGreaterThanOrEqual(4);
    expect(fake.syncs.length).toBeLessThanOrEqual(12);
  });

  it("upgrades the big workbook in place, keeping what the user typed far down the sheet", async () => {
    const { fake, gateway } = big;
    const sheet = fake.sheet("Revenue")!;
    let lastRow = 0;
    for (const [k, cell] of sheet.cells) if (cell.value === `Extra revenue line ${EXTRA}`) lastRow = Number(k.split(",")[0]);
    expect(lastRow).toBeGreaterThan(EXTRA);
    await fake.userEdit("Revenue", `A${lastRow}`, "Renamed by the treasurer");
    fake.resetRecords();
    const result = await gateway.insertSheets(request(big.model, { sheets: ["Revenue"], onExisting: "upgrade", model: undefined }));
    expect(result).toEqual({ status: "inserted", sheets: ["Revenue"] });
    expectSplitUnderLimit(fake);
    expect(fake.valueOf("Revenue", `A${lastRow}`)).toBe("Renamed by the treasurer");
  });

  it("closes the period of the big workbook", async () => {
    const { fake, gateway, model } = big;
    const result = await gateway.closePeriod();
    expect(result).toMatchObject({ period: model.period, changed: true });
    expectSplitUnderLimit(fake);
    expect(fake.sheet("Period history")!.protected).toBe(true);
  });

  it("reads the same workbook in 2 syncs on Excel for Windows, which has no 5 MB limit", async () => {
    const { model } = big;
    const fake = asInserted.clone({ platform: "PC" });
    const gateway = new ExcelGateway({ host: fake, now: () => 0 });
    const read = await gateway.readPeriod();
    expect(fake.syncs).toHaveLength(2);
    expect(fake.syncs[1]!.responseBytes).toBeGreaterThan(5 * MB);
    expect(json(read.model)).toEqual(json(model));
  });

  it("halves a block Excel still refuses (long commentary on every line, more than the estimate allows for)", async () => {
    const model = seed();
    const long = "The variance reflects the timing of grant income and the vacancy factor assumed at budget setting. ".repeat(9);
    const group = model.revenue.groups[0]!;
    for (let i = 0; i < 3000; i++) {
      group.lines.push({ name: `Long line ${i + 1}`, ref: null, originalBudget: new D(i), revisedBudget: new D(i), actualToDate: new D(0), forecastOutturn: new D(i), commentary: long });
    }
    const fake = new FakeExcel({ calculate: expectedValues(model) });
    const gateway = new ExcelGateway({ host: fake, now: () => 0 });
    await gateway.insertSheets(request(model));
    fake.resetRecords();
    const read = await gateway.readPeriod();
    expect(json(read.model)).toEqual(json(model));
    const refused = fake.syncs.filter((s) => s.error);
    expect(refused.length).toBeGreaterThanOrEqual(2);
    expect(refused.every((s) => s.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    for (const s of fake.syncs.filter((x) => !x.error)) expect(s.responseBytes).toBeLessThan(5 * MB);
  });

  it("still reads an ordinary workbook in one request after the sheet names (2 syncs)", async () => {
    const model = seed();
    const fake = new FakeExcel({ calculate: expectedValues(model) });
    const gateway = new ExcelGateway({ host: fake, now: () => 0 });
    await gateway.insertSheets(request(model));
    fake.resetRecords();
    await gateway.readPeriod();
    expect(fake.syncs).toHaveLength(2);
    expect(fake.syncs.every((s) => !s.error)).toBe(true);
  });
});

describe("planReadGroups", () => {
  it("packs whole rows of several sheets into as few requests as the budget allows", () => {
    const groups = planReadGroups([
      { read: "a", rows: 10, columns: 10, firstRow: 1 },
      { read: "b", rows: 5, columns: 10, firstRow: 3 },
    ], 10 * 10 * 120 + 5 * 10 * 120);
    expect(groups).toEqual([[{ read: "a", from: 1, to: 10 }, { read: "b", from: 3, to: 7 }]]);
  });

  it("splits a sheet too big for one request into row blocks that cover every row once", () => {
    const groups = planReadGroups([{ read: "a", rows: 100_000, columns: 20, firstRow: 4 }]);
    expect(groups.length).toBeGreaterThan(1);
    const blocks = groups.flat();
    expect(blocks[0]!.from).toBe(4);
    for (let i = 1; i < blocks.length; i++) expect(blocks[i]!.from).toBe(blocks[i - 1]!.to + 1);
    expect(blocks[blocks.length - 1]!.to).toBe(100_003);
    for (const g of groups) expect(g.reduce((n, b) => n + (b.to - b.from + 1) * 20 * 120, 0)).toBeLessThanOrEqual(READ_BUDGET);
  });
});
