/**
 * Line-level results: `report --json` carries every revenue line, group and total, capital line, source of finance,
 * reserve and savings scheme, and matches its published JSON Schema (src/report/report.schema.json); the worked
 * example's published line figures come out of it exactly; `report --lines` prints them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "lossless-json";
import { runCli } from "../support/cli";
import { label, publishedNumber, tableAfter } from "../support/published-tables";
import { reportSchemaErrors } from "../support/report-schema";

const ROOT = join(__dirname, "..", "..");
const SEED = join(ROOT, "seeds", "q2-2024-25.json");
const run = runCli(["report", SEED, "--json"]);
/** Numbers kept as their exact text. */
const report = parse(run.stdout, undefined, (n: string) => n) as {
  lines: Record<string, Array<Record<string, unknown>>>;
};
const plain = JSON.parse(run.stdout) as unknown;

test("report --json matches its published JSON Schema", () => {
  expect(run.status).toBe(0);
  expect(reportSchemaErrors(plain)).toEqual([]);
});

test("every published revenue line and total, with its four columns and variance, by name", () => {
  const rows = tableAfter("## Revenue budget monitoring");
  const byName = new Map(report.lines.revenue!.map((r) => [r.name as string, r]));
  for (const r of rows) {
    const name = label(r[1] || r[0]!);
    const row = byName.get(name);
    expect({ name, found: Boolean(row) }).toEqual({ name, found: true });
    const published = r.slice(2, 7).map(publishedNumber);
    expect(row!.variance).toBe(published[4]);
    if (row!.kind === "line") {
      expect([row!.originalBudget, row!.revisedBudget, row!.actualToDate, row!.forecastOutturn]).toEqual(published.slice(0, 4));
      expect(row!.ref ?? "").toBe(r[7] ?? "");
    }
  }
  expect(report.lines.revenue!.map((r) => r.path)).toEqual([
    "revenue.groups[0].lines[0]", "revenue.groups[0].lines[1]", "revenue.groups[0].lines[2]", "revenue.groups[0].lines[3]", "revenue.groups[0]",
    "revenue.groups[1].lines[0]", "revenue.groups[1]", "revenue.groups", "revenue.transfers[0]", "revenue",
  ]);
});

test("each line's variance %, RAG and, for capital, slippage and underspend, as the engine gives them", () => {
  const pay = report.lines.revenue!.find((r) => r.name === "Pay & Employment costs")!;
  expect(pay).toMatchObject({ kind: "line", group: "Chief Constable", variance: "-5191", variancePct: "-3.49", rag: "Red" });
  const estates = report.lines.capital!.find((r) => r.name === "Estates Works")!;
  expect(estates).toMatchObject({ variance: "2592", slippage: "2101", underspend: "491" });
  const programme = report.lines.capital!.find((r) => r.kind === "total")!;
  expect(programme).toMatchObject({ name: "Total Capital Programme", variance: "5637", slippage: "4701", underspend: "936" });
  const gf = report.lines.reserves!.find((r) => r.reserveKind === "generalFund")!;
  expect(gf).toMatchObject({ name: "General Fund Balance", forecastClosing: "5878" });
  expect(report.lines.reserves!.find((r) => r.name === "Total Usable Reserves")).toMatchObject({ kind: "total", forecastClosing: "12492" });
  expect(report.lines.savings!.find((r) => r.kind === "total")).toMatchObject({ planned: "4500", achieved: "3600", unachieved: "900" });
});

test("report --lines prints every line's table after the headline; without it the report stays short", () => {
  const withLines = runCli(["report", SEED, "--lines"]);
  expect(withLines.status).toBe(0);
  for (const name of ["Pay & Employment costs", "Total Chief Constable", "Estates Works", "Borrowing", "Workforce Change Reserve", "Total Usable Reserves"]) {
    expect(withLines.stdout).toContain(name);
  }
  expect(withLines.stdout).toMatch(/Pay & Employment costs\s+148,852\s+148,606\s+76,042\s+153,797\s+\(5,191\)\s+-3\.49%\s+Red/);
  const short = runCli(["report", SEED]);
  expect(short.stdout).not.toContain("Workforce Change Reserve");
  expect(readFileSync(SEED, "utf8")).toContain("Workforce Change Reserve");
});
