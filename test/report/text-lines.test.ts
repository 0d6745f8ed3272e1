/**
 * Issue 11: the text report's revenue lines (`outturn report --lines`) carry what `report --json` gives by line: each
 * row's variance at the latest earlier closed period (its own column, "–" for a row that period did not have) and a
 * line's budget-only parts under it ("of which", the part's budget in the Revised column, nothing else).
 */
import { D } from "../../src/model/amount";
import type { MonitoringPeriod } from "../../src/model/types";
import { computePosition } from "../../src/engine/position";
import { closePeriod, rollForward } from "../../src/engine/history";
import { textReport } from "../../src/report/text";
import { seedModel } from "../plans/support";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

/** The Revenue table of `report --lines`, each row's cells split on the column gaps. */
function revenueTable(m: MonitoringPeriod): string[][] {
  const text = textReport(computePosition(m), true).split("\n");
  const start = text.indexOf("Revenue");
  const end = text.indexOf("", start);
  return text.slice(start + 1, end).map((l) => l.trim().split(/ {2,}/));
}
const rowNamed = (table: string[][], name: string) => table.find((r) => r[0] === name);

/** Q2 closed, then Q3 with Pay's forecast 1,000 higher and a new line, Digital (budget 10, forecast 12). */
function q3AfterQ2(): MonitoringPeriod {
  const q2 = seedModel((doc: Doc) => { doc.history = []; });
  const rolled = rollForward(closePeriod(q2, computePosition(q2), "2024-10-31"), "Q3");
  const g = rolled.revenue.groups[0]!;
  const pay = g.lines[1]!;
  return {
    ...rolled,
    revenue: {
      ...rolled.revenue,
      groups: [{ ...g, lines: [g.lines[0]!, { ...pay, forecastOutturn: pay.forecastOutturn!.plus(1000) }, g.lines[2]!, g.lines[3]!, { ...pay, name: "Digital", revisedBudget: D(10), forecastOutturn: D(12) }] }, ...rolled.revenue.groups.slice(1)],
    },
  };
}

describe("report --lines: the revenue table", () => {
  test("each row's variance at the earlier closed period in its own column, headed with that period; a new line has none", () => {
    const table = revenueTable(q3AfterQ2());
    expect(table[0]!.at(-1)).toBe("Variance at Q2");
    // At Q2 (budget − forecast): Pay (5,191), Total Chief Constable (2,307), Net Budget (2,307); Q3's Pay 1,000 worse.
    expect(rowNamed(table, "Pay & Employment costs")?.at(-1)).toBe("(5,191)");
    expect(rowNamed(table, "Net Budget")?.at(-1)).toBe("(2,307)");
    expect(rowNamed(table, "Digital")?.at(-1)).toBe("–");
  });

  test("without an earlier closed period there is no such column", () => {
    const table = revenueTable(seedModel((doc: Doc) => { doc.history = []; }));
    expect(table[0]!.some((c) => c.startsWith("Variance at"))).toBe(false);
    expect(table[0]!.at(-1)).toBe("RAG");
  });

  test("a line's budget-only parts follow it, each with its budget under Revised and nothing else", () => {
    const m = seedModel((doc: Doc) => {
      doc.history = [];
      doc.revenue.groups[0].lines[1].budgetSplit = [{ name: "Officers", revisedBudget: 90000 }, { name: "Staff", revisedBudget: 58606 }];
    });
    const table = revenueTable(m);
    const at = table.findIndex((r) => r[0] === "Pay & Employment costs");
    expect(table[at]![2]).toBe("148,606");
    expect(table.slice(at + 1, at + 3)).toEqual([["of which Officers", "90,000"], ["of which Staff", "58,606"]]);
    // Under Revised: each part's figure ends where the line's revised budget does.
    const text = textReport(computePosition(m), true).split("\n");
    const end = (line: string | undefined, figure: string) => (line ?? "").indexOf(figure) + figure.length;
    const line = text.findIndex((l) => l.trim().startsWith("Pay & Employment costs"));
    expect([end(text[line + 1], "90,000"), end(text[line + 2], "58,606")]).toEqual([end(text[line], "148,606"), end(text[line], "148,606")]);
  });
});
