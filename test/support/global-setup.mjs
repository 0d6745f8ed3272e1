/** Jest globalSetup: builds the compiled command line once per test run (test/support/cli.ts runs it). */
import { buildCli } from "../../scripts/build-cli.mjs";

export default async function globalSetup() {
  await buildCli();
}
