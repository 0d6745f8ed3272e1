/**
 * The report as the body prints it (found reproducing other bodies' published reports): a % that rounds to nothing has
 * no minus; the headline % in the body's negative style; the convention in words for a body that uses minus signs; and a
 * column the body does not keep is blank on totals too, not a sum of blanks.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { D } from "../../src/model/amount";
import { parseMonitoringJson } from "../../src/model/load";
import { computePosition } from "../../src/engine/position";
import { formatPct } from "../../src/engine/format";
import { textReport } from "../../src/report/text";
import { reportLines } from "../../src/report/lines";

const seedText = readFileSync(join(__dirname, "..", "..", "seeds", "q2-2024-25.json"), "utf8");
const seed = (settings: Record<string, unknown> = {}) => {
  const doc = JSON.parse(seedText) as { settings?: Record<string, unknown> };
  return parseMonitoringJson(JSON.stringify({ ...doc, settings: { ...doc.settings, ...settings } }));
};

test("a small negative % that rounds to nothing is 0.0%, not -0.0%", () => {
  expect(formatPct(new D("-0.04"), 1)).toBe("0.0%");
  expect(formatPct(new D("-0.05"), 1)).toBe("-0.1%");
  expect(formatPct(new D("-0"), 2)).toBe("0.00%");
});

test("the headline % follows the body's negative style, and the convention says how negatives are shown", () => {
  const brackets = textReport(computePosition(seed()));
  expect(brackets).toContain("variance (2,307), (1.34%)");
  expect(brackets).toContain("favourable positive, (adverse) in brackets.");
  const minus = textReport(computePosition(seed({ negativeStyle: "minus" })));
  expect(minus).toContain("variance -2,307, -1.34%");
  expect(minus).toContain("favourable positive, adverse negative.");
  expect(minus).not.toContain("in brackets");
});

test("a column the body does not keep is blank on every row, totals included", () => {
  const m = seed({ inputs: { originalBudget: false, actualToDate: false } });
  for (const g of m.revenue.groups) for (const l of g.lines) { l.originalBudget = null; l.actualToDate = null; }
  for (const l of m.revenue.transfers) { l.originalBudget = null; l.actualToDate = null; }
  const rows = reportLines(computePosition(m)).revenue;
  expect(rows.filter((r) => r.kind === "total").map((r) => [r.originalBudget, r.actualToDate])).toEqual(rows.filter((r) => r.kind === "total").map(() => [null, null]));
  expect(rows.find((r) => r.name === "Net Budget")?.revisedBudget?.toFixed()).toBe("171875");
});
