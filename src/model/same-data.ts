/**
 * Whether two pieces of model data hold the same: Decimals by their exact value (toFixed, as toJsonText writes them),
 * arrays item by item, objects key by key (keys holding undefined count as absent, as in JSON). What toJsonText would
 * show alike, without building the text or loading the JSON writer (the task pane's start-up in Excel is budgeted).
 */
import Decimal from "decimal.js";

export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Decimal.isDecimal(a) || Decimal.isDecimal(b)) return Decimal.isDecimal(a) && Decimal.isDecimal(b) && a.toFixed() === b.toFixed();
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  }
  const keys = (o: object) => Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined);
  const ka = keys(a), kb = keys(b);
  return ka.length === kb.length && ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
