/**
 * The workforce worked example (issue 14): Surrey PCC's 2nd Quarter 2022/23 (seeds/surrey-pcc-2022-23-q2-workforce*).
 * Every figure in the figures file's "Published figures reproduced" table comes out of `outturn report --json`, run
 * on the seed and on the workbook Outturn writes for it after LibreOffice recalculated every formula (the Workforce
 * sheet's included).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseMonitoringJson } from "../../src/model/load";
import { ROOT } from "../support/cli";
import { describeWithEngines } from "../support/engines";
import { fieldAt, publishedRows, reportJsonOf } from "./published-figures";
import { sofficeAvailable } from "../support/libreoffice";
import { type Recalculated, formulaMismatches, writeAndRecalculateMany } from "../xlsx/support";

const SEED = path.join(ROOT, "seeds", "surrey-pcc-2022-23-q2-workforce.json");
const FIGURES = fs.readFileSync(path.join(ROOT, "seeds", "surrey-pcc-2022-23-q2-workforce-figures.md"), "utf8");

/** The figures file's table rows: [figure, published, field, value]. */
const published = () => publishedRows(FIGURES) as Array<[string, string, string, string]>;

describeWithEngines({ LibreOffice: sofficeAvailable() })("the Surrey 2022/23 Q2 workforce worked example", () => {
  let dir: string;
  let book: Recalculated;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "outturn-wf-example-"));
    [book] = (await writeAndRecalculateMany([["surrey-workforce", parseMonitoringJson(fs.readFileSync(SEED, "utf8"))]], dir)) as [Recalculated];
  }, 180_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("has a table of published figures to reproduce", () => {
    expect(published().length).toBeGreaterThanOrEqual(10);
  });

  it.each([["the seed"], ["the workbook recalculated by LibreOffice"]])("reproduces every published figure from %s through report --json", (from) => {
    const json = reportJsonOf(from === "the seed" ? SEED : book.recalculated);
    expect(json.complete).toBe(true);
    for (const [figure, , field, value] of published()) expect([figure, String(fieldAt(json, field))]).toEqual([figure, value]);
  });

  it("has every formula of the recalculated workbook equal to the engine's value", () => {
    expect(formulaMismatches(book.plan, book.grid)).toEqual([]);
  });
});
