/**
 * The pane's refresh after a cell edit (issue 16, a refresh that does only what changed), on the recording fake with
 * the real plans and a 1,000-line workbook: a background read after a change event loads only the changed sheet; the
 * position follows through the engine's incremental path where the edit is one revenue input; and the result, checks
 * included (those of the sheets not read again too), equals a whole read and a whole computation.
 */
import { ExcelGateway, OUTTURN_SHEETS } from "../../src/excel/gateway";
import { D } from "../../src/model/amount";
import { toJsonText } from "../../src/model/json-text";
import type { MonitoringPeriod } from "../../src/model/types";
import * as positionModule from "../../src/engine/position";
import { computePosition } from "../../src/engine/position";
import { withReadChecks } from "../../src/engine/checks";
import type { InsertRequest, WorkbookRead } from "../../src/workbook/gateway";
import { type Computed, positionAfter, revenueInputChanged } from "../../src/taskpane/position-after";
import { FakeExcel } from "../support/fake-excel";
import { expectedValues, seed } from "./plan-values";
import { withRevenueLines } from "../slides/sized-period";

const request = (model: MonitoringPeriod): InsertRequest => ({
  organisation: model.organisation, financialYear: model.financialYear, period: model.period, units: model.units,
  sheets: [...OUTTURN_SHEETS], onExisting: "ask", model,
});
const json = (x: unknown) => toJsonText(x, 0);

/** The sheets whose cells a sync loaded (values), by the fake's record of each load. */
const sheetsLoaded = (fake: FakeExcel): string[] =>
  [...new Set(fake.ops.filter((o) => o.kind === "load" && /\bvalues\b/.test(o.member)).map((o) => o.target))].sort();

/** The 1,000-line workbook as Outturn inserts it, written once: each test opens a copy (FakeExcel.clone). */
let inserted: { model: MonitoringPeriod; fake: FakeExcel } | null = null;
async function insertedOnce(): Promise<{ model: MonitoringPeriod; fake: FakeExcel }> {
  if (!inserted) {
    const model = withRevenueLines(seed(), 1000);
    const fake = new FakeExcel({ calculate: expectedValues(model) });
    await new ExcelGateway({ host: fake, now: () => 0, today: () => "2024-10-15" }).insertSheets(request(model));
    inserted = { model, fake };
  }
  return inserted;
}

async function setUp() {
  const { model, fake: written } = await insertedOnce();
  const fake = written.clone();
  const clock = 60_000; // past the guard that takes events just after Outturn's own writes for its own
  const gateway = new ExcelGateway({ host: fake, now: () => clock, today: () => "2024-10-15" });
  const heard: number[] = [];
  await gateway.onMonitoringChanged(() => heard.push(clock));
  // The first look: a whole read (nothing read before).
  const first = await gateway.readPeriod({ background: true });
  expect(first.model).not.toBeNull();
  const computed: Computed = { model: first.model!, position: computePosition(first.model!) };
  return { model, fake, gateway, heard, first, computed };
}

/** What the pane shows after a read: the position (from the previous where exact) and every check. */
function shown(previous: Computed | null, read: WorkbookRead) {
  const position = positionAfter(previous, read.model!);
  return { model: read.model, position, checks: withReadChecks(read.checks, position.checks) };
}

/** The same, from a whole read computed from scratch. */
function wholly(read: WorkbookRead) {
  const position = computePosition(read.model!);
  return { model: read.model, position, checks: withReadChecks(read.checks, position.checks) };
}

const cellOf = (read: WorkbookRead, row: string, column: "forecastOutturn" | "revisedBudget") => {
  const at = read.locate?.({ area: "revenue", row, column });
  if (!at) throw new Error(`no cell for ${row} ${column}`);
  const [sheet, address] = at.replace(/'/g, "").split("!") as [string, string];
  return { sheet, address };
};

describe("the refresh after a cell edit, in a 1,000-line workbook", () => {
  it("reads only the changed sheet, updates the position through the incremental path, and equals a whole read", async () => {
    const { fake, gateway, heard, first, computed } = await setUp();
    const line = computed.model.revenue.groups[0]!.lines[500]!;
    const { sheet, address } = cellOf(first, line.name, "forecastOutturn");
    expect(sheet).toBe("Revenue");
    fake.resetRecords();
    await fake.userEdit(sheet, address, 1234.5);
    expect(heard).toHaveLength(1);

    const partial = await gateway.readPeriod({ background: true });
    expect(sheetsLoaded(fake)).toEqual(["Revenue"]);
    expect(fake.syncs).toHaveLength(2);
    const partialBytes = fake.syncs.reduce((n, s) => n + s.responseBytes, 0);
    // The edit is one revenue input: the incremental path takes it (editRevenue), and its model is the period read.
    expect(revenueInputChanged(computed.model, partial.model!)).toEqual({ group: 0, line: 500, column: "forecastOutturn", value: new D("1234.5") });
    const full = jest.spyOn(positionModule, "computePosition");
    const after = shown(computed, partial);
    expect(full).not.toHaveBeenCalled();
    full.mockRestore();
    expect(after.position).not.toBe(computed.position);
    expect(after.position.revenue.netBudget.forecastOutturn.minus(computed.position.revenue.netBudget.forecastOutturn).toFixed())
      .toBe(new D("1234.5").minus(line.forecastOutturn!).toFixed());

    // A whole read (what Recalculate does) sees the same, figure for figure and check for check.
    fake.resetRecords();
    const whole = await gateway.readPeriod();
    expect(sheetsLoaded(fake).length).toBeGreaterThanOrEqual(OUTTURN_SHEETS.length - 1);
    const wholeBytes = fake.syncs.reduce((n, s) => n + s.responseBytes, 0);
    expect(json(after)).toBe(json(wholly(whole)));
    // (The Revenue sheet is most of a 1,000-line workbook: the other sheets' share is what is saved here.)
    expect(partialBytes).toBeLessThan(wholeBytes);
  });

  it("keeps the findings of the sheets not read again (a formula overwritten on the Capital sheet)", async () => {
    const { fake, gateway, first, computed } = await setUp();
    // A typed number over a formula of the Capital sheet, seen by a whole read.
    const capital = fake.sheet("Capital")!;
    const formulaCell = [...capital.cells.entries()].find(([, c]) => c.formula !== null)!;
    const [r, c] = formulaCell[0].split(",").map(Number) as [number, number];
    const capitalAddress = `${String.fromCharCode(64 + c)}${r}`;
    capital.protected = false; // Review > Unprotect Sheet: the formulas are locked
    await fake.userEdit("Capital", capitalAddress, 42);
    const withError = await gateway.readPeriod();
    const capitalChecks = withError.checks.filter((ch) => ch.where.startsWith("Capital!"));
    expect(capitalChecks.some((ch) => ch.severity === "error")).toBe(true);
    const before: Computed = { model: withError.model!, position: computePosition(withError.model!) };

    const { sheet, address } = cellOf(first, computed.model.revenue.groups[0]!.lines[7]!.name, "revisedBudget");
    fake.resetRecords();
    await fake.userEdit(sheet, address, 99);
    const partial = await gateway.readPeriod({ background: true });
    expect(sheetsLoaded(fake)).toEqual(["Revenue"]);
    expect(partial.checks.filter((ch) => ch.where.startsWith("Capital!"))).toEqual(capitalChecks);
    const whole = await gateway.readPeriod();
    expect(json(shown(before, partial))).toBe(json(wholly(whole)));
  });

  it("reads everything again when an edit adds an error (text in an amount cell), when a sheet was renamed, and on Recalculate", async () => {
    const { fake, gateway, first, computed } = await setUp();
    const { sheet, address } = cellOf(first, computed.model.revenue.groups[0]!.lines[3]!.name, "forecastOutturn");
    fake.resetRecords();
    await fake.userEdit(sheet, address, "153,797");
    const afterText = await gateway.readPeriod({ background: true });
    expect(sheetsLoaded(fake).length).toBeGreaterThan(1);
    expect(afterText.checks.some((ch) => ch.severity === "error" && ch.where === `Revenue!${address}`)).toBe(true);
    const whole = await gateway.readPeriod();
    expect(json(shown({ model: computed.model, position: computed.position }, afterText))).toBe(json(wholly(whole)));

    // A sheet renamed since (no change event for that): the names no longer match, so everything is read.
    fake.sheet("Savings")!.name = "Savings (old)";
    await fake.userEdit(sheet, address, 10);
    fake.resetRecords();
    await gateway.readPeriod({ background: true });
    expect(sheetsLoaded(fake).length).toBeGreaterThan(1);

    // Recalculate (a read the user asked for) always reads everything.
    await fake.userEdit(sheet, address, 11);
    fake.resetRecords();
    await gateway.readPeriod();
    expect(sheetsLoaded(fake).length).toBeGreaterThan(1);
  });

  it("reads everything when an input holds a formula that refers to another sheet (Excel recalculates it with no event of its own)", async () => {
    const { fake, gateway, first, computed } = await setUp();
    const reserve = first.locate?.({ area: "reserves", row: computed.model.reserves[0]!.name, column: "budgetedTransfer" });
    const revenueCell = cellOf(first, computed.model.revenue.groups[0]!.lines[2]!.name, "forecastOutturn");
    expect(reserve).toMatch(/^Reserves!/);
    fake.setCell("Reserves", reserve!.split("!")[1]!, "", `=Revenue!${revenueCell.address}`);
    await gateway.readPeriod();
    await fake.userEdit(revenueCell.sheet, revenueCell.address, 77);
    fake.resetRecords();
    const read = await gateway.readPeriod({ background: true });
    expect(sheetsLoaded(fake).length).toBeGreaterThan(1);
    const whole = await gateway.readPeriod();
    expect(json(read)).toBe(json(whole));
  });

  it("finds such a formula typed during refreshes too: the next edit elsewhere reads everything", async () => {
    const { fake, gateway, first, computed } = await setUp();
    const revenueCell = cellOf(first, computed.model.revenue.groups[0]!.lines[4]!.name, "forecastOutturn");
    const reserve = first.locate?.({ area: "reserves", row: computed.model.reserves[0]!.name, column: "budgetedTransfer" });
    await fake.userEdit(revenueCell.sheet, revenueCell.address, 5);
    fake.resetRecords();
    await gateway.readPeriod({ background: true });
    expect(sheetsLoaded(fake)).toEqual(["Revenue"]);
    // Now the revenue input refers to the Reserves sheet, typed as a person would.
    await fake.userEdit(revenueCell.sheet, revenueCell.address, `=${reserve}`);
    fake.resetRecords();
    await gateway.readPeriod({ background: true });
    expect(sheetsLoaded(fake)).toEqual(["Revenue"]);
    await fake.userEdit("Reserves", reserve!.split("!")[1]!, 12);
    fake.resetRecords();
    await gateway.readPeriod({ background: true });
    expect(sheetsLoaded(fake).length).toBeGreaterThan(1);
  });

  it("an edit that is not a revenue input (a setting) is read from its sheet alone and computed again in full", async () => {
    const { fake, gateway, computed } = await setUp();
    const settings = fake.sheet("Settings")!;
    const inputs = [...settings.cells.entries()].filter(([, c]) => c.formula === null && typeof c.value === "number");
    expect(inputs.length).toBeGreaterThan(0);
    const [k] = inputs[0]!;
    const [r, c] = k.split(",").map(Number) as [number, number];
    fake.resetRecords();
    await fake.userEdit("Settings", `${String.fromCharCode(64 + c)}${r}`, 7);
    const partial = await gateway.readPeriod({ background: true });
    expect(sheetsLoaded(fake)).toEqual(["Settings"]);
    expect(revenueInputChanged(computed.model, partial.model!)).toBe("same");
    const whole = await gateway.readPeriod();
    expect(json(shown(computed, partial))).toBe(json(wholly(whole)));
  });
});
