/**
 * Jest globalSetup: builds the compiled command line (test/support/cli.ts runs it) when its sources changed and names
 * its code cache's folder, writes the report schema's validator for the tests (test/support/report-schema.ts), builds
 * the tests' one-file copy of the pane's components (test/support/fluent-for-tests.mjs; jest.config.js maps the
 * package to it, and ExcelJS to the command line's dist-cli/node_modules/exceljs.cjs), and names a private folder for
 * the one LibreOffice the run's conversions share (test/support/libreoffice.ts starts it on first use;
 * global-teardown.ts stops it). Workers inherit these environment variables.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import { buildCli } from "../../scripts/build-cli.mjs";
import { buildFluentForTests } from "./fluent-for-tests.mjs";
import { keepStamped } from "./stamped-file.mjs";

const hash = (text) => createHash("sha256").update(text).digest("hex");
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The report schema's validator as ajv standalone code (test/support/report-schema.ts loads it), when the schema changed. */
function reportValidator() {
  const file = path.join(ROOT, "node_modules", ".cache", "outturn-test", "report-schema-validate.cjs");
  const text = fs.readFileSync(path.join(ROOT, "src", "report", "report.schema.json"), "utf8");
  return keepStamped(file, `// report.schema.json sha256 ${hash(text)}\n`, () => {
    const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true } });
    return standaloneCode(ajv, ajv.compile(JSON.parse(text)));
  });
}

export default async function globalSetup() {
  // The names are SHARED_OFFICE_DIR_ENV and SHARED_OFFICE_OWNER_ENV of test/support/libreoffice.ts.
  process.env.OUTTURN_SOFFICE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "outturn-soffice-"));
  process.env.OUTTURN_SOFFICE_OWNER = String(process.pid);
  // The command's code cache (src/cli/compile-cache.ts) in the project's own cache folder, not the user's: kept from
  // run to run as a user's would be (the build is the same text each time), gone with node_modules.
  process.env.OUTTURN_COMPILE_CACHE ??= path.join(ROOT, "node_modules", ".cache", "outturn-compile-cache");
  await Promise.all([reportValidator(), buildCli({ reuse: true }), buildFluentForTests(ROOT)]);
}
