/** The fake must behave like Office.js where it matters to src/excel, or the other tests prove nothing. */
// This file reads properties before load and sync ON PURPOSE, to check the fake throws as Office.js does.
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */
import fc from "fast-check";
import { FakeExcel, dateSerial, type FakeCell } from "../support/fake-excel";

describe("fake Excel: batch semantics", () => {
  it("applies writes only at sync, and drops writes left unsynced at the end of Excel.run", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      expect(fake.cell("Sheet1", "A1")).toBeUndefined();
      await context.sync();
      expect(fake.valueOf("Sheet1", "A1")).toBe(1);
      context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[2]];
    });
    expect(fake.valueOf("Sheet1", "A2")).toBe("");
    expect(fake.unsyncedAtRunEnd).toBe(1);
    expect(fake.syncs).toHaveLength(1);
  });

  it("throws PropertyNotLoaded for a property not loaded, or loaded but not yet synced", async () => {
    const fake = new FakeExcel();
    fake.setCell("Sheet1", "B2", 5);
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("B2");
      expect(() => range.values).toThrow(/PropertyNotLoaded|not available/);
      range.load("values");
      expect(() => range.values).toThrow(/not available/);
      await context.sync();
      expect(range.values).toEqual([[5]]);
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      missing.load("name");
      expect(() => missing.isNullObject).toThrow(/not available/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
    });
  });

  it("reads a string written through values as a formula, Text format or not, unless it has the quote prefix", async () => {
    const fake = new FakeExcel({ calculate: () => 42 });
    fake.addSheet("S");
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("A1:B1").values = [["=SUM(A1)", "+44 1234"]];
      ws.getRange("A2:B2").numberFormat = [["@", "@"]];
      ws.getRange("A2:B2").values = [["=SUM(A1)", "+44 1234"]];
      ws.getRange("A3:B3").values = [["'=SUM(A1)", "'+44 1234"]];
      ws.getRange("C1").values = [["00123"]];
      await context.sync();
    });
    expect(fake.cell("S", "A1")!.formula).toBe("=SUM(A1)");
    expect(fake.cell("S", "B1")!.formula).toBe("=+44 1234");
    // The Text format protects what is typed, not what the API writes (undocumented: the fake assumes the worst).
    expect(fake.cell("S", "A2")!.formula).toBe("=SUM(A1)");
    expect(fake.cell("S", "B2")!.formula).toBe("=+44 1234");
    expect(fake.cell("S", "A3")).toMatchObject({ formula: null, value: "=SUM(A1)" });
    expect(fake.cell("S", "B3")).toMatchObject({ formula: null, value: "+44 1234" });
    expect(fake.valueOf("S", "C1")).toBe(123);
  });

  it("fails a sync in cell-edit mode with Excel's error code, and records it", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S");
    fake.editMode = true;
    await expect(fake.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1").values = [[1]];
      await context.sync();
    })).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    expect(fake.syncs[0]!.error).toBe("InvalidOperationInCellEditMode");
    expect(fake.cell("S", "A1")).toBeUndefined();
  });

  it("holds a batch run with delayForCellEdit until editing ends, as Excel.RunOptions documents", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S");
    fake.editMode = true;
    let done = false;
    const run = fake.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1").values = [[1]];
      await context.sync();
      done = true;
    }, { delayForCellEdit: true });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(done).toBe(false);
    expect(fake.delayedSyncs).toBe(1);
    expect(fake.cell("S", "A1")).toBeUndefined();
    fake.editMode = false;
    await run;
    expect(done).toBe(true);
    expect(fake.valueOf("S", "A1")).toBe(1);
  });

  it("refuses a response over 5 MB on the web only", async () => {
    const load = async (fake: FakeExcel) => {
      const s = fake.addSheet("S");
      for (let r = 1; r <= 3000; r++) s.cells.set(`${r},1`, { value: "x".repeat(1000), formula: null, numberFormat: "General", format: {} });
      return fake.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1:A3000").load("values, formulas");
        await context.sync();
      });
    };
    await expect(load(new FakeExcel())).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    await expect(load(new FakeExcel({ platform: "PC" }))).resolves.toBeUndefined();
  });

  it("rejects a 2-D array that does not fit the range", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S");
    await expect(fake.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:B2").values = [[1, 2]];
      await context.sync();
    })).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("fake Excel: copies", () => {
  it("a cloned workbook is its own: changing the copy leaves the original as it was", () => {
    const fake = new FakeExcel();
    fake.setCell("Sheet1", "A1", 1);
    fake.sheet("Sheet1")!.merges.push("A1:B1");
    const copy = fake.clone({ platform: "PC" });
    copy.cell("Sheet1", "A1")!.format.bold = true;
    copy.cell("Sheet1", "A1")!.value = 2;
    copy.sheet("Sheet1")!.merges.push("C1:D1");
    expect(fake.valueOf("Sheet1", "A1")).toBe(1);
    expect(fake.sheet("Sheet1")!.merges).toEqual(["A1:B1"]);
    expect(fake.cell("Sheet1", "A1")!.format.bold).toBeUndefined();
    expect(copy.options.platform).toBe("PC");
  });
});

describe("fake Excel: reading what is written", () => {
  /** writeScalar's reading of a string as first written, one rule after another, to hold its shortcuts to. */
  function readAsFirstWritten(cell: FakeCell, input: string, via: "values" | "formulas" | "typed"): void {
    const set = (value: FakeCell["value"], formula: string | null = null) => { cell.value = value; cell.formula = formula; };
    if (cell.numberFormat === "@" && via !== "values") return set(input);
    if (input.startsWith("'")) return set(input.slice(1));
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(input.trim())) return set(Number(input));
    const percent = /^\s*([+-]?\d+(\.\d+)?)\s*%\s*$/.exec(input);
    if (percent) return set(Number(percent[1]) / 100);
    const serial = dateSerial(input);
    if (serial !== null) {
      set(serial);
      if (cell.numberFormat === "General" || cell.numberFormat === "@") cell.numberFormat = "yyyy-mm-dd";
      return;
    }
    if (input.length > 1 && (input.startsWith("=") || input.startsWith("+") || input.startsWith("-"))) return set("", input.startsWith("=") ? input : `=${input}`);
    if (/^(true|false)$/i.test(input)) return set(input.toLowerCase() === "true");
    set(input);
  }

  it("reads any string as Excel would, whatever its first character, through values, formulas or typing", () => {
    const char = fc.constantFrom("=", "+", "-", "'", "t", "T", "f", "F", "r", "u", "e", "a", "Z", "@", "[", "`", "{", "1", "0", ".", "%", "/", " ", "\u001d", "\u005d", "é");
    const input = fc.oneof(fc.string({ unit: char, maxLength: 6 }), fc.string(), fc.constantFrom("true", "FALSE", "2024-10-15", "15/10/2024", " 5 % ", "=SUM(A1)", "-", "=", "Total", "t", "1e3"));
    fc.assert(fc.property(input, fc.constantFrom("values", "formulas", "typed") as fc.Arbitrary<"values" | "formulas" | "typed">, fc.constantFrom("General", "@", "0.00"), (text, via, numberFormat) => {
      const fake = new FakeExcel();
      const sheet = fake.addSheet("S");
      sheet.cells.set("1,1", { value: "old", formula: "=1", numberFormat, format: {} });
      fake.writeScalar(sheet, 1, 1, text, via);
      const expected: FakeCell = { value: "old", formula: "=1", numberFormat, format: {} };
      readAsFirstWritten(expected, text, via);
      expect(sheet.cells.get("1,1")).toEqual(expected);
    }), { numRuns: 3000 });
  });
});
