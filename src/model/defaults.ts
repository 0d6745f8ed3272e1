/**
 * Units and the documented default settings. The defaults are declared with each setting in the registry
 * (./settings/registry.ts): absolute thresholds in pounds, converted to the file's units, so a £000 workbook and a
 * £ workbook get the same rules.
 */
import type { Decimal, Units } from "./types";
import { D } from "./amount";

/** How many pounds one unit of the file is. */
export function poundsPerUnit(units: Units): Decimal {
  return new D(units === "£000" ? 1000 : 1);
}

export { defaultSettings } from "./settings/values";
