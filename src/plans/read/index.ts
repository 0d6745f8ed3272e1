/**
 * Reading a workbook back: from a Grid (whatever opened the workbook) into the monitoring model, plus integrity
 * checks on the workbook itself. Pure.
 *
 * Each sheet's folder (src/plans/sheets/<sheet>/read.ts) reads its rows, found by the markers in its hidden key
 * column, so a row without a marker inside a section (a row the user inserted) is read as a new line of that section.
 * Here the parts become the model, and the plan Outturn would write for that model is compared with the workbook
 * (./integrity.ts): a formula replaced by a typed value, deleted, changed or showing an error (#REF!...), a total whose
 * SUM no longer covers its section, a line moved below its total; with text in an amount cell, a choice not in its
 * list and a missing or renamed sheet found on the way. Every check's `where` is a cell ("Revenue!F12",
 * "'Period history'!C6"), or a sheet name for a missing sheet.
 */
import type { ControlTotals, MonitoringPeriod } from "../../model/types";
import { semanticProblems } from "../../model/semantics";
import { structuralProblems } from "../../model/structure";
import { computePosition } from "../../engine/position";
import { type Check, type Place, sortChecks } from "../../engine/checks";
import { sheetPrefix } from "../a1";
import type { Grid } from "../grid";
import { type SheetNames, defaultSheetNames } from "../context";
import { buildWorkbookPlan } from "../workbook";
import { holdingEveryCell } from "../builder";
import { READ_SHEETS } from "../sheets";
import { readSettings } from "../sheets/settings/read";
import { readRevenue } from "../sheets/revenue/read";
import { readCapital } from "../sheets/capital/read";
import { readReserves } from "../sheets/reserves/read";
import { readSavings } from "../sheets/savings/read";
import { readHistory } from "../sheets/history/read";
import { readSummaryKeys } from "../sheets/summary/read";
import { applyProfiles, readProfiles } from "../sheets/profiles/read";
import { readSignoff } from "../sheets/signoff/read";
import { readActions } from "../sheets/actions/read";
import { readWorkforce } from "../sheets/workforce/read";
import { readVirements } from "../sheets/virements/read";
import type { GridSheet } from "../grid";
import { VIREMENTS_COLS } from "../sheets/virements/markers";
import { type Virement, virementChecks } from "../../engine/virements";
import { type BoardAction, actionChecks } from "../../engine/actions";
import { signoffChecks } from "../sheets/signoff/checks";
import { planInputs } from "../sheets/signoff/inputs";
import { type Hash, type LocatedInput, type SignOffBook, type SignOffStatus, signOffStatus } from "../../engine/signoff";
import { findSheets } from "./find-sheets";
import { formulaChecks, sumRangeChecks } from "./integrity";
import { locator } from "./locate";
import { Reader } from "./reader";

export { decimalOfNumber } from "./cells";

export interface WorkbookReadResult {
  /** Null when the workbook cannot be read into a period at all (the checks say why). */
  model: MonitoringPeriod | null;
  /** Integrity problems, errors first. */
  checks: Check[];
  /** The cell showing a model figure (as engine checks name it), e.g. "Revenue!E9"; null when not shown. */
  locate: (place: Place) => string | null;
  /** Every input now, with its cell (for the sign-off fingerprint and "what changed"); null when the period cannot be read. */
  inputs: LocatedInput[] | null;
  /** The Sign-off sheet's record, and where the period stands against it: null without the sheet (or when the period cannot be read). */
  signoffBook: SignOffBook | null;
  signoff: SignOffStatus | null;
  /** True when the workbook has a Sign-off record but was read without the hash (ReadOptions.hash): read it again with it. */
  signoffUnchecked: boolean;
  /** The Virements sheet's log; null without the sheet. */
  virements: Virement[] | null;
  /** The Actions sheet's actions; null without the sheet. */
  actions: BoardAction[] | null;
  /**
   * The Ledger mapping sheet as found (the ledger import's profile and mapping), read by src/plans/sheets/mapping/read.ts
   * when the import needs it, not with the period (its reader and the profile rules stay out of the pane's start-up).
   */
  ledgerSheet: GridSheet | null;
}

export interface ReadOptions {
  /** Sheet names other than the kinds' own, as for buildWorkbookPlan. */
  names?: Partial<SheetNames>;
  /**
   * The sign-off fingerprint's hash (src/engine/sha256.ts). Needed only by a workbook with a Sign-off record: without
   * it such a read has no sign-off status or checks and says so (signoffUnchecked), so the pane can load the hash for
   * signed workbooks alone.
   */
  hash?: Hash;
  /**
   * The model alone: no plan built to check the formulas against, so no formula checks, cells located, inputs or
   * sign-off status (the in-memory workbook's recalculation needs only the figures, after each of its writes).
   */
  modelOnly?: boolean;
}

export function readWorkbook(grid: Grid, options: ReadOptions = {}): WorkbookReadResult {
  const names = defaultSheetNames(options.names);
  const r = new Reader();
  const views = findSheets(grid, names, r);
  const settings = views.Settings ? readSettings(views.Settings, r) : null;
  const revenue = views.Revenue ? readRevenue(views.Revenue, r) : null;
  const capital = views.Capital ? readCapital(views.Capital, r) : null;
  const reserves = views.Reserves ? readReserves(views.Reserves, r) : null;
  const savings = views.Savings ? readSavings(views.Savings, r) : null;
  const profiles = views.Profiles ? readProfiles(views.Profiles, r) : [];
  const history = views.History ? readHistory(views.History, r) : [];
  if (views.Summary) readSummaryKeys(views.Summary, r);
  const signoffBook = views.Signoff ? readSignoff(views.Signoff, r) : null;
  const actions = views.Actions ? readActions(views.Actions, r) : null;
  const workforce = views.Workforce && settings ? readWorkforce(views.Workforce, r, settings.identity.financialYear) : null;
  const virements = views.Virements ? readVirements(views.Virements, r) : null;

  let model: MonitoringPeriod | null = null;
  if (settings && revenue && capital && reserves && savings) {
    const source = settings.controlSource;
    const anyControl = Object.keys(revenue.control.groups).length || revenue.control.totalNetRevenueExpenditure || revenue.control.netBudget ||
      capital.control.programme || capital.control.financing || Object.keys(reserves.control).length || savings.control;
    const controlTotals: ControlTotals | null = anyControl || source ? {
      source, revenue: revenue.control, capital: capital.control, reserves: reserves.control, savings: savings.control,
    } : null;
    model = {
      schemaVersion: 1,
      ...settings.identity,
      settings: settings.settings,
      revenue: { groups: applyProfiles(revenue.groups, profiles, r.rowKeys.Revenue ?? {}), transfers: revenue.transfers, netBudgetRef: revenue.netBudgetRef, netBudgetCommentary: revenue.netBudgetCommentary },
      capital: { lines: capital.lines, financing: capital.financing },
      reserves: reserves.reserves,
      savings: savings.schemes,
      history,
      ...(workforce ? { workforce } : {}),
      controlTotals,
    };
    // Lines, groups, reserves or closed periods that cannot be told apart, and the like (as the JSON loader refuses them).
    const sheetOf = (field: string): string => {
      const head = field.replace(/^controlTotals\./, "").split(/[.[]/)[0] ?? "";
      const kind = ({ revenue: "Revenue", capital: "Capital", reserves: "Reserves", savings: "Savings", history: "History" } as const)[head as "revenue"] ?? "Settings";
      return views[kind]?.name ?? names[kind];
    };
    for (const p of structuralProblems(model)) {
      r.add("structure", "error", `${sheetPrefix(sheetOf(p.field))}A1`, `${sheetOf(p.field)} sheet, ${p.field}: ${p.message}.`, { area: "workbook" });
    }
    for (const p of semanticProblems(model)) {
      const fatal = p.field === "reserves";
      r.add("model", "error", p.field === "revenue" ? `${sheetPrefix(names.Revenue)}C5` : p.field.startsWith("history") ? `${sheetPrefix(names.History)}A6` : `${sheetPrefix(names.Reserves)}A5`,
        `${p.message}.`, { area: p.field === "revenue" ? "revenue" : "workbook" });
      if (fatal) model = null;
    }
    if (model && revenue.groups.some((g) => g.lines.length === 0)) model = null;
  }
  let locate: (place: Place) => string | null = () => null;
  let inputs: LocatedInput[] | null = null;
  let signoff: SignOffStatus | null = null;
  if (model && !options.modelOnly) {
    const position = computePosition(model);
    // Its cells are all read below (formulaChecks) and kept: held from the first layout, not laid out twice.
    const plan = holdingEveryCell(() => buildWorkbookPlan(model, { names, position, signoff: signoffBook, hash: options.hash, actions, virements: virements?.log ?? null }));
    sumRangeChecks(r, views, READ_SHEETS.flatMap((e) => e.sections?.(r.rowKeys[e.kind] ?? {}) ?? []));
    formulaChecks(r, views, plan.sheets);
    // Planned rows -> rows found, by the plan's logical row keys.
    const keyOfRow = new Map(plan.sheets.map((sp) => [sp, new Map(Object.entries(sp.rowKeys).map(([k, row]) => [row, k]))]));
    const found = (sp: (typeof plan.sheets)[number], plannedRow: number) => {
      const key = keyOfRow.get(sp)?.get(plannedRow);
      return key === undefined ? undefined : r.rowKeys[sp.kind]?.[key];
    };
    const read = plan.sheets.filter((sp) => views[sp.kind] && r.rowKeys[sp.kind]);
    locate = locator(read, found, (sp) => views[sp.kind]?.name ?? sp.name);
    inputs = planInputs(plan, (sp, logical) => r.rowKeys[sp.kind]?.[logical], (sp) => views[sp.kind]?.name ?? sp.name);
    // Only a signed workbook is fingerprinted on reading (the hash of every input is not free on a large period).
    signoff = signoffBook && options.hash ? signOffStatus(signoffBook, inputs, options.hash) : null;
    if (signoff) r.checks.push(...signoffChecks(signoff, views.Signoff?.name ?? names.Signoff));
    if (actions) r.checks.push(...actionChecks(position, actions, views.Actions?.name ?? names.Actions, locate));
    if (virements) {
      const sheet = views.Virements?.name ?? names.Virements;
      r.checks.push(...virementChecks(model, virements.log, sheet, { change: locate, entry: (i) => `${sheetPrefix(sheet)}${VIREMENTS_COLS.line}${virements.rows[i] ?? 6}` }));
    }
  }
  const checks = sortChecks(r.checks);
  const signoffUnchecked = Boolean(model && signoffBook && !options.hash);
  return { model, checks, locate, inputs, signoffBook, signoff, signoffUnchecked, actions, virements: virements?.log ?? null, ledgerSheet: views.Mapping?.sheet ?? null };
}
