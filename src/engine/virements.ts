/**
 * Budget changes (virements, issue 15): every change from a revenue line's original to its revised budget, logged with
 * its reason and who approved it. Pure: the differences by line from the period, the log's entries reconciled to
 * them (exactly, in the file's units), and a check for each line whose logged virements do not add up to its change,
 * each entry without an approval, and each entry naming no line. The log lives on the Virements sheet
 * (src/plans/sheets/virements); a period without one is not checked.
 */
import type { Decimal, MonitoringPeriod } from "../model/types";
import { D } from "../model/amount";
import type { Check, Place } from "./checks";

export interface Virement {
  /** The line, as "Group > Line" (transfers: "Transfers > Reserves"). */
  line: string;
  /** Added to the line's budget, in the file's units (negative: taken from it). */
  amount: Decimal | null;
  /** Where it came from or went to, in words (e.g. "from Pay to Overheads"). */
  counterpart: string | null;
  reason: string | null;
  approvedBy: string | null;
  /** YYYY-MM-DD. */
  approvedOn: string | null;
}

export interface BudgetChange {
  /** "Group > Line". */
  line: string;
  original: Decimal;
  revised: Decimal;
  /** revised − original. */
  difference: Decimal;
  place: Place;
}

export interface ReconciledChange extends BudgetChange {
  /** The log's entries for the line, added up. */
  logged: Decimal;
  reconciled: boolean;
}

/** Every revenue line and transfer whose revised budget differs from its original (both given), in the period's order. */
export function budgetChanges(model: MonitoringPeriod): BudgetChange[] {
  const out: BudgetChange[] = [];
  const add = (group: string, l: { name: string; originalBudget: Decimal | null; revisedBudget: Decimal | null }) => {
    if (!l.originalBudget || !l.revisedBudget || l.originalBudget.eq(l.revisedBudget)) return;
    out.push({ line: `${group} > ${l.name}`, original: l.originalBudget, revised: l.revisedBudget, difference: l.revisedBudget.minus(l.originalBudget),
      place: { area: "revenue", row: l.name, column: "revisedBudget" } });
  };
  for (const g of model.revenue.groups) for (const l of g.lines) add(g.name, l);
  for (const t of model.revenue.transfers) add("Transfers", t);
  return out;
}

/** A log entry's line as matched to the period's: spaces around ">" and case do not count. */
export const keyOf = (line: string) => line.replace(/\s*>\s*/g, " > ").trim().toLowerCase();

/** Each budget change beside what the log says of it. */
export function reconcile(model: MonitoringPeriod, log: readonly Virement[]): ReconciledChange[] {
  return budgetChanges(model).map((c) => {
    const logged = log.filter((v) => keyOf(v.line) === keyOf(c.line)).reduce((sum, v) => sum.plus(v.amount ?? 0), new D(0));
    return { ...c, logged, reconciled: logged.eq(c.difference) };
  });
}

/** The log as it starts: one entry per budget change, its amount the difference, the reason and approval left to fill in. */
export function startingLog(model: MonitoringPeriod): Virement[] {
  return budgetChanges(model).map((c) => ({ line: c.line, amount: c.difference, counterpart: null, reason: null, approvedBy: null, approvedOn: null }));
}

/**
 * What the scheme of consent (Settings: virements.approvalAbove, virements.approver) still owes an entry, in words;
 * null when nothing. A virement of more than the amount, either way (blank: any virement), needs an approval recorded;
 * when an approver is named, the approval must name them (the PCC's approval, not the officer's). Smaller ones are
 * delegated and need none recorded here.
 */
export function approvalOwed(v: Virement, consent: MonitoringPeriod["settings"]["virements"]): string | null {
  if (!v.amount || v.amount.isZero()) return null;
  const above = consent.approvalAbove;
  if (above !== null && v.amount.abs().lte(above)) return null;
  const scheme = above === null ? "" : ` (the scheme of consent: above ${above.toString()}${consent.approver ? `, ${consent.approver}` : ""})`;
  const who = consent.approver?.trim() || null;
  if (!v.approvedBy) return `the virement of ${v.amount.toString()} to ${v.line} has no approval${scheme}: record who approved it and when.`;
  if (who && !v.approvedBy.toLowerCase().includes(who.toLowerCase())) {
    return `the virement of ${v.amount.toString()} to ${v.line} was approved by ${v.approvedBy}, but the scheme of consent needs ${who}'s approval above ${above?.toString() ?? "any amount"}: record ${who}'s approval.`;
  }
  return null;
}

/**
 * The checks: a line whose budget changed by other than its logged virements (a change nobody logged, or a log that no
 * longer matches the budgets), an entry without an approval, an entry naming no line of the period.
 */
export function virementChecks(model: MonitoringPeriod, log: readonly Virement[], sheetName: string, where: { change: (p: Place) => string | null; entry: (i: number) => string }): Check[] {
  const out: Check[] = [];
  const lines = new Set([...model.revenue.groups.flatMap((g) => g.lines.map((l) => keyOf(`${g.name} > ${l.name}`))), ...model.revenue.transfers.map((t) => keyOf(`Transfers > ${t.name}`))]);
  const changes = reconcile(model, log);
  const consent = model.settings.virements;
  for (const c of changes.filter((x) => !x.reconciled)) {
    out.push({
      id: "virement-unreconciled", severity: "warning", where: where.change(c.place) ?? sheetName, place: c.place,
      message: `${c.line}: the revised budget (${c.revised.toString()}) is the original (${c.original.toString()}) ${c.difference.isNegative() ? "less" : "plus"} ${c.difference.abs().toString()}, but the ${sheetName} sheet logs ${c.logged.toString()} for it: log the virement (amount, reason, who approved it) or correct the budget.`,
    });
  }
  log.forEach((v, i) => {
    if (!lines.has(keyOf(v.line))) {
      out.push({ id: "virement-unknown-line", severity: "warning", where: where.entry(i), place: { area: "workbook", row: null, column: null },
        message: `${where.entry(i)}: "${v.line}" is not a revenue line of the period; name it as "Group > Line" (e.g. "Chief Constable > Overheads").` });
    } else {
      const owed = approvalOwed(v, consent);
      if (owed) out.push({ id: "virement-unapproved", severity: "warning", where: where.entry(i), place: { area: "workbook", row: null, column: null }, message: `${where.entry(i)}: ${owed}` });
    }
  });
  // Lines whose budget did not change cannot be unreconciled above; a log entry for one is still a change not made.
  for (const key of new Set(log.map((v) => keyOf(v.line)))) {
    if (!lines.has(key) || changes.some((c) => keyOf(c.line) === key)) continue;
    const sum = log.filter((v) => keyOf(v.line) === key).reduce((s, v) => s.plus(v.amount ?? 0), new D(0));
    if (!sum.isZero()) {
      const first = log.findIndex((v) => keyOf(v.line) === key);
      out.push({ id: "virement-unreconciled", severity: "warning", where: where.entry(first), place: { area: "workbook", row: null, column: null },
        message: `${log[first]?.line ?? key}: the ${sheetName} sheet logs virements of ${sum.toString()}, but its revised budget equals its original: correct the log or the budget.` });
    }
  }
  return out;
}
