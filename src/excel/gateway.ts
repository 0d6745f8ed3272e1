/**
 * ExcelGateway: the task pane's WorkbookGateway on the open workbook, through Office.js. src/excel is the only code
 * in Outturn that touches Office.js.
 *
 * Round trips (each `context.sync()` is one; none is inside a loop over lines or cells):
 * - insertSheets: 1 sync to learn which sheets exist (and whether the workbook structure is protected), then ONE
 *   sync carrying every write for every sheet, the Slides sheet's charts included (queued after the cells; an
 *   upgraded Slides sheet's old charts, loaded with its used range, are deleted first). With onExisting "upgrade" and an existing sheet, one more sync in
 *   between reads the existing sheets' inputs: 3 in all. Only when the writes would exceed Excel on the web's 5 MB
 *   request limit are they split into several requests (src/excel/render.ts, chunkWork): one more sync for each
 *   further 4 MB, whatever the number of lines below that.
 * - readPeriod: 2 (which sheets exist; every Outturn sheet's used range in one sync), and a 3rd only when an Outturn
 *   sheet is missing and another sheet's title shows it was renamed. status: 2. writeSettings: 3 (does Settings
 *   exist; its rows; the write). selectCell: 1. onMonitoringChanged: 2.
 * - closePeriod / reopenPeriod: 3 (the sheets; their used ranges and the History sheet's protection; one request that
 *   unprotects, rewrites and protects the History sheet), or 2 when there is nothing to change (closing twice).
 *
 * Own writes and change events: while Outturn writes, `context.runtime.enableEvents` is false (ExcelApi 1.8), so the
 * writes raise no onChanged event; events that still arrive from Outturn's own writes are dropped by their
 * `triggerSource` "ThisLocalAddin" (ExcelApi 1.14) and by a guard that ignores events during a write and for
 * OWN_WRITE_GRACE_MS after it. Change events can also arrive late or not at all (rapid edits; Excel on the web
 * raises none when a value is picked from a drop-down list), so the pane keeps a manual Recalculate.
 */
import type { MonitoringPeriod, Settings, SheetKind } from "../workbook/plan-port";
import type { CellRef, CloseResult, InsertRequest, InsertResult, WorkbookGateway, WorkbookRead, WorkbookStatus } from "../workbook/gateway";
import type { PeriodId } from "../model/types";
import { isoToday, planClose, planReopen, type ClosingPlan } from "../workbook/closing";
import { WorkbookError } from "../workbook/gateway";
import type { Grid, GridSheet } from "../plans/grid";
import type { WorkbookPlan } from "../plans/types";
import { SHEET_KINDS_IN_ORDER, defaultSheetNames } from "../plans/context";
import { sheetPrefix } from "../plans/a1";
import { type ExcelHost, NEEDS, officeHost, requireApi, supports } from "./host";
import { toWorkbookError } from "./errors";
import { chunkWork, renderSheet, type Chunk, type RenderFeatures, type SheetWork } from "./render";

import { failedAt, queueOp } from "./apply";
import { gridSheetFromRange } from "./grid";
import { defaultPlanPort, type PlanPort } from "../workbook/plan-port";
import { settingsEditOps, settingsIdentity, settingsUnits } from "./settings";

/** The sheets Outturn inserts, in tab order. */
export const OUTTURN_SHEETS: readonly SheetKind[] = SHEET_KINDS_IN_ORDER;
/** Each kind's sheet name ("History" is "Period history": Excel reserves "History"). */
export const SHEET_NAMES = defaultSheetNames();
/** Events this long after Outturn's own write are taken to be its own (Excel can deliver them late). */
export const OWN_WRITE_GRACE_MS = 1000;

export interface ExcelGatewayOptions {
  host?: ExcelHost;
  plans?: PlanPort;
  /** Milliseconds since some epoch; tests pass a fake clock. */
  now?: () => number;
  /** The date a period is closed on, YYYY-MM-DD (default: today). */
  today?: () => string;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
/** The kind of an Outturn sheet, by its name. */
export const kindOfName = (name: string): SheetKind | null => OUTTURN_SHEETS.find((k) => same(SHEET_NAMES[k], name)) ?? null;

/** "Revenue (2)", "Revenue (3)"... the first name no sheet has (Excel compares names case-insensitively; 31 characters at most). */
export function freeName(base: string, taken: string[]): string {
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken.some((t) => same(t, name))) return name;
  }
}

/** "A1:K40" from "Revenue!A1:K40" or "'Revenue (2)'!A1:K40". */
export function localAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang >= 0 ? address.slice(bang + 1) : address;
}
/** "A:K" from "A1:K40". */
function columnsOf(local: string): string {
  const letters = local.split(":").map((p) => p.replace(/[^A-Za-z]/g, ""));
  return `${letters[0]}:${letters[letters.length - 1]}`;
}

/** Sheets the plan's formulas refer to, among `candidates`, that are not in `available`. */
export function missingReferences(plan: WorkbookPlan, candidates: string[], available: string[]): string[] {
  const missing = new Set<string>();
  for (const sheet of plan.sheets) {
    for (const cell of sheet.cells) {
      if (cell.content.kind !== "formula") continue;
      for (const name of candidates) {
        if (!available.some((a) => same(a, name)) && cell.content.formula.includes(sheetPrefix(name))) missing.add(name);
      }
    }
  }
  return [...missing];
}

function gridOf(name: string, range: Excel.Range): GridSheet {
  return range.isNullObject ? gridSheetFromRange(name, "A1", [], []) : gridSheetFromRange(name, range.address, range.values, range.formulas, range.valueTypes);
}

/** What an insert that failed part of the way, or could not freeze its headings, needs (loaded only then). */
const recovery = () => import("./insert-recovery");

type ChangeListener = (args: Excel.WorksheetChangedEventArgs) => Promise<void>;
interface Subscription {
  listener: ChangeListener;
  registrations: Array<OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>>;
}

export class ExcelGateway implements WorkbookGateway {
  private readonly host: ExcelHost;
  private readonly plans: PlanPort;
  private readonly now: () => number;
  private readonly today: () => string;
  /** Outturn writes under way, and when the last one ended (for the change-event guard). */
  private ownWrites = 0;
  private lastOwnWriteEnd = -Infinity;
  /** Active onMonitoringChanged subscriptions: sheets Outturn inserts later are watched too. */
  private readonly subscriptions = new Set<Subscription>();

  constructor(options: ExcelGatewayOptions = {}) {
    this.host = options.host ?? officeHost();
    this.plans = options.plans ?? defaultPlanPort();
    this.now = options.now ?? (() => Date.now());
    this.today = options.today ?? (() => isoToday());
  }

  /* ------------------------------------------------------------------------------------------------------ */

  async status(): Promise<WorkbookStatus> {
    requireApi(this.host, NEEDS.read);
    const { grid, present } = await this.readGrid("look at the workbook", ["Settings"], false);
    const settings = grid.sheets.find((s) => same(s.name, SHEET_NAMES.Settings));
    return {
      sheets: OUTTURN_SHEETS.filter((k) => present.includes(k)),
      identity: settings ? settingsIdentity(settings, this.settingsPlan(settings.name, "£000").sheet) : null,
    };
  }

  async readPeriod(): Promise<WorkbookRead> {
    requireApi(this.host, NEEDS.read);
    const { grid } = await this.readGrid("read the workbook", OUTTURN_SHEETS, true);
    return this.plans.read(grid);
  }

  /** The Settings sheet Outturn would write for these settings (blank identity: only its layout and settings rows are used). */
  private settingsPlan(name: string, units: "£000" | "£", settings?: Settings) {
    const model = this.plans.blank({ organisation: "", financialYear: "", period: "Q1", units });
    if (settings) model.settings = settings;
    const plan = this.plans.build(model, ["Settings"], { Settings: name });
    const sheet = plan.sheets.find((s) => s.kind === "Settings");
    if (!sheet) throw new Error("the plans made no Settings sheet");
    return { sheet, styles: plan.styles };
  }

  /**
   * The used range (values, formulas, value types) of the Outturn sheets of the `only` kinds, in tab order, and the
   * kinds present by name: 2 syncs. With `findRenamed`, when a kind is missing, the A1 cell of every other sheet
   * comes with the second sync; a sheet the reader recognises by its title as a renamed Outturn sheet is then read
   * in a third.
   */
  private async readGrid(action: string, only: readonly SheetKind[], findRenamed: boolean): Promise<{ grid: Grid; present: SheetKind[] }> {
    try {
      return await this.host.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name");
        await context.sync();
        const items = worksheets.items;
        const present = items.map((ws) => kindOfName(ws.name)).filter((k): k is SheetKind => k !== null);
        const ours = items.filter((ws) => {
          const kind = kindOfName(ws.name);
          return kind !== null && only.includes(kind);
        });
        const used = ours.map((ws) => {
          const range = ws.getUsedRangeOrNullObject(true);
          range.load("address, values, formulas, valueTypes");
          return { name: ws.name, range };
        });
        const looking = findRenamed && only.some((k) => !present.includes(k));
        const others = looking ? items.filter((ws) => kindOfName(ws.name) === null).map((ws) => {
          const a1 = ws.getRange("A1");
          a1.load("values");
          return { name: ws.name, a1 };
        }) : [];
        if (used.length + others.length > 0) await context.sync();
        const sheets: GridSheet[] = used.map(({ name, range }) => gridOf(name, range));

        const titled = others.filter((o) => typeof o.a1.values[0]?.[0] === "string" && o.a1.values[0][0] !== "");
        if (titled.length > 0) {
          // Let the reader say which of them it takes for a renamed Outturn sheet (it knows the titles).
          const trial = this.plans.read({ sheets: [...sheets, ...titled.map((o) => gridSheetFromRange(o.name, "A1", o.a1.values, [[null]]))] });
          const renamed = titled.filter((o) => trial.checks.some((c) => c.id === "sheet-renamed" && c.where.startsWith(sheetPrefix(o.name))));
          if (renamed.length > 0) {
            const more = renamed.map((o) => {
              const range = items.find((ws) => ws.name === o.name)?.getUsedRangeOrNullObject(true);
              range?.load("address, values, formulas, valueTypes");
              return { name: o.name, range };
            });
            await context.sync();
            for (const m of more) if (m.range) sheets.push(gridOf(m.name, m.range));
          }
        }
        const order = items.map((ws) => ws.name);
        sheets.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
        return { grid: { sheets }, present };
      });
    } catch (e) {
      throw toWorkbookError(e, { action });
    }
  }

  /* ------------------------------------------------------------------------------------------------------ */

  async insertSheets(request: InsertRequest): Promise<InsertResult> {
    requireApi(this.host, NEEDS.insert);
    const unknown = request.sheets.filter((k) => !OUTTURN_SHEETS.includes(k));
    if (unknown.length > 0) {
      throw new WorkbookError(`Outturn has no sheet template for ${unknown.join(", ")}.`, "Invalid");
    }
    const kinds = OUTTURN_SHEETS.filter((k) => request.sheets.includes(k));
    if (kinds.length === 0) throw new WorkbookError("Choose at least one sheet to insert.", "Invalid");
    const features: RenderFeatures = { indent: supports(this.host, "1.9"), pageLayout: supports(this.host, "1.9") };
    const action = "insert the sheets";
    let involved: string[] = kinds.map((k) => SHEET_NAMES[k]);
    // Once writing starts: what is being written and how many requests reached Excel (src/excel/insert-recovery.ts).
    let progress: { chunks: Chunk[]; synced: number; work: SheetWork[] } | null = null;
    this.ownWrites++;
    let eventsOff = false;
    try {
      return await this.host.run(async (context): Promise<InsertResult> => {
        // Sync 1: which sheets exist, and may sheets be added at all.
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name");
        const protection = context.workbook.protection;
        protection.load("protected");
        await context.sync();
        const existing = worksheets.items.map((ws) => ws.name);
        const exists = (name: string) => existing.some((n) => same(n, name));
        const conflicts = kinds.filter((k) => exists(SHEET_NAMES[k]));
        if (conflicts.length > 0 && request.onExisting === "ask") return { status: "conflict", existing: conflicts };

        const inPlace = request.onExisting === "upgrade" ? conflicts : [];
        // Every kind's name: the new name of an inserted sheet; the name a sheet not inserted has (formulas refer to it).
        const names: Partial<Record<SheetKind, string>> = {};
        const taken = [...existing];
        for (const k of OUTTURN_SHEETS) {
          const base = SHEET_NAMES[k];
          const name = kinds.includes(k) && conflicts.includes(k) && request.onExisting === "alongside" ? freeName(base, taken) : base;
          names[k] = name;
          if (kinds.includes(k)) taken.push(name);
        }
        involved = kinds.map((k) => names[k] as string);
        if (kinds.some((k) => !inPlace.includes(k)) && protection.protected) {
          throw new WorkbookError(
            "The workbook's structure is protected, so Outturn cannot add sheets. Unprotect it (Review > Protect Workbook), then try again. Nothing was changed.",
            "Protected");
        }

        // Sync 2 (upgrade only): the existing Outturn sheets, read back so every input the user typed is kept.
        const identity = { organisation: request.organisation, financialYear: request.financialYear, period: request.period, units: request.units };
        let model: MonitoringPeriod = request.model ?? this.plans.blank(identity);
        const reset = new Map<string, { address: string; columns: string }>();
        const oldCharts: Array<{ name: string; charts: Excel.ChartCollection }> = [];
        let historyProtected = false;
        if (inPlace.length > 0) {
          const ours = worksheets.items.filter((ws) => kindOfName(ws.name) !== null);
          const used = ours.map((ws) => {
            const range = ws.getUsedRangeOrNullObject();
            range.load("address, values, formulas, valueTypes");
            const sheetProtection = ws.protection;
            sheetProtection.load("protected");
            const kind = kindOfName(ws.name);
            // A Slides sheet being upgraded: its charts (drawn by an earlier insert) are deleted and drawn again.
            const charts = kind === "Slides" && inPlace.includes(kind) ? ws.charts.load("items/name") : null;
            return { name: ws.name, kind, range, protection: sheetProtection, charts };
          });
          await context.sync();
          // The History sheet is protected by Outturn itself (Close period): unprotected, written and protected again.
          const locked = used.filter((u) => u.protection.protected && u.kind && u.kind !== "History" && inPlace.includes(u.kind)).map((u) => u.name);
          historyProtected = used.some((u) => u.kind === "History" && u.protection.protected);
          if (locked.length > 0) {
            throw new WorkbookError(
              `Outturn cannot upgrade ${locked.map((n) => `"${n}"`).join(", ")}: the sheet is protected. Unprotect it (Review > Unprotect Sheet), then try again. Nothing was changed.`,
              "Protected");
          }
          const read = this.plans.read({ sheets: used.map((u) => gridOf(u.name, u.range)) });
          if (!read.model) {
            const why = read.checks.filter((c) => c.severity === "error").slice(0, 3).map((c) => `${c.where}: ${c.message}`).join(" ");
            throw new WorkbookError(
              `Outturn could not read the figures on the existing sheets, so it did not upgrade them (that would lose what you typed). Nothing was changed. ${why}`.trim(),
              "Unreadable");
          }
          // Every input as read from the workbook; the identity (organisation, year, period, units) as asked for.
          model = { ...read.model, ...identity };
          for (const u of used) if (u.charts) oldCharts.push({ name: u.name, charts: u.charts });
          for (const u of used) {
            if (!u.range.isNullObject && u.kind && inPlace.includes(u.kind)) {
              const local = localAddress(u.range.address);
              reset.set(u.name.toLowerCase(), { address: local, columns: columnsOf(local) });
            }
          }
        }

        // The plan, rendered to range operations.
        const plan = this.plans.build(model, kinds, names);
        const inserted = plan.sheets.map((s) => s.name);
        const absent = missingReferences(plan, OUTTURN_SHEETS.map((k) => names[k] as string), [...existing, ...inserted]);
        if (absent.length > 0) {
          throw new WorkbookError(
            `The sheets you chose read figures from ${absent.map((n) => `"${n}"`).join(", ")}, which ${absent.length === 1 ? "is" : "are"} not in the workbook. Tick ${absent.length === 1 ? "it" : "them"} too, then insert again. Nothing was changed.`,
            "MissingSheet");
        }
        const work: SheetWork[] = plan.sheets.map((sheetPlan) => {
          const old = reset.get(sheetPlan.name.toLowerCase());
          const kind = sheetPlan.kind;
          return {
            name: sheetPlan.name,
            create: !inPlace.includes(kind),
            ops: renderSheet(sheetPlan, plan.styles, {
              features, resetAddress: old?.address, resetColumns: old?.columns,
              protection: kind === "History" ? { unprotectFirst: inPlace.includes(kind) && historyProtected, protect: historyProtected || model.history.length > 0 } : undefined,
            }),
          };
        });

        // The Slides sheet's charts are drawn by a module of their own, fetched only when there are charts to draw.
        const charted = plan.sheets.filter((s) => (s.charts ?? []).length > 0);
        const chartModule = charted.length > 0 ? await import(/* webpackChunkName: "excel-charts" */ "./charts") : null;

        // In as few requests as the 5 MB limit allows: one for any ordinary workbook.
        const chunks = chunkWork(work);
        const sheetsByName = new Map<string, Excel.Worksheet>();
        const sheetFor = (name: string) => {
          let ws = sheetsByName.get(name);
          if (!ws) {
            ws = worksheets.getItem(name);
            sheetsByName.set(name, ws);
          }
          return ws;
        };
        progress = { chunks, synced: 0, work };
        const freezes: typeof chunks[number] = [];
        let freezeRefused = false;
        for (let i = 0; i < chunks.length; i++) {
          if (i === 0) {
            // Outturn's own writes raise no change events (ExcelApi 1.8); turned back on in the last request.
            context.runtime.enableEvents = false;
            eventsOff = true;
          }
          for (const item of chunks[i] ?? []) {
            if (item.create) sheetsByName.set(item.sheet, worksheets.add(item.sheet));
            else if (item.op?.kind === "freeze") freezes.push(item);
            else if (item.op) queueOp(sheetFor(item.sheet), item.op);
          }
          if (i === chunks.length - 1) {
            // Charts after every cell they show is written, in this same request: old ones deleted, the plan's added.
            for (const old of oldCharts) chartModule?.queueDeleteCharts(old.charts); // Outturn's own, not the user's
            for (const sheetPlan of charted) chartModule?.queueCharts(sheetFor(sheetPlan.name), sheetPlan);
            const first = work[0];
            if (first) sheetFor(first.name).activate();
            // Sheets added now are watched by the pane's change subscriptions too (same request, no extra sync).
            for (const sub of this.subscriptions) {
              for (const w of work) if (w.create) sub.registrations.push(sheetFor(w.name).onChanged.add(sub.listener));
            }
            context.runtime.enableEvents = true;
            // Freeze panes last of all: if Excel refuses them (office-js#2196), everything else is already in.
            for (const f of freezes) if (f.op) queueOp(sheetFor(f.sheet), f.op);
          }
          // One request per chunk: a chunk is up to 4 MB of writes (Excel on the web refuses requests over 5 MB),
          // so this loop runs once for any ordinary workbook and once per further 4 MB for a huge one.
          try {
            // eslint-disable-next-line office-addins/no-context-sync-in-loop
            await context.sync();
          } catch (e) {
            if (i < chunks.length - 1 || !failedAt(e, /freezePanes/i)) throw e;
            freezeRefused = true;
          }
          progress.synced = i + 1;
        }
        eventsOff = false;
        progress = null;
        // `warnings` (when Excel would not freeze the headings) is for the pane to show beside the success.
        const result = {
          status: "inserted" as const, sheets: inserted,
          warnings: freezeRefused ? [(await recovery()).FREEZE_WARNING] : undefined,
        };
        return result;
      });
    } catch (e) {
      if (eventsOff) await this.restoreEvents();
      const cause = toWorkbookError(e, { action, sheets: involved });
      if (!progress) throw cause;
      // Writing had begun: the sheets this insert added are removed, and the error says how far it got.
      throw await (await recovery()).recoverFailedInsert(this.host, cause, progress);
    } finally {
      this.ownWrites--;
      this.lastOwnWriteEnd = this.now();
    }
  }

  /** After a failed write that turned events off: turn them back on (one more request, on the failure path only). */
  private async restoreEvents(): Promise<void> {
    try {
      await this.host.run(async (context) => {
        context.runtime.enableEvents = true;
        await context.sync();
      });
    } catch {
      // Excel still busy (e.g. a cell being edited): events come back on at the next successful write.
    }
  }

  /* ------------------------------------------------------------------------------------------------------ */

  async writeSettings(settings: Settings): Promise<void> {
    requireApi(this.host, NEEDS.insert);
    const action = "save the settings";
    const sheetName = SHEET_NAMES.Settings;
    this.ownWrites++;
    let eventsOff = false;
    try {
      await this.host.run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(sheetName);
        ws.load("name");
        await context.sync();
        if (ws.isNullObject) {
          throw new WorkbookError(`There is no ${sheetName} sheet in this workbook. Insert it first (Insert sheets > ${sheetName}), then save the settings again.`, "NotFound");
        }
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("address, values, formulas, valueTypes");
        const protection = ws.protection;
        protection.load("protected");
        await context.sync();
        if (used.isNullObject) {
          throw new WorkbookError(`The ${sheetName} sheet is empty. Insert it again (Insert sheets > ${sheetName}, Upgrade), then save the settings again.`, "Unreadable");
        }
        const sheet = gridSheetFromRange(ws.name, used.address, used.values, used.formulas, used.valueTypes);
        const units = settingsUnits(sheet, this.settingsPlan(ws.name, "£000").sheet) ?? "£000";
        const target = this.settingsPlan(ws.name, units, settings);
        // On a protected sheet only the (unlocked) input cells' values may change, not their formats.
        const edit = settingsEditOps(sheet, target.sheet, target.styles, { formats: !protection.protected });
        if (edit.missing.length > 0) {
          throw new WorkbookError(
            `The ${sheetName} sheet has lost the rows for ${edit.missing.slice(0, 3).join(", ")}${edit.missing.length > 3 ? "…" : ""}. Upgrade it (Insert sheets > ${sheetName}, Upgrade), then save the settings again. Nothing was changed.`,
            "Unreadable");
        }
        context.runtime.enableEvents = false;
        eventsOff = true;
        for (const op of edit.ops) queueOp(ws, op);
        context.runtime.enableEvents = true;
        await context.sync();
        eventsOff = false;
      });
    } catch (e) {
      if (eventsOff) await this.restoreEvents();
      throw toWorkbookError(e, { action, sheets: [sheetName] });
    } finally {
      this.ownWrites--;
      this.lastOwnWriteEnd = this.now();
    }
  }

  /* ------------------------------------------------------------------------------------------------------ */

  async closePeriod(): Promise<CloseResult> {
    return this.rewriteHistory("close the period", (read) => planClose(read, this.today()));
  }

  async reopenPeriod(period: PeriodId): Promise<CloseResult> {
    return this.rewriteHistory(`reopen ${period}`, (read) => planReopen(read, period));
  }

  /**
   * Close or reopen, in one Excel.run of at most 3 syncs: (1) the sheets' names; (2) every Outturn sheet's used range
   * and the History sheet's protection; then, unless nothing changes, (3) ONE request that unprotects the History
   * sheet, rewrites it, locks its cells and protects it again. Nothing else is written: the Summary finds the previous
   * period on the History sheet by formula.
   */
  private async rewriteHistory(action: string, decide: (read: WorkbookRead) => ClosingPlan): Promise<CloseResult> {
    requireApi(this.host, NEEDS.close);
    const features: RenderFeatures = { indent: supports(this.host, "1.9"), pageLayout: supports(this.host, "1.9") };
    const historyName = SHEET_NAMES.History;
    this.ownWrites++;
    let eventsOff = false;
    try {
      return await this.host.run(async (context) => {
        // Sync 1: which sheets there are.
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name");
        const protection = context.workbook.protection;
        protection.load("protected");
        await context.sync();
        const ours = worksheets.items.filter((ws) => kindOfName(ws.name) !== null);
        // Sync 2: what they hold, and the History sheet's extent (formats included) and protection.
        const used = ours.map((ws) => {
          const range = ws.getUsedRangeOrNullObject(true);
          range.load("address, values, formulas, valueTypes");
          return { name: ws.name, range };
        });
        const historyItem = ours.find((ws) => kindOfName(ws.name) === "History");
        const extent = historyItem?.getUsedRangeOrNullObject();
        extent?.load("address");
        const historyProtection = historyItem?.protection;
        historyProtection?.load("protected");
        await context.sync();
        const decision = decide(this.plans.read({ sheets: used.map((u) => gridOf(u.name, u.range)) }));
        if (!decision.model) return decision.result;
        if (!historyItem && protection.protected) {
          throw new WorkbookError(`There is no ${historyName} sheet and the workbook's structure is protected, so Outturn cannot add it. Unprotect the workbook (Review > Protect Workbook), then try again. Nothing was changed.`, "Protected");
        }

        // Sync 3: the History sheet rewritten (unprotect, clear, write, lock, protect), in one request.
        const plan = this.plans.build(decision.model, ["History"], {});
        const sheetPlan = plan.sheets.find((sp) => sp.kind === "History");
        if (!sheetPlan) throw new Error("the plans made no History sheet");
        const old = extent && !extent.isNullObject ? localAddress(extent.address) : undefined;
        const ops = renderSheet(sheetPlan, plan.styles, {
          features, resetAddress: old, resetColumns: old ? columnsOf(old) : undefined,
          protection: { unprotectFirst: historyProtection?.protected ?? false, protect: true },
        });
        context.runtime.enableEvents = false;
        eventsOff = true;
        const ws = historyItem ? worksheets.getItem(historyItem.name) : worksheets.add(historyName);
        for (const op of ops) queueOp(ws, op);
        if (!historyItem) for (const sub of this.subscriptions) sub.registrations.push(ws.onChanged.add(sub.listener));
        context.runtime.enableEvents = true;
        await context.sync();
        eventsOff = false;
        return decision.result;
      });
    } catch (e) {
      if (eventsOff) await this.restoreEvents();
      throw toWorkbookError(e, { action, sheets: [historyName] });
    } finally {
      this.ownWrites--;
      this.lastOwnWriteEnd = this.now();
    }
  }

  /* ------------------------------------------------------------------------------------------------------ */

  async selectCell(ref: CellRef): Promise<void> {
    requireApi(this.host, NEEDS.select);
    try {
      await this.host.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(ref.sheet);
        ws.activate();
        ws.getRange(ref.address).select();
        await context.sync();
      });
    } catch (e) {
      throw toWorkbookError(e, { action: `go to ${ref.sheet}!${ref.address}`, sheets: [ref.sheet] });
    }
  }

  /* ------------------------------------------------------------------------------------------------------ */

  async onMonitoringChanged(handler: () => void): Promise<() => void> {
    requireApi(this.host, NEEDS.events);
    let active = true;
    const listener: ChangeListener = async (args) => {
      if (!active) return;
      if (args.triggerSource === "ThisLocalAddin") return;
      if (this.ownWrites > 0 || this.now() - this.lastOwnWriteEnd < OWN_WRITE_GRACE_MS) return;
      handler();
    };
    const subscription: Subscription = { listener, registrations: [] };
    try {
      await this.host.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name");
        await context.sync();
        for (const ws of worksheets.items) {
          if (kindOfName(ws.name) !== null) subscription.registrations.push(ws.onChanged.add(listener));
        }
        await context.sync();
      });
    } catch (e) {
      throw toWorkbookError(e, { action: "watch the monitoring sheets for changes" });
    }
    this.subscriptions.add(subscription);
    return () => {
      active = false;
      this.subscriptions.delete(subscription);
      // Detach from Excel too, each registration in its own request context, as Office.js requires (best effort: the
      // handler is already inert). One request per context: the subscription's, and one per insert since.
      const byContext = new Map<OfficeExtension.ClientRequestContext, Subscription["registrations"]>();
      for (const r of subscription.registrations) byContext.set(r.context, [...(byContext.get(r.context) ?? []), r]);
      for (const [ctx, regs] of byContext) void this.detach(ctx, regs);
    };
  }

  /** Removes event handlers registered in `ctx`: one request. */
  private async detach(ctx: OfficeExtension.ClientRequestContext, registrations: Subscription["registrations"]): Promise<void> {
    try {
      await this.host.runWith(ctx, async (context) => {
        for (const r of registrations) r.remove();
        await context.sync();
      });
    } catch {
      // The context is gone (the pane reloaded, the workbook closed): nothing left to detach from.
    }
  }
}
