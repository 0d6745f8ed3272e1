/** Runs the real command line (tsx src/cli/main.ts) as a user would, capturing its output and exit code. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");

export interface CliResult { status: number | null; stdout: string; stderr: string }

export function runCli(args: string[], cwd = ROOT): CliResult {
  const r = spawnSync(process.execPath, [join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), join(ROOT, "src", "cli", "main.ts"), ...args], {
    cwd, encoding: "utf8", env: { ...process.env, OUTTURN_DEBUG: "" }, timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
