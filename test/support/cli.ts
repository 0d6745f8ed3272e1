/**
 * Runs the real command line as a user would (the compiled `outturn` of package.json's "bin", built by
 * scripts/build-cli.mjs in jest's globalSetup), capturing its output and exit code. Starting it takes about 0.1 s,
 * where tsx took about a second a call.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");
export const CLI = join(ROOT, "dist-cli", "outturn.cjs");

export interface CliResult { status: number | null; stdout: string; stderr: string }

export function runCli(args: string[], cwd = ROOT): CliResult {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: jest's globalSetup builds it (or run npm run build:cli)`);
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd, encoding: "utf8", env: { ...process.env, OUTTURN_DEBUG: "" }, timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
