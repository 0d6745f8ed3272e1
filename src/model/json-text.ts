/** JSON text with Decimals written as exact JSON numbers (no float on the way out either). */
import Decimal from "decimal.js";
import { LosslessNumber, stringify } from "lossless-json";

export function toJsonText(value: unknown, indent = 2): string {
  const text = stringify(value, (_key, v) => (Decimal.isDecimal(v) ? new LosslessNumber((v).toFixed()) : v), indent);
  if (text === undefined) throw new Error("nothing to write as JSON");
  return text;
}
