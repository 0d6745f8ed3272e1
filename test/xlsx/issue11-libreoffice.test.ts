/**
 * Issue 11 items 4, 5 and 8 in a real spreadsheet engine: the workbooks of a period without a general fund, of a body
 * that keeps no original budget or actual to date, and of the provisional outturn, recalculated by LibreOffice: every
 * formula's result equals the engine's value (the reserves band "not judged", the Summary's look-up of Q4 before PO),
 * and each reads back to the same report and model (a blank General Fund row being no general fund).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { sofficeAvailable } from "../support/libreoffice";
import { readWorkbook } from "../../src/plans/read";
import type { MonitoringPeriod } from "../../src/model/types";
import { modelJson, reportOf, seedModel } from "../plans/support";
import { type Recalculated, formulaMismatches, writeAndRecalculateMany } from "./support";
import { describeWithEngines } from "../support/engines";
import { provisionalOutturn } from "../support/year-end";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

const models: Array<[string, () => MonitoringPeriod]> = [
  ["no-general-fund", () => seedModel((doc: Doc) => {
    doc.reserves = doc.reserves.filter((r: Doc) => r.kind !== "generalFund");
    for (const k of ["General Fund Balance", "Total Revenue Reserves", "Total Usable Reserves"]) delete doc.controlTotals.reserves[k];
  })],
  ["inputs-not-kept", () => seedModel((doc: Doc) => {
    doc.settings = { ...doc.settings, inputs: { originalBudget: false, actualToDate: false }, negativeStyle: "minus" };
    for (const l of [...doc.revenue.groups.flatMap((g: Doc) => g.lines), ...doc.revenue.transfers, ...doc.capital.lines, ...doc.capital.financing]) { l.originalBudget = null; l.actualToDate = null; }
  })],
  ["provisional-outturn", provisionalOutturn],
];

describeWithEngines({ LibreOffice: sofficeAvailable() })("issue 11 workbooks recalculated in LibreOffice", () => {
  let dir: string;
  const cases = new Map<string, { model: MonitoringPeriod; book: Recalculated }>();
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "outturn-i11-"));
    const made = models.map(([name, make]): [string, MonitoringPeriod] => [name, make()]);
    const books = await writeAndRecalculateMany(made, dir);
    made.forEach(([name, model], i) => cases.set(name, { model, book: books[i] as Recalculated }));
  }, 180_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each(models.map(([name]) => name))("every formula of %s equals the engine's value, and it reads back the same", (name) => {
    const c = cases.get(name)!;
    expect(formulaMismatches(c.book.plan, c.book.grid)).toEqual([]);
    const read = readWorkbook(c.book.grid);
    expect(read.checks.filter((x) => x.severity === "error").map((x) => `${x.id} ${x.where}`)).toEqual([]);
    // Reserve paths are indexes in each model (the read one holds the blank General Fund row): compared without them.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const report = (m: MonitoringPeriod) => { const r = reportOf(m) as any; r.lines.reserves = r.lines.reserves.map(({ path: _, ...row }: Doc) => row); return r; };
    expect(report(read.model!)).toEqual(report(c.model));
    // The Reserves sheet always has a General Fund row: left blank, it reads back as blanks, which is no general fund.
    const blankFund = (m: MonitoringPeriod) => ({ ...m, reserves: m.reserves.filter((r) => r.kind !== "generalFund" || [r.openingBalance, r.budgetedTransfer, r.commitments, r.actualTransfer, r.commentary].some((v) => v !== null)) });
    expect(modelJson(blankFund(read.model!))).toEqual(modelJson(blankFund(c.model)));
  });
});
