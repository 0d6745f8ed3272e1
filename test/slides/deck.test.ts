/**
 * The slide deck (src/slides): content read back from the .pptx's slide XML, the slide count from LibreOffice
 * Impress's PDF, and PNGs of every slide in test-output/slides/ to look at. Every deck a test builds is checked as an
 * Office file: each XML part parses (xmllint, when built) and LibreOffice opens it (all of them in one start, at the end).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { computePosition, type Position } from "../../src/engine/position";
import { modelFromDocument } from "../../src/model/load";
import { buildDeck, type DeckOptions } from "../../src/slides";
import { DRAFT_LABEL } from "../../src/slides/deck";
import { LINES_SHOWN, otherLinesName, withOtherLines } from "../../src/slides/other-lines";
import { revenueTable } from "../../src/slides/tables";
import { MONITORED_COLUMNS } from "../../src/engine/rows";
import { worst } from "../../src/engine/rag";
import type { Check } from "../../src/engine/checks";
import { sum } from "../../src/model/amount";
import { convertManyToPdf, pdfToPngs, pdftoppmAvailable, sofficeAvailable } from "../support/libreoffice";
import { xmlPartProblems, zipEntryMethods } from "../support/ooxml";
import { withRevenueLines } from "./sized-period";
import { runCli } from "../support/cli";
import { letPptxgenjsRunInJest } from "./pptxgenjs-in-jest";
import { ROOT, generatedYear, inPounds, seedDocument, seedModel, withRevenueForecast } from "../history/fixtures";
import { describeWithEngines } from "../support/engines";
import { closedMonths } from "../support/monthly-year";

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

/** Every deck the tests wrote (name -> file and slide count), for LibreOffice to open at the end. */
const written = new Map<string, { file: string; slides: number }>();

/** Checks a deck as an Office file (every XML part parses) and keeps it in test-output/slides/ for LibreOffice. */
async function checked(name: string, bytes: Uint8Array): Promise<Deck> {
  expect(await xmlPartProblems(bytes)).toEqual([]);
  const file = path.join(OUT, `${name}.pptx`);
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(file, bytes);
  const read = await readDeck(bytes);
  written.set(name, { file, slides: read.slides.length });
  return read;
}

/** buildDeck, checked. */
async function built(name: string, position: Position, options?: DeckOptions): Promise<Deck> {
  return checked(name, await buildDeck(position, options));
}

let worked: Position;
let bytes: Uint8Array;
let deck: Deck;

beforeAll(async () => {
  worked = computePosition(seedModel());
  bytes = await buildDeck(worked);
  deck = await checked("q2-2024-25", bytes);
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
    const other = await built("forecast-minus-budget", computePosition({ ...model, settings: { ...model.settings, signConvention: "forecast-minus-budget" } }));
    expect(row(other, 1, "Net Budget")).toEqual(["Net Budget", "171,876", "171,875", "84,982", "174,182", "2,307", "R5"]);
    expect(row(other, 1, "Income")?.[5]).toBe("(2,052)");
    expect(other.tables[1]![0]![5]).toBe("Variance adverse / (fav)£000");
    expect(other.slides[0]).toBe(deck.slides[0]); // the overview's words do not change
  });

  it("a £ file (with pence) shows the same £000 tables and narrative", async () => {
    const doc = withRevenueForecast({ ...(inPounds(seedDocument()) as Record<string, unknown>), units: "£" }, "Income", "-34870123.45");
    const pounds = await built("pounds", computePosition(modelFromDocument(doc)));
    expect(pounds.tables).toEqual(deck.tables.map((t, i) => (i === 5 ? pounds.tables[5]! : t))); // RAG rules name amounts in the file's units
    expect(pounds.slides[0]).toBe(deck.slides[0]);
    expect(row(pounds, 5, "Revenue")?.slice(0, 4)).toEqual(row(deck, 5, "Revenue")?.slice(0, 4));
  });

  it("a table too long for its slide carries on over a continuation slide", async () => {
    const doc = seedDocument();
    const reserves = doc.reserves as Array<Record<string, unknown>>;
    const extra = Array.from({ length: 30 }, (_, i) => ({ ...reserves[1], name: `Extra Reserve ${i + 1}` }));
    const long = await built("long-reserves", computePosition(modelFromDocument({ ...doc, reserves: [...extra, ...reserves] })));
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
    const generated = await built("generated-q2", q2);
    expect(generated.slides[0]).toMatch(/improvement of £1\.250m since Q1/);
    expect(generated.tables[0]![0]).toEqual(["RAG Status", "This Period", "Last Period (Q1)"]);
    expect(row(generated, 0, "Revenue")).toEqual(["Revenue", q2.rag.revenue, q1.rag.revenue]);
    expect(row(generated, 0, "Capital")).toEqual(["Capital", q2.rag.capital, q1.rag.capital]);
    expect(row(generated, 0, "Reserves")).toEqual(["Reserves", q2.rag.reserves, q1.rag.reserves]);
    expect(row(generated, 0, "Savings")).toEqual(["Savings", q2.rag.savings, q1.rag.savings]);
    const q1Deck = await built("generated-q1", q1);
    expect(q1Deck.tables[0]![0]).toEqual(["RAG Status", "This Period", "Last Period"]);
    expect(row(q1Deck, 0, "Revenue")).toEqual(["Revenue", q1.rag.revenue, "Not recorded"]);
  });
});

describe("a monthly year closed M01 to M05, M06 open (issue 13): the trend and bridge slides", () => {
  // The figures are worked out by hand in test/engine/monthly-trend.test.ts; here, that the slides carry them.
  let monthly: Deck;
  beforeAll(async () => {
    monthly = await built("monthly-m06", computePosition(closedMonths(6)));
  });

  it("adds the year so far and the bridge after the revenue slide", () => {
    expect(monthly.slides.map((s) => s.split("\n")[0])).toEqual([
      "2025/26 SEPTEMBER (MONTH 6) FINANCIAL REPORT – OVERVIEW", "REVENUE BUDGET MONITORING", "THE YEAR SO FAR: M01 TO M06",
      "FORECAST VARIANCE: WHAT MOVED IT SINCE M05", "CAPITAL BUDGET MONITORING AND FINANCING", "USABLE RESERVES", "DELIVERY OF SAVINGS", "RAG SUMMARY",
    ]);
  });

  it("the year so far: two native line charts and the figures by period", () => {
    expect(monthly.tables[2]).toEqual([
      ["", "M01", "M02", "M03", "M04", "M05", "M06 (now)"],
      ["Forecast variance £000", "(10)", "(24)", "(13)", "(28)", "(18)", "(26)"],
      ["Movement £000", "–", "(14)", "11", "(14)", "10", "(8)"],
      ["General Fund % of net budget", "4.11%", "3.27%", "3.90%", "3.08%", "3.64%", "3.19%"],
      ["Revenue RAG", "Amber", "Red", "Amber", "Red", "Red", "Red"],
    ]);
    const lines = monthly.charts.filter((c) => c.includes("<c:lineChart>"));
    expect(lines).toHaveLength(2);
    // The variance by period in £000 (exact, not rounded), and the General Fund % with the band's lines.
    expect([...lines[0]!.matchAll(/<c:v>(-?[\d.]+)<\/c:v>/g)].map((m) => Number(m[1]))).toEqual([-10, -24.3, -13.45, -27.55, -17.9, -25.6]);
    expect(lines[1]).toContain("Minimum 3%");
    expect(lines[1]).toContain("Maximum 5%");
  });

  it("the bridge: the table from M05 to M06, largest first with the other lines, beside a waterfall of stacked bars", () => {
    expect(monthly.tables[3]).toEqual([
      ["", "£000", "Movement"],
      ["Forecast variance at M05", "(18)", ""],
      ["Pay", "(16)", "deterioration"],
      ["Transfers to/(from) reserves", "6", "improvement"],
      ["Supplies", "4", "improvement"],
      ["Gritting", "(3)", "deterioration"],
      ["Utilities", "2", "improvement"],
      ["Fuel", "(1)", "deterioration"],
      ["Other lines (2)", "0", "deterioration"],
      ["Forecast variance at M06", "(26)", ""],
    ]);
    const bar = monthly.charts.find((c) => c.includes("<c:grouping val=\"stacked\"/>"));
    expect(bar).toBeDefined();
    expect(bar).toContain("<a:noFill/>"); // the invisible base the bars float on
    expect(bar).toContain("Other lines (2)");
  });

  it("a draft deck (a period with errors) has them too, every slide marked DRAFT", async () => {
    const m = closedMonths(6);
    const draft = await built("monthly-m06-draft", computePosition(m), { draft: { errors: [{ id: "text-in-amount", severity: "error", message: "holds text", where: "Revenue!E7", place: { area: "revenue", row: null, column: null } }] } });
    expect(draft.slides).toHaveLength(monthly.slides.length + 1);
    for (const s of draft.slides) expect(s).toContain(DRAFT_LABEL);
  });
});

describe("a file PowerPoint can open, however the text was typed", () => {
  it("is deflated (every zip entry), and the worked example's deck is under 100 KB", () => {
    const entries = zipEntryMethods(bytes);
    expect(entries.length).toBeGreaterThan(20);
    expect(entries.filter((e) => e.size > 0 && e.method !== 8).map((e) => e.name)).toEqual([]);
    expect(bytes.length).toBeLessThan(100 * 1024);
  });

  it("escapes & < > in the organisation (app.xml's Company included) and shows control characters pasted from Word", async () => {
    const doc = seedDocument();
    const organisation = `Avon & Somerset <Police> "PCC" 'Office'`;
    doc.organisation = organisation;
    const groups = (doc.revenue as { groups: Array<{ lines: Array<Record<string, unknown>> }> }).groups;
    Object.assign(groups[0]!.lines[1]!, { name: "Pay\vawards", commentary: "Nul\u0000 unit\u001F bad\uFFFE half\uD800 end" });
    ((doc.capital as { lines: Array<Record<string, unknown>> }).lines[0]!).name = "Vans\f & cars";
    const bytes = await buildDeck(computePosition(modelFromDocument(doc)));
    const hostile = await checked("hostile-text", bytes);
    const zip = await JSZip.loadAsync(bytes);
    const app = await zip.file("docProps/app.xml")!.async("string");
    expect(decode(/<Company>([^<]*)<\/Company>/.exec(app)?.[1] ?? "")).toBe(organisation);
    const core = await zip.file("docProps/core.xml")!.async("string");
    expect(decode(/<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1] ?? "")).toBe(`${organisation}: 2024/25 Quarter 2 financial report`);
    expect(hostile.slides.join("\n")).toContain(`${organisation} · 2024/25`);
    expect(row(hostile, 1, "Pay\u240Bawards")).toBeDefined(); // the vertical tab shown as ␋, not dropped
    expect(row(hostile, 2, "Vans\u240C & cars")).toBeDefined();
    expect(hostile.slides[1]).toContain("Nul\u2400 unit\u241F bad\uFFFD half\uFFFD end");
    expect(hostile.charts.join("")).toContain("<c:v>Pay\u240Bawards</c:v>");
  });
});

describe("a draft deck, from a period with errors", () => {
  const error = (where: string, message: string): Check => ({ id: "text-in-amount", severity: "error", message, where, place: { area: "revenue", row: null, column: null } });
  const errors = [
    error("Revenue!E8", "holds the text \"153,797\", not an amount: type the number without commas or £"),
    error("Capital!B8", "holds the text \"abc\", not an amount: type a number, or leave it blank"),
  ];

  it("says DRAFT on every slide, and lists the errors (where and what) on the first", async () => {
    const draft = await built("draft", worked, { draft: { errors } });
    expect(draft.slides).toHaveLength(SLIDES + 1);
    for (const s of draft.slides) {
      expect(s).toContain(DRAFT_LABEL);
      expect(s).toContain("DRAFT, not for publication: the period has 2 error(s)");
    }
    expect(draft.slides[0]!.split("\n")[0]).toBe("DRAFT: THE FIGURES HAVE ERRORS");
    expect(draft.tables[0]).toEqual([["Where", "What is wrong"], ...errors.map((e) => [e.where, e.message])]);
    // The figures' slides follow, as in a clean deck.
    expect(draft.tables.slice(1)).toEqual(deck.tables);
    expect(deck.slides.join("\n")).not.toContain("DRAFT");
  });

  it("with more errors than fit, lists those that fit and says how many more", async () => {
    const many = Array.from({ length: 60 }, (_, i) => error(`Revenue!E${i + 7}`, `holds the text "x${i}", not an amount: type a number`));
    const draft = await built("draft-many", worked, { draft: { errors: many } });
    expect(draft.slides).toHaveLength(SLIDES + 1);
    const listed = draft.tables[0]!.length - 1;
    expect(listed).toBeGreaterThan(5);
    expect(draft.tables[0]!.slice(1)).toEqual(many.slice(0, listed).map((e) => [e.where, e.message]));
    expect(draft.slides[0]).toContain(`…and ${60 - listed} more not shown here`);
  });
});

describe("a period with hundreds of lines", () => {
  const LINES = 300;
  let big: Position;
  beforeAll(() => {
    big = computePosition(withRevenueLines(seedModel(), LINES));
  });

  it("keeps to a screenful: the largest lines by |variance| and one Other lines row, totals unchanged", async () => {
    const many = await built("many-lines", big);
    // As many slides as for ten times the lines: the revenue table keeps to one slide, the RAG summary to two.
    const bigger = await readDeck(await buildDeck(computePosition(withRevenueLines(seedModel(), LINES * 10))));
    expect(many.slides.map((s) => s.split("\n")[0])).toEqual(bigger.slides.map((s) => s.split("\n")[0]));
    expect(many.slides.filter((s) => s.startsWith("REVENUE BUDGET MONITORING"))).toHaveLength(1);
    expect(many.slides.length).toBeLessThanOrEqual(SLIDES + 1);
    const table = many.tables[1]!;
    const lineRows = table.filter((r) => /^.+ \d+$/.test(r[0] ?? "") && !r[0]!.startsWith("Other lines"));
    expect(lineRows).toHaveLength(LINES_SHOWN);
    const largest = [...big.revenue.groups[0]!.lines].sort((a, b) => b.variance.abs().comparedTo(a.variance.abs())).slice(0, LINES_SHOWN);
    expect(lineRows.map((r) => r[0]).sort()).toEqual(largest.map((l) => l.line.name).sort());
    expect(row(many, 1, otherLinesName(LINES - LINES_SHOWN))).toBeDefined();
    const full = revenueTable(big).rows.map((r) => r.cells);
    for (const total of ["Total Chief Constable", "Total Net Revenue Expenditure", "Net Budget"]) {
      expect(row(many, 1, total)).toEqual(full.find((r) => r[0] === total));
    }
    expect(row(many, 1, "OPCC")).toBeDefined(); // a group's one line not shown among the largest is shown, not "Other lines (1)"
    expect(many.slides[1]).toMatch(/…and \d+ more comments, not shown here\./); // the commentary keeps to the room left
    expect(row(many, 5, otherLinesName(LINES - LINES_SHOWN))).toBeDefined(); // the RAG summary's lines too
    expect(many.charts.find((c) => c.includes("<c:barChart>"))).toContain(`<c:v>${otherLinesName(LINES - LINES_SHOWN)}</c:v>`);
  });

  it("Other lines adds the hidden lines column by column, and carries their worst RAG", () => {
    const grouped = withOtherLines(big).revenue.groups[0]!;
    const group = big.revenue.groups[0]!;
    for (const c of MONITORED_COLUMNS) expect(sum(grouped.lines.map((l) => l.line[c])).equals(group.total[c])).toBe(true);
    expect(sum(grouped.lines.map((l) => l.variance)).equals(group.total.variance)).toBe(true);
    const other = grouped.lines.at(-1)!;
    const hidden = group.lines.filter((l) => !grouped.lines.includes(l));
    expect(hidden).toHaveLength(LINES - LINES_SHOWN);
    expect(other.rag).toBe(worst(...hidden.map((l) => l.rag)));
    expect(withOtherLines(worked)).toBe(worked); // a screenful already: nothing grouped
  });

  it("shows every line over continuation slides when asked for all lines", async () => {
    const some = 60; // enough to carry over; LibreOffice takes about a second a slide to open it at the end
    const all = await built("many-lines-all", computePosition(withRevenueLines(seedModel(), some)), { allLines: true });
    expect(all.slides.length).toBeGreaterThan(SLIDES + 1);
    expect(all.tables.flat().filter((r) => /^.+ \d+$/.test(r[0] ?? "") && r.length === 7)).toHaveLength(some);
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
      const fromCli = await checked("from-cli", fs.readFileSync(out));
      // In Node the deck is deflated by pptxgenjs's own zip (its STREAM output), in jest and browsers by JSZip again.
      expect(zipEntryMethods(fs.readFileSync(out)).filter((e) => e.size > 0 && e.method !== 8).map((e) => e.name)).toEqual([]);
      expect(fs.statSync(out).size).toBeLessThan(100 * 1024);
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

  it("opens every deck the tests wrote, one PDF page a slide (one LibreOffice start), and renders PNGs", async () => {
    const decks = [...written.entries()];
    expect(decks.map(([name]) => name)).toEqual(expect.arrayContaining(["q2-2024-25", "generated-q2", "hostile-text", "draft", "many-lines", "from-cli", "monthly-m06"]));
    const pdfs = await convertManyToPdf(decks.map(([, d]) => d.file), path.join(OUT, "pdf"));
    expect(decks.map(([name], i) => [name, pdfPages(pdfs[i]!)])).toEqual(decks.map(([name, d]) => [name, d.slides]));
    for (const name of ["q2-2024-25", "generated-q2", "draft", "many-lines", "monthly-m06"]) {
      const pngs = await pdfToPngs(pdfs[decks.findIndex(([n]) => n === name)]!, OUT, name, { resolution: 80 });
      expect(pngs).toHaveLength(written.get(name)!.slides);
    }
  }, 300_000);
});
