/**
 * The slide deck (src/slides): content read back from the .pptx's slide XML, the slide count from LibreOffice
 * Impress's PDF, and PNGs of every slide in test-output/slides/ to look at.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { computePosition, type Position } from "../../src/engine/position";
import { modelFromDocument } from "../../src/model/load";
import { buildDeck } from "../../src/slides";
import { revenueTable } from "../../src/slides/tables";
import { convertToPdf, pdfToPngs, pdftoppmAvailable, sofficeAvailable } from "../support/libreoffice";
import { runCli } from "../support/cli";
import { letPptxgenjsRunInJest } from "./pptxgenjs-in-jest";
import { ROOT, generatedYear, inPounds, seedDocument, seedModel, withRevenueForecast } from "../history/fixtures";
import { describeWithEngines } from "../support/engines";

letPptxgenjsRunInJest();

const OUT = path.join(ROOT, "test-output", "slides");
const SLIDES = 6;

interface Deck {
  /** Text of each slide, in order. */
  slides: string[];
  /** Rows of the tables of each slide (cell texts). */
  tables: string[][][];
  /** XML of the charts. */
  charts: string[];
}

const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
const texts = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1] ?? ""));

async function readDeck(bytes: Uint8Array): Promise<Deck> {
  const zip = await JSZip.loadAsync(bytes);
  const number = (name: string) => Number(/(\d+)\.xml$/.exec(name)?.[1] ?? 0);
  const slideFiles = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).sort((a, b) => number(a) - number(b));
  const xmls = await Promise.all(slideFiles.map((f) => zip.file(f)!.async("string")));
  const chartFiles = Object.keys(zip.files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f)).sort((a, b) => number(a) - number(b));
  return {
    slides: xmls.map((x) => texts(x).join("\n")),
    tables: xmls.map((x) => [...x.matchAll(/<a:tr\b[\s\S]*?<\/a:tr>/g)].map((tr) => [...tr[0].matchAll(/<a:tc\b[\s\S]*?<\/a:tc>/g)].map((tc) => texts(tc[0]).join("")))),
    charts: await Promise.all(chartFiles.map((f) => zip.file(f)!.async("string"))),
  };
}

function row(deck: Deck, slide: number, first: string): string[] | undefined {
  return deck.tables[slide]?.find((r) => r[0] === first);
}

let worked: Position;
let bytes: Uint8Array;
let deck: Deck;

beforeAll(async () => {
  worked = computePosition(seedModel());
  bytes = await buildDeck(worked);
  deck = await readDeck(bytes);
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, "q2-2024-25.pptx"), bytes);
});

describe("the worked example's deck", () => {
  it("has the six slides, 16:9", async () => {
    expect(deck.slides).toHaveLength(SLIDES);
    const zip = await JSZip.loadAsync(bytes);
    const presentation = await zip.file("ppt/presentation.xml")!.async("string");
    const size = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(presentation);
    expect(Number(size?.[1]) / Number(size?.[2])).toBeCloseTo(16 / 9, 2);
    expect(deck.slides.map((s) => s.split("\n")[0])).toEqual([
      "2024/25 QUARTER 2 FINANCIAL REPORT – OVERVIEW", "REVENUE BUDGET MONITORING", "CAPITAL BUDGET MONITORING AND FINANCING",
      "USABLE RESERVES", "DELIVERY OF SAVINGS", "RAG SUMMARY",
    ]);
  });

  it("overview: the narrative, and the RAG this period and last period", () => {
    const s = deck.slides[0]!;
    expect(s).toContain("The overall revenue spend for the year is forecast to be £174.2m against a budget of £171.9m, an adverse variance of £2.307m or 1.34%.");
    expect(s).toContain("it is an improvement of £1.357m since Q1.");
    expect(s).toContain("below the minimum level of reserves of 3%");
    expect(s).toContain("The variance of £5.637m is made up of slippage of £4.701m and forecast underspends of £0.936m.");
    expect(deck.tables[0]![0]).toEqual(["RAG Status", "This Period", "Last Period (Q1)"]);
    expect(row(deck, 0, "Revenue")).toEqual(["Revenue", "Red", "Red"]);
    expect(row(deck, 0, "Capital")).toEqual(["Capital", "Red", "Not recorded"]); // Q1's snapshot has revenue only
    expect(row(deck, 0, "Reserves")).toEqual(["Reserves", "Red", "Not recorded"]);
    expect(row(deck, 0, "Savings")).toEqual(["Savings", "Amber", "Not recorded"]);
  });

  it("revenue: the published table in £000 with brackets, and a bar chart of the variances by line", () => {
    expect(row(deck, 1, "Income")).toEqual(["Income", "(32,865)", "(32,818)", "(14,060)", "(34,870)", "2,052", "R1"]);
    expect(row(deck, 1, "Pay & Employment costs")).toEqual(["Pay & Employment costs", "148,852", "148,606", "76,042", "153,797", "(5,191)", "R2"]);
    expect(row(deck, 1, "Capital Financing")).toEqual(["Capital Financing", "6,030", "6,172", "(363)", "5,399", "773", "R4"]);
    // Computed totals: the published 169,190 / 172,457 / 171,875 originals are the rounded lines' totals less 1 (rounding).
    expect(row(deck, 1, "Total Chief Constable")).toEqual(["Total Chief Constable", "169,191", "169,265", "84,721", "171,572", "(2,307)", ""]);
    expect(row(deck, 1, "Total Net Revenue Expenditure")).toEqual(["Total Net Revenue Expenditure", "172,458", "172,532", "85,057", "174,839", "(2,307)", ""]);
    expect(row(deck, 1, "Reserves")).toEqual(["Reserves", "(582)", "(657)", "(75)", "(657)", "0", ""]);
    expect(row(deck, 1, "Net Budget")).toEqual(["Net Budget", "171,876", "171,875", "84,982", "174,182", "(2,307)", "R5"]);
    expect(deck.slides[1]).toContain("R2. The higher than budgeted pay award totalled £1.820m");
    const bar = deck.charts.find((c) => c.includes("<c:barChart>"));
    expect(bar).toBeDefined();
    expect(bar).toContain("<c:barDir val=\"bar\"/>");
    for (const v of ["2052", "-5191", "59", "773"]) expect(bar).toContain(`<c:v>${v}</c:v>`);
  });

  it("capital and financing: both tables, and a chart of the forecast by category", () => {
    expect(row(deck, 2, "Estates Works")).toEqual(["Estates Works", "7,996", "9,379", "1,622", "6,787", "2,592", "2,101"]);
    expect(row(deck, 2, "Slippage")).toEqual(["Slippage", "(400)", "(400)", "0", "0", "(400)", "(400)"]);
    expect(row(deck, 2, "Total Capital Programme")).toEqual(["Total Capital Programme", "15,100", "17,959", "2,899", "12,322", "5,637", "4,701"]);
    expect(row(deck, 2, "Capital Receipts")).toEqual(["Capital Receipts", "–", "200", "–", "182", "18"]);
    expect(row(deck, 2, "Government grants")).toEqual(["Government grants", "–", "965", "463", "1,322", "(357)"]);
    expect(row(deck, 2, "Borrowing")).toEqual(["Borrowing", "10,731", "12,730", "1,623", "6,754", "5,976"]);
    expect(row(deck, 2, "Total Capital Funding")).toEqual(["Total Capital Funding", "15,100", "17,959", "2,899", "12,322", "5,637"]);
    const doughnut = deck.charts.find((c) => c.includes("<c:doughnutChart>"));
    expect(doughnut).toBeDefined();
    for (const v of ["989", "6787", "2414", "2132"]) expect(doughnut).toContain(`<c:v>${v}</c:v>`);
  });

  it("reserves: the published table, and the general fund % against the band", () => {
    expect(row(deck, 3, "Budget Management Fund")).toEqual(["Budget Management Fund", "819", "(275)", "(200)", "(75)", "544"]);
    expect(row(deck, 3, "Total Earmarked Reserves")).toEqual(["Total Earmarked Reserves", "3,754", "(757)", "(682)", "(75)", "2,997"]);
    expect(row(deck, 3, "General Fund Balance")).toEqual(["General Fund Balance", "5,778", "100", "100", "0", "5,878"]);
    expect(row(deck, 3, "Total Revenue Reserves")).toEqual(["Total Revenue Reserves", "9,532", "(657)", "(582)", "(75)", "8,875"]);
    expect(row(deck, 3, "Capital Receipts Reserve")).toEqual(["Capital Receipts Reserve", "3,617", "0", "0", "0", "3,617"]);
    expect(row(deck, 3, "Total Usable Reserves")).toEqual(["Total Usable Reserves", "13,149", "(657)", "(582)", "(75)", "12,492"]);
    expect(deck.tables[3]![0]![1]).toBe("Opening Balance at 1/4/24\n£000".replace("\n", ""));
    expect(deck.slides[3]).toContain("Forecast 2.08% (£3.571m)");
    expect(deck.slides[3]).toContain("Budgeted 3.42% (£5.878m)");
    expect(deck.slides[3]).toContain("Policy band 3% to 5% of the net budget");
  });

  it("savings: by category and by scheme", () => {
    expect(row(deck, 4, "Service Changes")).toEqual(["Service Changes", "1,200", "0", "900", "900", "300", "0"]);
    expect(row(deck, 4, "Total")).toEqual(["Total", "4,500", "2,700", "900", "3,600", "900", "0"]);
    expect(row(deck, 4, "Service change proposals no longer taken forward")).toEqual(["Service change proposals no longer taken forward", "Service Changes", "300", "0", "Not taken forward"]);
    expect(deck.slides[4]).toContain("there remains £0.9m of savings built into the budget that have not yet been achieved");
  });

  it("RAG summary: each area with its measure and rule, and the revenue lines", () => {
    expect(row(deck, 5, "Revenue")?.slice(0, 4)).toEqual(["Revenue", "Red", "Red", "Adverse variance of £2.307m (1.34% of the net budget)"]);
    expect(row(deck, 5, "Savings")?.slice(0, 4)).toEqual(["Savings", "Amber", "–", "£3.6m of £4.5m planned savings achieved (80.00%)"]);
    expect(row(deck, 5, "Pay & Employment costs")).toEqual(["Pay & Employment costs", "Chief Constable", "(5,191)", "(3.49%)", "Red"]);
  });

  it("loads pptxgenjs only when a deck is built (dynamic import)", () => {
    const source = fs.readFileSync(path.join(ROOT, "src", "slides", "deck.ts"), "utf8");
    expect(source).not.toMatch(/^import\s+(?!type\b)[^;]*from\s+"pptxgenjs"/m);
    expect(source).toContain('await import("pptxgenjs")');
    for (const f of fs.readdirSync(path.join(ROOT, "src", "slides")).filter((x) => x !== "deck.ts")) {
      expect(fs.readFileSync(path.join(ROOT, "src", "slides", f), "utf8")).not.toMatch(/from\s+"pptxgenjs"/);
    }
  });
});

describe("other files give the same deck figures", () => {
  it("the other sign convention flips the variances' brackets and headings only", async () => {
    const model = seedModel();
    const other = await readDeck(await buildDeck(computePosition({ ...model, settings: { ...model.settings, signConvention: "forecast-minus-budget" } })));
    expect(row(other, 1, "Net Budget")).toEqual(["Net Budget", "171,876", "171,875", "84,982", "174,182", "2,307", "R5"]);
    expect(row(other, 1, "Income")?.[5]).toBe("(2,052)");
    expect(other.tables[1]![0]![5]).toBe("Variance adverse / (fav)£000");
    expect(other.slides[0]).toBe(deck.slides[0]); // the overview's words do not change
  });

  it("a £ file (with pence) shows the same £000 tables and narrative", async () => {
    const doc = withRevenueForecast({ ...(inPounds(seedDocument()) as Record<string, unknown>), units: "£" }, "Income", "-34870123.45");
    const pounds = await readDeck(await buildDeck(computePosition(modelFromDocument(doc))));
    expect(pounds.tables).toEqual(deck.tables.map((t, i) => (i === 5 ? pounds.tables[5]! : t))); // RAG rules name amounts in the file's units
    expect(pounds.slides[0]).toBe(deck.slides[0]);
    expect(row(pounds, 5, "Revenue")?.slice(0, 4)).toEqual(row(deck, 5, "Revenue")?.slice(0, 4));
  });

  it("a table too long for its slide carries on over a continuation slide", async () => {
    const doc = seedDocument();
    const reserves = doc.reserves as Array<Record<string, unknown>>;
    const extra = Array.from({ length: 30 }, (_, i) => ({ ...reserves[1], name: `Extra Reserve ${i + 1}` }));
    const long = await readDeck(await buildDeck(computePosition(modelFromDocument({ ...doc, reserves: [...extra, ...reserves] }))));
    expect(long.slides.length).toBeGreaterThan(SLIDES);
    expect(long.slides.some((s) => s.startsWith("USABLE RESERVES (continued)"))).toBe(true);
    const rows = long.tables.flat().filter((r) => /^Extra Reserve \d+$/.test(r[0] ?? ""));
    expect(rows).toHaveLength(30);
    expect(long.tables.flat().find((r) => r[0] === "Total Usable Reserves")).toBeDefined();
  });

  it("revenue table rows are the same as the slide's", () => {
    expect(revenueTable(worked).rows.map((r) => r.cells)).toEqual(deck.tables[1]!.slice(1));
  });
});

describe("a generated year: Q1 closed, Q2 rolled forward", () => {
  it("the Q2 deck shows the movement since Q1 and every area's Q1 RAG", async () => {
    const { q1, q2 } = generatedYear(1_250);
    const generated = await readDeck(await buildDeck(q2));
    fs.writeFileSync(path.join(OUT, "generated-q2.pptx"), await buildDeck(q2));
    expect(generated.slides[0]).toMatch(/improvement of £1\.250m since Q1/);
    expect(generated.tables[0]![0]).toEqual(["RAG Status", "This Period", "Last Period (Q1)"]);
    expect(row(generated, 0, "Revenue")).toEqual(["Revenue", q2.rag.revenue, q1.rag.revenue]);
    expect(row(generated, 0, "Capital")).toEqual(["Capital", q2.rag.capital, q1.rag.capital]);
    expect(row(generated, 0, "Reserves")).toEqual(["Reserves", q2.rag.reserves, q1.rag.reserves]);
    expect(row(generated, 0, "Savings")).toEqual(["Savings", q2.rag.savings, q1.rag.savings]);
    const q1Deck = await readDeck(await buildDeck(q1));
    expect(q1Deck.tables[0]![0]).toEqual(["RAG Status", "This Period", "Last Period"]);
    expect(row(q1Deck, 0, "Revenue")).toEqual(["Revenue", q1.rag.revenue, "Not recorded"]);
  });
});

describe("the command line", () => {
  it("outturn slides <file> --out <deck.pptx> writes the deck", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outturn-slides-"));
    try {
      const out = path.join(dir, "sub", "deck.pptx");
      const r = runCli(["slides", "seeds/q2-2024-25.json", "--out", out]);
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      const fromCli = await readDeck(fs.readFileSync(out));
      expect(fromCli.tables).toEqual(deck.tables);
      const missing = runCli(["slides", "seeds/q2-2024-25.json"]);
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain("--out");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

const describeIfLibreOffice = describeWithEngines({ LibreOffice: sofficeAvailable(), pdftoppm: pdftoppmAvailable() });

describeIfLibreOffice("LibreOffice Impress", () => {
  const pdfPages = (pdf: string) => {
    const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" });
    expect(info.status).toBe(0);
    return Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1]);
  };

  it("converts the worked example's deck to PDF, one page a slide, and renders PNGs", async () => {
    const pdf = await convertToPdf(path.join(OUT, "q2-2024-25.pptx"), path.join(OUT, "pdf"));
    expect(pdfPages(pdf)).toBe(SLIDES);
    const pngs = await pdfToPngs(pdf, OUT, "q2-2024-25", { resolution: 80 });
    expect(pngs).toHaveLength(SLIDES);
  }, 180_000);

  it("converts the generated Q2 deck too", async () => {
    const file = path.join(OUT, "generated-q2.pptx");
    if (!fs.existsSync(file)) fs.writeFileSync(file, await buildDeck(generatedYear(1_250).q2));
    const pdf = await convertToPdf(file, path.join(OUT, "pdf"));
    expect(pdfPages(pdf)).toBe(SLIDES);
    await pdfToPngs(pdf, OUT, "generated-q2", { resolution: 80 });
  }, 180_000);
});
