/**
 * Benchmark: the command line's cold start (issue 16), against `node -e 0` (Node's own start). Each command is started
 * afresh RUNS times, interleaved, and the median wall time printed. Prints figures; asserts nothing.
 * The compiled command (dist-cli/outturn.cjs) is built first; the development path (tsx) is shown for comparison, and
 * the commands that load ExcelJS with and without the command's code cache (src/cli/compile-cache.ts).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { buildCli } from "../scripts/build-cli.mjs";

const ROOT = join(__dirname, "..");
const RUNS = 9;

async function main(): Promise<void> {
  const cli = await buildCli();
  const out = mkdtempSync(join(tmpdir(), "outturn-bench-"));
  const tsx = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
  // The command's code cache (src/cli/compile-cache.ts) in a folder of this run: its first run makes the entries.
  const cached = { OUTTURN_COMPILE_CACHE: join(out, "compile-cache") };
  const uncached = { OUTTURN_COMPILE_CACHE: "off" };
  const workbook = join(out, "q2-report.xlsx");
  spawnSync(process.execPath, [cli, "workbook", "seeds/q2-2024-25.json", "--out", workbook], { cwd: ROOT, env: { ...process.env, ...uncached } });
  const commands: Array<[string, string[], Record<string, string>?]> = [
    ["node -e 0", ["-e", "0"]],
    ["outturn --help", [cli, "--help"], cached],
    ["outturn report seeds/q2-2024-25.json --json", [cli, "report", "seeds/q2-2024-25.json", "--json"], cached],
    ["outturn report q2.xlsx --json", [cli, "report", workbook, "--json"], cached],
    ["outturn report q2.xlsx --json (no code cache)", [cli, "report", workbook, "--json"], uncached],
    ["outturn workbook seeds/q2-2024-25.json", [cli, "workbook", "seeds/q2-2024-25.json", "--out", join(out, "q2.xlsx")], cached],
    ["outturn workbook seeds/q2-2024-25.json (no code cache)", [cli, "workbook", "seeds/q2-2024-25.json", "--out", join(out, "q2-uncached.xlsx")], uncached],
    ["outturn slides seeds/q2-2024-25.json", [cli, "slides", "seeds/q2-2024-25.json", "--out", join(out, "q2.pptx")], cached],
    ["tsx src/cli/main.ts --help (development)", [tsx, "src/cli/main.ts", "--help"]],
    ["tsx src/cli/main.ts report ... --json (development)", [tsx, "src/cli/main.ts", "report", "seeds/q2-2024-25.json", "--json"]],
  ];
  const times = new Map<string, number[]>(commands.map(([name]) => [name, []]));
  for (let run = 0; run < RUNS; run++) {
    for (const [name, args, env] of commands) {
      // workbook and slides refuse to replace a file they wrote before (when that safety is in): a fresh name each run.
      const fresh = args.map((a) => (a.startsWith(out) && a !== workbook ? a.replace(/(\.\w+)$/, `-${run}$1`) : a));
      const start = performance.now();
      const r = spawnSync(process.execPath, fresh, { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env } });
      const ms = performance.now() - start;
      if (r.status !== 0) throw new Error(`${name} failed (exit ${r.status}): ${r.stderr}`);
      times.get(name)!.push(ms);
    }
  }
  rmSync(out, { recursive: true, force: true });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const base = median(times.get("node -e 0")!);
  console.log(`CLI cold start, median of ${RUNS} interleaved runs (wall ms; "over node" = less Node's own start)`);
  const rows = [["command", "ms", "over node"], ...commands.map(([name]) => {
    const m = median(times.get(name)!);
    return [name, m.toFixed(0), name === "node -e 0" ? "" : (m - base).toFixed(0)];
  })];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
