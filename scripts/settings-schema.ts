/**
 * Writes the "settings" definition of src/model/schema/monitoring-period.schema.json from the settings registry
 * (src/model/settings/schema.ts). Run after adding a setting: `npx tsx scripts/settings-schema.ts`; a test fails
 * until the published schema matches the registry.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { settingsSchema } from "../src/model/settings/schema";

const file = join(__dirname, "..", "src", "model", "schema", "monitoring-period.schema.json");
const lines = readFileSync(file, "utf8").split("\n");
// The settings definition is the last of "definitions": from its first line (or the threshold and varianceRule
// definitions that older files kept before it) to the close of "definitions".
const definitions = lines.indexOf('  "definitions": {');
const start = lines.findIndex((l, i) => i > definitions && /^ {4}"(threshold|varianceRule|settings)": \{/.test(l));
const end = lines.length - 3; // "  }" closing definitions, "}" closing the file, then "".
if (definitions < 0 || start < 0 || lines[end] !== "  }") throw new Error("monitoring-period.schema.json: cannot find the settings definition at the end of \"definitions\"");
const body = JSON.stringify(settingsSchema(), null, 2).split("\n").map((l, i) => (i === 0 ? `    "settings": ${l}` : `    ${l}`));
writeFileSync(file, [...lines.slice(0, start), ...body, ...lines.slice(end)].join("\n"));
