/**
 * ExcelGateway on the recording fake with the REAL sheet plans (src/plans) and read-back: a period written into the
 * workbook reads back as the same period, user input survives an upgrade, text stays text.
 *
 * The fake does not calculate: each formula cell shows the value the plan expects for it (what Excel would compute
 * for the model the plan was made from), by sheet and address.
 */
import { ExcelGateway, OUTTURN_SHEETS, SHEET_NAMES } from "../../src/excel/gateway";
import type { MonitoringPeriod } from "../../src/model/types";
import { D } from "../../src/model/amount";
import { toJsonText } from "../../src/model/json-text";
import type { InsertRequest } from "../../src/workbook/gateway";
import { FakeExcel } from "../support/fake-excel";
import { expectedValues, seed } from "./plan-values";

const MB = 1024 * 1024;


function setup(model: MonitoringPeriod, renamed: Record<string, string> = {}) {
  const fake = new FakeExcel({ calculate: expectedValues(model, renamed) });
  let clock = 0;
  const gateway = new ExcelGateway({ host: fake, now: () => clock });
  return { fake, gateway, advance: (ms: number) => { clock += ms; } };
}

const request = (model: MonitoringPeriod, over: Partial<InsertRequest> = {}): InsertRequest => ({
  organisation: model.organisation, financialYear: model.financialYear, period: model.period, units: model.units,
  sheets: [...OUTTURN_SHEETS], onExisting: "ask", model, ...over,
});

const json = (m: MonitoringPeriod | null): unknown => (m ? JSON.parse(toJsonText(m)) : null);

describe("ExcelGateway with the real sheet plans", () => {
  it("inserts every template in two syncs and reads back the model it was made from", async () => {
    const model = seed();
    const { fake, gateway } = setup(model);
    const result = await gateway.insertSheets(request(model));
    expect(result).toEqual({ status: "inserted", sheets: OUTTURN_SHEETS.map((k) => SHEET_NAMES[k]) });
    expect(fake.syncs).toHaveLength(2);
    expect(fake.unsyncedAtRunEnd).toBe(0);
    fake.resetRecords();
    const read = await gateway.readPeriod();
    expect(fake.syncs).toHaveLength(2);
    expect(read.checks.filter((c) => c.severity === "error")).toEqual([]);
    expect(json(read.model)).toEqual(json(model));
  });

  it("reports the Outturn sheets and the identity, and missing sheets as checks", async () => {
    const model = seed();
    const { fake, gateway } = setup(model);
    await gateway.insertSheets(request(model));
    expect(await gateway.status()).toEqual({
      sheets: [...OUTTURN_SHEETS],
      identity: { organisation: model.organisation, financialYear: model.financialYear, period: model.period, units: model.units },
    });
    fake.sheets.splice(fake.sheets.findIndex((s) => s.name === "Capital"), 1);
    const read = await gateway.readPeriod();
    expect(read.model).toBeNull();
    expect(read.checks.find((c) => c.id === "sheet-missing")?.where).toBe("Capital");
  });

  it("finds a renamed sheet by its title, in a third sync", async () => {
    const model = seed();
    const { fake, gateway } = setup(model, { "Capital Q2": "Capital" });
    await gateway.insertSheets(request(model));
    fake.sheet("Capital")!.name = "Capital Q2";
    fake.resetRecords();
    const read = await gateway.readPeriod();
    expect(fake.syncs).toHaveLength(3);
    expect(read.checks.map((c) => c.id)).toContain("sheet-renamed");
    expect(read.model?.capital.lines.length).toBe(model.capital.lines.length);
  });

  it("keeps commentary that looks like a formula as text, there and back", async () => {
    const model = seed();
    const line = model.revenue.groups[0]!.lines[0]!;
    line.commentary = "=SUM(A1)";
    model.revenue.groups[0]!.lines[1]!.commentary = "+44 1234";
    const { fake, gateway } = setup(model);
    await gateway.insertSheets(request(model));
    const cell = [...fake.sheet("Revenue")!.cells.values()].find((c) => c.value === "=SUM(A1)");
    expect(cell).toMatchObject({ formula: null, numberFormat: "@" });
    const read = await gateway.readPeriod();
    expect(read.model!.revenue.groups[0]!.lines[0]!.commentary).toBe("=SUM(A1)");
    expect(read.model!.revenue.groups[0]!.lines[1]!.commentary).toBe("+44 1234");
  });

  it("upgrades in place in three syncs, keeping what the user typed", async () => {
    const model = seed();
    const { fake, gateway } = setup(model);
    await gateway.insertSheets(request(model));
    // The user types a commentary and changes a forecast on Revenue (found by the cells' current contents).
    const revenue = fake.sheet("Revenue")!;
    const at = (pred: (v: unknown) => boolean) => {
      const [k] = [...revenue.cells].find(([, c]) => c.formula === null && pred(c.value))!;
      const [r, c] = k.split(",").map(Number) as [number, number];
      return `${String.fromCharCode(64 + c)}${r}`;
    };
    const firstLine = model.revenue.groups[0]!.lines[0]!;
    const commentaryCell = firstLine.commentary ? at((v) => v === firstLine.commentary) : null;
    const forecastCell = at((v) => v === firstLine.forecastOutturn!.toNumber());
    if (commentaryCell) await fake.userEdit("Revenue", commentaryCell, "Typed by the treasurer");
    await fake.userEdit("Revenue", forecastCell, 12345);
    fake.resetRecords();
    const result = await gateway.insertSheets(request(model, { onExisting: "upgrade", model: undefined }));
    expect(result.status).toBe("inserted");
    expect(fake.syncs).toHaveLength(3);
    expect(fake.sheets.map((s) => s.name)).toEqual(OUTTURN_SHEETS.map((k) => SHEET_NAMES[k]));
    const read = await gateway.readPeriod();
    const line = read.model!.revenue.groups[0]!.lines[0]!;
    expect(line.forecastOutturn?.toNumber()).toBe(12345);
    if (commentaryCell) expect(line.commentary).toBe("Typed by the treasurer");
  });

  // Nine sheets' cells for 2,000 more lines are 7-8 MB (the Profiles sheet's year-to-date formulas are about as long
  // as the Revenue sheet's), so the insert is split into requests under 5 MB: a few, not one per line.
  it("stays at four syncs or fewer with 2,000 extra revenue lines, each request under 5 MB", async () => {
    const model = seed();
    const group = model.revenue.groups[0]!;
    for (let i = 0; i < 2000; i++) {
      group.lines.push({ name: `Extra line ${i + 1}`, ref: null, originalBudget: new D(i), revisedBudget: new D(i), actualToDate: new D(0), forecastOutturn: new D(i), commentary: i % 2 ? `Note ${i}` : null });
    }
    const { fake, gateway } = setup(model);
    await gateway.insertSheets(request(model));
    expect(fake.syncs.length).toBeGreaterThanOrEqual(2);
    expect(fake.syncs.length).toBeLessThanOrEqual(4);
    for (const s of fake.syncs) expect(s.requestBytes).toBeLessThan(5 * MB);
    const read = await gateway.readPeriod();
    expect(read.model!.revenue.groups[0]!.lines).toHaveLength(group.lines.length);
  });

  it("writes settings the reader then reads", async () => {
    const model = seed();
    const { gateway } = setup(model);
    await gateway.insertSheets(request(model));
    const settings = { ...model.settings, materiality: new D(777), signConvention: "forecast-minus-budget" as const };
    await gateway.writeSettings(settings);
    const read = await gateway.readPeriod();
    expect(read.model!.settings.materiality.toNumber()).toBe(777);
    expect(read.model!.settings.signConvention).toBe("forecast-minus-budget");
  });

  it("refuses to insert sheets whose formulas read a sheet that is not there", async () => {
    const model = seed();
    const { fake, gateway } = setup(model);
    const error = await gateway.insertSheets(request(model, { sheets: ["Revenue"] })).catch((e) => e);
    expect(error.code).toBe("NotFound");
    expect(error.message).toContain('"Settings"');
    expect(fake.sheets).toHaveLength(0);
  });
});
