/**
 * Benchmark of the command line as a user runs it: `outturn workbook` on periods of 1,000 to 100,000 revenue lines
 * (issue 16 asks for 100,000 lines well under 1 GB) and `outturn slides` on 1,000 to 33,000 (the size of issue 9's
 * report), wall time and peak memory (the largest resident set of the process, from GNU time). Prints figures;
 * asserts nothing. Run: npm run bench (or tsx bench/cli.bench.ts 1000 100000 for those sizes of both).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..");
const TIME = "/usr/bin/time";
const seed = JSON.parse(readFileSync(join(ROOT, "seeds", "q2-2024-25.json"), "utf8"));

/** The worked example with `lines` revenue lines in its first group (whole amounts, as a ledger export has). */
function sizedDocument(lines: number): unknown {
  const doc = structuredClone(seed);
  const template = doc.revenue.groups[0].lines as Array<Record<string, unknown>>;
  doc.revenue.groups[0].lines = Array.from({ length: lines }, (_, i) => {
    const t = template[i % template.length] as Record<string, number | string | null>;
    const part = (v: unknown) => Math.round(Number(v) / lines) + (i % 7);
    return { ...t, name: `${String(t.name)} ${i + 1}`, ref: null, originalBudget: part(t.originalBudget), revisedBudget: part(t.revisedBudget), actualToDate: part(t.actualToDate), forecastOutturn: part(t.forecastOutturn) - (i % 5) };
  });
  doc.controlTotals = null;
  return doc;
}

function run(args: string[]): { seconds: number; peakMb: number | null; status: number | null; stderr: string } {
  const cli = [join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), join(ROOT, "src", "cli", "main.ts"), ...args];
  if (existsSync(TIME)) {
    // GNU time's %M: the maximum resident set size in KB of the command (and the processes it waited for).
    const r = spawnSync(TIME, ["-f", "@@ %e %M", process.execPath, ...cli], { encoding: "utf8", env: { ...process.env, OUTTURN_PROGRESS: "0" } });
    const m = /@@ ([0-9.]+) ([0-9]+)/.exec(r.stderr);
    return { seconds: Number(m?.[1] ?? NaN), peakMb: m ? Number(m[2]) / 1024 : null, status: r.status, stderr: r.stderr.replace(/@@.*\n?/, "") };
  }
  const start = Date.now();
  const r = spawnSync(process.execPath, cli, { encoding: "utf8" });
  return { seconds: (Date.now() - start) / 1000, peakMb: null, status: r.status, stderr: r.stderr };
}

function main(): void {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const dir = mkdtempSync(join(tmpdir(), "outturn-cli-bench-"));
  try {
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    // The two commands that write files for people: the workbook, and the deck (small lines grouped, as by default).
    const defaults = { workbook: [1000, 10000, 33000, 100000], slides: [1000, 10000, 33000] };
    for (const [command, ext, what] of [["workbook", "xlsx", "workbook"], ["slides", "pptx", "deck"]] as const) {
      console.log(`outturn ${command} <period.json> --out <file.${ext}> (the command line, end to end: start-up, read, compute, write)`);
      console.log(`lines    JSON size   time      peak memory   ${what} size`);
      for (const lines of sizes.length ? sizes : defaults[command]) {
        const input = join(dir, `period-${lines}.json`);
        if (!existsSync(input)) writeFileSync(input, JSON.stringify(sizedDocument(lines)));
        const out = join(dir, `period-${lines}.${ext}`);
        const r = run([command, input, "--out", out, "--force"]);
        if (r.status !== 0) {
          console.log(`${String(lines).padEnd(8)} failed (exit ${r.status}): ${r.stderr.trim().split("\n").slice(0, 3).join(" / ")}`);
          continue;
        }
        console.log(`${String(lines).padEnd(8)} ${mb(statSync(input).size).padEnd(11)} ${`${r.seconds.toFixed(1)} s`.padEnd(9)} ${(r.peakMb === null ? "n/a (no GNU time)" : `${r.peakMb.toFixed(0)} MB`).padEnd(13)} ${mb(statSync(out).size)}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
