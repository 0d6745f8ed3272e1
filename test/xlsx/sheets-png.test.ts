/**
 * The example workbook as LibreOffice prints it: written by `outturn workbook`, exported to PDF, one PNG per page in
 * test-output/sheets/ (named by sheet) for people to look at. The test checks each sheet printed and that the
 * published tables' figures show in the report's format (thousands separators, negatives in brackets).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { convertToPdf, pdfToPngs, pdftoppmAvailable, sofficeAvailable } from "../support/libreoffice";
import { runCli } from "../support/cli";
import { ROOT } from "../plans/support";
import { describeWithEngines } from "../support/engines";

const OUT = path.join(ROOT, "test-output", "sheets");
const TITLES: Array<[string, string]> = [
  ["Summary", "Financial monitoring summary"], ["Revenue", "Revenue budget monitoring"], ["Capital", "Capital budget monitoring"],
  ["Reserves", "Usable reserves"], ["Savings", "Delivery of savings"], ["Profiles", "Budget profiles and the year to date"],
  ["Period history", "Closed periods"], ["Settings", "Outturn settings"],
];
const pdftotext = (pdf: string, page?: number) =>
  spawnSync("pdftotext", [...(page ? ["-f", String(page), "-l", String(page)] : []), "-layout", pdf, "-"], { encoding: "utf8" }).stdout ?? "";
const hasPdftotext = spawnSync("pdftotext", ["-v"]).status === 0;

const describeIfTools = describeWithEngines({ LibreOffice: sofficeAvailable(), pdftoppm: pdftoppmAvailable(), pdftotext: hasPdftotext });

describeIfTools("the example workbook, printed", () => {
  const pages: Array<{ sheet: string; png: string; text: string }> = [];
  let pdf = "";

  beforeAll(async () => {
    fs.rmSync(OUT, { recursive: true, force: true });
    fs.mkdirSync(OUT, { recursive: true });
    const xlsx = path.join(OUT, "q2-2024-25.xlsx");
    const r = runCli(["workbook", path.join(ROOT, "seeds", "q2-2024-25.json"), "--out", xlsx]);
    if (r.status !== 0) throw new Error(r.stderr);
    pdf = await convertToPdf(xlsx, OUT);
    const pngs = await pdfToPngs(pdf, path.join(OUT, "pages"), "page", { resolution: 80 });
    let sheet = "";
    let k = 0;
    for (const [i, png] of pngs.entries()) {
      const text = pdftotext(pdf, i + 1);
      const first = text.split("\n").map((l) => l.trim()).find(Boolean) ?? "";
      const titled = TITLES.find(([, t]) => first.startsWith(t));
      if (titled) { sheet = titled[0]; k = 1; } else k++;
      const name = path.join(OUT, `${sheet.replace(/\s+/g, "-")}${k > 1 ? `-${k}` : ""}.png`);
      fs.copyFileSync(png, name);
      pages.push({ sheet, png: name, text });
    }
  }, 120_000);

  test("every sheet prints, as PNGs named by sheet in test-output/sheets", () => {
    expect([...new Set(pages.map((p) => p.sheet))]).toEqual(TITLES.map(([s]) => s));
    for (const p of pages) expect(fs.statSync(p.png).size).toBeGreaterThan(5_000);
  });

  test("the revenue table shows the published figures in the report's format", () => {
    const text = pages.filter((p) => p.sheet === "Revenue").map((p) => p.text).join("\n");
    for (const figure of ["(32,865)", "148,852", "(5,191)", "Total Net Revenue Expenditure", "172,532", "174,839", "(2,307)", "(1.34%)", "Net Budget", "171,875", "174,182"]) {
      expect(text).toContain(figure);
    }
    expect(text).toMatch(/Pay & Employment costs\s+148,852\s+148,606\s+76,042\s+153,797\s+\(5,191\)/);
  });

  test("capital, reserves and savings show their totals", () => {
    const of = (sheet: string) => pages.filter((p) => p.sheet === sheet).map((p) => p.text).join("\n");
    expect(of("Capital")).toMatch(/Total Capital Programme\s+15,100\s+17,959\s+2,899\s+12,322\s+5,637/);
    expect(of("Capital")).toMatch(/Total Capital Funding\s+15,100\s+17,959\s+2,899\s+12,322\s+5,637/);
    expect(of("Reserves")).toMatch(/Total Usable Reserves\s+13,149\s+\(657\)\s+\(582\)\s+\(75\)\s+12,492/);
    expect(of("Reserves")).toMatch(/Forecast closing balance after the variance\s+3,571\s+2\.08%/);
    expect(of("Savings")).toMatch(/Total\s+4,500\s+2,700\s+900\s+3,600\s+900/);
    expect(of("Summary")).toMatch(/Movement since the previous period\s+1,357/);
  });
});
