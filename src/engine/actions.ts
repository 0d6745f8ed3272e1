/**
 * Actions the Resource Control Board agrees when the forecast goes adverse (issue 15): which items need one (a Red
 * revenue line, the General Fund forecast below the reserves band, a Red savings scheme) and a check for each such
 * item without an open action. Pure.
 */
import type { Decimal } from "../model/types";
import type { Check, Place } from "./checks";
import type { Position } from "./position";

export const ACTION_STATUSES = ["Open", "In progress", "Done", "Dropped"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface BoardAction {
  /** The item the action answers, as the Actions sheet names it (see itemsNeedingAction), e.g. "Revenue line: Pay & Employment costs". */
  item: string;
  action: string | null;
  owner: string | null;
  /** YYYY-MM-DD. */
  due: string | null;
  status: ActionStatus | null;
  /** Expected effect on the forecast, in the file's units (positive: the forecast improves by this much). */
  effect: Decimal | null;
  /** The board meeting that agreed it, e.g. "RCB 2024-10-15". */
  meeting: string | null;
}

export interface ActionItem {
  item: string;
  /** Why it needs an action, in words. */
  why: string;
  place: Place;
}

/** Open: agreed and not done or dropped (a typed action without a status counts as open). */
export const isOpen = (a: BoardAction): boolean => a.action !== null && (a.status === null || a.status === "Open" || a.status === "In progress");

export function itemsNeedingAction(p: Position): ActionItem[] {
  const out: ActionItem[] = [];
  for (const g of p.revenue.groups) {
    for (const l of g.lines) {
      if (l.rag === "Red") out.push({ item: `Revenue line: ${l.line.name}`, why: "Red", place: { area: "revenue", row: l.line.name, column: "forecastOutturn" } });
    }
  }
  const gf = p.reserves.generalFundPolicy;
  if (gf?.forecastBand === "below the minimum") out.push({ item: "General Fund below the reserves band", why: "forecast below the minimum of the band", place: { area: "reserves", row: "General Fund Balance", column: "forecastClosing" } });
  for (const s of p.savings.schemes) {
    if (s.rag === "Red") out.push({ item: `Savings: ${s.scheme.scheme}`, why: "Red", place: { area: "savings", row: s.scheme.scheme, column: "status" } });
  }
  return out;
}

/** A warning for each item needing an action that has no open one on the Actions sheet, at the item's cell where known. */
export function actionChecks(p: Position, actions: readonly BoardAction[], sheetName: string, cellOf: (place: Place) => string | null): Check[] {
  const open = new Set(actions.filter(isOpen).map((a) => a.item.trim().toLowerCase()));
  return itemsNeedingAction(p).filter((i) => !open.has(i.item.toLowerCase())).map((i) => ({
    id: "action-missing", severity: "warning" as const, where: cellOf(i.place) ?? sheetName, place: i.place,
    message: `${i.item} is ${i.why} and has no open action on the ${sheetName} sheet: record the action the board agreed (owner, due date, expected effect), or mark why none is needed.`,
  }));
}
