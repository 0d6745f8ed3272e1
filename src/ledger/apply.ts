/**
 * What an import changes, and applying it to a period (or undoing it): small and free of the file readers, so the
 * workbook gateways and the pane's start-up can use it without the CSV parser.
 */
import type Decimal from "decimal.js";
import type { MonitoredLine, MonitoringPeriod, RevenueLine } from "../model/types";
import { lineTargets } from "./targets";

/**
 * The columns of a line an import writes. Never the forecast or the commentary: those are the user's. Commitments only
 * on a revenue group's lines (the only lines that keep them).
 */
export type ImportColumn = "actualToDate" | "revisedBudget" | "originalBudget" | "commitments";
export const IMPORT_COLUMN_WORDS: Record<ImportColumn, string> = { actualToDate: "actual to date", revisedBudget: "revised budget", originalBudget: "original budget", commitments: "commitments" };
/**
 * A change's column: an import's, or the forecast, which only taking a projection (forecast assist, issue 13) writes,
 * by the user's explicit action; a list of changes is either all imported columns or all forecasts, never a mix.
 */
export type ChangeColumn = ImportColumn | "forecastOutturn";
export const CHANGE_COLUMN_WORDS: Record<ChangeColumn, string> = { ...IMPORT_COLUMN_WORDS, forecastOutturn: "forecast" };

/** Whether `changes` take projections into forecasts (rather than import a ledger). */
export function isTake(changes: readonly LineChange[]): boolean {
  return changes.length > 0 && changes.every((c) => c.column === "forecastOutturn");
}

export interface LineChange {
  path: string;
  label: string;
  column: ChangeColumn;
  old: Decimal | null;
  new: Decimal;
  /** The exact sum in pounds, before conversion to the period's units (for a take: the new forecast in pounds). */
  pounds: Decimal;
  /** How many rows of the export were added up into it (0 for a take). */
  rows: number;
}

/** A line's value in a change's column (commitments absent: none entered). */
export function columnValue(line: MonitoredLine, column: ChangeColumn): Decimal | null {
  return column === "commitments" ? (line as RevenueLine).commitments ?? null : line[column];
}

/** Sets a line's value in a change's column; commitments set back to none are left out, as in a file without them. */
function setColumn(line: MonitoredLine, column: ChangeColumn, value: Decimal | null): void {
  if (column !== "commitments") line[column] = value;
  else if (value === null) delete (line as RevenueLine).commitments;
  else (line as RevenueLine).commitments = value;
}

/** A copy of the period with the preview's changes written (or, for undo, their old values back). */
export function applyImport(model: MonitoringPeriod, changes: readonly LineChange[], direction: "apply" | "undo" = "apply"): MonitoringPeriod {
  const copy: MonitoringPeriod = {
    ...model,
    revenue: { ...model.revenue, groups: model.revenue.groups.map((g) => ({ ...g, lines: g.lines.map((l) => ({ ...l })) })), transfers: model.revenue.transfers.map((l) => ({ ...l })) },
    capital: { lines: model.capital.lines.map((l) => ({ ...l })), financing: model.capital.financing.map((l) => ({ ...l })) },
  };
  const byPath = new Map<string, MonitoredLine>(lineTargets(copy).map((t) => [t.path, t.line]));
  for (const c of changes) {
    const line = byPath.get(c.path);
    if (!line) throw new Error(`the import's change to ${c.path} names no line of the period`);
    setColumn(line, c.column, direction === "apply" ? c.new : c.old);
  }
  return copy;
}
