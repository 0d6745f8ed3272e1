/** The checks as the pane lists them: each with the cell to go to, counted by severity, errors first. */
import { sortChecks, type Check, type Place, type Severity } from "../engine/checks";
import type { CellRef } from "../workbook/gateway";
import { parseCellRef } from "./cell-ref";

export interface CheckItem {
  check: Check;
  /** The cell to go to, when the check names one. */
  target: CellRef | null;
}

/**
 * Each check with the cell to go to (the one its `where` names, else the one showing its figure), errors first, then
 * warnings, then notes; in the order found within each.
 */
export function checkItems(checks: Check[], locate: ((place: Place) => string | null) | null): CheckItem[] {
  return sortChecks(checks).map((check) => {
    const named = parseCellRef(check.where);
    const shown = named ? null : locate?.(check.place);
    return { check, target: named ?? (shown ? parseCellRef(shown) : null) };
  });
}

export function countBySeverity(items: CheckItem[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const i of items) counts[i.check.severity]++;
  return counts;
}

/** The checks that make the figures incomplete: while there is one, there is no clean headline. */
export function errorsOf(items: CheckItem[]): CheckItem[] {
  return items.filter((i) => i.check.severity === "error");
}

const words = (count: number, one: string) => `${count} ${one}${count === 1 ? "" : "s"}`;

/** "2 errors, 1 warning and 3 notes". */
export function severityWords(items: CheckItem[]): string {
  const n = countBySeverity(items);
  return `${words(n.error, "error")}, ${words(n.warning, "warning")} and ${words(n.info, "note")}`;
}
