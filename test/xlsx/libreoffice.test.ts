/**
 * The generated workbook recalculated by a real spreadsheet engine (LibreOffice, always-recalculate profile): every
 * formula's result equals the engine's value, for the worked example in both sign conventions and for random
 * periods; text stays text; and reading the recalculated workbook back gives the same report as the JSON.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { sofficeAvailable } from "../support/libreoffice";
import { period } from "../support/arbitrary-period";
import { runCli } from "../support/cli";
import { readWorkbook } from "../../src/plans/read";
import type { MonitoringPeriod } from "../../src/model/types";
import { D } from "../../src/model/amount";
import { blankPeriod } from "../../src/model/template";
import { computePosition } from "../../src/engine/position";
import { ROOT, modelJson, reportOf, seedModel } from "../plans/support";
import { type Recalculated, formulaMismatches, writeAndRecalculateMany } from "./support";
import { describeWithEngines } from "../support/engines";
import { closedMonths, year } from "../support/monthly-year";
import { closePeriod } from "../../src/engine/history";

const describeIfSoffice = describeWithEngines({ LibreOffice: sofficeAvailable() });

/**
 * Figures sitting exactly on RAG thresholds, where floating point could tip a spreadsheet's comparison the other way:
 * an adverse variance of exactly 1% (Amber) and exactly £500k (Red), capital slippage of exactly 10% of the revised
 * budget, savings exactly 95% achieved, and the General Fund exactly at the 3% minimum after the forecast variance.
 */
function boundaries(): MonitoringPeriod {
  const m = seedModel();
  const lines = m.revenue.groups[0]!.lines;
  lines[2]!.forecastOutturn = new D("47778.05"); // Overheads: revised 47,305, adverse 473.05 = 1%
  lines[3]!.forecastOutturn = new D("6672"); // Capital Financing: revised 6,172, adverse 500
  m.capital.lines[2]!.slippage = new D("-120.1"); // total slippage 1,795.9 = 10% of 17,959
  m.savings[3]!.deliveredToDate = new D("1175"); // achieved 4,275 of 4,500 = 95%
  const p = computePosition(m);
  const gf = m.reserves.find((r) => r.kind === "generalFund")!;
  const target = p.revenue.netBudget.revisedBudget.times("0.03");
  gf.commitments = target.minus(gf.openingBalance!).minus(gf.actualTransfer!).minus(p.revenue.netBudget.favourable);
  return m;
}

/** The model with a revenue line renamed, now and in every closed period's lines. */
function renamed(m: MonitoringPeriod, from: string, to: string): MonitoringPeriod {
  const name = <T extends { name: string }>(l: T): T => (l.name === from ? { ...l, name: to } : l);
  return {
    ...m,
    revenue: { ...m.revenue, groups: m.revenue.groups.map((g) => ({ ...g, lines: g.lines.map(name) })) },
    history: m.history.map((s) => ({ ...s, ...(s.lines ? { lines: s.lines.map(name) } : {}) })),
  };
}

describeIfSoffice("workbooks recalculated in LibreOffice", () => {
  let dir: string;
  const cases = new Map<string, { model: MonitoringPeriod; book: Recalculated }>();

  const models: Array<[string, () => MonitoringPeriod]> = [
    ["example", () => seedModel()],
    ["example-forecast-minus-budget", () => seedModel((d) => { (d.settings as Record<string, unknown>).signConvention = "forecast-minus-budget"; })],
    ["user-text", () => seedModel((d) => {
      const lines = (d.revenue as { groups: Array<{ lines: Array<Record<string, unknown>> }> }).groups[0]?.lines ?? [];
      Object.assign(lines[0] as object, { name: "=cmd|' /C calc'!A0", ref: "+44", commentary: "=SUM(A1:A9) is not a formula" });
      Object.assign(lines[1] as object, { ref: "007", commentary: "@risk: +1 -1" });
      ((d.capital as { lines: Array<Record<string, unknown>> }).lines[0] as Record<string, unknown>).name = "-5 vans";
    })],
    ["boundaries", boundaries],
    // Earlier periods with a General Fund %: the Slides sheet's line chart data reads them from the Period history sheet.
    ["history-general-fund", () => seedModel((d) => {
      (d.history as Array<Record<string, unknown>>)[0]!.generalFund = { forecastClosing: 6150, forecastPct: 3.58, rag: "Green" };
    })],
    // Budget profiles of every kind, the year to date and forecast assist's projections (the Profiles sheet).
    ["monthly-year", () => year("M08")],
    ["monthly-year-forecast-minus-budget", () => year("M05", { signConvention: "forecast-minus-budget" })],
    // M07 closed with its lines: the Period history sheet's table of each closed period's lines.
    ["monthly-year-closed", () => {
      const m7 = year("M07");
      return { ...year("M08"), history: closePeriod(m7, computePosition(m7), "2025-11-05").history };
    }],
    // M01 to M05 closed, M06 open (issue 13): the Slides sheet's trend block reads each closed month from Period history.
    ["monthly-m06-trend", () => closedMonths(6)],
    ["monthly-m06-trend-forecast-minus-budget", () => ({ ...closedMonths(6), settings: { ...closedMonths(6).settings, signConvention: "forecast-minus-budget" } })],
    // Names the criteria of SUMIFS/COUNTIFS would misread (a comparison, wildcards), in the Summary's movement by line.
    ["monthly-m06-awkward-names", () => renamed(closedMonths(6), "Fuel", ">Fuel* ~?")],
    ["blank-template", () => blankPeriod({ organisation: "Wessex PCC", financialYear: "2025/26", period: "Q1", units: "£" })],
    // A few random periods (each recalculation takes a second or two); fixed seed so a failure can be replayed.
    ...fc.sample(period, { numRuns: 3, seed: 20241211 }).map((m, i): [string, () => MonitoringPeriod] => [`random-${i}`, () => m]),
  ];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "outturn-xlsx-"));
    const made = models.map(([name, make]): [string, MonitoringPeriod] => [name, make()]);
    const books = await writeAndRecalculateMany(made, dir); // one LibreOffice start for all
    made.forEach(([name, model], i) => cases.set(name, { model, book: books[i] as Recalculated }));
  }, 180_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each(models.map(([name]) => name))("every formula of %s equals the engine's value after recalculation", (name) => {
    const c = cases.get(name);
    expect(c).toBeDefined();
    expect(formulaMismatches(c!.book.plan, c!.book.grid)).toEqual([]);
  });

  test.each(models.map(([name]) => name))("%s reads back to the same model with no integrity checks", (name) => {
    const c = cases.get(name)!;
    const read = readWorkbook(c.book.grid);
    // A blank template's only problem is that it has no figures yet (a zero Net Budget).
    const expected = name === "blank-template" ? ["error model"] : [];
    expect(read.checks.map((x) => `${x.severity} ${x.id}`)).toEqual(expected);
    expect(modelJson(read.model)).toEqual(modelJson(c.model));
    expect(reportOf(read.model!)).toEqual(reportOf(c.model));
  });

  test("the boundary case really sits on the thresholds", () => {
    const p = computePosition(cases.get("boundaries")!.model);
    expect(p.revenue.groups[0]!.lines.map((l) => l.rag)).toEqual(["Green", "Red", "Amber", "Red"]);
    expect(p.capital.slippagePct?.toFixed()).toBe("10");
    expect(p.savings.achievedPct?.toFixed()).toBe("95");
    expect(p.savings.rag).toBe("Green");
    expect(p.reserves.generalFundPolicy!.forecastPct.toFixed()).toBe("3");
    expect(p.reserves.generalFundPolicy!.rag).toBe("Amber");
  });

  test("text typed by the user stays text through LibreOffice, never a formula", () => {
    const c = cases.get("user-text")!;
    const cell = (sheet: string, row: number, col: number) => c.book.grid.sheets.find((s) => s.name === sheet)?.get(row, col);
    expect(cell("Revenue", 7, 1)).toEqual({ value: "=cmd|' /C calc'!A0", formula: null });
    expect(cell("Revenue", 7, 9)).toEqual({ value: "+44", formula: null });
    expect(cell("Revenue", 7, 10)).toEqual({ value: "=SUM(A1:A9) is not a formula", formula: null });
    expect(cell("Revenue", 8, 9)).toEqual({ value: "007", formula: null });
    expect(cell("Revenue", 8, 10)).toEqual({ value: "@risk: +1 -1", formula: null });
    expect(cell("Capital", 7, 1)).toEqual({ value: "-5 vans", formula: null });
    // Every text cell of the plan, in every case.
    for (const { book } of cases.values()) {
      for (const sp of book.plan.sheets) {
        const sheet = book.grid.sheets.find((s) => s.name === sp.name);
        for (const pc of sp.cells) {
          if (pc.content.kind !== "text") continue;
          const m = /^([A-Z]+)([0-9]+)$/.exec(pc.address)!;
          const col = [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
          expect({ at: `${sp.name}!${pc.address}`, ...sheet?.get(Number(m[2]), col) }).toEqual({ at: `${sp.name}!${pc.address}`, value: pc.content.text, formula: null });
        }
      }
    }
  });

  test("outturn report on the recalculated workbook gives the JSON input's figures, with no integrity errors", () => {
    const fromJson = JSON.parse(runCli(["report", path.join(ROOT, "seeds", "q2-2024-25.json"), "--json"]).stdout);
    const r = runCli(["report", cases.get("example")!.book.recalculated, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const fromXlsx = JSON.parse(r.stdout);
    const strip = (j: { checks: Array<Record<string, unknown>> }) => ({ ...j, checks: j.checks.map(({ where: _w, ...rest }) => rest) });
    expect(strip(fromXlsx)).toEqual(strip(fromJson));
    // The engine's checks now name cells.
    expect(fromXlsx.checks.map((c: { where: string }) => c.where)).toEqual(["Reserves!F18", "Capital!L11", "Revenue!B11", "Revenue!B15", "Revenue!B18"]);
  });
});
