/**
 * The Revenue sheet's commitments in a real spreadsheet engine (issue 12): a workbook with commitments on some lines
 * (one line with commitments and no actual) recalculated by LibreOffice, where spent and committed and the totals of
 * commitments equal the engine's, blank lines stay blank, and the workbook reads back to the same period.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { sofficeAvailable } from "../support/libreoffice";
import { readWorkbook } from "../../src/plans/read";
import { commitmentsOf } from "../../src/engine/commitments";
import { D } from "../../src/model/amount";
import { modelJson, seedModel } from "../plans/support";
import { type Recalculated, formulaMismatches, writeAndRecalculateMany } from "./support";
import { describeWithEngines } from "../support/engines";

describeWithEngines({ LibreOffice: sofficeAvailable() })("commitments recalculated in LibreOffice", () => {
  let dir: string;
  let book: Recalculated;
  const model = seedModel();
  model.revenue.groups[0]!.lines[2]!.commitments = new D("1234.5");
  model.revenue.groups[1]!.lines[0]!.commitments = new D("20");
  model.revenue.groups[1]!.lines[0]!.actualToDate = null;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "outturn-commit-"));
    [book] = (await writeAndRecalculateMany([["commitments", model]], dir)) as [Recalculated];
  }, 180_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("spent and committed and the commitments totals are the engine's, and the workbook reads back the same", () => {
    expect(formulaMismatches(book.plan, book.grid)).toEqual([]);
    const sheet = book.grid.sheets.find((s) => s.name === "Revenue")!;
    const rows = book.plan.sheets.find((s) => s.kind === "Revenue")!.rowKeys;
    const at = (key: string, col: number) => sheet.get(rows[key]!, col)?.value ?? null;
    const c = commitmentsOf(model)!;
    const figure = (path: string) => c.rows.find((r) => r.path === path)!;
    // Overheads (line 2 of group 0): 23,102 + 1,234.5; Pay (no commitments): its actual; the OPCC: its commitments alone.
    expect([at("line:0:2", 12), at("line:0:2", 13)]).toEqual([1234.5, figure("revenue.groups[0].lines[2]").spentAndCommitted!.toNumber()]);
    expect(at("line:0:1", 13)).toBe(76042);
    expect(at("line:1:0", 13)).toBe(20);
    expect([at("total:0", 12), at("total:0", 13)]).toEqual([1234.5, 85955.5]);
    expect([at("tnre", 12), at("tnre", 13)]).toEqual([c.total.commitments!.toNumber(), c.total.spentAndCommitted!.toNumber()]);
    const read = readWorkbook(book.grid);
    expect(read.checks.filter((x) => x.severity === "error").map((x) => `${x.id} ${x.where}`)).toEqual([]);
    expect(modelJson(read.model)).toEqual(modelJson(model));
  });
});
