/**
 * Jest's stand-in for src/model/schema-validator.ts (jest.config.js moduleNameMapper): the validator ajv generates
 * ahead of time for the compiled command line (dist-cli/schema-validate.cjs, built by jest's globalSetup), so each
 * test file does not compile the schema again (about 0.25 s of CPU each, in most of the suite's files). Both validate
 * alike: test/model/schema-validators.test.ts runs the real module beside this one.
 */
import { join } from "node:path";
import type { ValidateFunction } from "ajv";
import { builtFile } from "./cli";

const FILE = join(__dirname, "..", "..", "dist-cli", "schema-validate.cjs");

let standalone: ValidateFunction | null = null;

export function schemaValidator(): ValidateFunction {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  standalone ??= require(builtFile(FILE)) as ValidateFunction;
  return standalone;
}
