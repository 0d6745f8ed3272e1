/**
 * Jest globalSetup: builds the compiled command line once per test run (test/support/cli.ts runs it) and names its
 * code cache's folder, and names a private folder for the one LibreOffice the run's conversions share
 * (test/support/libreoffice.ts starts it on first use; global-teardown.ts stops it). Workers inherit these
 * environment variables.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { buildCli } from "../../scripts/build-cli.mjs";

export default async function globalSetup() {
  // The names are SHARED_OFFICE_DIR_ENV and SHARED_OFFICE_OWNER_ENV of test/support/libreoffice.ts.
  process.env.OUTTURN_SOFFICE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "outturn-soffice-"));
  process.env.OUTTURN_SOFFICE_OWNER = String(process.pid);
  // The command's code cache (src/cli/compile-cache.ts) in the project's own cache folder, not the user's: kept from
  // run to run as a user's would be (the build is the same text each time), gone with node_modules.
  process.env.OUTTURN_COMPILE_CACHE ??= path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "node_modules", ".cache", "outturn-compile-cache");
  await buildCli({ reuse: true });
}
