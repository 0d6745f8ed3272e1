/**
 * The report's published JSON Schema (src/report/report.schema.json), for tests of `report --json`: ajv's standalone
 * code generated once per test run by jest's globalSetup (test/support/global-setup.mjs), so each test file does not
 * compile the schema again (about 0.3 s of CPU each). test/model/schema-validators.test.ts checks it agrees with the
 * schema compiled at run time.
 */
import { join } from "node:path";
import type { ErrorObject, ValidateFunction } from "ajv";
import { builtFile } from "./cli";

/** Where globalSetup writes the validator (beside the project's other caches, found by ajv's runtime helpers). */
export const REPORT_VALIDATOR = join(__dirname, "..", "..", "node_modules", ".cache", "outturn-test", "report-schema-validate.cjs");

let validate: ValidateFunction | null = null;

/** The schema's complaints about a report (none when it is valid), each with its path in the report. */
export function reportSchemaErrors(report: unknown): ErrorObject[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  validate ??= require(builtFile(REPORT_VALIDATOR)) as ValidateFunction;
  return validate(report) ? [] : [...(validate.errors ?? [])];
}
