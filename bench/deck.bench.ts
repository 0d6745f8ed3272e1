/**
 * Benchmark: the slide deck's time and size as the period grows (issue 16: it was super-linear and uncompressed).
 * For each size: the deck with every line (`allLines`, tables carried over continuation slides: the layout's cost)
 * and the deck as users get it (small lines grouped as "Other lines", src/slides/other-lines.ts). One build each,
 * after a warm-up; time per 1,000 lines shows whether it grows linearly. Prints figures; asserts nothing.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseMonitoringJson } from "../src/model/load";
import { computePosition } from "../src/engine/position";
import { buildDeck } from "../src/slides/deck";
import { withRevenueLines } from "../test/slides/sized-period";

const seed = parseMonitoringJson(readFileSync(join(__dirname, "..", "seeds", "q2-2024-25.json"), "utf8"));
const SIZES = (process.env.DECK_BENCH_SIZES ?? "1000,2500,5000,10000,20000").split(",").map(Number);

async function timed(fn: () => Promise<Uint8Array>): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const bytes = await fn();
  return { ms: performance.now() - start, bytes: bytes.length };
}

async function main(): Promise<void> {
  await buildDeck(computePosition(seed)); // warm-up: loads pptxgenjs and JSZip
  const example = await timed(() => buildDeck(computePosition(seed)));
  console.log(`Slide deck: the worked example ${example.ms.toFixed(0)} ms, ${(example.bytes / 1024).toFixed(0)} KB`);
  const rows = [["revenue lines", "every line s", "ms per 1k lines", "MB", "grouped s", "grouped KB", "heap MB"]];
  for (const n of SIZES) {
    const position = computePosition(withRevenueLines(seed, n));
    const all = await timed(() => buildDeck(position, { allLines: true }));
    const grouped = await timed(() => buildDeck(position));
    rows.push([
      String(n), (all.ms / 1000).toFixed(2), ((all.ms / n) * 1000).toFixed(0), (all.bytes / 2 ** 20).toFixed(1),
      (grouped.ms / 1000).toFixed(2), (grouped.bytes / 1024).toFixed(0), (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0),
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((c, i) => c.padStart(widths[i]!)).join("  "));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
