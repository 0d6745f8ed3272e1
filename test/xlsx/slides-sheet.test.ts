/**
 * The Slides sheet: its plan (live formulas feeding the charts' data blocks, chart specs sized for 16:9) and its
 * .xlsx rendering (ExcelJS writes no charts: the data and a note saying so).
 */
import * as ExcelJS from "exceljs";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { CHARTS_NOTE, workbookBuffer } from "../../src/xlsx/write";
import { parseA1 } from "../../src/plans/a1";
import type { SheetPlan } from "../../src/plans/types";
import { seedModel } from "../plans/support";

const slides = (plan = buildWorkbookPlan(seedModel())): SheetPlan => plan.sheets.find((s) => s.kind === "Slides") as SheetPlan;

describe("the Slides sheet plan", () => {
  const plan = slides();

  test("is the last tab, and every chart's data is a block of live formulas", () => {
    const all = buildWorkbookPlan(seedModel()).sheets;
    expect(all[all.length - 1]?.name).toBe("Slides");
    const byAddress = new Map(plan.cells.map((c) => [c.address, c]));
    expect(plan.charts).toHaveLength(3);
    for (const chart of plan.charts ?? []) {
      const [from, to] = chart.data.split(":") as [string, string];
      const a = parseA1(from), b = parseA1(to);
      expect(chart.categories).toBe(`A${a.row}:A${b.row}`);
      expect(chart.series).toHaveLength(b.col - a.col);
      for (let r = a.row; r <= b.row; r++) {
        for (let c = a.col; c <= b.col; c++) {
          const cell = byAddress.get(`${"ABCD"[c - 1]}${r}`);
          expect(cell?.content.kind).toBe("formula");
        }
      }
      expect({ width: chart.width, height: chart.height }).toEqual({ width: 720, height: 405 });
      expect(Math.abs(chart.width / chart.height - 16 / 9)).toBeLessThan(1e-9);
    }
  });

  test("the General Fund block ends with this period, from the Reserves sheet, with the band from Settings", () => {
    const line = plan.charts?.[2];
    expect(line?.type).toBe("line");
    const last = parseA1((line?.data ?? "").split(":")[1] as string).row;
    const cell = (col: string) => plan.cells.find((c) => c.address === `${col}${last}`)?.content;
    expect(cell("A")).toMatchObject({ kind: "formula", expected: seedModel().period });
    expect(cell("B")).toMatchObject({ kind: "formula", formula: expect.stringMatching(/^=Reserves!\$C\$\d+$/) });
    expect(cell("C")).toMatchObject({ kind: "formula", formula: expect.stringMatching(/^=Settings!\$B\$\d+$/) });
    expect(cell("D")).toMatchObject({ kind: "formula", formula: expect.stringMatching(/^=Settings!\$B\$\d+$/) });
  });
});

describe("the Slides sheet in an .xlsx file", () => {
  test("has the data blocks and a visible note that the charts are drawn in Excel", async () => {
    const plan = buildWorkbookPlan(seedModel());
    const sp = slides(plan);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workbookBuffer(plan)) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("Slides");
    expect(ws).toBeDefined();
    expect(ws?.getCell(sp.charts?.[0]?.topLeft ?? "").value).toBe(CHARTS_NOTE);
    expect(CHARTS_NOTE).toBe("The charts are drawn by the Outturn add-in in Excel; this file has their data.");
    const first = (sp.charts?.[0]?.data ?? "").split(":")[0] as string;
    expect(ws?.getCell(first.replace("A", "B")).formula).toMatch(/^Revenue!\$F\$\d+$/);
  });
});
