/**
 * The virement reconciliation in the report (issue 15): by line, the original budget, the virements logged on the
 * Virements sheet, the revised budget and what the log does not explain (revised − original − virements), exact in the
 * file's units; reconciled or not. Only for a workbook with a Virements sheet. Here rather than in src/engine/virements.ts
 * (whose checks the pane runs) so the pane's start-up does not carry it.
 */
import type { Decimal, MonitoringPeriod } from "../model/types";
import { D } from "../model/amount";
import { type Virement, keyOf } from "../engine/virements";

/** A line's original to revised budget beside its logged virements. */
interface ReconciliationRow {
  /** "Group > Line". */
  line: string;
  /** Null when not given (the line cannot be reconciled). */
  original: Decimal | null;
  /** The log's entries for the line, added up (0 when none). */
  virements: Decimal;
  revised: Decimal | null;
  /** revised − (original + virements): what the log does not explain; null when a budget is not given. */
  difference: Decimal | null;
  reconciled: boolean;
}

interface Reconciliation {
  /** Every line whose budget changed or that the log names, in the period's order. */
  lines: ReconciliationRow[];
  /** Log entries naming no line of the period, added up by the name given. */
  unknownLines: Array<{ line: string; virements: Decimal }>;
  /** Every line reconciled and no entry naming an unknown line. */
  reconciled: boolean;
}

/** The virement log reconciled line by line: original + virements = revised, exactly, in the file's units. */
export function reconciliation(model: MonitoringPeriod, log: readonly Virement[]): Reconciliation {
  const sums = new Map<string, { line: string; virements: Decimal }>();
  for (const v of log) {
    const k = keyOf(v.line);
    sums.set(k, { line: sums.get(k)?.line ?? v.line, virements: (sums.get(k)?.virements ?? new D(0)).plus(v.amount ?? 0) });
  }
  const lines: ReconciliationRow[] = [];
  const row = (group: string, l: { name: string; originalBudget: Decimal | null; revisedBudget: Decimal | null }) => {
    const line = `${group} > ${l.name}`;
    const logged = sums.get(keyOf(line));
    sums.delete(keyOf(line));
    const original = l.originalBudget, revised = l.revisedBudget;
    const changed = original !== null && revised !== null && !original.eq(revised);
    if (!changed && !logged) return;
    const virements = logged?.virements ?? new D(0);
    const difference = original !== null && revised !== null ? revised.minus(original).minus(virements) : null;
    lines.push({ line, original, virements, revised, difference, reconciled: difference !== null && difference.isZero() });
  };
  for (const g of model.revenue.groups) for (const l of g.lines) row(g.name, l);
  for (const t of model.revenue.transfers) row("Transfers", t);
  const unknownLines = [...sums.values()];
  return { lines, unknownLines, reconciled: lines.every((l) => l.reconciled) && unknownLines.length === 0 };
}


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
