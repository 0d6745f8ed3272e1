/**
 * The workbook contract: every case runs on both gateways, the in-memory workbook (the preview outside Excel) and the
 * Excel gateway on the recording fake of Office.js, with the real sheet plans. Same requests, same person at the
 * workbook, same results and the same WorkbookError codes, so the preview and Excel cannot drift apart.
 */
import type { CellRef, InsertRequest, WorkbookGateway } from "../../src/workbook/gateway";
import type { MonitoringPeriod } from "../../src/model/types";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { ExcelGateway } from "../../src/excel/gateway";
import { OUTTURN_SHEETS, SHEET_NAMES } from "../../src/workbook/names";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { colIndex, parseA1, sheetPrefix, toA1 } from "../../src/plans/a1";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { csvTable } from "../../src/ledger/table";
import { profileFrom } from "../../src/ledger/profile";
import { mappingFrom } from "../../src/ledger/mapping";
import { type ImportPreview, previewImport } from "../../src/ledger/import";
import { lineTargets } from "../../src/ledger/targets";
import { readLedgerSetup } from "../../src/plans/sheets/mapping/read";
import { COMMITMENTS_HEADING } from "../../src/plans/sheets/revenue/markers";
import { previewTake, takeChanges } from "../../src/engine/take-projection";
import { toJsonText } from "../../src/model/json-text";
import { D } from "../../src/model/amount";
import { FakeExcel } from "../support/fake-excel";
import { expectedValues, seed } from "../excel/plan-values";

const TODAY = "2024-10-31";

/** The small example ledger of seeds/ledger (a Unit4 ERP trial balance of the worked example's actuals). */
const LEDGER_DIR = join(__dirname, "..", "..", "seeds", "ledger");
const LEDGER = {
  table: () => csvTable(readFileSync(join(LEDGER_DIR, "q2-2024-25-trial-balance.csv")), "q2-2024-25-trial-balance.csv"),
  profile: profileFrom(JSON.parse(readFileSync(join(LEDGER_DIR, "profile.json"), "utf8"))),
  rules: mappingFrom(JSON.parse(readFileSync(join(LEDGER_DIR, "mapping.json"), "utf8"))),
};

/** A gateway and a person at its workbook. */
interface Subject {
  gateway: WorkbookGateway;
  /** The person types into a cell ("" clears it). */
  type(sheet: string, address: string, value: string | number): Promise<void>;
  addSheet(name: string): void;
  deleteSheet(name: string): void;
  /** Review > Protect Sheet, with a password Outturn is not given. */
  protectSheet(name: string, password: string): void;
  /** Review > Unprotect Sheet (Outturn protects without a password). */
  unprotectSheet(name: string): void;
  protectStructure(): void;
  /** The person is typing in a cell (Excel's cell-edit mode), or has finished. */
  editing(on: boolean): void;
  names(): string[];
  value(sheet: string, address: string): unknown;
  isProtected(sheet: string): boolean;
  /** Whether a cell is locked (Format Cells > Protection > Locked). */
  isLocked(sheet: string, address: string): boolean;
  selection(): CellRef | null;
  /** Time passes (Excel's late own-write events are over). */
  later(): void;
  /** Every cell holding a constant (not a formula), "Sheet!A1" -> value: what a person or an import typed. */
  constants(): Map<string, unknown>;
}

function memorySubject(): Subject {
  const wb = new MemoryWorkbook();
  wb.today = () => TODAY;
  // The clock as the Excel subject's: from 0, 5 s on at each later().
  let clock = 0;
  wb.clock = () => new Date(clock);
  return {
    gateway: wb,
    type: async (sheet, address, value) => wb.setCells(sheet, { [address]: value }),
    addSheet: (name) => wb.addSheet(name),
    deleteSheet: (name) => wb.deleteSheet(name),
    protectSheet: (name, password) => wb.setProtected(name, true, password),
    unprotectSheet: (name) => wb.setProtected(name, false),
    protectStructure: () => wb.setStructureProtected(true),
    editing: (on) => wb.setEditing(on),
    names: () => wb.sheetNames(),
    value: (sheet, address) => wb.previewCell(sheet, address)?.value ?? null,
    isProtected: (sheet) => wb.isProtected(sheet),
    isLocked: (sheet, address) => wb.isLocked(sheet, address),
    selection: () => wb.selection,
    later: () => {
      clock += 5000;
    },
    constants: () => {
      const out = new Map<string, unknown>();
      for (const name of wb.sheetNames()) {
        const sheet = wb.previewSheet(name)!;
        for (let row = 1; row <= sheet.maxRow; row++) {
          for (let col = 1; col <= 40; col++) {
            const c = sheet.cell(row, col);
            if (c && c.formula === null && c.value !== null && c.value !== "") out.set(`${sheetPrefix(name)}${toA1(row, col)}`, c.value);
          }
        }
      }
      return out;
    },
  };
}

function excelSubject(): Subject {
  const fake = new FakeExcel({ calculate: expectedValues(seed()) });
  let clock = 0;
  const gateway = new ExcelGateway({ host: fake, now: () => clock, today: () => TODAY });
  return {
    gateway,
    type: (sheet, address, value) => fake.userEdit(sheet, address, value),
    addSheet: (name) => void fake.addSheet(name),
    deleteSheet: (name) => void fake.sheets.splice(fake.sheets.findIndex((s) => s.name === name), 1),
    protectSheet: (name, password) => void Object.assign(fake.sheet(name)!, { protected: true, password }),
    unprotectSheet: (name) => void Object.assign(fake.sheet(name)!, { protected: false, password: undefined }),
    protectStructure: () => void (fake.workbookProtected = true),
    editing: (on) => void (fake.editMode = on),
    names: () => fake.sheets.map((s) => s.name),
    value: (sheet, address) => {
      const v = fake.valueOf(sheet, address);
      return v === "" ? null : v;
    },
    isProtected: (sheet) => fake.sheet(sheet)?.protected ?? false,
    isLocked: (sheet, address) => fake.cell(sheet, address)?.format.locked !== false,
    selection: () => fake.selection,
    later: () => {
      clock += 5000;
    },
    constants: () => {
      const out = new Map<string, unknown>();
      for (const sheet of fake.sheets) {
        for (const [key, c] of sheet.cells) {
          const [row, col] = key.split(",").map(Number) as [number, number];
          if (c.formula === null && c.value !== "") out.set(`${sheetPrefix(sheet.name)}${toA1(row, col)}`, c.value);
        }
      }
      return out;
    },
  };
}

const SUBJECTS: Array<[string, () => Subject]> = [
  ["the in-memory workbook", memorySubject],
  ["the Excel gateway on the recording fake", excelSubject],
];

const ALL = OUTTURN_SHEETS.map((k) => SHEET_NAMES[k]);
const json = (m: MonitoringPeriod | null): unknown => (m ? JSON.parse(toJsonText(m)) : null);
const request = (model: MonitoringPeriod, over: Partial<InsertRequest> = {}): InsertRequest => ({
  organisation: model.organisation, financialYear: model.financialYear, period: model.period, units: model.units,
  sheets: [...OUTTURN_SHEETS], onExisting: "ask", model, ...over,
});
/** The cells whose constant differs between two snapshots. */
const differing = (a: Map<string, unknown>, b: Map<string, unknown>) => [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
const settle = () => new Promise((r) => setTimeout(r, 5));
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error("expected a WorkbookError"); }, (e: { name: string; code: string; message: string }) => e);

/** Where the plan of the worked example puts things: the same addresses on both gateways. */
const PLAN = buildWorkbookPlan(seed());
function inputAddress(kind: "Revenue" | "Settings", test: (value: unknown) => boolean): string {
  const sheet = PLAN.sheets.find((s) => s.kind === kind)!;
  const cell = sheet.cells.find((c) => c.input && c.content.kind === "amount" && test(c.content.value.toNumber()))!;
  return cell.address;
}
function markerAddress(marker: string): { marker: string; input: string } {
  const sheet = PLAN.sheets.find((s) => s.kind === "Settings")!;
  const key = sheet.cells.find((c) => c.content.kind === "text" && c.content.text === marker && parseA1(c.address).col === colIndex(sheet.keyColumn))!;
  const row = parseA1(key.address).row;
  const input = sheet.cells.find((c) => c.input && parseA1(c.address).row === row)!;
  return { marker: key.address, input: input.address };
}

describe.each(SUBJECTS)("the workbook contract, on %s", (_name, make) => {
  async function inserted(): Promise<{ s: Subject; model: MonitoringPeriod }> {
    const s = make();
    const model = seed();
    expect(await s.gateway.insertSheets(request(model))).toEqual({ status: "inserted", sheets: ALL });
    return { s, model };
  }

  describe("insert", () => {
    it("inserts every sheet fresh, then reports them and reads back the model they were made from", async () => {
      const { s, model } = await inserted();
      expect(s.names()).toEqual(ALL);
      expect(await s.gateway.status()).toEqual({
        sheets: [...OUTTURN_SHEETS],
        identity: { organisation: model.organisation, financialYear: model.financialYear, period: model.period, units: model.units },
      });
      const read = await s.gateway.readPeriod();
      expect(read.checks.filter((c) => c.severity === "error")).toEqual([]);
      expect(json(read.model)).toEqual(json(model));
      // The History sheet holds a closed period (Q1): written protected.
      expect(s.isProtected(SHEET_NAMES.History)).toBe(true);
    });

    it("status reads the identity from the Settings sheet alone (another sheet gone, the period unreadable)", async () => {
      const { s, model } = await inserted();
      s.deleteSheet("Capital");
      expect((await s.gateway.readPeriod()).model).toBeNull();
      expect(await s.gateway.status()).toEqual({
        sheets: OUTTURN_SHEETS.filter((k) => k !== "Capital"),
        identity: { organisation: model.organisation, financialYear: model.financialYear, period: model.period, units: model.units },
      });
    });

    it("ask: reports the sheets that exist and changes nothing", async () => {
      const { s } = await inserted();
      const forecast = inputAddress("Revenue", () => true);
      await s.type("Revenue", forecast, 4321);
      const result = await s.gateway.insertSheets(request(seed(), { sheets: ["Revenue", "Capital"] }));
      expect(result).toEqual({ status: "conflict", existing: ["Revenue", "Capital"] });
      expect(s.names()).toEqual(ALL);
      expect(s.value("Revenue", forecast)).toBe(4321);
    });

    it("alongside: the first free name, compared case-insensitively, leaving the existing sheets as they were", async () => {
      const { s } = await inserted();
      s.addSheet("revenue (2)");
      s.addSheet("SUMMARY (2)");
      const forecast = inputAddress("Revenue", () => true);
      await s.type("Revenue", forecast, 4321);
      const result = await s.gateway.insertSheets(request(seed(), { onExisting: "alongside" }));
      expect(result.status).toBe("inserted");
      const names = result.status === "inserted" ? result.sheets : [];
      expect(names.slice(0, 2)).toEqual(["Summary (3)", "Revenue (3)"]);
      expect(names.slice(2)).toEqual(ALL.slice(2).map((n) => `${n} (2)`));
      for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
      expect(s.value("Revenue", forecast)).toBe(4321);
      // The pane keeps working on the sheets with the kinds' own names.
      expect((await s.gateway.status()).sheets).toEqual([...OUTTURN_SHEETS]);
      expect(json((await s.gateway.readPeriod()).model)).toMatchObject({ organisation: seed().organisation });
    });

    it("upgrade: rewrites in place keeping every input typed, with the identity asked for; the History sheet stays protected", async () => {
      const { s, model } = await inserted();
      const line = model.revenue.groups[0]!.lines[0]!;
      const forecast = inputAddress("Revenue", (v) => v === line.forecastOutturn!.toNumber());
      await s.type("Revenue", forecast, 12345);
      const other = seed();
      other.revenue.groups[0]!.lines[0]!.forecastOutturn = new D(1);
      const result = await s.gateway.insertSheets(request(other, { onExisting: "upgrade", financialYear: "2025/26" }));
      expect(result).toEqual({ status: "inserted", sheets: ALL });
      expect(s.names()).toEqual(ALL);
      const read = await s.gateway.readPeriod();
      expect(read.model?.revenue.groups[0]!.lines[0]!.forecastOutturn?.toNumber()).toBe(12345);
      expect(read.model?.financialYear).toBe("2025/26");
      expect(s.isProtected(SHEET_NAMES.History)).toBe(true);
    });

    it("upgrade: a sheet the person protected with a password Outturn was not given is refused (Protected), nothing written", async () => {
      const { s } = await inserted();
      const forecast = inputAddress("Revenue", () => true);
      await s.type("Revenue", forecast, 4321);
      s.unprotectSheet("Revenue");
      s.protectSheet("Revenue", "theirs");
      const e = await failure(s.gateway.insertSheets(request(seed(), { onExisting: "upgrade" })));
      expect(e).toMatchObject({ name: "WorkbookError", code: "Protected", message: expect.stringMatching(/"Revenue" is protected with a password.*Unprotect Sheet/) });
      expect(s.isProtected("Revenue")).toBe(true);
      expect(s.value("Revenue", forecast)).toBe(4321);
    });

    it("upgrade: sheets that cannot be read are not upgraded (Unreadable), nothing written", async () => {
      const { s } = await inserted();
      s.deleteSheet("Capital");
      const e = await failure(s.gateway.insertSheets(request(seed(), { sheets: ["Revenue"], onExisting: "upgrade" })));
      expect(e).toMatchObject({ code: "Unreadable", message: expect.stringMatching(/did not upgrade them/) });
      expect(s.names()).toEqual(ALL.filter((n) => n !== "Capital"));
    });

    it("refuses sheets whose formulas read a sheet that is not there (NotFound), nothing written", async () => {
      const s = make();
      const e = await failure(s.gateway.insertSheets(request(seed(), { sheets: ["Revenue"] })));
      expect(e).toMatchObject({ code: "NotFound", message: expect.stringContaining('"Settings"') });
      expect(s.names()).toEqual([]);
    });

    it("refuses to add sheets to a workbook whose structure is protected (Protected)", async () => {
      const s = make();
      s.protectStructure();
      expect(await failure(s.gateway.insertSheets(request(seed())))).toMatchObject({ code: "Protected", message: expect.stringMatching(/Protect Workbook/) });
      expect(s.names()).toEqual([]);
    });

    it("refuses a request with no sheet, or a sheet Outturn has no template for (Invalid)", async () => {
      const s = make();
      expect(await failure(s.gateway.insertSheets(request(seed(), { sheets: [] })))).toMatchObject({ code: "Invalid", message: "Choose at least one sheet to insert." });
      expect(await failure(s.gateway.insertSheets(request(seed(), { sheets: ["Nope" as never] })))).toMatchObject({ code: "Invalid" });
    });
  });

  describe("locked formulas", () => {
    it("protects every sheet: every formula, label and marker cell locked, every input cell unlocked", async () => {
      const { s } = await inserted();
      for (const sheet of PLAN.sheets) {
        expect([sheet.name, s.isProtected(sheet.name)]).toEqual([sheet.name, true]);
        const wrong = sheet.cells.filter((c) => s.isLocked(sheet.name, c.address) !== (!c.input || sheet.kind === "History"));
        expect(wrong.map((c) => `${sheet.name}!${c.address}`)).toEqual([]);
        expect(sheet.cells.some((c) => c.content.kind === "formula") || sheet.kind === "History" || sheet.kind === "Settings").toBe(true);
      }
    });

    it("a person types into inputs of a protected sheet, and is refused over a formula", async () => {
      const { s } = await inserted();
      const forecast = inputAddress("Revenue", () => true);
      await s.type("Revenue", forecast, 4321);
      expect(s.value("Revenue", forecast)).toBe(4321);
      const formula = PLAN.sheets.find((p) => p.kind === "Revenue")!.cells.find((c) => c.content.kind === "formula")!;
      const before = s.value("Revenue", formula.address);
      await expect(s.type("Revenue", formula.address, 1)).rejects.toThrow(/protected sheet/);
      expect(s.value("Revenue", formula.address)).toBe(before);
    });

    it("Outturn's own writes work on its protected sheets (upgrade, settings, close), which stay protected", async () => {
      const { s, model } = await inserted();
      const typed = inputAddress("Revenue", () => true);
      await s.type("Revenue", typed, 4321);
      expect(await s.gateway.insertSheets(request(seed(), { onExisting: "upgrade", model: undefined }))).toMatchObject({ status: "inserted" });
      await s.gateway.writeSettings({ ...model.settings, materiality: new D(999) });
      expect((await s.gateway.closePeriod()).changed).toBe(true);
      for (const name of ALL) expect([name, s.isProtected(name)]).toEqual([name, true]);
      const read = await s.gateway.readPeriod();
      expect(read.checks.filter((c) => c.severity === "error")).toEqual([]);
      expect(read.model?.settings.materiality.toNumber()).toBe(999);
      expect(s.value("Revenue", typed)).toBe(4321);
    });

    it("a later sheet protected with another password: that sheet named, the sheets before it protected again, nothing written", async () => {
      const { s } = await inserted();
      const typed = inputAddress("Revenue", () => true);
      await s.type("Revenue", typed, 4321);
      s.unprotectSheet("Capital");
      s.protectSheet("Capital", "theirs");
      const e = await failure(s.gateway.insertSheets(request(seed(), { onExisting: "upgrade" })));
      expect(e).toMatchObject({ code: "Protected", message: expect.stringMatching(/^"Capital" is protected with a password Outturn was not given.*Nothing was changed\.$/) });
      for (const name of ALL) expect([name, s.isProtected(name)]).toEqual([name, true]);
      expect(s.value("Revenue", typed)).toBe(4321);
    });

    it("with the user's password: sheets protected with it, and Outturn's writes unprotect and protect with it", async () => {
      const s = make();
      s.gateway.useSheetPassword("board-2024");
      await s.gateway.insertSheets(request(seed()));
      // Without the password Outturn cannot rewrite them, and says so naming the sheet.
      s.gateway.useSheetPassword(null);
      const e = await failure(s.gateway.insertSheets(request(seed(), { onExisting: "upgrade", model: undefined })));
      expect(e).toMatchObject({ code: "Protected", message: expect.stringMatching(/^"Summary" is protected with a password Outturn was not given/) });
      expect(await failure(s.gateway.closePeriod())).toMatchObject({ code: "Protected", message: expect.stringMatching(/^"Period history" is protected with a password/) });
      for (const name of ALL) expect([name, s.isProtected(name)]).toEqual([name, true]);
      // Given it again (it is never stored), they work.
      s.gateway.useSheetPassword("board-2024");
      await s.gateway.insertSheets(request(seed(), { onExisting: "upgrade", model: undefined }));
      expect((await s.gateway.closePeriod()).changed).toBe(true);
      for (const name of ALL) expect([name, s.isProtected(name)]).toEqual([name, true]);
    });
  });

  describe("save settings", () => {
    it("writes the settings the reader then reads, leaving the identity as typed", async () => {
      const { s, model } = await inserted();
      await s.gateway.writeSettings({ ...model.settings, materiality: new D(777), signConvention: "forecast-minus-budget" });
      const read = await s.gateway.readPeriod();
      expect(read.model?.settings.materiality.toNumber()).toBe(777);
      expect(read.model?.settings.signConvention).toBe("forecast-minus-budget");
      expect(read.model?.organisation).toBe(model.organisation);
      expect(s.value("Settings", markerAddress("set:materiality").input)).toBe(777);
    });

    it("writes into a protected Settings sheet's input cells, even one protected with a password Outturn was not given", async () => {
      const { s, model } = await inserted();
      s.unprotectSheet("Settings");
      s.protectSheet("Settings", "theirs");
      await s.gateway.writeSettings({ ...model.settings, materiality: new D(999) });
      expect(s.value("Settings", markerAddress("set:materiality").input)).toBe(999);
    });

    it("needs only the Settings sheet: saves with another sheet gone", async () => {
      const { s, model } = await inserted();
      s.deleteSheet("Capital");
      await s.gateway.writeSettings({ ...model.settings, materiality: new D(555) });
      expect(s.value("Settings", markerAddress("set:materiality").input)).toBe(555);
    });

    it("without a Settings sheet: NotFound, saying to insert it first", async () => {
      const { s, model } = await inserted();
      s.deleteSheet("Settings");
      expect(await failure(s.gateway.writeSettings(model.settings))).toMatchObject({ code: "NotFound", message: expect.stringMatching(/no Settings sheet.*Insert it first/) });
    });

    it("on a Settings sheet that lost a setting's row: Unreadable, naming it, nothing written", async () => {
      const { s, model } = await inserted();
      const at = markerAddress("set:materiality");
      s.unprotectSheet("Settings"); // the markers are locked
      await s.type("Settings", at.marker, "");
      const before = s.value("Settings", markerAddress("set:signConvention").input);
      const e = await failure(s.gateway.writeSettings({ ...model.settings, signConvention: "forecast-minus-budget" }));
      expect(e).toMatchObject({ code: "Unreadable", message: expect.stringMatching(/lost the rows for materiality/) });
      expect(s.value("Settings", markerAddress("set:signConvention").input)).toBe(before);
    });
  });

  describe("select a cell", () => {
    it("selects the cell, and refuses a sheet that is not there (NotFound)", async () => {
      const { s } = await inserted();
      await s.gateway.selectCell({ sheet: "Capital", address: "C7" });
      expect(s.selection()).toEqual({ sheet: "Capital", address: "C7" });
      s.deleteSheet("Reserves");
      expect(await failure(s.gateway.selectCell({ sheet: "Reserves", address: "A1" }))).toMatchObject({ code: "NotFound", message: expect.stringContaining('"Reserves"') });
    });
  });

  describe("close and reopen a period", () => {
    it("closes once (a second close changes nothing), reopens once, the History sheet protected throughout", async () => {
      const { s } = await inserted();
      expect(await s.gateway.closePeriod()).toEqual({ period: "Q2", changed: true, history: ["Q1", "Q2"] });
      expect(s.isProtected(SHEET_NAMES.History)).toBe(true);
      expect(s.value(SHEET_NAMES.History, "B7")).toBe(TODAY);
      expect(await s.gateway.closePeriod()).toEqual({ period: "Q2", changed: false, history: ["Q1", "Q2"] });
      expect((await s.gateway.readPeriod()).model?.history.map((h) => h.period)).toEqual(["Q1", "Q2"]);
      expect(await s.gateway.reopenPeriod("Q2")).toEqual({ period: "Q2", changed: true, history: ["Q1"] });
      expect(await s.gateway.reopenPeriod("Q2")).toEqual({ period: "Q2", changed: false, history: ["Q1"] });
      expect(s.isProtected(SHEET_NAMES.History)).toBe(true);
      const read = await s.gateway.readPeriod();
      expect(read.model?.history.map((h) => h.period)).toEqual(["Q1"]);
      expect(read.checks.filter((c) => c.severity === "error")).toEqual([]);
    });

    it("upgrading after a close keeps the closed periods, protected", async () => {
      const { s } = await inserted();
      await s.gateway.closePeriod();
      await s.gateway.insertSheets(request(seed(), { onExisting: "upgrade", model: undefined }));
      expect((await s.gateway.readPeriod()).model?.history.map((h) => h.period)).toEqual(["Q1", "Q2"]);
      expect(s.isProtected(SHEET_NAMES.History)).toBe(true);
    });

    it("on a workbook that cannot be read: Unreadable, nothing written", async () => {
      const s = make();
      expect(await failure(s.gateway.closePeriod())).toMatchObject({ code: "Unreadable", message: expect.stringMatching(/cannot be read into a period/) });
      expect(s.names()).toEqual([]);
    });

    it("with no figures to close: Invalid", async () => {
      const s = make();
      await s.gateway.insertSheets(request(seed(), { model: undefined })); // blank templates
      expect(await failure(s.gateway.closePeriod())).toMatchObject({ code: "Invalid", message: expect.stringMatching(/no figures to close/) });
    });
  });

  describe("a cell being edited", () => {
    it("every action fails with CellEditMode, saying how to finish editing, and works again afterwards", async () => {
      const { s, model } = await inserted();
      s.editing(true);
      const actions: Array<[string, () => Promise<unknown>]> = [
        ["insert the sheets", () => s.gateway.insertSheets(request(model, { onExisting: "upgrade" }))],
        ["read the workbook", () => s.gateway.readPeriod()],
        ["save the settings", () => s.gateway.writeSettings(model.settings)],
        ["close the period", () => s.gateway.closePeriod()],
      ];
      for (const [action, run] of actions) {
        expect(await failure(run())).toMatchObject({ code: "CellEditMode", message: `Outturn could not ${action} because a cell is being edited in Excel. Press Enter or Esc to finish editing the cell, then try again.` });
      }
      s.editing(false);
      expect((await s.gateway.readPeriod()).model?.period).toBe("Q2");
    });
  });

  describe("change events", () => {
    it("are raised by a person's edits, not by Outturn's own writes (insert, upgrade, settings, close)", async () => {
      const { s, model } = await inserted();
      s.later();
      const handler = jest.fn();
      const off = await s.gateway.onMonitoringChanged(handler);
      await s.gateway.insertSheets(request(model, { onExisting: "upgrade", model: undefined }));
      await s.gateway.writeSettings(model.settings);
      await s.gateway.closePeriod();
      await settle();
      expect(handler).not.toHaveBeenCalled();
      s.later();
      await s.type("Revenue", inputAddress("Revenue", () => true), 5);
      await settle();
      expect(handler).toHaveBeenCalledTimes(1);
      off();
      await settle();
      await s.type("Revenue", inputAddress("Revenue", () => true), 6);
      await settle();
      expect(handler).toHaveBeenCalledTimes(1);
    });
  });

  describe("ledger import (issue 12)", () => {
    /** The worked example with every line's actual to date blank: the ledger in seeds/ledger fills them in. */
    async function blankActuals(): Promise<Subject> {
      const s = make();
      const model = seed();
      for (const t of lineTargets(model)) t.line.actualToDate = null;
      await s.gateway.insertSheets(request(model));
      return s;
    }
    const previewOf = async (s: Subject): Promise<ImportPreview> =>
      previewImport({ table: LEDGER.table(), profile: LEDGER.profile, rules: LEDGER.rules, model: (await s.gateway.readPeriod()).model!, yearStartMonth: 4 });
    const actuals = async (s: Subject) => lineTargets((await s.gateway.readPeriod()).model!).map((t) => [t.label, t.line.actualToDate?.toFixed() ?? null]);
    const published = lineTargets(seed()).map((t) => [t.label, t.line.actualToDate?.toFixed() ?? null]);

    it("writes only the actual to date of the mapped lines, reproducing the published figures; a forecast the user typed survives", async () => {
      const s = await blankActuals();
      const forecast = PLAN.sheets.find((p) => p.kind === "Revenue")!.cells.find((c) => c.place?.column === "forecastOutturn" && c.input)!.address;
      await s.type("Revenue", forecast, 4321);
      const before = s.constants();
      const preview = await previewOf(s);
      expect(preview.changes).toHaveLength(13);
      const result = await s.gateway.writeImport(preview.changes, "apply");
      expect(result.written).toHaveLength(13);
      // Exactly the cells written changed, and each is an actual-to-date input (column D of Revenue and Capital).
      expect(differing(before, s.constants())).toEqual([...result.written].sort());
      for (const where of result.written) expect(where).toMatch(/^(Revenue|Capital)!D\d+$/);
      // Every line the ledger holds, exactly as published (the one it has no rows for, capital slippage at 0, stays blank).
      const imported = new Set(preview.changes.map((c) => c.label));
      expect(await actuals(s)).toEqual(published.map(([label, v]) => [label, imported.has(label!) ? v : null]));
      expect(published.filter(([label, v]) => v !== null && v !== "0" && !imported.has(label!))).toEqual([]);
      expect(s.value("Revenue", forecast)).toBe(4321);
    });

    it("importing the same file again changes nothing; the stale preview is refused, nothing written", async () => {
      const s = await blankActuals();
      const first = await previewOf(s);
      await s.gateway.writeImport(first.changes, "apply");
      const after = s.constants();
      const again = await previewOf(s);
      expect(again.changes).toEqual([]);
      expect(again.unchanged).toBe(13);
      expect(await s.gateway.writeImport(again.changes, "apply")).toEqual({ written: [] });
      const e = await failure(s.gateway.writeImport(first.changes, "apply"));
      expect(e).toMatchObject({ code: "Invalid", message: expect.stringMatching(/changed since the preview: .*actual to date, is .* where the preview had blank.*Preview the import again/) });
      expect(differing(after, s.constants())).toEqual([]);
    });

    it("undo writes the previous values back, cell for cell", async () => {
      const s = await blankActuals();
      const forecast = PLAN.sheets.find((p) => p.kind === "Capital")!.cells.find((c) => c.place?.column === "forecastOutturn" && c.input)!.address;
      await s.type("Capital", forecast, 77);
      const before = s.constants();
      const preview = await previewOf(s);
      await s.gateway.writeImport(preview.changes, "apply");
      const undone = await s.gateway.writeImport(preview.changes, "undo");
      expect(undone.written).toHaveLength(13);
      expect(differing(before, s.constants())).toEqual([]);
      expect((await actuals(s)).every(([, v]) => v === null)).toBe(true);
      expect(s.value("Capital", forecast)).toBe(77);
    });

    it("a figure typed after the preview: refused, naming the line, nothing written", async () => {
      const s = await blankActuals();
      const preview = await previewOf(s);
      const typed = preview.changes[0]!;
      const cell = (await s.gateway.readPeriod()).inputs!.find((i) => i.what.includes("actual to date") && i.key.startsWith("Revenue|"))!.where!;
      await s.type("Revenue", cell.slice(cell.indexOf("!") + 1), 999);
      const before = s.constants();
      const e = await failure(s.gateway.writeImport(preview.changes, "apply"));
      expect(e).toMatchObject({ code: "Invalid", message: expect.stringContaining(`${typed.label}, actual to date, is 999 where the preview had blank`) });
      expect(differing(before, s.constants())).toEqual([]);
    });
  });
  describe("ledger import of commitments (issue 12)", () => {
    /**
     * The example ledger with a Commitments column: Premises £125,400.00 and Supplies £9,600.49 (both Overheads, £135k),
     * OPCC supplies £4,321.00 (the OPCC, £4k), and £50,000.00 on vehicle purchases (a capital line: none kept).
     */
    const committed: Record<string, string> = { "1010,2000": "\"125,400.00\"", "1030,4000": "\"9,600.49\"", "9000,4000": "\"4,321.00\"", "C100,0500": "\"50,000.00\"" };
    const table = () => {
      const text = readFileSync(join(LEDGER_DIR, "q2-2024-25-trial-balance.csv"), "utf8").split(/\r?\n/).map((line) => {
        if (line.startsWith("Cost Centre,")) return `${line},Commitments`;
        if (!/^[^,]*,[^,]*,/.test(line) || line.startsWith("Dorset") || line.startsWith("Trial")) return line;
        return `${line},${committed[line.split(",").slice(0, 2).join(",")] ?? ""}`;
      }).join("\n");
      return csvTable(new TextEncoder().encode(text), "with-commitments.csv");
    };
    const profile = profileFrom({ ...JSON.parse(readFileSync(join(LEDGER_DIR, "profile.json"), "utf8")), columns: { ...LEDGER.profile.columns, commitments: "Commitments" } });
    const previewOf = async (s: Subject): Promise<ImportPreview> =>
      previewImport({ table: table(), profile, rules: LEDGER.rules, model: (await s.gateway.readPeriod()).model!, yearStartMonth: 4 });
    const commitmentsOf = async (s: Subject) => (await s.gateway.readPeriod()).model!.revenue.groups.flatMap((g) => g.lines.map((l) => [l.name, l.commitments?.toFixed() ?? null]));

    it("writes the commitments of the mapped revenue lines only (line, column, old → new); the actuals and a typed forecast stay", async () => {
      const { s } = await inserted();
      const forecast = PLAN.sheets.find((p) => p.kind === "Revenue")!.cells.find((c) => c.place?.column === "forecastOutturn" && c.input)!.address;
      await s.type("Revenue", forecast, 4321);
      const before = s.constants();
      const preview = await previewOf(s);
      expect(preview.rejected).toEqual([]);
      // A line whose codes the file gives no commitments has none outstanding: 0, so last month's are not left standing.
      expect(preview.changes.map((c) => [c.label, c.column, c.old?.toFixed() ?? null, c.new.toFixed(), c.pounds.toFixed()])).toEqual([
        ["Chief Constable > Income", "commitments", null, "0", "0"],
        ["Chief Constable > Pay & Employment costs", "commitments", null, "0", "0"],
        ["Chief Constable > Overheads", "commitments", null, "135", "135000.49"],
        ["Chief Constable > Capital Financing", "commitments", null, "0", "0"],
        ["OPCC > OPCC", "commitments", null, "4", "4321"],
      ]);
      expect(preview.info.join(" ")).toContain("Commitments were left out where the line keeps none (only the revenue lines do): Capital > Vehicles (£50,000.00)");
      const result = await s.gateway.writeImport(preview.changes, "apply");
      expect(result.written).toHaveLength(5);
      expect(differing(before, s.constants())).toEqual([...result.written].sort());
      for (const where of result.written) expect(where).toMatch(/^Revenue!L\d+$/);
      expect(await commitmentsOf(s)).toEqual([["Income", "0"], ["Pay & Employment costs", "0"], ["Overheads", "135"], ["Capital Financing", "0"], ["OPCC", "4"]]);
      expect(s.value("Revenue", forecast)).toBe(4321);
      const read = await s.gateway.readPeriod();
      expect(read.model!.revenue.groups[0]!.lines.map((l) => l.actualToDate?.toFixed())).toEqual(seed().revenue.groups[0]!.lines.map((l) => l.actualToDate?.toFixed()));
    });

    it("importing the same file again changes nothing, and undo takes the commitments out again, cell for cell", async () => {
      const { s } = await inserted();
      const before = s.constants();
      const first = await previewOf(s);
      await s.gateway.writeImport(first.changes, "apply");
      const after = s.constants();
      const again = await previewOf(s);
      expect(again.changes).toEqual([]);
      expect(await s.gateway.writeImport(again.changes, "apply")).toEqual({ written: [] });
      expect(differing(after, s.constants())).toEqual([]);
      const undone = await s.gateway.writeImport(first.changes, "undo");
      expect(undone.written).toHaveLength(5);
      expect(differing(before, s.constants())).toEqual([]);
      expect((await commitmentsOf(s)).every(([, v]) => v === null)).toBe(true);
      expect(json((await s.gateway.readPeriod()).model)).toEqual(json(seed()));
    });

    it("a Revenue sheet from before commitments: the import is refused until it is upgraded; the upgrade adds the column keeping every figure typed", async () => {
      const { s } = await inserted();
      // The sheet as an earlier version wrote it: nothing in columns L and M (cleared with the sheet unprotected).
      s.unprotectSheet("Revenue");
      for (const c of PLAN.sheets.find((p) => p.kind === "Revenue")!.cells) if (/^[LM][0-9]+$/.test(c.address)) await s.type("Revenue", c.address, "");
      const forecast = inputAddress("Revenue", (v) => v === seed().revenue.groups[0]!.lines[0]!.forecastOutturn!.toNumber());
      await s.type("Revenue", forecast, 12345);
      const old = await s.gateway.readPeriod();
      expect(old.checks.filter((c) => c.severity === "error")).toEqual([]);
      expect(old.checks.find((c) => c.id === "commitments-column")?.severity).toBe("info");
      const preview = await previewOf(s);
      const before = s.constants();
      expect(await failure(s.gateway.writeImport(preview.changes, "apply"))).toMatchObject({ code: "Invalid", message: expect.stringMatching(/no commitments column .*Upgrade it/) });
      expect(differing(before, s.constants())).toEqual([]);

      expect(await s.gateway.insertSheets(request(seed(), { sheets: ["Revenue"], onExisting: "upgrade" }))).toEqual({ status: "inserted", sheets: ["Revenue"] });
      expect(s.value("Revenue", "L4")).toBe(COMMITMENTS_HEADING);
      const upgraded = await s.gateway.readPeriod();
      expect(upgraded.checks.filter((c) => c.severity === "error" || c.id === "commitments-column")).toEqual([]);
      expect(upgraded.model!.revenue.groups[0]!.lines[0]!.forecastOutturn?.toFixed()).toBe("12345");
      expect((await s.gateway.writeImport((await previewOf(s)).changes, "apply")).written).toHaveLength(5);
      expect((await commitmentsOf(s)).filter(([, v]) => v !== "0")).toEqual([["Overheads", "135"], ["OPCC", "4"]]);
    });
  });

  describe("the ledger import's setup kept in the workbook (issue 12)", () => {
    const setup = { profile: LEDGER.profile, rules: LEDGER.rules };
    /** The setup as the Import tab reads it: the Ledger mapping sheet the read found, read against the period. */
    const setupOf = async (s: Subject) => {
      const read = await s.gateway.readPeriod();
      return read.ledgerSheet ? readLedgerSetup(read.ledgerSheet, read.model) : null;
    };
    const rowOf = (where: string | undefined) => Number(/\d+$/.exec(where ?? "")![0]);

    it("saves the profile and mapping on a new Ledger mapping sheet, read back as saved; nothing else changes", async () => {
      const { s } = await inserted();
      const before = s.constants();
      expect(await setupOf(s)).toBeNull();
      expect(await s.gateway.saveLedgerSetup(setup, "ask")).toEqual({ status: "saved", sheet: "Ledger mapping" });
      expect(s.names()).toContain("Ledger mapping");
      const read = await setupOf(s);
      expect(read).toMatchObject({ sheet: "Ledger mapping", problems: [], profile: LEDGER.profile });
      expect(read!.rules.map((r) => ({ ...r, where: undefined }))).toEqual(LEDGER.rules.map((r) => ({ ...r, where: undefined })));
      expect((await s.gateway.readPeriod()).checks.filter((c) => c.severity !== "info" && c.where.includes("Ledger mapping"))).toEqual([]);
      // Only the new sheet's cells are new.
      expect(differing(before, s.constants()).filter((w) => !w.startsWith("'Ledger mapping'!"))).toEqual([]);
      // Its rules are inputs the user edits: unlocked.
      expect(s.isLocked("Ledger mapping", `C${rowOf(read!.rules[0]!.where)}`)).toBe(false);
    });

    it("never replaces the user's rules without their say: ask reports what the sheet keeps and writes nothing; replace rewrites it", async () => {
      const { s } = await inserted();
      await s.gateway.saveLedgerSetup(setup, "ask");
      const row = rowOf((await setupOf(s))!.rules[0]!.where);
      await s.type("Ledger mapping", `C${row}`, "R1");
      const before = s.constants();
      const other = { profile: null, rules: [{ costCentre: "1*", account: null, line: "R2", flip: false }] };
      expect(await s.gateway.saveLedgerSetup(other, "ask")).toEqual({ status: "exists", sheet: "Ledger mapping", profile: true, rules: LEDGER.rules.length });
      expect(differing(before, s.constants())).toEqual([]);
      expect((await setupOf(s))!.rules[0]!.line).toBe("R1");
      expect(await s.gateway.saveLedgerSetup(other, "replace")).toEqual({ status: "saved", sheet: "Ledger mapping" });
      const read = (await setupOf(s))!;
      expect(read.profile).toBeNull();
      expect(read.rules.map((r) => [r.costCentre, r.account, r.line, r.flip])).toEqual([["1*", null, "R2", false]]);
    });

    it("a rule or profile field the user got wrong is a problem naming its cell; the period still reads", async () => {
      const { s } = await inserted();
      await s.gateway.saveLedgerSetup(setup, "ask");
      const row = rowOf((await setupOf(s))!.rules[1]!.where);
      const layoutRow = rowOf([...s.constants()].find(([k, v]) => k.startsWith("'Ledger mapping'!A") && v === "Layout")![0]);
      await s.type("Ledger mapping", `C${row}`, "No such line");
      await s.type("Ledger mapping", `D${row + 1}`, "Perhaps");
      await s.type("Ledger mapping", `B${layoutRow}`, "sideways");
      expect((await s.gateway.readPeriod()).model).not.toBeNull();
      const problems = (await setupOf(s))!.problems.join("\n");
      expect(problems).toMatch(new RegExp(`'Ledger mapping'!B${layoutRow}: is "sideways"; it is one of "long", "wide"`));
      expect(problems).toMatch(new RegExp(`'Ledger mapping'!A${row + 1}: flip is "Perhaps"; write Yes or No`));
      // The lines are checked against the period once the rules read (with the flip corrected).
      await s.type("Ledger mapping", `D${row + 1}`, "No");
      expect((await setupOf(s))!.problems.join("\n")).toMatch(new RegExp(`'Ledger mapping'!C${row}: "No such line" is no line of the period`));
      // The period's Checks list has them too, at their cells, as warnings (they stop an import, not the figures).
      const read = await s.gateway.readPeriod();
      const setupChecks = read.checks.filter((c) => c.id === "ledger-setup");
      expect(setupChecks.map((c) => [c.severity, c.where])).toEqual([["warning", `'Ledger mapping'!B${layoutRow}`], ["warning", `'Ledger mapping'!C${row}`]]);
      expect(setupChecks[1]!.message).toMatch(/^'Ledger mapping'!C\d+: "No such line" is no line of the period.*The ledger import cannot use the workbook's setup until this is corrected\.$/);
      expect(read.checks.findIndex((c) => c.severity === "warning")).toBeLessThanOrEqual(read.checks.findIndex((c) => c.id === "ledger-setup"));
    });

    it("refuses to add the sheet to a workbook whose structure is protected (Protected), nothing written", async () => {
      const { s } = await inserted();
      s.protectStructure();
      const names = s.names();
      expect(await failure(s.gateway.saveLedgerSetup(setup, "ask"))).toMatchObject({ code: "Protected", message: expect.stringContaining("Ledger mapping") });
      expect(s.names()).toEqual(names);
    });
  });

  describe("taking a projection into the forecast (issue 13) through writeImport", () => {
    const LINE = "revenue.groups[0].lines[1]";
    const differing = (a: Map<string, unknown>, b: Map<string, unknown>) => [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
    const forecasts = async (s: Subject) => lineTargets((await s.gateway.readPeriod()).model!).map((t) => [t.path, t.line.forecastOutturn?.toFixed() ?? null]);
    async function taking(s: Subject) {
      const model = (await s.gateway.readPeriod()).model!;
      const rows = previewTake(model, [{ path: LINE, method: "straightLine" }]);
      return { rows, changes: takeChanges(model, rows) };
    }

    it("writes only the chosen line's forecast cell, and undo puts it back", async () => {
      const { s } = await inserted();
      const before = s.constants();
      const was = await forecasts(s);
      const { rows, changes } = await taking(s);
      // The seed's forecast is not already the projection, so the take changes something.
      expect(rows[0]!.forecastAfter.equals(rows[0]!.forecastBefore!)).toBe(false);
      expect(await forecasts(s)).toEqual(was);
      const result = await s.gateway.writeImport(changes, "apply");
      expect(result.written).toHaveLength(1);
      expect(differing(before, s.constants())).toEqual([...result.written]);
      expect(await forecasts(s)).toEqual(was.map(([path, v]) => [path, path === LINE ? rows[0]!.forecastAfter.toFixed() : v]));
      const undone = await s.gateway.writeImport(changes, "undo");
      expect(undone.written).toEqual(result.written);
      expect(differing(before, s.constants())).toEqual([]);
    });

    it("a forecast typed after the preview: refused, naming the line, nothing written", async () => {
      const { s } = await inserted();
      const { rows, changes } = await taking(s);
      const where = (await s.gateway.readPeriod()).inputs!.find((i) => i.key === `Revenue|line:0:${rows[0]!.name}|forecastOutturn`)!.where!;
      await s.type("Revenue", where.slice(where.indexOf("!") + 1), 999);
      const before = s.constants();
      const e = await failure(s.gateway.writeImport(changes, "apply"));
      expect(e).toMatchObject({ code: "Invalid", message: expect.stringMatching(new RegExp(`${changes[0]!.label}, forecast, is 999 where the preview had .*Preview the take again`)) });
      expect(differing(before, s.constants())).toEqual([]);
    });

    it("a list mixing forecasts with imported figures is refused as a fault", async () => {
      const { s } = await inserted();
      const { changes } = await taking(s);
      const mixed = [...changes, { ...changes[0]!, column: "actualToDate" as const }];
      const before = s.constants();
      expect(await failure(s.gateway.writeImport(mixed, "apply"))).toMatchObject({ code: "Unexpected" });
      expect(differing(before, s.constants())).toEqual([]);
    });
  });

  describe("sign-off (issue 15)", () => {
    const signoffSheet = SHEET_NAMES.Signoff;
    it("the treasurer, then the board: the Sign-off sheet added protected, the time from the clock; then a changed input is exactly that cell", async () => {
      const { s } = await inserted();
      expect(s.names()).not.toContain(signoffSheet);
      const treasurer = await s.gateway.signOff({ name: "Julie Strange", role: "Treasurer" });
      expect(treasurer.record).toMatchObject({ role: "Treasurer", name: "Julie Strange", at: "1970-01-01T00:00:00Z", fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(s.names()[s.names().length - 1]).toBe(signoffSheet);
      expect([s.isProtected(signoffSheet), s.isProtected(SHEET_NAMES.Summary)]).toEqual([true, true]);
      s.later();
      const board = await s.gateway.signOff({ name: " Simon Bullock ", role: "Board" });
      expect(board.record).toMatchObject({ role: "Board", name: "Simon Bullock", at: "1970-01-01T00:00:05Z", fingerprint: treasurer.record.fingerprint });
      const signed = await s.gateway.readPeriod();
      expect(signed.signoff).toMatchObject({ state: "signed", fingerprint: treasurer.record.fingerprint, changes: [] });
      expect(signed.signoff?.records.map((r) => r.role)).toEqual(["Treasurer", "Board"]);
      expect(signed.checks.filter((c) => c.severity === "error")).toEqual([]);
      const forecast = inputAddress("Revenue", (v) => v === 153797);
      await s.type("Revenue", forecast, 153900);
      const changed = await s.gateway.readPeriod();
      expect(changed.signoff?.state).toBe("changed");
      expect(changed.signoff?.changes.map((c) => [c.where, c.before, c.after])).toEqual([[`Revenue!${forecast}`, "153797", "153900"]]);
    });

    it("refused in words, nothing written: the board before the treasurer, the same sign-off twice, a period with errors", async () => {
      const { s } = await inserted();
      expect(await failure(s.gateway.signOff({ name: "Simon Bullock", role: "Board" }))).toMatchObject({ code: "Invalid", message: expect.stringMatching(/treasurer signs off these figures first/) });
      expect(await failure(s.gateway.signOff({ name: "  ", role: "Treasurer" }))).toMatchObject({ code: "Invalid", message: expect.stringMatching(/give the name/) });
      expect(s.names()).not.toContain(signoffSheet);
      await s.gateway.signOff({ name: "Julie Strange", role: "Treasurer" });
      expect(await failure(s.gateway.signOff({ name: "Julie Strange", role: "Treasurer" }))).toMatchObject({ code: "Invalid", message: expect.stringMatching(/already signed off these figures/) });
      await s.type("Revenue", inputAddress("Revenue", (v) => v === 153797), "about 150m");
      const before = [...s.constants()];
      expect(await failure(s.gateway.signOff({ name: "Julie Strange", role: "Treasurer" }))).toMatchObject({ code: "Invalid", message: expect.stringMatching(/the period has \d+ error\(s\), so its figures are incomplete/) });
      expect([...s.constants()]).toEqual(before);
    });

    it("a Summary protected with a password Outturn was not given: refused naming it; a protected structure: no Sign-off sheet added", async () => {
      const { s } = await inserted();
      s.protectSheet(SHEET_NAMES.Summary, "secret");
      expect(await failure(s.gateway.signOff({ name: "Julie Strange", role: "Treasurer" }))).toMatchObject({ code: "Protected", message: expect.stringContaining(SHEET_NAMES.Summary) });
      expect(s.names()).not.toContain(signoffSheet);
      s.unprotectSheet(SHEET_NAMES.Summary);
      s.protectStructure();
      expect(await failure(s.gateway.signOff({ name: "Julie Strange", role: "Treasurer" }))).toMatchObject({ code: "Protected", message: expect.stringMatching(/structure is protected/) });
      expect(s.names()).not.toContain(signoffSheet);
    });
  });
});

describe("sign-off on Excel: round trips", () => {
  it("one Excel.run of 3 syncs (names, used ranges and protection, one request rewriting the Summary and Sign-off sheets); 2 when refused", async () => {
    const fake = new FakeExcel({ calculate: expectedValues(seed()) });
    const gateway = new ExcelGateway({ host: fake, today: () => TODAY, now: () => Date.UTC(2024, 9, 20, 9, 0, 0) });
    await gateway.insertSheets(request(seed()));
    fake.resetRecords();
    expect((await gateway.signOff({ name: "Julie Strange", role: "Treasurer" })).record.at).toBe("2024-10-20T09:00:00Z");
    expect(fake.runs).toBe(1);
    expect(fake.syncsOfRun(1)).toHaveLength(3);
    fake.resetRecords();
    await expect(gateway.signOff({ name: "Julie Strange", role: "Treasurer" })).rejects.toMatchObject({ code: "Invalid" });
    expect(fake.syncsOfRun(1)).toHaveLength(2);
  });
});

describe("the ledger import's setup on Excel: round trips", () => {
  it("a new sheet in 2 syncs (names, the write); an existing one 3 (names, its used range, the write), or 2 when it keeps a setup and the user was not asked", async () => {
    const fake = new FakeExcel({ calculate: expectedValues(seed()) });
    const gateway = new ExcelGateway({ host: fake, today: () => TODAY });
    await gateway.insertSheets(request(seed()));
    const setup = { profile: LEDGER.profile, rules: LEDGER.rules };
    fake.resetRecords();
    await gateway.saveLedgerSetup(setup, "ask");
    expect(fake.runs).toBe(1);
    expect(fake.syncsOfRun(1)).toHaveLength(2);
    fake.resetRecords();
    expect((await gateway.saveLedgerSetup(setup, "ask")).status).toBe("exists");
    expect(fake.syncsOfRun(1)).toHaveLength(2);
    fake.resetRecords();
    await gateway.saveLedgerSetup(setup, "replace");
    expect(fake.syncsOfRun(1)).toHaveLength(3);
  });
});

describe("ledger import on Excel: round trips", () => {
  it("one Excel.run of 3 syncs (names, used ranges, the writes); 2 when no cell changes", async () => {
    const fake = new FakeExcel({ calculate: expectedValues(seed()) });
    const gateway = new ExcelGateway({ host: fake, today: () => TODAY });
    const model = seed();
    for (const t of lineTargets(model)) t.line.actualToDate = null;
    await gateway.insertSheets(request(model));
    const preview = previewImport({ table: LEDGER.table(), profile: LEDGER.profile, rules: LEDGER.rules, model: (await gateway.readPeriod()).model!, yearStartMonth: 4 });
    fake.resetRecords();
    await gateway.writeImport(preview.changes, "apply");
    expect(fake.runs).toBe(1);
    const syncs = fake.syncsOfRun(1);
    expect(syncs).toHaveLength(3);
    // The last request writes the 13 cells' values and nothing else (events off and on around them).
    expect(syncs[2]!.ops.filter((o) => o.kind === "set" && o.member !== "enableEvents").map((o) => o.member)).toEqual(Array(13).fill("values"));
    fake.resetRecords();
    expect(await gateway.writeImport([], "apply")).toEqual({ written: [] });
    expect(fake.syncsOfRun(1)).toHaveLength(2);
  });
});
