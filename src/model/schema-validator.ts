/**
 * The JSON Schema validator of the monitoring file, compiled on first use: ajv takes about 0.16 s to compile the
 * schema, which no command should pay before it reads a JSON file (issue 16). The compiled command line
 * (scripts/build-cli.mjs) replaces this module with ajv's standalone code for the same schema and options, generated
 * at build time, so it never compiles at all.
 */
import Ajv, { type ValidateFunction } from "ajv";
import schema from "./schema/monitoring-period.schema.json";
// The options both ways of validating use (the build script reads the same file).
import options from "./schema/ajv-options.json";

let compiled: ValidateFunction | null = null;

export function schemaValidator(): ValidateFunction {
  return (compiled ??= new Ajv(options).compile(schema));
}
