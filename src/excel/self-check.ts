/**
 * "Check Excel": proves, in the user's own Excel, every capability Outturn relies on, on a temporary sheet that it
 * removes afterwards, and returns a pass/fail list with the Excel version and platform that IT can copy. Nothing in
 * the user's sheets is read or changed.
 *
 * What it exercises, each the way Outturn's own code does it (queueOp, textForValues, chunkWork, queueCharts):
 * - the requirement sets (ExcelApi 1.8 needed; 1.9 and 1.14 used when present);
 * - text that must stay text: strings Excel would take for formulas, numbers or dates, written with the quote
 *   prefix and read back (values, valueTypes, formulas);
 * - a date written as a serial with a date format, read back as text;
 * - a formula computed by Excel, compared with the engine's decimal value (Excel's ROUND, half away from zero);
 * - a number format written and read back; a conditional format (counted); a drop-down list (its type);
 * - sheet protection on, then off;
 * - a chart with explicitly named series, its position from the planned column widths and row heights;
 * - a change event raised by a write, heard by a handler;
 * - where the platform has the 5 MB request limit (Excel on the web), a write of more than 5 MB split into
 *   requests as inserting does, and a read of it back in blocks.
 *
 * Syncs: about six, plus one per further 4 MB on the web. A failed step is reported as a failure in words, and the
 * temporary sheet is removed whatever happens.
 */
import type { ChartPlan, SheetPlan } from "../plans/types";
import { D, round } from "../model/amount";
import type { ExcelHost } from "./host";
import { supports } from "./host";
import { toWorkbookError } from "./errors";
import { chunkWork, widthToPoints, type SheetOp } from "./render";
import { colLetter } from "../plans/a1";
import { queueOp } from "./apply";
import { cellPosition, chartName, queueCharts } from "./charts";

export interface SelfCheckItem {
  id: string;
  /** What was checked, in words. */
  label: string;
  ok: boolean;
  /** What was seen (on failure: what was expected and what Excel gave). */
  detail: string;
}

export interface SelfCheckReport {
  /** Office.context.diagnostics: version "16.0.17928.20114", platform "PC", "OfficeOnline", "Mac"... */
  excel: { version: string; platform: string } | null;
  /** ISO time the check ran. */
  at: string;
  items: SelfCheckItem[];
  passed: boolean;
}

export interface SelfCheckOptions {
  host: ExcelHost;
  diagnostics: { version: string; platform: string } | null;
  now?: () => Date;
  /** How long to wait for the change event, in ms (default 3000). */
  eventWaitMs?: number;
  /** Run the over-5 MB write and read even where the platform has no such limit (tests). Default: on the web only. */
  largeTransfer?: boolean;
  /** Rows of 200 characters written and read back by the large transfer (default 26,000: about 5.2 MB). */
  largeRows?: number;
}

/** Strings Excel would take for something else if written plainly. */
export const TEXTS = ["=SUM(1,2)", "+44 1234", "-5 net", "@risk", "2024-10-15", "007", "TRUE", "5%"];
const DATE_SERIAL = 45596; // 2024-10-31
const AMOUNTS = ["1234.56", "-32865", "0.1", "0.2"];
const FORMULA = "=ROUND(SUM(C1:C4)/3,2)";
/** The engine's value of FORMULA: decimal arithmetic, rounded half away from zero as Excel's ROUND is. */
export const ENGINE_VALUE = round(AMOUNTS.reduce((s, a) => s.plus(a), D(0)).div(3), 2);
const NUMBER_FORMAT = "#,##0.0;(#,##0.0)";
const CHART: ChartPlan = {
  title: "check", type: "column", data: "G1:I3", categories: "G1:G3",
  series: [{ name: "Budget", values: "H1:H3" }, { name: "Forecast", values: "I1:I3" }], topLeft: "K2", width: 360, height: 200,
};
const CHART_PLAN: Pick<SheetPlan, "columns" | "rowHeights" | "charts"> = {
  columns: Array.from({ length: 10 }, () => ({ width: 12 })), rowHeights: { 1: 30 }, charts: [CHART],
};
const REQUIRED = ["1.1", "1.2", "1.4", "1.6", "1.7", "1.8"];
const OPTIONAL = ["1.9", "1.14"];

/** "16.0.17928.20114 on PC" style heading plus one line per item, for IT to paste into an e-mail or ticket. */
export function selfCheckText(report: SelfCheckReport): string {
  const head = `Outturn: Check Excel, ${report.at}. Excel ${report.excel ? `${report.excel.version} on ${report.excel.platform}` : "(version not reported)"}. ` +
    `${report.items.filter((i) => i.ok).length} of ${report.items.length} passed.`;
  return [head, ...report.items.map((i) => `${i.ok ? "PASS" : "FAIL"}  ${i.label}: ${i.detail}`)].join("\n");
}

const cells = (op: Omit<Extract<SheetOp, { kind: "cells" }>, "kind" | "bytes">): SheetOp => ({ kind: "cells", bytes: 0, ...op });

export async function runSelfCheck(options: SelfCheckOptions): Promise<SelfCheckReport> {
  const { host } = options;
  const now = options.now ?? (() => new Date());
  const items: SelfCheckItem[] = [];
  const add = (id: string, label: string, ok: boolean, detail: string) => items.push({ id, label, ok, detail });
  const report = (): SelfCheckReport => ({ excel: options.diagnostics, at: now().toISOString(), items, passed: items.every((i) => i.ok) });

  const missing = REQUIRED.filter((v) => !safeSupports(host, v));
  const optional = OPTIONAL.map((v) => `${v} ${safeSupports(host, v) ? "yes" : "no"}`).join(", ");
  add("requirements", "Excel JavaScript API", missing.length === 0,
    missing.length === 0 ? `ExcelApi 1.8 and earlier supported (optional: ${optional})` : `missing ExcelApi ${missing.join(", ")}: update Office or use Excel for Microsoft 365 or Excel on the web`);
  if (missing.includes("1.1")) return report();

  const web = options.diagnostics?.platform === "OfficeOnline";
  const large = options.largeTransfer ?? web;
  const sheetName = `Outturn check ${now().toISOString().slice(11, 19).replace(/:/g, "")}`;
  let events = 0;
  let eventAddress = "";
  let created = false;
  let step = "add the temporary sheet";

  try {
    await host.run(async (context) => {
      // Request 1: the temporary sheet and everything written to it.
      const ws = context.workbook.worksheets.add(sheetName);
      const textRange = `A1:A${TEXTS.length}`;
      queueOp(ws, cells({ property: "numberFormat", firstRow: 1, firstCol: 1, data: TEXTS.map(() => ["@"]) }));
      queueOp(ws, cells({ property: "values", firstRow: 1, firstCol: 1, data: TEXTS.map((t) => [t]) }));
      queueOp(ws, cells({ property: "numberFormat", firstRow: 1, firstCol: 2, data: [["yyyy-mm-dd"]] }));
      queueOp(ws, cells({ property: "values", firstRow: 1, firstCol: 2, data: [[DATE_SERIAL]] }));
      queueOp(ws, cells({ property: "values", firstRow: 1, firstCol: 3, data: AMOUNTS.map((a) => [Number(a)]) }));
      queueOp(ws, cells({ property: "formulas", firstRow: 5, firstCol: 3, data: [[FORMULA]] }));
      queueOp(ws, cells({ property: "numberFormat", firstRow: 1, firstCol: 4, data: [[NUMBER_FORMAT]] }));
      queueOp(ws, cells({ property: "values", firstRow: 1, firstCol: 4, data: [[-1234.5]] }));
      queueOp(ws, { kind: "conditionalFormat", address: "D1:D2", rules: [{ textEquals: "Red", fill: "#FFC7CE", fontColor: "#9C0006" }], bytes: 0 });
      queueOp(ws, { kind: "validation", address: "E1", source: "Red,Amber,Green", bytes: 0 });
      queueOp(ws, cells({ property: "values", firstRow: 1, firstCol: 7, data: [["Police", 10, 12], ["OPCC", 2, 1], ["Capital", 5, 4]] }));
      const lastColumn = colLetter(CHART_PLAN.columns.length);
      queueOp(ws, { kind: "columns", address: `A:${lastColumn}`, widthPoints: widthToPoints(12), hidden: false, bytes: 0 });
      queueOp(ws, { kind: "rows", address: "1:1", heightPoints: 30, bytes: 0 });
      queueCharts(ws, CHART_PLAN as SheetPlan);
      // Only the change of F1, written in request 3, counts (the writes of this request may raise events too).
      ws.onChanged.add((args) => {
        if (/^F1$/i.test(args.address)) {
          events++;
          eventAddress = args.address;
        }
        return Promise.resolve();
      });
      await context.sync();
      created = true;

      // Request 2: read everything back; protect the sheet.
      step = "read back what was written";
      const text = ws.getRange(textRange).load("values, valueTypes, formulas");
      const date = ws.getRange("B1").load("values, text, numberFormat");
      const formula = ws.getRange("C5").load("values, formulas");
      const formatted = ws.getRange("D1").load("numberFormat, text");
      const cfCount = ws.getRange("D1:D2").conditionalFormats.getCount();
      const validation = ws.getRange("E1").dataValidation.load("type");
      const charts = ws.charts.load("items/name");
      ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
      const protectedOn = ws.protection.load("protected");
      await context.sync();
      const protectedAfterProtect = protectedOn.protected;

      const wrong = TEXTS.filter((t, i) => text.values[i]?.[0] !== t || String(text.valueTypes[i]?.[0]) !== "String" || text.formulas[i]?.[0] !== t);
      add("text", "Text stays text", wrong.length === 0,
        wrong.length === 0 ? `${TEXTS.length} strings that look like formulas, numbers or dates read back as the same text`
          : `Excel changed ${wrong.map((t) => `"${t}"`).join(", ")} (read back: ${wrong.map((t) => JSON.stringify(text.values[TEXTS.indexOf(t)]?.[0])).join(", ")})`);
      const dateOk = date.values[0]?.[0] === DATE_SERIAL && date.text[0]?.[0] === "2024-10-31";
      add("date", "Dates", dateOk, dateOk ? "a date serial with the format yyyy-mm-dd shows 2024-10-31" : `expected 2024-10-31, Excel shows "${date.text[0]?.[0]}" (${JSON.stringify(date.values[0]?.[0])})`);
      const computed: unknown = formula.values[0]?.[0];
      const formulaOk = typeof computed === "number" && D(computed).eq(ENGINE_VALUE);
      add("formula", "Formulas computed by Excel match Outturn's engine", formulaOk,
        `${FORMULA} gives ${JSON.stringify(computed)} in Excel, ${ENGINE_VALUE.toFixed(2)} in the engine`);
      const nfOk = formatted.numberFormat[0]?.[0] === NUMBER_FORMAT && formatted.text[0]?.[0] === "(1,234.5)";
      add("numberFormat", "Number formats", nfOk, nfOk ? `${NUMBER_FORMAT} shows -1234.5 as (1,234.5)` : `format read back "${formatted.numberFormat[0]?.[0]}", shown as "${formatted.text[0]?.[0]}"`);
      // A ClientResult's value comes with the sync; it has no load() (the lint rule takes it for a proxy object).
      // eslint-disable-next-line office-addins/load-object-before-read
      const rules = cfCount.value;
      add("conditionalFormat", "Conditional formats", rules === 1, `${rules} rule(s) on D1:D2 (1 written)`);
      add("validation", "Drop-down lists (data validation)", validation.type === "List", `E1 has validation of type ${validation.type}`);
      const chart = charts.items.find((c) => c.name === chartName(CHART.title));
      let seriesCount: { value: number } | null = null;
      if (chart) {
        chart.load("top, left");
        seriesCount = chart.series.getCount();
      }

      // Request 3: protection off, the chart's position and series, then a write that must raise a change event.
      step = "unprotect the temporary sheet and write to it";
      ws.protection.unprotect();
      const protectedOff = ws.protection.load("protected");
      await context.sync();
      const protectionOk = protectedAfterProtect && !protectedOff.protected;
      add("protection", "Sheet protection on and off", protectionOk, `protected after protect: ${protectedAfterProtect}; after unprotect: ${protectedOff.protected}`);
      const at = cellPosition(CHART_PLAN, CHART.topLeft);
      // eslint-disable-next-line office-addins/load-object-before-read
      const series = seriesCount?.value; // a ClientResult, as above
      const chartOk = !!chart && series === 2 && near(chart.top, at.top) && near(chart.left, at.left);
      add("chart", "Charts with named series, where planned", chartOk,
        chart ? `${series} series; at ${chart.top}, ${chart.left} points (planned ${at.top}, ${at.left})` : `no chart named "${chartName(CHART.title)}" was found`);

      step = "write a cell and wait for the change event";
      ws.getRange("F1").values = [[1]];
      await context.sync();
      const waitMs = options.eventWaitMs ?? 3000;
      for (let waited = 0; events === 0 && waited < waitMs; waited += 50) await new Promise((r) => setTimeout(r, 50));
      add("events", "Change events", events > 0, events > 0 ? `heard a change of ${eventAddress}` : `no change event within ${waitMs / 1000} s of a write (the pane's automatic refresh depends on them; Recalculate still works)`);

      // On the web: more than 5 MB written in requests under 4 MB each, as inserting does, and read back in blocks.
      if (large) {
        step = "write and read more than 5 MB";
        const rows = options.largeRows ?? 26_000;
        const line = (i: number) => `${String(i).padStart(6, "0")} ${"x".repeat(193)}`;
        const data = Array.from({ length: rows }, (_, i) => [line(i + 1)]);
        const op: SheetOp = { kind: "cells", property: "values", firstRow: 1, firstCol: 26, data, bytes: 150 + JSON.stringify(data).length };
        const chunks = chunkWork([{ name: sheetName, create: false, ops: [op] }]);
        for (const chunk of chunks) {
          for (const item of chunk) if (item.op) queueOp(ws, item.op);
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync(); // one request per 4 MB, as inserting does
        }
        const block = 5000; // about 1 MB a response
        let same = 0;
        for (let first = 1; first <= rows; first += block) {
          const last = Math.min(rows, first + block - 1);
          const range = ws.getRange(`Z${first}:Z${last}`).load("values");
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync(); // one response per 1 MB block: under the 5 MB response limit
          range.values.forEach((v, i) => { if (v[0] === line(first + i)) same++; });
        }
        const bytes = (op.bytes / 1024 / 1024).toFixed(1);
        add("large", "More than 5 MB written and read back (Excel on the web's limit)", same === rows,
          `${rows.toLocaleString("en-GB")} rows (${bytes} MB) written in ${chunks.length} requests, ${same.toLocaleString("en-GB")} read back unchanged`);
      } else {
        add("large", "More than 5 MB written and read back", true, "not needed here: the 5 MB request limit is Excel on the web's");
      }

      // Last request: the temporary sheet removed.
      step = "remove the temporary sheet";
      ws.delete();
      await context.sync();
      created = false;
    });
  } catch (e) {
    const words = toWorkbookError(e, { action: `${step} (Check Excel)`, sheets: [sheetName] }).message;
    add("run", `Could not ${step}`, false, words);
  }
  if (created) await removeSheet(host, sheetName, add);
  return report();
}

async function removeSheet(host: ExcelHost, name: string, add: (id: string, label: string, ok: boolean, detail: string) => void): Promise<void> {
  try {
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(name);
      ws.load("name");
      await context.sync();
      if (ws.isNullObject) return;
      ws.protection.load("protected");
      await context.sync();
      if (ws.protection.protected) ws.protection.unprotect();
      ws.delete();
      await context.sync();
    });
  } catch (e) {
    add("cleanup", "Temporary sheet removed", false, `delete the sheet "${name}" yourself (right-click its tab > Delete): ${e instanceof Error ? e.message : String(e)}`);
  }
}

function safeSupports(host: ExcelHost, version: string): boolean {
  try {
    return supports(host, version);
  } catch {
    return false;
  }
}
const near = (a: number, b: number) => Math.abs(a - b) < 0.6;

/** The self-check in the user's Excel (Office.js globals), for the pane's "Check Excel" (src/taskpane/views/SelfCheckView.tsx). */
export async function checkExcel(): Promise<SelfCheckReport> {
  const { officeHost } = await import("./host");
  return runSelfCheck({ host: officeHost(), diagnostics: officeDiagnostics() });
}

/** Which Excel this is, for IT: Office.context.diagnostics (version, platform). */
export function officeDiagnostics(): { version: string; platform: string } | null {
  try {
    const d = Office.context?.diagnostics;
    return d ? { version: d.version, platform: String(d.platform) } : null;
  } catch {
    return null;
  }
}
