/**
 * What a workbook regenerated from a workbook would not carry. `outturn workbook in.xlsx --out new.xlsx` writes the
 * sheets Outturn plans from the period it read; anything else the user put in in.xlsx (an extra sheet, a line typed
 * below its total, text in an amount cell, a note beside a table, a formula typed over an input) is not in the
 * plan. Each is listed by cell so nothing is dropped without the user saying so (--force).
 */
import { D } from "../model/amount";
import type { Decimal } from "../model/types";
import type { Grid, GridCell, GridSheet } from "../plans/grid";
import { isGridError } from "../plans/grid";
import { colIndex, colLetter, sheetPrefix } from "../plans/a1";
import type { PlanCell, WorkbookPlan } from "../plans/types";

const normalFormula = (f: string) => f.replace(/^=/, "").replace(/\s+/g, "").toUpperCase();

function shown(cell: GridCell): string {
  if (cell.formula) return `the formula ${cell.formula}`;
  const v = cell.value;
  if (isGridError(v)) return v.error;
  if (typeof v === "string") return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return String(v);
}

function numberOf(v: GridCell["value"]): Decimal | null {
  if (typeof v !== "number" || !Number.isFinite(v)) return null;
  return new D(String(v));
}

/** True when the new file's cell keeps what the old one holds. */
function carried(old: GridCell, planned: PlanCell | undefined): boolean {
  if (!planned) return false;
  const c = planned.content;
  if (old.formula) return c.kind === "formula" && normalFormula(c.formula) === normalFormula(old.formula);
  const v = old.value;
  switch (c.kind) {
    case "text":
      return typeof v === "string" && v === c.text;
    case "amount": {
      const n = numberOf(v);
      // A workbook cell is a binary double: equal to 6 places is equal (as the reader reads it).
      return n !== null && n.toDecimalPlaces(6).equals(c.value.toDecimalPlaces(6));
    }
    case "formula":
      return false; // a value typed over a formula
    case "blank":
      return false;
  }
}

function hasContent(cell: GridCell | undefined): cell is GridCell {
  return !!cell && (cell.formula !== null || (cell.value !== null && cell.value !== ""));
}

/**
 * Rows that hold Outturn's snapshot of the checks and the narrative "as they stood when Outturn wrote the workbook"
 * (src/plans/sheets/summary.ts): written anew each time, so what they held is not the user's to lose.
 */
const SNAPSHOT_MARKERS = /^(check|checks-header|narrative|narrative-header)(:|$)/;

/**
 * Each thing in the old workbook the new one will not hold, as "Sheet!A1: what", at most `limit` (then a count).
 * `ownTexts`: texts the writer adds beyond the plan (the note in place of the charts).
 */
export function notCarried(old: Grid, plan: WorkbookPlan, ownTexts: readonly string[] = [], limit = 30): string[] {
  const out: string[] = [];
  const sheets = new Map(plan.sheets.map((s) => [s.name, s]));
  for (const sheet of old.sheets) {
    const planned = sheets.get(sheet.name);
    if (!planned) {
      const n = countContent(sheet);
      out.push(`the sheet "${sheet.name}"${n ? ` (${n} cell${n === 1 ? "" : "s"} with content)` : " (empty)"}, which is not one of Outturn's`);
      continue;
    }
    const byAddress = new Map(planned.cells.map((c) => [c.address, c]));
    // Outturn's own fixed texts (titles, labels, notes) are written again even where rows have moved.
    const labels = new Set([...ownTexts, ...planned.cells.flatMap((c) => (c.content.kind === "text" && !c.input ? [c.content.text] : []))]);
    const keyCol = colIndex(planned.keyColumn);
    for (let r = 1; r <= sheet.maxRow; r++) {
      const marker = sheet.get(r, keyCol)?.value;
      if (typeof marker === "string" && SNAPSHOT_MARKERS.test(marker.trim())) continue;
      for (let col = 1; col <= sheet.maxCol; col++) {
        const cell = sheet.get(r, col);
        if (!hasContent(cell)) continue;
        if (!cell.formula && typeof cell.value === "string" && labels.has(cell.value)) continue;
        const address = `${colLetter(col)}${r}`;
        if (!carried(cell, byAddress.get(address))) out.push(`${sheetPrefix(sheet.name)}${address}: ${shown(cell)}`);
      }
    }
  }
  if (out.length > limit) return [...out.slice(0, limit), `and ${out.length - limit} more`];
  return out;
}

function countContent(sheet: GridSheet): number {
  let n = 0;
  for (let r = 1; r <= sheet.maxRow; r++) for (let c = 1; c <= sheet.maxCol; c++) if (hasContent(sheet.get(r, c))) n++;
  return n;
}

