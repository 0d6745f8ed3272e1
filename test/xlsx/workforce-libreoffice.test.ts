/**
 * The Workforce sheet in a real spreadsheet engine (issue 14): workbooks recalculated by LibreOffice, where every
 * formula's result equals the engine's value: the forecast strength, the variances and their RAG, the forecast
 * headcount at the count date, the gap, the % withheld from the Settings sheet's band table at each band's edges
 * (exactly 95%, exactly 99.99%, exactly 75%, just under 95% where no band is stated), a band table changed in the
 * settings, and the overtime table. Each reads back to the same report.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { sofficeAvailable } from "../support/libreoffice";
import { readWorkbook } from "../../src/plans/read";
import type { MonitoringPeriod } from "../../src/model/types";
import { reportOf, seedModel } from "../plans/support";
import { type Recalculated, formulaMismatches, writeAndRecalculateMany } from "./support";
import { describeWithEngines } from "../support/engines";
import { WORKFORCE_EXAMPLE, workforceWithBlanks } from "../support/workforce";
import { blankWorkforce } from "../../src/model/workforce";
import { OVERTIME_COLS, WORKFORCE_COLS, WORKFORCE_MARKERS, WORKFORCE_ROWS } from "../../src/plans/sheets/workforce/markers";
import { parseA1 } from "../../src/plans/a1";

const RAG_COL = parseA1(`${WORKFORCE_COLS.rag}1`).col;
const OVERTIME_RAG_COL = parseA1(`${OVERTIME_COLS.rag}1`).col;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;
const withForecast = (forecastHeadcount: string | null, edit: (doc: Doc) => void = () => {}) => () => seedModel((doc: Doc) => {
  doc.workforce = structuredClone(WORKFORCE_EXAMPLE);
  doc.workforce.officerTarget.forecastHeadcount = forecastHeadcount;
  edit(doc);
});

// Target 2,230: 95% is 2,118.5, 99.99% is 2,229.777, 75% is 1,672.5.
const models: Array<[string, () => MonitoringPeriod, string | null]> = [
  ["derived", withForecast(null), "170"],
  ["at-99.99", withForecast("2229.777"), "170"],
  ["at-95", withForecast("2118.5"), "170"],
  ["under-95", withForecast("2118.4"), null],
  ["at-75", withForecast("1672.5"), "1700"],
  ["at-100", withForecast("2230"), "0"],
  // The Home Office's rules changed: a band from 75% to 94.99% withholding 50%, as a settings change.
  ["band-added", withForecast("2100", (doc) => { doc.settings = { ...doc.settings, grantBands: { band4: { fromPct: 75, toPct: "94.99", withheldPct: 50 } } }; }), "850"],
  ["minus-convention", withForecast(null, (doc) => { doc.settings = { ...doc.settings, signConvention: "forecast-minus-budget", rag: { ...doc.settings?.rag, workforce: { amberPct: 1, redPct: "4.91" } } }; }), "170"],
  // Just inserted: no establishment, no strength typed (the blank sheet of the Insert form).
  ["blank", () => seedModel((doc: Doc) => { doc.workforce = { ...blankWorkforce("police") }; }), null],
  // Part entered: the PCSOs' strength and the staff's establishment not yet typed.
  ["partial", withForecast(null, (doc) => { doc.workforce.groups = workforceWithBlanks([[1, "actualFte"], [2, "establishmentFte"]]).groups; }), "170"],
  // Overtime rows added but not filled in: a reason with no forecast, another with nothing but its name.
  ["overtime-blank", withForecast(null, (doc) => {
    doc.workforce.overtime[1].forecast = null;
    doc.workforce.overtime.push({ group: "PCSOs", reason: "Mutual aid", budget: null, actualToDate: null, forecast: null });
  }), "170"],
];

/** What each group's RAG cell and the total's say, in the sheet's order. */
const RAGS: Record<string, string[]> = {
  blank: ["Not entered", "Not entered", "Not entered", "Not entered"],
  partial: ["Amber", "Not entered", "Not entered", "Not entered"],
  derived: ["Amber", "Red", "Red", "Red"],
};

/** What each overtime line's RAG cell says: the revenue line rule, or "Not entered" until its budget and forecast are typed. */
const OVERTIME_RAGS: Record<string, string[]> = {
  derived: ["Amber", "Green", "Green"],
  "overtime-blank": ["Amber", "Not entered", "Green", "Not entered"],
};

describeWithEngines({ LibreOffice: sofficeAvailable() })("the Workforce sheet recalculated in LibreOffice", () => {
  let dir: string;
  const cases = new Map<string, { model: MonitoringPeriod; book: Recalculated }>();
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "outturn-wf-"));
    const made = models.map(([name, make]): [string, MonitoringPeriod] => [name, make()]);
    const books = await writeAndRecalculateMany(made, dir);
    made.forEach(([name, model], i) => cases.set(name, { model, book: books[i] as Recalculated }));
  }, 180_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each(models.map(([name, , risk]) => [name, risk]))("%s: every formula equals the engine's value (grant at risk %s), and it reads back the same", (name, risk) => {
    const c = cases.get(name as string)!;
    expect(formulaMismatches(c.book.plan, c.book.grid)).toEqual([]);
    const sheet = c.book.grid.sheets.find((s) => s.name === "Workforce")!;
    const rows = c.book.plan.sheets.find((s) => s.kind === "Workforce")!.rowKeys;
    const atRisk = sheet.get(rows["target:grantAtRisk"]!, 2)?.value;
    expect(atRisk === "" || atRisk === null ? null : String(atRisk)).toBe(risk);
    const read = readWorkbook(c.book.grid);
    expect(read.checks.filter((x) => x.severity === "error").map((x) => `${x.id} ${x.where}`)).toEqual([]);
    expect(reportOf(read.model!)).toEqual(reportOf(c.model));
  });

  // A blank establishment or strength is "Not entered" in the cell, never a Green on blanks read as 0.
  test.each(Object.keys(RAGS))("%s: the RAG cells of the groups and the total", (name) => {
    const c = cases.get(name)!;
    const sheet = c.book.grid.sheets.find((s) => s.name === "Workforce")!;
    const rows = c.book.plan.sheets.find((s) => s.kind === "Workforce")!.rowKeys;
    const keys = [...c.model.workforce!.groups.map((_, i) => WORKFORCE_ROWS.group(i)), WORKFORCE_MARKERS.total];
    expect(keys.map((k) => sheet.get(rows[k]!, RAG_COL)?.value)).toEqual(RAGS[name]);
  });

  test.each(Object.keys(OVERTIME_RAGS))("%s: the overtime lines' RAG cells", (name) => {
    const c = cases.get(name)!;
    const sheet = c.book.grid.sheets.find((s) => s.name === "Workforce")!;
    const rows = c.book.plan.sheets.find((s) => s.kind === "Workforce")!.rowKeys;
    expect(c.model.workforce!.overtime!.map((_, i) => sheet.get(rows[WORKFORCE_ROWS.overtime(i)]!, OVERTIME_RAG_COL)?.value)).toEqual(OVERTIME_RAGS[name]);
  });
});
