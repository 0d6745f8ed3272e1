/**
 * The virement reconciliation in the report (issue 15): by line, the original budget, the virements logged on the
 * Virements sheet, the revised budget and what the log does not explain (revised − original − virements), exact in the
 * file's units; reconciled or not. Only for a workbook with a Virements sheet (src/engine/virements.ts reconciles).
 */
import type { Decimal, MonitoringPeriod } from "../model/types";
import { type Virement, reconciliation } from "../engine/virements";

export interface VirementsJson {
  /** Every line reconciled and no entry naming an unknown line. */
  reconciled: boolean;
  lines: Array<{ line: string; original: Decimal | null; virements: Decimal; revised: Decimal | null; difference: Decimal | null; reconciled: boolean }>;
  /** Log entries naming no line of the period, added up by the name given. */
  unknownLines: Array<{ line: string; virements: Decimal }>;
}

export function virementsJson(model: MonitoringPeriod, log: readonly Virement[]): VirementsJson {
  const r = reconciliation(model, log);
  return { reconciled: r.reconciled, lines: r.lines.map((l) => ({ ...l })), unknownLines: r.unknownLines.map((u) => ({ ...u })) };
}

const shown = (d: Decimal | null) => (d === null ? "blank" : d.toString());

/** A short block: a line of status, then each line (unreconciled ones marked), then entries naming no line. */
export function virementsText(model: MonitoringPeriod, log: readonly Virement[] | null | undefined): string[] {
  if (!log) return [];
  const r = reconciliation(model, log);
  const off = r.lines.filter((l) => !l.reconciled).length;
  const head = `Virements (${model.units}): ${r.lines.length} line(s) with a budget change or a virement logged, ${r.reconciled ? "all reconciled to the Virements sheet" : `NOT RECONCILED (${off} line(s)${r.unknownLines.length ? `, ${r.unknownLines.length} entry name(s) matching no line` : ""})`}.`;
  return [
    head,
    ...r.lines.map((l) => `  ${l.reconciled ? "  " : "! "}${l.line}: original ${shown(l.original)} + virements ${l.virements.toString()} = ${l.original === null ? "?" : l.original.plus(l.virements).toString()}; revised ${shown(l.revised)}${l.reconciled ? "" : `; difference ${shown(l.difference)}`}`),
    ...r.unknownLines.map((u) => `  ! "${u.line}" (virements ${u.virements.toString()}): not a line of the period`),
    "",
  ];
}
