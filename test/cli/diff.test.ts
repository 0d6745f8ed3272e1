/** `outturn diff` (issue 15): two periods with planted changes list exactly those changes and nothing else. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli, ROOT } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "outturn-diff-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Doc { settings: { materiality: number }; revenue: { groups: Array<{ lines: Array<Record<string, unknown>> }> } }

test("a changed input, an added line, a changed setting and a deleted line: exactly those, JSON against a workbook", () => {
  const seed = readFileSync(join(ROOT, "seeds", "q2-2024-25.json"), "utf8");
  const doc = JSON.parse(seed) as Doc;
  const lines = doc.revenue.groups[0]!.lines;
  const [first, second] = [lines[0]!, lines[1]!];
  first.forecastOutturn = 153_900; // changed input
  const deleted = lines.splice(2, 1)[0]!; // deleted line (mid-group: the lines after it move up)
  lines.push({ name: "Operation X", ref: null, originalBudget: 0, revisedBudget: 0, actualToDate: 12, forecastOutturn: 40, commentary: null }); // added line
  doc.settings.materiality = 250; // changed setting
  writeFileSync(join(dir, "new.json"), JSON.stringify(doc));
  const old = join(dir, "old.xlsx");
  expect(runCli(["workbook", "seeds/q2-2024-25.json", "--out", old]).status).toBe(0);

  const r = runCli(["diff", old, join(dir, "new.json"), "--json"]);
  expect(r.status).toBe(0);
  const changes = (JSON.parse(r.stdout) as { changes: Array<{ kind: string; key: string; before: string; after: string }> }).changes;
  const rows = [...new Set(changes.map((c) => `${c.kind} ${c.key.slice(0, c.key.lastIndexOf("|"))}`))];
  expect(rows.sort()).toEqual([
    `added Revenue|line:0:Operation X`,
    `changed Revenue|line:0:${String(first.name)}`,
    "changed Settings|set:materiality",
    `removed Revenue|line:0:${String(deleted.name)}`,
  ].sort());
  expect(changes.find((c) => c.key === `Revenue|line:0:${String(first.name)}|forecastOutturn`)).toMatchObject({ before: expect.any(String), after: "153900" });
  expect(changes.find((c) => c.key === "Settings|set:materiality|value")).toMatchObject({ after: "250" });
  expect(changes.some((c) => c.key.includes(String(second.name)))).toBe(false);

  const text = runCli(["diff", old, old]);
  expect(text.stdout).toBe(`No input changed between ${old} and ${old}.\n`);
});
