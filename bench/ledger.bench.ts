/**
 * Benchmark of a ledger import as a user runs it (issue 12): `outturn import <ledger> --dry-run --json` (read, parse,
 * map, aggregate, preview) on general-ledger exports of 10,000, 100,000 and 500,000 rows, CSV and .xlsx: wall time,
 * CPU time (user + system, what other work on a shared machine inflates less than the wall time) and peak memory
 * (GNU time's maximum resident set). For CSV also the same work in this process, stage by stage (parse; map and
 * aggregate), wall and CPU (process.cpuUsage), without the command's start-up. Prints figures; asserts nothing.
 * Goal: 500k CSV rows under 3 s and 300 MB. The command is built first, so the figures are of the code as it is.
 * Run: npm run bench, or tsx bench/ledger.bench.ts 10000 100000. The 500k .xlsx only with BENCH_LEDGER_XLSX_500K=1
 * (ExcelJS reads a whole workbook into memory).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { parseMonitoringJson } from "../src/model/load";
import { csvTable } from "../src/ledger/table";
import { profileFrom } from "../src/ledger/profile";
import { mappingFrom } from "../src/ledger/mapping";
import { previewImport } from "../src/ledger/import";

const ROOT = join(__dirname, "..");
const CLI = join(ROOT, "dist-cli", "outturn.cjs");
const FIX = join(ROOT, "test", "ledger", "fixtures");
const TIME = "/usr/bin/time";
const CODES: Array<[string, string]> = [["1010", "1000"], ["1020", "1100"], ["1030", "1200"], ["1010", "2000"], ["1020", "3000"], ["1030", "4000"], ["1030", "7000"], ["1010", "9100"], ["9000", "1100"], ["9900", "8100"], ["C100", "0500"], ["7777", "1000"]];

/** A transaction-level export: rows of the 12 periods, amounts in every form a ledger writes. */
function row(i: number): [string, string, string, string, string] {
  const [cc, account] = CODES[i % CODES.length]!;
  const pence = ((i * 7919) % 1_000_000) + 1;
  const amount = `${Math.floor(pence / 100).toLocaleString("en-GB")}.${String(pence % 100).padStart(2, "0")}`;
  const form = i % 4 === 0 ? `${amount}-` : i % 4 === 1 ? `(${amount})` : i % 4 === 2 ? `${amount} CR` : amount;
  return [cc, account, `Journal ${i}`, `P${String((Math.floor(i / CODES.length) % 12) + 1).padStart(2, "0")}`, form];
}

function csv(rows: number, path: string): void {
  const out: string[] = ["Cost Centre,Account,Description,Period,Amount"];
  for (let i = 0; i < rows; i++) out.push(row(i).map((c) => (c.includes(",") ? `"${c}"` : c)).join(","));
  writeFileSync(path, out.join("\r\n") + "\r\n");
}

async function xlsx(rows: number, path: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
  const ws = wb.addWorksheet("Ledger");
  ws.addRow(["Cost Centre", "Account", "Description", "Period", "Amount"]).commit();
  for (let i = 0; i < rows; i++) ws.addRow(row(i)).commit();
  ws.commit();
  await wb.commit();
}

/** Wall time, CPU time (user + system: what the machine's other work does not inflate as much) and peak memory. */
function run(args: string[]): { seconds: number; cpu: number | null; peakMb: number | null; status: number | null } {
  if (existsSync(TIME)) {
    const r = spawnSync(TIME, ["-f", "@@ %e %M %U %S", process.execPath, CLI, ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
    const m = /@@ ([0-9.]+) ([0-9]+) ([0-9.]+) ([0-9.]+)/.exec(r.stderr);
    return { seconds: Number(m?.[1] ?? NaN), cpu: m ? Number(m[3]) + Number(m[4]) : null, peakMb: m ? Number(m[2]) / 1024 : null, status: r.status };
  }
  const start = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
  return { seconds: (Date.now() - start) / 1000, cpu: null, peakMb: null, status: r.status };
}

/** Wall and CPU seconds of `f`. */
function timed<T>(f: () => T): { value: T; text: string } {
  const cpu = process.cpuUsage(), start = performance.now();
  const value = f();
  const used = process.cpuUsage(cpu);
  return { value, text: `${((performance.now() - start) / 1000).toFixed(2)} s (CPU ${((used.user + used.system) / 1e6).toFixed(2)} s)` };
}

/** The import's stages in this process: the CSV parsed into a table, then its rows read, mapped and added up. */
function stages(file: string, profilePath: string): string {
  const model = parseMonitoringJson(readFileSync(join(ROOT, "seeds", "q2-2024-25.json"), "utf8"));
  const profile = profileFrom(JSON.parse(readFileSync(profilePath, "utf8")));
  const rules = mappingFrom(JSON.parse(readFileSync(join(FIX, "dorset-mapping.json"), "utf8")));
  const parse = timed(() => csvTable(readFileSync(file), file));
  const map = timed(() => previewImport({ table: parse.value, profile, rules, model, yearStartMonth: 4 }));
  return `parse ${parse.text}, map and aggregate ${map.text} (${map.value.rowsUsed.toLocaleString("en-GB")} rows used)`;
}

async function main(): Promise<void> {
  spawnSync("npm", ["run", "-s", "build:cli"], { cwd: ROOT, stdio: "inherit" });
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const dir = mkdtempSync(join(tmpdir(), "outturn-ledger-bench-"));
  const profile = join(dir, "profile.json");
  writeFileSync(profile, JSON.stringify({ name: "transactions", columns: { costCentre: "Cost Centre", account: "Account", description: "Description", period: "Period", amount: "Amount" }, actuals: "month", duplicates: "add" }));
  console.log("Ledger import (outturn import --dry-run --json: read, parse, map, aggregate, preview), rows of 12 periods:");
  try {
    for (const rows of sizes.length ? sizes : [10_000, 100_000, 500_000]) {
      for (const kind of ["csv", "xlsx"] as const) {
        if (kind === "xlsx" && rows >= 500_000 && !process.env.BENCH_LEDGER_XLSX_500K) { console.log(`  ${rows.toLocaleString("en-GB").padStart(9)} rows .xlsx: skipped (BENCH_LEDGER_XLSX_500K=1 to run)`); continue; }
        const file = join(dir, `ledger-${rows}.${kind}`);
        if (kind === "csv") csv(rows, file);
        else await xlsx(rows, file);
        const r = run(["import", file, "--profile", profile, "--mapping", join(FIX, "dorset-mapping.json"), "--into", join(ROOT, "seeds", "q2-2024-25.json"), "--dry-run", "--json"]);
        console.log(`  ${rows.toLocaleString("en-GB").padStart(9)} rows .${kind.padEnd(4)}: ${r.seconds.toFixed(2)} s (CPU ${r.cpu === null ? "?" : `${r.cpu.toFixed(2)} s`}), peak ${r.peakMb === null ? "?" : `${r.peakMb.toFixed(0)} MB`} (exit ${r.status}: 2 = the unmapped code 7777 listed)`);
        if (kind === "csv") console.log(`  ${"".padStart(9)}      in process: ${stages(file, profile)}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
