/**
 * The JSON Schema of a monitoring file's "settings" object, from the registry: every setting optional (the defaults
 * apply), each with its type. The loader validates files against it, and a test keeps the copy in
 * src/model/schema/monitoring-period.schema.json (the published format) the same.
 */
import { SETTINGS, SETTING_KEYS, unitWords } from "./registry";

type Schema = Record<string, unknown>;

function leaf(key: (typeof SETTING_KEYS)[number]): Schema {
  const unit = unitWords(SETTINGS[key].type, null);
  return unit ? { description: `${SETTINGS[key].sheet.label}: ${unit}.`, ...typeOf(key) } : typeOf(key);
}

function typeOf(key: (typeof SETTING_KEYS)[number]): Schema {
  const def = SETTINGS[key];
  if (def.type === "choice") return { enum: [...(def.values ?? [])] };
  if (def.type === "yesNo") return { type: def.optional ? ["boolean", "null"] : "boolean" };
  if (def.type === "text") return { type: ["string", "null"], maxLength: 200 };
  const number = { $ref: def.optional ? "#/definitions/optionalAmount" : "#/definitions/amount" };
  // A percentage may be written as people write one: 3 or "3%" (the same 3%).
  if (def.type === "pct" || def.type === "points") return { anyOf: [number, { type: "string", pattern: "^-?[0-9]{1,15}(\\.[0-9]{1,6})?%$" }] };
  // An amount may be written as money ("£1,234", "1,234", "(250)"): the loader reads it or says what to type.
  if (def.type === "amount") return { anyOf: [number, { type: "string", pattern: "^[\\s(£0-9,.)-]{1,40}$" }] };
  return number;
}

export function settingsSchema(): Schema {
  const root: Schema = { type: "object", additionalProperties: false, description: "Every setting is optional; the documented defaults apply to what is left out.", properties: {} };
  for (const key of SETTING_KEYS) {
    const path = SETTINGS[key].path;
    let node = root;
    for (const part of path.slice(0, -1)) {
      const props = node.properties as Record<string, Schema>;
      node = props[part] ??= { type: "object", additionalProperties: false, properties: {} };
    }
    (node.properties as Record<string, Schema>)[path[path.length - 1] as string] = leaf(key);
  }
  return root;
}
