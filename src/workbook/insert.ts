/**
 * Inserting Outturn's sheets, the part both gateways share (pure): which kinds, what happens to sheets of the same
 * name (ask, alongside under a free name, upgrade in place), when the workbook refuses (structure protected, a sheet to
 * upgrade protected by the user, sheets that cannot be read back), the model to write and the sheets its formulas
 * need. A gateway looks at the workbook, asks these functions, and applies the plan they give.
 */
import type { MonitoringPeriod } from "../model/types";
import { blankWorkforce } from "../model/workforce";
import type { SheetKind, WorkbookPlan } from "../plans/types";
import type { InsertRequest, WorkbookRead } from "./gateway";
import type { PlanPort } from "./plan-port";
import { WorkbookError } from "./errors";
import { OUTTURN_SHEETS, SHEET_NAMES, freeName, missingReferences, sameName } from "./names";

export type Identity = Pick<InsertRequest, "organisation" | "financialYear" | "period" | "units">;

/** What a gateway sees of the workbook before inserting. */
export interface WorkbookLook {
  /** Every sheet's name, in tab order. */
  names: readonly string[];
  /** Review > Protect Workbook: no sheet may be added. */
  structureProtected: boolean;
}

/** Where each sheet goes. */
export interface InsertTargets {
  status: "write";
  /** The kinds to write, in tab order. */
  kinds: SheetKind[];
  /** Every kind's sheet name: an inserted sheet's (new) name, and the name formulas use for the kinds not inserted. */
  names: Record<SheetKind, string>;
  /** Kinds rewritten in place (upgrade of an existing sheet); the others are created. */
  inPlace: SheetKind[];
  identity: Identity;
}

export type InsertStep = { status: "conflict"; existing: SheetKind[] } | InsertTargets;

/** The kinds asked for, in tab order; refused when there are none or one Outturn has no template for. */
export function insertKinds(request: InsertRequest): SheetKind[] {
  // The Workforce sheet is optional (not every body keeps its workforce here): inserted when asked for, blank or with figures.
  const known: readonly SheetKind[] = [...OUTTURN_SHEETS, "Workforce"];
  const unknown = request.sheets.filter((k) => !known.includes(k));
  if (unknown.length > 0) throw new WorkbookError(`Outturn has no sheet template for ${unknown.join(", ")}.`, "Invalid");
  const kinds = known.filter((k) => request.sheets.includes(k));
  if (kinds.length === 0) throw new WorkbookError("Choose at least one sheet to insert.", "Invalid");
  return kinds;
}

/** What to do with the workbook as it is: report the conflicts (ask), or where each sheet goes. */
export function decideInsert(request: InsertRequest, look: WorkbookLook): InsertStep {
  const kinds = insertKinds(request);
  const exists = (name: string) => look.names.some((n) => sameName(n, name));
  const conflicts = kinds.filter((k) => exists(SHEET_NAMES[k]));
  if (conflicts.length > 0 && request.onExisting === "ask") return { status: "conflict", existing: conflicts };

  const inPlace = request.onExisting === "upgrade" ? conflicts : [];
  const names = { ...SHEET_NAMES };
  const taken = [...look.names];
  for (const k of kinds) {
    if (conflicts.includes(k) && request.onExisting === "alongside") names[k] = freeName(SHEET_NAMES[k], taken);
    taken.push(names[k]);
  }
  if (kinds.some((k) => !inPlace.includes(k)) && look.structureProtected) {
    throw new WorkbookError(
      "The workbook's structure is protected, so Outturn cannot add sheets. Unprotect it (Review > Protect Workbook), then try again. Nothing was changed.",
      "Protected");
  }
  const { organisation, financialYear, period, units } = request;
  return { status: "write", kinds, names, inPlace, identity: { organisation, financialYear, period, units } };
}

/**
 * The model the sheets are written from. Upgrading keeps every input as read from the existing sheets (with the
 * identity asked for), so `existing` is needed then, and a workbook that cannot be read is not upgraded (that would lose
 * what was typed). Otherwise the request's figures, or blank templates.
 */
export function insertModel(request: InsertRequest, targets: InsertTargets, plans: PlanPort, existing: WorkbookRead | null): MonitoringPeriod {
  const model = insertModelOf(request, targets, plans, existing);
  // A Workforce sheet asked for without workforce figures: its groups with blank inputs to type.
  return targets.kinds.includes("Workforce") && !model.workforce ? { ...model, workforce: blankWorkforce(model.settings.body.kind) } : model;
}

function insertModelOf(request: InsertRequest, targets: InsertTargets, plans: PlanPort, existing: WorkbookRead | null): MonitoringPeriod {
  if (targets.inPlace.length === 0) return request.model ?? plans.blank(targets.identity);
  if (!existing) throw new Error("upgrading needs the existing sheets read first");
  if (!existing.model) {
    const why = existing.checks.filter((c) => c.severity === "error").slice(0, 3).map((c) => `${c.where}: ${c.message}`).join(" ");
    throw new WorkbookError(
      `Outturn could not read the figures on the existing sheets, so it did not upgrade them (that would lose what you typed). Correct what Checks lists, or choose Add alongside. Nothing was changed. ${why}`.trim(),
      "Unreadable");
  }
  return { ...existing.model, ...targets.identity };
}

/** The plan to write, and the sheets' names; refused when its formulas read a sheet the workbook will not have. */
export function planInsert(plans: PlanPort, model: MonitoringPeriod, targets: InsertTargets, existingNames: readonly string[]): { plan: WorkbookPlan; inserted: string[] } {
  const plan = plans.build(model, targets.kinds, targets.names);
  const inserted = plan.sheets.map((s) => s.name);
  const absent = missingReferences(plan, OUTTURN_SHEETS.map((k) => targets.names[k]), [...existingNames, ...inserted]);
  if (absent.length > 0) {
    throw new WorkbookError(
      `The sheets you chose read figures from ${absent.map((n) => `"${n}"`).join(", ")}, which ${absent.length === 1 ? "is" : "are"} not in the workbook. Tick ${absent.length === 1 ? "it" : "them"} too, then insert again. Nothing was changed.`,
      "NotFound");
  }
  return { plan, inserted };
}

/** Whether the History sheet is protected once written: as it was, and always once it holds closed periods. */
export const historyProtected = (wasProtected: boolean, model: MonitoringPeriod): boolean => wasProtected || model.history.length > 0;
