/**
 * The quarterly slide deck (16:9, PowerPoint) of a period's position, with pptxgenjs:
 *   1. overview: the narrative, and the RAG of revenue, capital, reserves and savings this period and last period
 *   2. revenue: the revenue monitoring table (£000, negatives in brackets), commentary, a bar chart of variances by line
 *      then, once two earlier periods are closed, the year so far (forecast variance and General Fund % by period),
 *      and, once an earlier period was closed with its lines, the bridge from its forecast variance to this one
 *   3. capital and financing: the capital narrative, both tables, a doughnut chart of the capital forecast by category
 *   4. reserves: the usable reserves table, and the general fund % against the reserves policy band
 *   5. savings: savings by category and by scheme with their status
 *   6. RAG summary: each area's RAG, the measure and the rule; the revenue lines' RAG
 * A table too long for its slide carries on over extra slides. Charts are native (editable in PowerPoint).
 *
 * pptxgenjs is loaded by dynamic import, so it is only fetched when a deck is built (the task pane's first load stays
 * small). Works in Node and in the browser: the result is the .pptx file's bytes.
 */
import type PptxGenJS from "pptxgenjs";
import type { Decimal, Rag } from "../model/types";
import { monthsElapsed, periodLabel } from "../model/period";
import { bracketed, money, formatPct, formatRate, pctFigure, pctPlaces } from "../engine/format";
import { NOT_ENTERED, type StrengthFigures, type WorkforcePosition, strengthByMonth } from "../engine/workforce";
import type { Position } from "../engine/position";
import type { GeneralFundPosition } from "../engine/reserves";
import { type Check, boardName } from "../engine/checks";
import { capitalParagraph, narrative, reservesParagraph, savingsParagraph, workforceParagraph } from "../narrative/narrative";
import {
  type TableSpec, capitalForecastSeries, headlineTiles, niceBound, capitalTable, financingTable, ragStatus, ragTable, reservesTable,
  revenueCommentary, revenueLinesRagTable, revenueTable, revenueVarianceSeries, savingsSchemesTable, savingsTable,
} from "./tables";
import { withOtherLines } from "./other-lines";
import { bridgeTable, bridgeWaterfall, trendSeries, trendTable } from "./trend";
import { TREND_MIN_POINTS, trendOf } from "../engine/trend";
import { bridgeOf } from "../engine/bridge";
import { escapeXml, xmlSafeDeep, xmlSafeText } from "./xml-text";

type Pptx = PptxGenJS;
type Slide = PptxGenJS.Slide;

/** Slide size of LAYOUT_WIDE (16:9), inches. */
export const SLIDE_W = 13.333;
export const SLIDE_H = 7.5;
const MARGIN = 0.45;
const CONTENT_TOP = 1.05;
const CONTENT_BOTTOM = 6.95;
const FONT = "Arial";

export const COLOURS = {
  navy: "1F3864",
  text: "222222",
  muted: "595959",
  rule: "BFBFBF",
  subtotal: "F2F2F2",
  total: "D9E1F2",
  favourable: "2E7D32",
  adverse: "C62828",
  neutral: "7F7F7F",
} as const;

/** RAG fills, with a text colour readable on each (the word is always written too, not colour alone). */
export const RAG_FILL: Record<Rag, { fill: string; text: string }> = {
  Red: { fill: "C00000", text: "FFFFFF" },
  Amber: { fill: "FFC000", text: "000000" },
  Green: { fill: "00B050", text: "FFFFFF" },
};

const CAPITAL_COLOURS = ["1F3864", "2E75B6", "9DC3E6", "548235", "A9D18E", "BF9000", "FFD966", "7030A0", "C55A11", "F4B183"];

/** The pptxgenjs constructor, loaded on first use. */
async function loadPptxGenJS(): Promise<new () => Pptx> {
  const mod = (await import("pptxgenjs")) as unknown as { default?: unknown };
  // ESM gives { default: class }; CommonJS interop can nest it once more.
  const candidate = (mod.default as { default?: unknown } | undefined)?.default ?? mod.default ?? mod;
  return candidate as new () => Pptx;
}

/** JSZip, loaded on first use (already a dependency of pptxgenjs, so it adds nothing to the task pane's bundle). */
async function loadJSZip(): Promise<typeof import("jszip")> {
  const mod = (await import("jszip")) as unknown as { default?: typeof import("jszip") };
  return mod.default ?? (mod as unknown as typeof import("jszip"));
}

// ---- text layout estimates (only used to place things below tables; LibreOffice and PowerPoint grow rows to fit) ----

/** Rough number of lines `text` takes in a box `widthIn` wide at `fontPt` (Arial averages about half an em a character). */
export function estimateLines(text: string, widthIn: number, fontPt: number): number {
  const perLine = Math.max(1, Math.floor((widthIn * 72) / (fontPt * 0.5)));
  return text.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
}

function lineHeightIn(fontPt: number): number {
  return (fontPt * 1.2) / 72;
}

interface Box { x: number; y: number; w: number }
interface TableStyle { fontPt: number; headerFontPt: number }

const CELL_MARGIN: [number, number, number, number] = [0.03, 0.06, 0.03, 0.06];

/** Row heights (inches) of a table laid out `w` wide. */
function rowHeights(spec: TableSpec, w: number, style: TableStyle): number[] {
  const colW = scaleWidths(spec.widths, w);
  const pad = CELL_MARGIN[0] + CELL_MARGIN[2] + 0.04;
  const height = (cells: string[], pt: number) =>
    Math.max(...cells.map((c, i) => estimateLines(c, (colW[i] ?? 1) - CELL_MARGIN[1] - CELL_MARGIN[3], pt))) * lineHeightIn(pt) + pad;
  return [height(spec.header, style.headerFontPt), ...spec.rows.map((r) => height(r.cells, style.fontPt))];
}

function scaleWidths(widths: number[], w: number): number[] {
  const total = widths.reduce((a, b) => a + b, 0);
  return widths.map((x) => (x / total) * w);
}

const thin = (color: string): PptxGenJS.BorderProps => ({ type: "solid", pt: 0.5, color });
const none: PptxGenJS.BorderProps = { type: "none" };

function tableRows(spec: TableSpec, rows: TableSpec["rows"], style: TableStyle): PptxGenJS.TableRow[] {
  const header: PptxGenJS.TableRow = spec.header.map((text, i) => ({
    text,
    options: {
      bold: true, color: "FFFFFF", fill: { color: COLOURS.navy }, fontSize: style.headerFontPt, fontFace: FONT,
      align: (spec.align[i] ?? "left") === "left" ? "left" : "center", valign: "bottom", margin: CELL_MARGIN, border: [none, none, thin(COLOURS.navy), none],
    },
  }));
  const body = rows.map((r): PptxGenJS.TableRow =>
    r.cells.map((text, i) => {
      const rag = r.rag?.[i];
      const emphasis = r.style !== "line";
      const fill = rag ? RAG_FILL[rag].fill : r.style === "total" ? COLOURS.total : r.style === "subtotal" ? COLOURS.subtotal : "FFFFFF";
      const top = r.style === "total" ? { type: "solid" as const, pt: 1, color: COLOURS.navy } : none;
      return {
        text,
        options: {
          bold: emphasis || !!rag, fontSize: style.fontPt, fontFace: FONT,
          color: rag ? RAG_FILL[rag].text : COLOURS.text,
          fill: { color: fill },
          align: spec.align[i] ?? "left", valign: "middle", margin: CELL_MARGIN,
          border: [top, none, thin(COLOURS.rule), none],
        },
      };
    }),
  );
  return [header, ...body];
}

/**
 * Places the rows of `spec` from `from` at `box`, as many as fit above `bottom`; returns the index of the first row
 * left over (for a continuation slide) and the y just below what was placed. `heights` are the table's row heights
 * (header first), computed once for the whole table: recomputing them for each continuation slide made long decks
 * quadratic (issue 16).
 */
function placeTable(slide: Slide, spec: TableSpec, heights: number[], from: number, box: Box, bottom: number, style: TableStyle): { next: number; end: number } {
  const rowH = (i: number) => heights[i + 1] ?? 0;
  let used = heights[0] ?? 0.4;
  let next = from;
  while (next < spec.rows.length && box.y + used + rowH(next) <= bottom) used += rowH(next++);
  if (next === from && from < spec.rows.length) used += rowH(next++); // never an empty table
  slide.addTable(tableRows(spec, spec.rows.slice(from, next), style), {
    x: box.x, y: box.y, w: box.w, colW: scaleWidths(spec.widths, box.w), rowH: [heights[0] ?? 0.4, ...heights.slice(from + 1, next + 1)], fontFace: FONT,
  });
  return { next, end: box.y + used };
}

// ---- slide furniture ----

interface DeckContext {
  pptx: Pptx;
  position: Position;
  /** The position as the tables and charts show it: small lines grouped (other-lines.ts) unless every line is asked for. */
  shown: Position;
  /** "2024/25 QUARTER 2 FINANCIAL REPORT" */
  reportTitle: string;
  footer: string;
  /** The error checks of a draft deck (every slide then says DRAFT); null for a clean one. */
  draft: Check[] | null;
  slides: Slide[];
}

const SLIDE_WRITES = new Set<PropertyKey>(["addText", "addTable", "addChart", "addShape", "addNotes"]);

/** The slide, with every string given to it made XML-safe (xml-text.ts): one gate for all the deck's text. */
function xmlSafeSlide(slide: Slide): Slide {
  return new Proxy(slide, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== "function" || !SLIDE_WRITES.has(prop)) return value;
      return (...args: unknown[]) => {
        (value as (...a: unknown[]) => unknown).apply(target, args.map(xmlSafeDeep));
        return receiver as Slide;
      };
    },
  });
}

export const DRAFT_LABEL = "DRAFT: figures incomplete";

function newSlide(ctx: DeckContext, title: string): Slide {
  const slide = xmlSafeSlide(ctx.pptx.addSlide());
  ctx.slides.push(slide);
  slide.background = { color: "FFFFFF" };
  slide.addShape(ctx.pptx.ShapeType.rect, { x: 0, y: 0, w: SLIDE_W, h: 0.12, fill: { color: COLOURS.navy }, line: { color: COLOURS.navy } });
  const titleW = SLIDE_W - 2 * MARGIN - (ctx.draft ? 3.1 : 0);
  slide.addText(title, { x: MARGIN, y: 0.28, w: titleW, h: 0.6, fontFace: FONT, fontSize: 22, bold: true, color: COLOURS.navy, valign: "middle", margin: 0, fit: "shrink" });
  if (ctx.draft) {
    slide.addText(DRAFT_LABEL, { x: SLIDE_W - MARGIN - 3, y: 0.33, w: 3, h: 0.5, fontFace: FONT, fontSize: 14, bold: true, color: "FFFFFF", fill: { color: COLOURS.adverse }, align: "center", valign: "middle", margin: 0 });
  }
  slide.addShape(ctx.pptx.ShapeType.line, { x: MARGIN, y: 0.92, w: SLIDE_W - 2 * MARGIN, h: 0, line: { color: COLOURS.rule, width: 0.75 } });
  const footer = ctx.draft ? `DRAFT, not for publication: the period has ${ctx.draft.length} error(s), listed on the first slide · ${ctx.footer}` : ctx.footer;
  slide.addText(footer, { x: MARGIN, y: 7.08, w: SLIDE_W - 2 * MARGIN - 1, h: 0.3, fontFace: FONT, fontSize: 9, color: ctx.draft ? COLOURS.adverse : COLOURS.muted, bold: !!ctx.draft, valign: "middle", margin: 0 });
  slide.slideNumber = { x: SLIDE_W - MARGIN - 0.6, y: 7.08, w: 0.6, h: 0.3, fontFace: FONT, fontSize: 9, color: COLOURS.muted, align: "right" };
  return slide;
}

function paragraphs(slide: Slide, texts: string[], box: Box & { h: number }, fontPt: number): void {
  slide.addText(
    texts.map((t, i) => ({ text: t, options: { breakLine: i < texts.length - 1, paraSpaceAfter: 8 } })),
    { x: box.x, y: box.y, w: box.w, h: box.h, fontFace: FONT, fontSize: fontPt, color: COLOURS.text, valign: "top", margin: 0, paraSpaceAfter: 8 },
  );
}

/** Height (inches) of paragraphs at `fontPt` in a box `w` wide, with the spacing after each. */
function paragraphsHeight(texts: string[], w: number, fontPt: number): number {
  return texts.reduce((h, t) => h + estimateLines(t, w, fontPt) * lineHeightIn(fontPt) + 8 / 72, 0);
}

/** A table, carried on over as many continuation slides as it needs. Returns the slide the table ends on and the y just below it. */
function tableWithContinuation(ctx: DeckContext, slide: Slide, title: string, spec: TableSpec, box: Box, bottom: number, style: TableStyle): { slide: Slide; end: number } {
  const heights = rowHeights(spec, box.w, style);
  let { next, end } = placeTable(slide, spec, heights, 0, box, bottom, style);
  let last = slide;
  while (next < spec.rows.length) {
    last = newSlide(ctx, `${title} (continued)`);
    ({ next, end } = placeTable(last, spec, heights, next, { x: box.x, y: CONTENT_TOP, w: box.w }, CONTENT_BOTTOM, style));
  }
  return { slide: last, end };
}

function note(slide: Slide, text: string, box: Box, fontPt = 9): number {
  const h = estimateLines(text, box.w, fontPt) * lineHeightIn(fontPt) + 0.05;
  slide.addText(text, { x: box.x, y: box.y, w: box.w, h, fontFace: FONT, fontSize: fontPt, italic: true, color: COLOURS.muted, valign: "top", margin: 0 });
  return box.y + h;
}

// ---- the slides ----

/** `none`: said in grey where there is no RAG (a closed period's not recorded; figures not yet entered). */
function ragCell(rag: Rag | null, none = "Not recorded"): PptxGenJS.TableCell {
  const base = { fontFace: FONT, fontSize: 12, bold: true, align: "center" as const, valign: "middle" as const, border: [thin("FFFFFF"), thin("FFFFFF"), thin("FFFFFF"), thin("FFFFFF")] as [PptxGenJS.BorderProps, PptxGenJS.BorderProps, PptxGenJS.BorderProps, PptxGenJS.BorderProps] };
  return rag
    ? { text: rag, options: { ...base, fill: { color: RAG_FILL[rag].fill }, color: RAG_FILL[rag].text } }
    : { text: none, options: { ...base, bold: false, fontSize: 10, fill: { color: "EDEDED" }, color: COLOURS.muted } };
}

/** The headline figures as four tiles across the slide, each edged in its RAG colour (and naming it). */
function tiles(ctx: DeckContext, slide: Slide, y: number): void {
  const all = headlineTiles(ctx.position);
  const gap = 0.25;
  const w = (SLIDE_W - 2 * MARGIN - gap * (all.length - 1)) / all.length;
  const h = CONTENT_BOTTOM - y;
  all.forEach((t, i) => {
    const x = MARGIN + i * (w + gap);
    const rag = RAG_FILL[t.rag];
    slide.addShape(ctx.pptx.ShapeType.rect, { x, y, w, h, fill: { color: "F7F9FC" }, line: { color: COLOURS.rule, width: 0.75 } });
    slide.addShape(ctx.pptx.ShapeType.rect, { x, y, w: 0.12, h, fill: { color: rag.fill }, line: { color: rag.fill, width: 0 } });
    slide.addText(t.title, { x: x + 0.25, y: y + 0.1, w: w - 1.2, h: 0.3, fontFace: FONT, fontSize: 10, bold: true, color: COLOURS.muted, margin: 0, valign: "middle" });
    slide.addText(t.rag, { x: x + w - 0.95, y: y + 0.1, w: 0.8, h: 0.28, fontFace: FONT, fontSize: 9, bold: true, color: rag.text, fill: { color: rag.fill }, align: "center", valign: "middle", margin: 0 });
    slide.addText(t.value, { x: x + 0.25, y: y + 0.45, w: w - 0.4, h: 0.45, fontFace: FONT, fontSize: 18, bold: true, color: COLOURS.navy, margin: 0, valign: "middle", fit: "shrink" });
    slide.addText(t.caption, { x: x + 0.25, y: y + 0.95, w: w - 0.4, h: h - 1.05, fontFace: FONT, fontSize: 9.5, color: COLOURS.text, margin: 0, valign: "top" });
  });
}

function overviewSlide(ctx: DeckContext): void {
  const p = ctx.position;
  const slide = newSlide(ctx, `${ctx.reportTitle} – OVERVIEW`);
  const textW = 8.1;
  const texts = narrative(p);
  const tilesY = 5.25;
  const textH = tilesY - 0.2 - (CONTENT_TOP + 0.1);
  let font = 13;
  while (font > 9 && paragraphsHeight(texts, textW, font) > textH) font -= 0.5;
  paragraphs(slide, texts, { x: MARGIN, y: CONTENT_TOP + 0.1, w: textW, h: textH }, font);
  tiles(ctx, slide, tilesY);

  const x = MARGIN + textW + 0.4;
  const w = SLIDE_W - MARGIN - x;
  const previous = p.movement?.previous ?? null;
  const head = (text: string): PptxGenJS.TableCell => ({ text, options: { bold: true, color: "FFFFFF", fill: { color: COLOURS.navy }, fontFace: FONT, fontSize: 11, align: "center", valign: "middle" } });
  const rows: PptxGenJS.TableRow[] = [
    [head("RAG Status"), head("This Period"), head(previous ? `Last Period (${previous.period})` : "Last Period")],
    ...ragStatus(p).map((r): PptxGenJS.TableRow => [
      { text: r.label, options: { bold: true, fontFace: FONT, fontSize: 12, color: COLOURS.text, valign: "middle", fill: { color: COLOURS.subtotal } } },
      ragCell(r.thisPeriod),
      ragCell(r.lastPeriod),
    ]),
  ];
  slide.addTable(rows, { x, y: CONTENT_TOP + 0.1, w, colW: [w * 0.34, w * 0.33, w * 0.33], rowH: [0.55, 0.6, 0.6, 0.6, 0.6], fontFace: FONT });
  const status = `${p.model.organisation}, ${p.model.financialYear} ${periodLabel(p.model.period)}.` + (previous ? ` Last period: ${previous.period}${previous.closedOn ? `, closed ${previous.closedOn}` : ""}.` : " No earlier period has been closed this year.");
  note(slide, status, { x, y: CONTENT_TOP + 0.1 + 2.95 + 0.2, w }, 10);
}

function revenueSlide(ctx: DeckContext): void {
  const p = ctx.shown;
  const title = "REVENUE BUDGET MONITORING";
  const slide = newSlide(ctx, title);
  const tableW = 8.3;
  const spec = revenueTable(p);
  const { end } = tableWithContinuation(ctx, slide, title, spec, { x: MARGIN, y: CONTENT_TOP, w: tableW }, CONTENT_BOTTOM, { fontPt: 10, headerFontPt: 9 });

  // Commentary under the table, shortened to the room left.
  const comments = revenueCommentary(p);
  const room = CONTENT_BOTTOM - end - 0.15;
  if (comments.length > 0 && room > 0.4) {
    let font = 9;
    let texts = comments;
    while (paragraphsHeight(texts, tableW, font) > room && font > 7.5) font -= 0.5;
    if (paragraphsHeight(texts, tableW, font) > room) {
      const limit = Math.max(80, Math.floor(((room / texts.length) / lineHeightIn(font)) * ((tableW * 72) / (font * 0.5)) * 0.85));
      texts = texts.map((t) => (t.length > limit ? `${t.slice(0, limit - 1).trimEnd()}…` : t));
    }
    if (paragraphsHeight(texts, tableW, font) > room) {
      // Still too many to fit: those that do, in order, and how many are left out.
      const more = (k: number) => `…and ${k} more comment${k === 1 ? "" : "s"}, not shown here.`;
      const heights = texts.map((t) => paragraphsHeight([t], tableW, font));
      let used = paragraphsHeight([more(texts.length)], tableW, font);
      let keep = 0;
      while (keep < texts.length && used + (heights[keep] ?? 0) <= room) used += heights[keep++] ?? 0;
      texts = [...texts.slice(0, keep), more(texts.length - keep)];
    }
    slide.addText(
      texts.map((t, i) => ({ text: t, options: { breakLine: i < texts.length - 1 } })),
      { x: MARGIN, y: end + 0.15, w: tableW, h: room, fontFace: FONT, fontSize: font, color: COLOURS.muted, valign: "top", margin: 0, paraSpaceAfter: 3 },
    );
  }

  const series = revenueVarianceSeries(p);
  const chartX = MARGIN + tableW + 0.3;
  const chartW = SLIDE_W - MARGIN - chartX;
  slide.addText("Revenue variances by line (£000)", { x: chartX, y: CONTENT_TOP, w: chartW, h: 0.35, fontFace: FONT, fontSize: 12, bold: true, color: COLOURS.navy, margin: 0 });
  const colours: string[] = series.map((s) => (s.favourable > 0 ? COLOURS.favourable : s.favourable < 0 ? COLOURS.adverse : COLOURS.neutral));
  if (colours.length === 1) colours.push(colours[0] as string);
  const convention = p.model.settings.signConvention;
  const values = series.map((s) => s.variance);
  const lo = Math.min(0, ...values), hi = Math.max(0, ...values);
  const pad = (hi - lo) * 0.35;
  const bounds = hi === lo ? {} : { valAxisMinVal: lo < 0 ? -niceBound(-lo + pad) : 0, valAxisMaxVal: hi > 0 ? niceBound(hi + pad) : 0 };
  slide.addChart(ctx.pptx.ChartType.bar, [{ name: "Variance", labels: series.map((s) => s.name), values: series.map((s) => s.variance) }], {
    x: chartX, y: CONTENT_TOP + 0.4, w: chartW, h: 4.6,
    barDir: "bar", chartColors: colours, invertedColors: colours, barGapWidthPct: 60,
    catAxisLabelFontSize: 9, catAxisLabelFontFace: FONT, // maxMin (first line at the top, as in the table) is valid OOXML; the typings only list minMax.
    catAxisOrientation: "maxMin" as "minMax", catAxisLabelPos: "low", ...bounds,
    valAxisLabelFontSize: 8, valAxisLabelFontFace: FONT, valAxisLabelFormatCode: "#,##0;(#,##0)",
    valGridLine: { color: "E0E0E0", size: 0.5 },
    showValue: true, dataLabelFormatCode: "#,##0;(#,##0)", dataLabelFontSize: 8, dataLabelFontFace: FONT, dataLabelPosition: "outEnd",
    showLegend: false,
  });
  const key = convention === "budget-minus-forecast" ? "Favourable variances are positive, adverse ones in brackets." : "Adverse variances are positive, favourable ones in brackets.";
  note(slide, `Green bars favourable, red adverse. ${key}`, { x: chartX, y: CONTENT_TOP + 5.1, w: chartW });
}

function capitalSlide(ctx: DeckContext): void {
  const p = ctx.position;
  const title = "CAPITAL BUDGET MONITORING AND FINANCING";
  const slide = newSlide(ctx, title);
  const left = 8.6;
  const para = [capitalParagraph(p)];
  const paraH = paragraphsHeight(para, SLIDE_W - 2 * MARGIN, 12);
  paragraphs(slide, para, { x: MARGIN, y: CONTENT_TOP, w: SLIDE_W - 2 * MARGIN, h: paraH }, 12);
  const style = { fontPt: 10, headerFontPt: 9 };
  const y1 = CONTENT_TOP + paraH + 0.1;
  const cap = capitalTable(ctx.shown);
  const first = tableWithContinuation(ctx, slide, title, cap, { x: MARGIN, y: y1, w: left }, CONTENT_BOTTOM, style);
  const fin = financingTable(p);
  // Same column positions as the capital table (it has one column fewer).
  const capTotal = cap.widths.reduce((a, b) => a + b, 0);
  const finW = (left * fin.widths.reduce((a, b) => a + b, 0)) / capTotal;
  tableWithContinuation(ctx, first.slide, title, fin, { x: MARGIN, y: first.end + 0.2, w: finW }, CONTENT_BOTTOM, style);

  const series = capitalForecastSeries(ctx.shown);
  const chartX = MARGIN + left + 0.3;
  const chartW = SLIDE_W - MARGIN - chartX;
  slide.addText("Capital forecast by category (£000)", { x: chartX, y: y1, w: chartW, h: 0.35, fontFace: FONT, fontSize: 12, bold: true, color: COLOURS.navy, margin: 0 });
  if (series.length > 0) {
    slide.addChart(ctx.pptx.ChartType.doughnut, [{ name: "Forecast outturn", labels: series.map((s) => s.name), values: series.map((s) => s.forecast) }], {
      x: chartX, y: y1 + 0.4, w: chartW, h: Math.min(4.4, CONTENT_BOTTOM - y1 - 0.5),
      holeSize: 50, chartColors: CAPITAL_COLOURS.slice(0, Math.max(series.length, 2)),
      showValue: true, showPercent: false, dataLabelFormatCode: "#,##0", dataLabelFontSize: 9, dataLabelColor: "FFFFFF", dataLabelFontFace: FONT,
      showLegend: true, legendPos: "b", legendFontSize: 9, legendFontFace: FONT,
    });
  } else {
    note(slide, "No capital spend is forecast.", { x: chartX, y: y1 + 0.4, w: chartW }, 11);
  }
}

/** The general fund % on a scale, with the policy band, the warning margin, and markers for the budget and the forecast. */
function bandGauge(ctx: DeckContext, slide: Slide, gf: GeneralFundPosition, box: Box): number {
  const p = ctx.position;
  const margin = p.model.settings.rag.generalFund.warningMarginPct;
  const values = [gf.forecastPct, gf.budgetedPct, gf.maximumPct.plus(1)].map((d) => d.toNumber());
  const scaleMax = Math.max(1, Math.ceil(Math.max(...values) + 0.5));
  const barY = box.y + 0.75, barH = 0.45;
  const at = (pct: number) => box.x + (Math.min(Math.max(pct, 0), scaleMax) / scaleMax) * box.w;
  const min = gf.minimumPct.toNumber(), max = gf.maximumPct.toNumber(), warn = min + margin.toNumber();
  const rect = (from: number, to: number, color: string) => {
    if (to > from) slide.addShape(ctx.pptx.ShapeType.rect, { x: at(from), y: barY, w: at(to) - at(from), h: barH, fill: { color }, line: { color, width: 0 } });
  };
  rect(0, min, "F4CCCC");
  rect(min, Math.min(warn, max), "FFE699");
  rect(Math.min(warn, max), max, "C6E0B4");
  rect(max, scaleMax, "FFE699");
  slide.addShape(ctx.pptx.ShapeType.rect, { x: box.x, y: barY, w: box.w, h: barH, fill: { type: "none" }, line: { color: COLOURS.rule, width: 0.75 } });
  for (let t = 0; t <= scaleMax; t++) {
    slide.addText(`${t}%`, { x: at(t) - 0.3, y: barY + barH + 0.02, w: 0.6, h: 0.22, fontFace: FONT, fontSize: 8, color: COLOURS.muted, align: "center", margin: 0 });
  }
  const marker = (pct: number, label: string, above: boolean, color: string) => {
    const x = at(pct);
    slide.addShape(ctx.pptx.ShapeType.line, { x, y: barY - 0.12, w: 0, h: barH + 0.24, line: { color, width: 2.5 } });
    const y = above ? barY - 0.45 : barY + barH + 0.25;
    const w = 2.2;
    const lx = Math.min(Math.max(x - w / 2, box.x), box.x + box.w - w);
    slide.addText(label, { x: lx, y, w, h: 0.3, fontFace: FONT, fontSize: 10, bold: true, color, align: "center", margin: 0 });
  };
  const u = p.model.units;
  marker(gf.budgetedPct.toNumber(), `Budgeted ${formatPct(gf.budgetedPct, pctPlaces(ctx.position.model.settings))} (${money(gf.budgetedClosing, u, "m")})`, true, COLOURS.navy);
  marker(gf.forecastPct.toNumber(), `Forecast ${formatPct(gf.forecastPct, pctPlaces(ctx.position.model.settings))} (${money(gf.forecastClosing, u, "m")})`, false, gf.forecastBand === "within" ? COLOURS.favourable : COLOURS.adverse);
  const legend = `Policy band ${formatRate(gf.minimumPct)} to ${formatRate(gf.maximumPct)} of the net budget (${money(gf.minimumBalance, u, "m")} to ${money(gf.maximumBalance, u, "m")}). Red below the minimum, amber within ${formatRate(margin)} above it or above the maximum.`;
  return note(slide, legend, { x: box.x, y: barY + barH + 0.65, w: box.w });
}

function reservesSlide(ctx: DeckContext): void {
  const p = ctx.position;
  const title = "USABLE RESERVES";
  const slide = newSlide(ctx, title);
  const left = 8.3;
  tableWithContinuation(ctx, slide, title, reservesTable(p), { x: MARGIN, y: CONTENT_TOP, w: left }, CONTENT_BOTTOM, { fontPt: 10, headerFontPt: 9 });
  const x = MARGIN + left + 0.35;
  const w = SLIDE_W - MARGIN - x;
  const gf = p.reserves.generalFundPolicy;
  slide.addText(gf ? "General Fund Balance against the reserves policy" : "No general fund entered: the reserves policy band is not judged", { x, y: CONTENT_TOP, w, h: 0.55, fontFace: FONT, fontSize: 12, bold: true, color: COLOURS.navy, margin: 0, valign: "top" });
  const end = gf ? bandGauge(ctx, slide, gf, { x: x + 0.1, y: CONTENT_TOP + 0.55, w: w - 0.2 }) : CONTENT_TOP + 0.55;
  const para = [reservesParagraph(p)];
  paragraphs(slide, para, { x, y: end + 0.2, w, h: CONTENT_BOTTOM - end - 0.2 }, 11);
}

function savingsSlide(ctx: DeckContext): void {
  const p = ctx.position;
  const title = "DELIVERY OF SAVINGS";
  const slide = newSlide(ctx, title);
  const w = SLIDE_W - 2 * MARGIN;
  const para = [savingsParagraph(p)];
  const paraH = paragraphsHeight(para, w, 12);
  paragraphs(slide, para, { x: MARGIN, y: CONTENT_TOP, w, h: paraH }, 12);
  const style = { fontPt: 10, headerFontPt: 9 };
  const cat = savingsTable(p);
  const placed = tableWithContinuation(ctx, slide, title, cat, { x: MARGIN, y: CONTENT_TOP + paraH + 0.05, w: 9.5 }, CONTENT_BOTTOM, style);
  let end = placed.end;
  if (cat.note) end = note(placed.slide, cat.note, { x: MARGIN, y: end + 0.05, w: 9.5 });
  if (p.savings.schemes.length > 0) tableWithContinuation(ctx, placed.slide, title, savingsSchemesTable(p), { x: MARGIN, y: end + 0.25, w }, CONTENT_BOTTOM, style);
}

/**
 * Workforce (issue 14), for a period with workforce figures: the narrative's workforce paragraph, each group's strength
 * against establishment now and at the year end with its RAG, and a chart of the strength by month to the year end
 * against the establishment.
 */
function workforceSlide(ctx: DeckContext, w: WorkforcePosition): void {
  const p = ctx.position;
  const slide = newSlide(ctx, "WORKFORCE");
  const leftW = 7.9;
  const para = [workforceParagraph(p) ?? ""];
  let font = 12;
  while (font > 9 && paragraphsHeight(para, leftW, font) > 2.6) font -= 0.5;
  const paraH = paragraphsHeight(para, leftW, font);
  paragraphs(slide, para, { x: MARGIN, y: CONTENT_TOP, w: leftW, h: paraH }, font);
  const dp = pctPlaces(p.model.settings), style = p.model.settings.negativeStyle;
  const fte = (d: Decimal) => bracketed(d, d.isInteger() ? 0 : Math.min(d.decimalPlaces(), 2), style);
  const head = (text: string): PptxGenJS.TableCell => ({ text, options: { bold: true, color: "FFFFFF", fill: { color: COLOURS.navy }, fontFace: FONT, fontSize: 8.5, align: "center", valign: "middle" } });
  const cell = (text: string, bold = false): PptxGenJS.TableCell => ({ text, options: { fontFace: FONT, fontSize: 9.5, bold, color: COLOURS.text, align: "right", valign: "middle" } });
  const rowOf = (name: string, f: StrengthFigures, bold: boolean): PptxGenJS.TableRow => [
    { text: name, options: { fontFace: FONT, fontSize: 9.5, bold, color: COLOURS.text, valign: "middle" } },
    cell(fte(f.establishmentFte), bold), cell(fte(f.actualFte), bold), cell(fte(f.forecastFte), bold), cell(fte(f.forecastVarianceFte), bold),
    cell(f.forecastVariancePct === null ? "–" : pctFigure(f.forecastVariancePct, dp, style), bold), ragCell(f.rag, NOT_ENTERED),
  ];
  const rows: PptxGenJS.TableRow[] = [
    [head("Group (FTE)"), head("Establishment"), head("Strength now"), head("Forecast at year end"), head("Variance at year end"), head("%"), head("RAG")],
    ...w.groups.map((g) => rowOf(g.group.name, g, false)),
    rowOf("Total", w, true),
  ];
  const tableY = CONTENT_TOP + paraH + 0.15;
  // Row heights as LibreOffice and PowerPoint draw them (a two-line heading is taller), so the note goes below the table.
  const rowH = 0.36;
  slide.addTable(rows, { x: MARGIN, y: tableY, w: leftW, colW: [1.75, 1.15, 0.95, 1.05, 1.05, 0.95, 1.0], border: { type: "solid", pt: 0.5, color: "BFBFBF" }, rowH });
  const t = w.target;
  if (t) {
    const risk = t.grantAtRisk === null ? "not known: no band of the grant conditions covers the forecast" : money(t.grantAtRisk, p.model.units, "m");
    note(slide, `Officer target ${fte(t.target.targetHeadcount)} (headcount) at ${t.target.countDate}: forecast ${fte(t.forecastHeadcount)}, gap ${fte(t.gap)}; grant at risk ${risk} of ${money(t.target.grant, p.model.units, "m")}.`, { x: MARGIN, y: tableY + rowH * rows.length + 0.45, w: leftW }, 10);
  }

  const months = strengthByMonth(w, p.model.financialYear, monthsElapsed(p.model.period));
  const chartX = MARGIN + leftW + 0.3;
  const chartW = SLIDE_W - MARGIN - chartX;
  slide.addText("Strength against establishment by month (FTE, all groups)", { x: chartX, y: CONTENT_TOP, w: chartW, h: 0.35, fontFace: FONT, fontSize: 12, bold: true, color: COLOURS.navy, margin: 0 });
  // No chart of blanks read as 0: a flat line at nought would read as a position nobody has entered.
  if (w.groups.length === w.notEntered.length) {
    note(slide, "Not yet entered: the chart is drawn once each group's budgeted establishment and strength are typed on the Workforce sheet.", { x: chartX, y: CONTENT_TOP + 0.4, w: chartW }, 10);
    return;
  }
  const labels = months.map((m) => m.label);
  const values = months.flatMap((m) => [m.strengthFte.toNumber(), m.establishmentFte.toNumber()]);
  const lo = Math.min(...values), hi = Math.max(...values), pad = Math.max((hi - lo) * 0.5, hi * 0.01, 1);
  slide.addChart(ctx.pptx.ChartType.line, [
    { name: "Forecast strength", labels, values: months.map((m) => m.strengthFte.toNumber()) },
    { name: "Establishment", labels, values: months.map((m) => m.establishmentFte.toNumber()) },
  ], {
    x: chartX, y: CONTENT_TOP + 0.4, w: chartW, h: 4.6,
    chartColors: [COLOURS.navy, COLOURS.adverse], lineSize: 2, lineDataSymbol: "circle", lineDataSymbolSize: 6,
    catAxisLabelFontSize: 9, catAxisLabelFontFace: FONT,
    valAxisMinVal: Math.max(0, Math.floor(lo - pad)), valAxisMaxVal: Math.ceil(hi + pad),
    valAxisLabelFontSize: 8, valAxisLabelFontFace: FONT, valAxisLabelFormatCode: "#,##0",
    valGridLine: { color: "E0E0E0", size: 0.5 },
    showLegend: true, legendPos: "b", legendFontSize: 9, legendFontFace: FONT,
  });
  note(slide, "The strength now, then each month's forecast joiners less leavers, to the year end.", { x: chartX, y: CONTENT_TOP + 5.1, w: chartW });
}

function ragSlide(ctx: DeckContext): void {
  const p = ctx.position;
  const title = "RAG SUMMARY";
  const slide = newSlide(ctx, title);
  const w = SLIDE_W - 2 * MARGIN;
  const areas = tableWithContinuation(ctx, slide, title, ragTable(p), { x: MARGIN, y: CONTENT_TOP, w }, CONTENT_BOTTOM, { fontPt: 10, headerFontPt: 10 });
  const lines = revenueLinesRagTable(ctx.shown);
  const linesW = 8.8;
  const placed = tableWithContinuation(ctx, areas.slide, title, lines, { x: MARGIN, y: areas.end + 0.3, w: linesW }, CONTENT_BOTTOM - 0.3, { fontPt: 10, headerFontPt: 9 });
  if (lines.note) note(placed.slide, lines.note, { x: MARGIN, y: Math.min(placed.end + 0.05, CONTENT_BOTTOM - 0.3), w: linesW });
}

const chartTitle = (slide: Slide, text: string, box: Box) =>
  slide.addText(text, { x: box.x, y: box.y, w: box.w, h: 0.35, fontFace: FONT, fontSize: 12, bold: true, color: COLOURS.navy, margin: 0 });

/**
 * The year so far (issue 13), once two earlier periods are closed: the Net Budget's forecast variance by period and
 * the General Fund % against the policy band, as native line charts, and the figures in a table across the slide.
 */
function trendSlide(ctx: DeckContext): void {
  const p = ctx.position;
  const points = trendOf(p);
  if (points.length < TREND_MIN_POINTS) return;
  const slide = newSlide(ctx, `THE YEAR SO FAR: ${points[0]?.period ?? ""} TO ${p.model.period}`);
  const series = trendSeries(p, points);
  const gap = 0.4;
  const w = (SLIDE_W - 2 * MARGIN - gap) / 2;
  const chartH = 3.1;
  const line = { lineDataSymbol: "circle" as const, lineDataSymbolSize: 7, lineSize: 2, catAxisLabelFontSize: 9, catAxisLabelFontFace: FONT, valAxisLabelFontSize: 8, valAxisLabelFontFace: FONT, valGridLine: { color: "E0E0E0", size: 0.5 } };
  chartTitle(slide, "Forecast variance by period (£000)", { x: MARGIN, y: CONTENT_TOP, w });
  slide.addChart(ctx.pptx.ChartType.line, [{ name: "Forecast variance", labels: series.variance.labels, values: series.variance.values }], {
    x: MARGIN, y: CONTENT_TOP + 0.4, w, h: chartH, ...line, chartColors: [COLOURS.navy], showLegend: false,
    valAxisLabelFormatCode: "#,##0;(#,##0)", showValue: true, dataLabelFormatCode: "#,##0;(#,##0)", dataLabelFontSize: 8, dataLabelFontFace: FONT, dataLabelPosition: "t",
  });
  const right = MARGIN + w + gap;
  const band = p.model.settings.reservesBand;
  chartTitle(slide, "General Fund after the forecast, % of net budget, against the policy band", { x: right, y: CONTENT_TOP, w });
  if (series.generalFund.values.length > 0) {
    const flat = (v: Decimal) => series.generalFund.labels.map(() => v.toNumber());
    slide.addChart(ctx.pptx.ChartType.line, [
      { name: "General Fund %", labels: series.generalFund.labels, values: series.generalFund.values },
      { name: `Minimum ${formatRate(band.minimumPct)}`, labels: series.generalFund.labels, values: flat(band.minimumPct) },
      { name: `Maximum ${formatRate(band.maximumPct)}`, labels: series.generalFund.labels, values: flat(band.maximumPct) },
    ], {
      x: right, y: CONTENT_TOP + 0.4, w, h: chartH, ...line, chartColors: [COLOURS.navy, COLOURS.adverse, COLOURS.favourable],
      valAxisLabelFormatCode: "0.0\"%\"", valAxisMinVal: 0, showLegend: true, legendPos: "b", legendFontSize: 9, legendFontFace: FONT,
    });
  } else {
    note(slide, "No General Fund was recorded in these periods.", { x: right, y: CONTENT_TOP + 0.4, w }, 11);
  }
  const table = trendTable(p, points);
  const style = { fontPt: 10, headerFontPt: 10 };
  const placed = tableWithContinuation(ctx, slide, "THE YEAR SO FAR", table, { x: MARGIN, y: CONTENT_TOP + 0.5 + chartH + 0.2, w: SLIDE_W - 2 * MARGIN }, CONTENT_BOTTOM - 0.3, style);
  const key = p.model.settings.signConvention === "budget-minus-forecast" ? "Favourable variances are positive, adverse ones in brackets" : "Adverse variances are positive, favourable ones in brackets";
  note(placed.slide, `${key}. Earlier periods as closed (Period history); ${p.model.period} as it stands now.`, { x: MARGIN, y: placed.end + 0.08, w: SLIDE_W - 2 * MARGIN });
}

/**
 * The bridge (issue 13) from the forecast variance at the latest earlier closed period to this one: the largest
 * changes by line first and the rest in one bar, as a waterfall of stacked bars beside its table.
 */
function bridgeSlide(ctx: DeckContext): void {
  const p = ctx.position;
  const bridge = bridgeOf(p);
  if (!bridge) return;
  const title = `FORECAST VARIANCE: WHAT MOVED IT SINCE ${bridge.since}`;
  const slide = newSlide(ctx, title);
  const tableW = 5.6;
  const table = bridgeTable(p, bridge);
  const placed = tableWithContinuation(ctx, slide, title, table, { x: MARGIN, y: CONTENT_TOP + 0.1, w: tableW }, CONTENT_BOTTOM - 0.6, { fontPt: 11, headerFontPt: 10 });
  if (table.note) note(placed.slide, table.note, { x: MARGIN, y: placed.end + 0.1, w: tableW });
  const x = MARGIN + tableW + 0.4;
  const w = SLIDE_W - MARGIN - x;
  chartTitle(slide, `Forecast variance from ${bridge.since} to ${p.model.period} (£000)`, { x, y: CONTENT_TOP, w });
  const fall = bridgeWaterfall(p, bridge, { total: COLOURS.navy, improvement: COLOURS.favourable, deterioration: COLOURS.adverse });
  slide.addChart(ctx.pptx.ChartType.bar, fall.series.map((s) => ({ name: s.name, labels: fall.labels, values: s.values })), {
    x, y: CONTENT_TOP + 0.4, w, h: CONTENT_BOTTOM - CONTENT_TOP - 1.0,
    barDir: "bar", barGrouping: "stacked", barGapWidthPct: 40, chartColors: fall.series.map((s) => s.colour),
    catAxisLabelFontSize: 9, catAxisLabelFontFace: FONT, catAxisOrientation: "maxMin" as "minMax", catAxisLabelPos: "low",
    valAxisLabelFontSize: 8, valAxisLabelFontFace: FONT, valAxisLabelFormatCode: "#,##0;(#,##0)",
    valGridLine: { style: "none" }, showValue: false, showLegend: false,
  });
  note(slide, "Navy: the forecast variance at each period. Green: an improvement; red: a deterioration. The figures are in the table.", { x, y: CONTENT_BOTTOM - 0.5, w });
}

/** A large pale diagonal DRAFT across the slide, over its content (last, so the title stays first to a screen reader). */
function draftWatermark(slide: Slide): void {
  slide.addText("DRAFT", { x: 1.7, y: 2.2, w: 10, h: 3, fontFace: FONT, fontSize: 140, bold: true, color: COLOURS.adverse, transparency: 85, rotate: -25, align: "center", valign: "middle", margin: 0 });
}

/**
 * The deck's bytes, deflated. pptxgenjs 4.0.1 applies `compression: true` only with outputType "STREAM", which is a
 * Node Buffer (exportPresentation: any other outputType is zipped with STORE): in Node that path; in the browser,
 * the stored zip deflated again with JSZip (the zip library pptxgenjs itself uses).
 */
async function deflatedDeck(pptx: Pptx, JSZip: typeof import("jszip")): Promise<Uint8Array> {
  if (typeof process !== "undefined" && process.release?.name === "node") {
    const buffer = (await pptx.write({ outputType: "STREAM", compression: true })) as Uint8Array;
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
  const stored = (await pptx.write({ outputType: "uint8array" })) as Uint8Array;
  const zip = await JSZip.loadAsync(stored);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** The first slide of a draft deck: the errors, each with where it is and what is wrong, as many as fit. */
function errorsSlide(ctx: DeckContext, errors: Check[]): void {
  const slide = newSlide(ctx, "DRAFT: THE FIGURES HAVE ERRORS");
  const w = SLIDE_W - 2 * MARGIN;
  const intro = [
    `This deck was made from a period with ${errors.length} error${errors.length === 1 ? "" : "s"}. Figures that depend on the places below are incomplete or wrong, so every slide is marked DRAFT and none is fit to publish.`,
    "Correct each one in the workbook or the file, recalculate, and make the deck again.",
  ];
  const introH = paragraphsHeight(intro, w, 13);
  paragraphs(slide, intro, { x: MARGIN, y: CONTENT_TOP, w, h: introH }, 13);
  const spec: TableSpec = {
    header: ["Where", "What is wrong"],
    rows: errors.map((c) => ({ cells: [c.where, c.message], style: "line" })),
    widths: [3, 9.4],
    align: ["left", "left"],
  };
  const style = { fontPt: 11, headerFontPt: 11 };
  const box = { x: MARGIN, y: CONTENT_TOP + introH + 0.1, w };
  const { next, end } = placeTable(slide, spec, rowHeights(spec, w, style), 0, box, CONTENT_BOTTOM - 0.35, style);
  if (next < errors.length) note(slide, `…and ${errors.length - next} more not shown here: \`outturn report\` lists them all.`, { x: MARGIN, y: end + 0.05, w }, 11);
}

export interface DeckOptions {
  /** Written into the file's properties. */
  author?: string;
  /**
   * A deck from a period with errors, made only when asked for: every slide says DRAFT and the first lists the
   * errors (where and what). Without it, a caller must not build a deck from a period with error checks.
   */
  draft?: { errors: Check[] };
  /** Every line on the slides, however many (default: small lines grouped once there are more than a screenful). */
  allLines?: boolean;
}

/** The .pptx bytes of the period's slide deck. */
export async function buildDeck(position: Position, options: DeckOptions = {}): Promise<Uint8Array> {
  const [PptxGenJSClass, JSZip] = await Promise.all([loadPptxGenJS(), loadJSZip()]);
  const pptx = new PptxGenJSClass();
  pptx.layout = "LAYOUT_WIDE";
  const m = position.model;
  const draft = options.draft ? options.draft.errors : null;
  // pptxgenjs escapes title, subject and author (docProps/core.xml) but writes the company into docProps/app.xml as it is.
  pptx.title = xmlSafeText(`${draft ? "DRAFT: " : ""}${m.organisation}: ${m.financialYear} ${periodLabel(m.period)} financial report`);
  pptx.subject = "Quarterly financial monitoring";
  pptx.company = escapeXml(xmlSafeText(m.organisation));
  pptx.author = xmlSafeText(options.author ?? "Outturn");
  const ctx: DeckContext = {
    pptx,
    position,
    shown: options.allLines ? position : withOtherLines(position),
    reportTitle: `${m.financialYear} ${periodLabel(m.period).toUpperCase()} FINANCIAL REPORT`,
    footer: `${m.organisation} · ${m.financialYear} ${periodLabel(m.period)} financial monitoring for the ${boardName(m.settings)} · tables in £000, negatives ${m.settings.negativeStyle === "minus" ? "with a minus sign" : "in brackets"}`,
    draft,
    slides: [],
  };
  if (draft) errorsSlide(ctx, draft);
  overviewSlide(ctx);
  revenueSlide(ctx);
  trendSlide(ctx);
  bridgeSlide(ctx);
  capitalSlide(ctx);
  reservesSlide(ctx);
  savingsSlide(ctx);
  if (position.workforce) workforceSlide(ctx, position.workforce);
  ragSlide(ctx);
  if (draft) for (const slide of ctx.slides) draftWatermark(slide);
  return deflatedDeck(pptx, JSZip);
}
