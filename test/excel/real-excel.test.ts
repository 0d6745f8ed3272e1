/**
 * Where real Excel differs from what the code once assumed (issue 10), on the recording fake made to behave as
 * Microsoft documents: strings Excel takes for formulas or dates, a History sheet the user protected with a password,
 * the Office theme event that Excel never raises, and the production manifest's own Id and version.
 */
import { ExcelGateway, OUTTURN_SHEETS, SHEET_NAMES } from "../../src/excel/gateway";
import { textForValues } from "../../src/excel/render";
import { watchOfficeTheme } from "../../src/excel/office";
import type { MonitoringPeriod } from "../../src/model/types";
import { WorkbookError } from "../../src/workbook/gateway";
import { FakeExcel, dateSerial } from "../support/fake-excel";
import { expectedValues, seed } from "./plan-values";

const HISTORY = SHEET_NAMES.History;

async function inserted(model: MonitoringPeriod = seed()) {
  const fake = new FakeExcel({ calculate: expectedValues(model) });
  const gateway = new ExcelGateway({ host: fake, now: () => 0, today: () => "2024-10-31" });
  await gateway.insertSheets({
    organisation: model.organisation, financialYear: model.financialYear, period: model.period, units: model.units,
    sheets: [...OUTTURN_SHEETS], onExisting: "ask", model,
  });
  return { fake, gateway };
}

describe("the fake does what Excel documents for strings written through Range.values", () => {
  it("takes = + - strings for formulas and date-like strings for dates, even in a Text cell; the quote prefix keeps text", async () => {
    const fake = new FakeExcel({ calculate: () => 7 });
    fake.addSheet("S");
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("A1:D1").numberFormat = [["@", "@", "@", "@"]];
      ws.getRange("A1:D1").values = [["=SUM(B9)", "-5 net", "2024-10-31", "5%"]];
      ws.getRange("A2:D2").values = [["'=SUM(B9)", "'-5 net", "'2024-10-31", "''quoted"]];
      await context.sync();
    });
    expect(fake.cell("S", "A1")!.formula).toBe("=SUM(B9)");
    expect(fake.cell("S", "B1")!.formula).toBe("=-5 net");
    expect(fake.valueOf("S", "C1")).toBe(dateSerial("2024-10-31"));
    expect(fake.valueOf("S", "D1")).toBe(0.05);
    expect(["A2", "B2", "C2", "D2"].map((a) => fake.cell("S", a))).toMatchObject([
      { formula: null, value: "=SUM(B9)" }, { formula: null, value: "-5 net" }, { formula: null, value: "2024-10-31" }, { formula: null, value: "'quoted" },
    ]);
    expect(dateSerial("2024-10-31")).toBe(45596);
    expect(dateSerial("31/02/2024")).toBeNull();
  });
});

describe("text stays text in Excel", () => {
  it("prefixes exactly the strings Excel could read as something else", () => {
    for (const t of ["=SUM(A1)", "+44 1234", "-5 net", "@risk", "2024-10-31", "31/10/2024", "007", "5%", "£5", "(5)", "TRUE", " false ", "#N/A", "'quoted", " 12", "Oct-24", "March 2025", "12:30"]) {
      expect(textForValues(t)).toBe(`'${t}`);
    }
    for (const t of ["", "Revenue", "Police officer pay", "Band minimum", "Octopus", "Truest"]) expect(textForValues(t)).toBe(t);
  });

  it("inserts commentary that looks like formulas, numbers and dates as the text typed, and reads it back unchanged", async () => {
    const model = seed();
    const texts = ["=SUM(A1)", "-5 net after virement", "2024-10-15", "007", "+44 1234", "@risk"];
    const lines = [...model.revenue.groups.flatMap((g) => g.lines), ...model.revenue.transfers];
    expect(lines.length).toBeGreaterThanOrEqual(texts.length);
    texts.forEach((t, i) => { (lines[i] as { commentary: string | null }).commentary = t; });
    const { fake, gateway } = await inserted(model);
    const revenue = fake.sheet("Revenue")!;
    const cells = [...revenue.cells.values()].filter((c) => texts.includes(String(c.value)));
    expect(cells.map((c) => c.value).sort()).toEqual([...texts].sort());
    expect(cells.every((c) => c.formula === null)).toBe(true);
    const read = await gateway.readPeriod();
    const back = [...read.model!.revenue.groups.flatMap((g) => g.lines), ...read.model!.revenue.transfers];
    expect(back.slice(0, texts.length).map((l) => l.commentary)).toEqual(texts);
  });

  it("keeps the Period history's \"Closed on\" a text date when a period is closed, and reads it back", async () => {
    const { fake, gateway } = await inserted();
    await gateway.closePeriod();
    expect(fake.cell(HISTORY, "B7")).toMatchObject({ value: "2024-10-31", formula: null });
    const read = await gateway.readPeriod();
    expect(read.model!.history.map((h) => h.closedOn)).toContain("2024-10-31");
  });
});

describe("a History sheet the user protected with a password", () => {
  it("closing says in words which sheet and what to do, not a fault in Outturn, and changes nothing", async () => {
    const { fake, gateway } = await inserted();
    const sheet = fake.sheet(HISTORY)!;
    expect(sheet.protected).toBe(true);
    sheet.password = "treasurer";
    const before = JSON.stringify([...sheet.cells]);
    const error = await gateway.closePeriod().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).message).toMatch(/^"Period history" is protected with a password Outturn was not given.*Review > Unprotect Sheet\), then try again\. Nothing was changed\.$/);
    expect((error as WorkbookError).message).not.toMatch(/fault in Outturn/);
    expect(JSON.stringify([...sheet.cells])).toBe(before);
    expect(fake.enableEvents).toBe(true);
    // Once the user unprotects it, closing works and the sheet is protected again (without a password).
    sheet.protected = false;
    sheet.password = undefined;
    await expect(gateway.closePeriod()).resolves.toMatchObject({ changed: true });
    expect(sheet.protected).toBe(true);
  });
});

describe("the Office theme in Excel", () => {
  it("is read at load only: no OfficeThemeChanged handler is registered (a mail-only event)", () => {
    const addHandlerAsync = jest.fn();
    const g = globalThis as unknown as { Office?: unknown };
    const before = g.Office;
    g.Office = { context: { document: { addHandlerAsync, removeHandlerAsync: jest.fn() } }, EventType: { OfficeThemeChanged: "officeThemeChanged" } };
    try {
      const stop = watchOfficeTheme(() => undefined);
      stop();
      expect(addHandlerAsync).not.toHaveBeenCalled();
    } finally {
      g.Office = before;
    }
  });
});
