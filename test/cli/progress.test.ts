/** Long work says so: a large period gets a warning and progress lines on stderr, stdout stays the output. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, runCli } from "../support/cli";
import { LARGE_PERIOD_LINES } from "../../src/cli/progress";

const dir = mkdtempSync(join(tmpdir(), "outturn-progress-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("workbook on a large period warns and shows progress on stderr", () => {
  const doc = JSON.parse(readFileSync(join(ROOT, "seeds", "q2-2024-25.json"), "utf8"));
  const template = doc.revenue.groups[0].lines;
  doc.revenue.groups[0].lines = Array.from({ length: LARGE_PERIOD_LINES }, (_, i) => ({ ...template[i % template.length], name: `Line ${i + 1}` }));
  doc.controlTotals = null;
  const input = join(dir, "large.json");
  writeFileSync(input, JSON.stringify(doc));
  const r = runCli(["workbook", input, "--out", join(dir, "large.xlsx")]);
  expect(r.status).toBe(0);
  expect(r.stderr).toMatch(/outturn workbook: a large period \(2,0\d\d lines\); this may take a while\./);
  expect(r.stderr).toMatch(/outturn workbook: writing the file… \(\d+\.\d s\)/);
  expect(r.stderr).toMatch(/outturn workbook: done in \d+\.\d s\./);
  expect(r.stdout).toMatch(/^Wrote .*large\.xlsx/);
}, 180_000);
