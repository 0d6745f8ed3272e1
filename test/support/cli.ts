/**
 * Runs the real command line as a user would (the compiled `outturn` of package.json's "bin", built by
 * scripts/build-cli.mjs in jest's globalSetup), capturing its output and exit code. Starting it takes about 0.1 s,
 * where tsx took about a second a call.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");
export const CLI = join(ROOT, "dist-cli", "outturn.cjs");

export interface CliResult { status: number | null; stdout: string; stderr: string }

/** A file jest's globalSetup builds into dist-cli/ (the command, its schema validator), or why it is missing. */
export function builtFile(file: string): string {
  if (!existsSync(file)) throw new Error(`${file} is missing: jest's globalSetup builds it (or run npm run build:cli)`);
  return file;
}

/** The command's node arguments and environment (no debug output), for runCli and runCliAsync alike. */
const command = (args: string[]) => ({ argv: [builtFile(CLI), ...args], env: { ...process.env, OUTTURN_DEBUG: "" } });

export function runCli(args: string[], cwd = ROOT): CliResult {
  const { argv, env } = command(args);
  const r = spawnSync(process.execPath, argv, { cwd, encoding: "utf8", env, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking the test's process, so several runs can go at once (test/safety's pool). */
export function runCliAsync(args: string[], cwd = ROOT): Promise<CliResult> {
  const { argv, env } = command(args);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, argv, { cwd, env });
    let stdout = "", stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => { stdout += d; });
    child.stderr.setEncoding("utf8").on("data", (d: string) => { stderr += d; });
    const timer = setTimeout(() => child.kill("SIGKILL"), 180_000);
    child.on("close", (status) => { clearTimeout(timer); resolve({ status, stdout, stderr }); });
  });
}
