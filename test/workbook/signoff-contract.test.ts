/**
 * Sign-off on both gateways (issue 15): the in-memory workbook (the pane's preview) and the Excel gateway on the
 * recording fake read the Sign-off sheet alike, so the pane's Checks list each input changed since sign-off at its cell.
 */
import type { WorkbookGateway } from "../../src/workbook/gateway";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { ExcelGateway } from "../../src/excel/gateway";
import { OUTTURN_SHEETS, SHEET_NAMES } from "../../src/workbook/names";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { readWorkbook } from "../../src/plans/read";
import { inputEntries } from "../../src/plans/sheets/signoff/inputs";
import { signOff, signOffStatus } from "../../src/engine/signoff";
import { FakeExcel } from "../support/fake-excel";
import { expectedValues, seed } from "../excel/plan-values";
import { gridFromPlan } from "../plans/support";
import { sha256Hex } from "../../src/engine/sha256";

interface Subject {
  gateway: WorkbookGateway;
  type(sheet: string, address: string, value: string | number): Promise<void>;
  addSheet(name: string): void;
}

const SUBJECTS: Array<[string, () => Subject]> = [
  ["the in-memory workbook", () => {
    const wb = new MemoryWorkbook();
    return { gateway: wb, type: async (sheet, address, value) => wb.setCells(sheet, { [address]: value }), addSheet: (name) => wb.addSheet(name) };
  }],
  ["the Excel gateway on the recording fake", () => {
    const fake = new FakeExcel({ calculate: expectedValues(seed()) });
    return { gateway: new ExcelGateway({ host: fake }), type: (sheet, address, value) => fake.userEdit(sheet, address, value), addSheet: (name) => void fake.addSheet(name) };
  }],
];

/** The worked example signed off by the treasurer: its Sign-off sheet's plan. */
function signedSheet() {
  const model = seed();
  const read = readWorkbook(gridFromPlan(buildWorkbookPlan(model)));
  const book = signOff(read.signoff ?? signOffStatus(null, read.inputs!, sha256Hex), inputEntries(read.inputs!), { role: "Treasurer", name: "Julie Strange", at: "2026-11-30T05:10:00Z" }, 0, sha256Hex);
  return buildWorkbookPlan(model, { signoff: book, kinds: ["Signoff"] }).sheets[0]!;
}

describe.each(SUBJECTS)("sign-off, on %s", (_name, make) => {
  it("reads the Sign-off sheet: signed, then exactly the cell typed over is changed since sign-off", async () => {
    const s = make();
    const model = seed();
    await s.gateway.insertSheets({ organisation: model.organisation, financialYear: model.financialYear, period: model.period, units: model.units, sheets: [...OUTTURN_SHEETS], onExisting: "ask", model });
    const sheet = signedSheet();
    s.addSheet(SHEET_NAMES.Signoff);
    for (const c of sheet.cells) if (c.content.kind === "text") await s.type(SHEET_NAMES.Signoff, c.address, c.content.text);
    const signed = await s.gateway.readPeriod();
    expect(signed.checks.filter((c) => /signoff|sheet-missing|sheet-renamed/.test(c.id))).toEqual([]);
    expect((await s.gateway.status()).sheets).toEqual([...OUTTURN_SHEETS]);

    await s.type("Revenue", "J9", "Overtime for Operation X");
    const changed = await s.gateway.readPeriod();
    expect(changed.checks.filter((c) => c.id === "changed-since-signoff").map((c) => [c.where, c.severity])).toEqual([["Revenue!J9", "warning"]]);
  });
});
