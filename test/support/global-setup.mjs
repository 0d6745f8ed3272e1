/**
 * Jest globalSetup: builds the compiled command line once per test run (test/support/cli.ts runs it), and names a
 * private folder for the one LibreOffice the run's conversions share (test/support/libreoffice.ts starts it on first
 * use; global-teardown.ts stops it). Workers inherit these environment variables.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildCli } from "../../scripts/build-cli.mjs";

export default async function globalSetup() {
  // The names are SHARED_OFFICE_DIR_ENV and SHARED_OFFICE_OWNER_ENV of test/support/libreoffice.ts.
  process.env.OUTTURN_SOFFICE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "outturn-soffice-"));
  process.env.OUTTURN_SOFFICE_OWNER = String(process.pid);
  await buildCli();
}
