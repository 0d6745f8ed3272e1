/** `outturn assist` through the compiled command line: a listing, a preview that writes nothing, a new file on --out. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../support/cli";
import { year } from "../support/monthly-year";
import { modelToDocument } from "../../src/model/save";
import { toJsonText } from "../../src/model/json-text";
import { parseMonitoringJson } from "../../src/model/load";

let dir: string;
let input: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "outturn-assist-"));
  input = join(dir, "year.json");
  writeFileSync(input, toJsonText(modelToDocument(year("M08"))));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("lists each line's forecast beside its projections, with the paths --take uses", () => {
  const r = runCli(["assist", input]);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/Pay\s+payLike\s+794,805\s+820,000\s+\(25,195\)\s+-3\.17%\s+Green\s+1,200,000\s+1,230,000\s+1,238,039/);
  expect(r.stdout).toContain("revenue.groups[0].lines[1]  Gritting");
});

test("--take alone previews and writes nothing; with --out the period is written to a new file and the input is unchanged", () => {
  const before = readFileSync(input, "utf8");
  const preview = runCli(["assist", input, "--take", "revenue.groups[0].lines[0]=profiled"]);
  expect(preview.status).toBe(0);
  expect(preview.stdout).toContain("Pay: forecast 1,200,000 -> 1,238,039 (the profiled projection)");
  expect(preview.stdout).toContain("nothing written");
  const out = join(dir, "taken.json");
  const r = runCli(["assist", input, "--take", "revenue.groups[0].lines[0]=profiled,revenue.groups[0].lines[1]=straightLine", "--out", out]);
  expect(r.status).toBe(0);
  expect(readFileSync(input, "utf8")).toBe(before);
  const taken = parseMonitoringJson(readFileSync(out, "utf8"));
  expect(taken.revenue.groups[0]?.lines.map((l) => l.forecastOutturn?.toFixed())).toEqual(["1238039", "106500", "110000", "130000"]);
  // Written again to the same name: refused without --force, as every command.
  expect(runCli(["assist", input, "--take", "revenue.groups[0].lines[0]=profiled", "--out", out]).status).toBe(1);
});

test("a projection that cannot be worked out, a bad --take or a workbook is refused in words, nothing written", () => {
  const out = join(dir, "never.json");
  const none = runCli(["assist", input, "--take", "revenue.groups[0].lines[3]=lastYear", "--out", out]);
  expect(none.status).toBe(1);
  expect(none.stderr).toContain("Supplies has no last year's pattern projection");
  expect(runCli(["assist", input, "--take", "revenue.groups[0].lines[0]=guess"]).stderr).toContain("the projection is one of straightLine, profiled, lastYear");
  expect(runCli(["assist", join(dir, "book.xlsx")]).stderr).toContain("take projections into a workbook from the pane in Excel");
  expect(existsSync(out)).toBe(false);
});
