/**
 * Applying a ledger import to a workbook (or undoing it), the part both gateways share (pure): the cells to write are
 * the input cells whose value differs between the period as read and the period with the import's changes, found by
 * the sign-off's input keys (sheet, logical row and field) at the rows read back, so lines the user inserted or moved
 * are followed. Only the actual to date, budget and commitments cells of the lines the import names can be among them: anything
 * else (a forecast, a commentary) would be a fault, and is refused before anything is written. Before writing, each
 * changed cell must still hold what the preview showed (the old value; the imported one for an undo): a workbook
 * edited since the preview is refused in words, cell by cell, and the user previews again. Taking projections into
 * forecasts (issue 13) goes the same way with forecast changes only: then a forecast cell, and nothing else, may be
 * written; a list mixing forecasts with imported columns is refused as a fault.
 */
import type { MonitoringPeriod } from "../model/types";
import type { LocatedInput } from "../engine/signoff";
import type { PlanCell } from "../plans/types";
import { parseA1, unquotedSheet } from "../plans/a1";
import { planInputs } from "../plans/sheets/signoff/inputs";
import { CHANGE_COLUMN_WORDS, IMPORT_COLUMN_WORDS, type LineChange, applyImport, columnValue, isTake } from "../ledger/apply";
import { lineTargets } from "../ledger/targets";
import type { ImportDirection, ImportResult, WorkbookRead } from "./gateway";
import type { PlanPort } from "./plan-port";
import { WorkbookError } from "./errors";
import { SHEET_NAMES } from "./names";

/** One input cell to write: its sheet as named in the workbook, where, and the planned cell (its value). */
export interface ImportWrite {
  sheet: string;
  row: number;
  col: number;
  /** e.g. "Revenue!D9". */
  where: string;
  cell: PlanCell;
  /** The value as a cell takes it: a number, or "" to clear it. */
  value: number | "";
}

const IMPORTED_FIELDS = new Set<string>(Object.keys(IMPORT_COLUMN_WORDS));
const KINDS = ["Revenue", "Capital"] as const;

/** "Revenue!D9" or "'Revenue (2)'!D9" as its sheet and cell. */
function splitWhere(where: string): { sheet: string; row: number; col: number } {
  const bang = where.lastIndexOf("!");
  return { sheet: unquotedSheet(where.slice(0, bang)), ...parseA1(where.slice(bang + 1)) };
}

const shown = (v: { toFixed(): string } | null) => (v === null ? "blank" : v.toFixed());

/**
 * The writes that apply (or undo) `changes` to the workbook as `read`, or the WorkbookError saying why not (nothing
 * is written then). No writes when every cell already holds its value (importing the same file again).
 */
export function planImportWrites(read: WorkbookRead, changes: readonly LineChange[], direction: ImportDirection, plans: PlanPort): ImportWrite[] {
  const model = read.model;
  const take = isTake(changes);
  const action = take ? (direction === "apply" ? "take the projections" : "undo taking the projections") : direction === "apply" ? "import the ledger" : "undo the import";
  const done = take ? "take" : "import";
  if (!take && changes.some((c) => c.column === "forecastOutturn")) {
    throw new WorkbookError(`Outturn could not ${action}: the changes mix forecasts with imported figures, which neither an import nor taking a projection does. Nothing was changed; please report this.`, "Unexpected");
  }
  const allowed: ReadonlySet<string> = take ? new Set(["forecastOutturn"]) : IMPORTED_FIELDS;
  if (!model || !read.inputs) {
    throw new WorkbookError(`Outturn could not ${action}: the workbook cannot be read into a period (see Checks). Correct it, then preview the ${done} again. Nothing was changed.`, "Unreadable");
  }
  // A Revenue sheet from before commitments has no column for them: written there, they would not be read back.
  if (changes.some((c) => c.column === "commitments") && read.checks.some((c) => c.id === "commitments-column")) {
    throw new WorkbookError(`Outturn could not ${action}: the Revenue sheet has no commitments column (it came with an earlier version of Outturn). Upgrade it (Insert > Revenue > Upgrade, which keeps every value typed), then preview the import again. Nothing was changed.`, "Invalid");
  }
  // Each cell still as the preview saw it (for an undo: as the import left it).
  const byPath = new Map(lineTargets(model).map((t) => [t.path, t]));
  const stale: string[] = [];
  for (const c of changes) {
    const target = byPath.get(c.path);
    const expected = direction === "apply" ? c.old : c.new;
    const now = target ? columnValue(target.line, c.column) : undefined;
    if (now === undefined) stale.push(`${c.label} is no longer in the workbook`);
    else if (!(now === null ? expected === null : expected !== null && now.equals(expected))) {
      stale.push(`${c.label}, ${CHANGE_COLUMN_WORDS[c.column]}, is ${shown(now)} where the ${direction === "apply" ? "preview" : done} had ${shown(expected)}`);
    }
  }
  if (stale.length > 0) {
    throw new WorkbookError(
      `The workbook changed since the ${direction === "apply" ? "preview" : done}: ${stale.slice(0, 3).join("; ")}${stale.length > 3 ? ` (and ${stale.length - 3} more)` : ""}. ${direction === "apply" ? `Preview the ${done} again` : `Check those cells; undo is only offered while the ${take ? "forecasts are as taken" : "imported figures are as imported"}`}. Nothing was changed.`,
      "Invalid");
  }

  const target: MonitoringPeriod = applyImport(model, changes, direction);
  const before = new Map<string, LocatedInput>();
  for (const i of read.inputs) if (KINDS.some((k) => i.key.startsWith(`${k}|`))) before.set(i.key, i);
  const names = { Revenue: sheetNameOf(read.inputs, "Revenue"), Capital: sheetNameOf(read.inputs, "Capital") };
  const plan = plans.build(target, [...KINDS], names);
  const writes: ImportWrite[] = [];
  for (const sp of plan.sheets) {
    const cellAt = new Map(sp.cells.map((c) => [c.address, c]));
    for (const after of planInputs({ ...plan, sheets: [sp] })) {
      const old = before.get(after.key);
      if (old && old.value === after.value) continue;
      const field = after.key.slice(after.key.lastIndexOf("|") + 1);
      // Anything but an imported column (for a take, the forecast) of a line is not this action's to write: a fault,
      // refused before any write.
      if (!old || !old.where || !allowed.has(field)) {
        throw new WorkbookError(`Outturn could not ${action}: it would change ${after.what} (${old?.where ?? "a cell not found"}), which ${take ? "taking a projection" : "an import"} never writes. Nothing was changed; please report this.`, "Unexpected");
      }
      const at = splitWhere(old.where);
      const planned = cellAt.get(after.where!.slice(after.where!.lastIndexOf("!") + 1));
      if (!planned) throw new WorkbookError(`Outturn could not ${action}: no planned cell for ${after.what}. Nothing was changed; please report this.`, "Unexpected");
      writes.push({ sheet: at.sheet, row: at.row, col: at.col, where: old.where, cell: planned, value: after.value === "" ? "" : Number(after.value) });
    }
  }
  return writes;
}

/** The name the workbook gives a kind's sheet, from where its inputs were read (the kind's own name when none). */
function sheetNameOf(inputs: readonly LocatedInput[], kind: (typeof KINDS)[number]): string {
  const found = inputs.find((i) => i.key.startsWith(`${kind}|`) && i.where);
  return found?.where ? splitWhere(found.where).sheet : SHEET_NAMES[kind];
}

/** What the gateways report back: the cells written, in order. */
export function importResult(writes: readonly ImportWrite[]): ImportResult {
  return { written: writes.map((w) => w.where) };
}
