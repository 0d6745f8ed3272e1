/**
 * The Workforce slide (issue 14): in the deck of a period with workforce figures (and only then), before the RAG
 * slide: the workforce paragraph, the table of strength against establishment and a line chart of the strength by
 * month against the establishment; rendered by LibreOffice Impress to test-output/slides/workforce-*.png to look at.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { computePosition } from "../../src/engine/position";
import { strengthByMonth } from "../../src/engine/workforce";
import { buildDeck } from "../../src/slides";
import { convertManyToPdf, pdfToPngs, pdftoppmAvailable, sofficeAvailable } from "../support/libreoffice";
import { xmlPartProblems } from "../support/ooxml";
import { describeWithEngines } from "../support/engines";
import { letPptxgenjsRunInJest } from "./pptxgenjs-in-jest";
import { ROOT, seedModel } from "../plans/support";
import { WORKFORCE_EXAMPLE } from "../support/workforce";
import { blankWorkforce } from "../../src/model/workforce";

letPptxgenjsRunInJest();
const OUT = path.join(ROOT, "test-output", "slides");
const position = computePosition(seedModel((doc) => { doc.workforce = structuredClone(WORKFORCE_EXAMPLE); }));

async function slideTexts(bytes: Uint8Array): Promise<{ slides: string[]; charts: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const n = (f: string) => Number(/(\d+)\.xml$/.exec(f)?.[1] ?? 0);
  const files = (re: RegExp) => Object.keys(zip.files).filter((f) => re.test(f)).sort((a, b) => n(a) - n(b));
  const slides = await Promise.all(files(/^ppt\/slides\/slide\d+\.xml$/).map((f) => zip.file(f)!.async("string")));
  const charts = await Promise.all(files(/^ppt\/charts\/chart\d+\.xml$/).map((f) => zip.file(f)!.async("string")));
  return { slides: slides.map((x) => [...x.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join("\n")), charts };
}

describe("the Workforce slide", () => {
  let bytes: Uint8Array;
  beforeAll(async () => { bytes = await buildDeck(position); }, 60_000);

  it("comes before the RAG slide, with the paragraph, the table and the target", async () => {
    expect(await xmlPartProblems(bytes)).toEqual([]);
    const { slides, charts } = await slideTexts(bytes);
    const at = slides.findIndex((s) => s.includes("WORKFORCE"));
    expect(at).toBe(slides.length - 2);
    const text = slides[at]!;
    expect(text).toContain("Officer strength is forecast at 2,159.5 FTE at the end of the year against an establishment of 2,210 FTE");
    expect(text).toContain("Police staff");
    expect(text).toContain("(272.3)");
    expect(text).toContain("Officer target 2,230 (headcount) at 2025-03-31: forecast 2,208, gap (22); grant at risk £0.170m of £1.700m.");
    // The line chart: the strength by month from September (Q2's end) to March, against the establishment.
    const chart = charts.find((c) => c.includes("<c:lineChart>"))!;
    expect(chart).toContain("Forecast strength");
    expect(chart).toContain("Establishment");
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(path.join(OUT, "workforce.pptx"), bytes);
  });

  it("charts the strength now plus each month's joiners less leavers", () => {
    const months = strengthByMonth(position.workforce!, "2024/25", 6);
    expect(months.map((m) => m.label)).toEqual(["Sep (now)", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]);
    expect(months.map((m) => m.strengthFte.toFixed())).toEqual(["4017.1", "4017.1", "4020.7", "4020.7", "4048.7", "4048.7", "4078.7"]);
    expect(months.at(-1)!.strengthFte.equals(position.workforce!.forecastFte)).toBe(true);
  });

  it("says Not entered in the RAG column and draws no chart of blanks for a sheet just inserted", async () => {
    const { slides, charts } = await slideTexts(await buildDeck(computePosition(seedModel((doc) => { doc.workforce = blankWorkforce("police"); }))));
    const text = slides.find((x) => x.includes("WORKFORCE"))!;
    // Four rows (three groups and the total), each Not entered; no RAG word on the slide.
    expect(text.split("\n").filter((l) => l === "Not entered")).toHaveLength(4);
    expect(text).not.toMatch(/\b(Green|Amber|Red)\b/);
    expect(text).toMatch(/Not yet entered: the chart is drawn once each group(&apos;|')s budgeted establishment and strength are typed on the Workforce sheet\./);
    expect(charts.some((c) => c.includes("Forecast strength"))).toBe(false);
  }, 60_000);

  it("is not in the deck of a period without workforce figures", async () => {
    const { slides } = await slideTexts(await buildDeck(computePosition(seedModel())));
    expect(slides.some((s) => s.includes("WORKFORCE"))).toBe(false);
  });
});

describeWithEngines({ LibreOffice: sofficeAvailable(), pdftoppm: pdftoppmAvailable() })("the Workforce slide in LibreOffice Impress", () => {
  it("renders every slide, the Workforce one included, to PNGs in test-output/slides/", async () => {
    const file = path.join(OUT, "workforce-deck.pptx");
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(file, await buildDeck(position));
    const [pdf] = await convertManyToPdf([file], path.join(OUT, "pdf"));
    const pngs = await pdfToPngs(pdf!, OUT, "workforce", { resolution: 80 });
    expect(pngs).toHaveLength(7);
  }, 180_000);
});
