/**
 * Reads the published tables of a worked example's figures file (seeds/q2-2024-25-figures.md unless another is given),
 * so tests compare with every published figure, not a sample.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export type Row = string[];

export const FIGURES_PATH = join(__dirname, "..", "..", "seeds", "q2-2024-25-figures.md");

/** The rows (without header and rule) of the markdown table that follows the given heading. */
export function tableAfter(heading: string, nth = 0, path = FIGURES_PATH): Row[] {
  const lines = readFileSync(path, "utf8").split("\n");
  let i = lines.findIndex((l) => l.trim() === heading);
  if (i < 0) throw new Error(`no heading "${heading}" in ${path}`);
  const tables: Row[][] = [];
  let current: Row[] | null = null;
  for (i++; i < lines.length && !lines[i]!.startsWith("## "); i++) {
    const l = lines[i]!.trim();
    if (l.startsWith("|")) {
      const cells = l.slice(1, -1).split("|").map((c) => c.trim());
      if (!current) { current = []; tables.push(current); continue; } // header row
      if (cells.every((c) => /^:?-+:?$/.test(c))) continue; // rule row
      current.push(cells);
    } else current = null;
  }
  const table = tables[nth];
  if (!table) throw new Error(`no table ${nth} after "${heading}"`);
  return table;
}

/** "(2,307)" / "-2,307" -> "-2307"; "–" -> null; "1,800 (all delivered)" -> "1800". */
export function publishedNumber(cell: string): string | null {
  const c = cell.replace(/\*\*/g, "").trim();
  if (c === "–" || c === "-" || c === "") return null;
  const m = /^(\(?-?[0-9,]+(?:\.[0-9]+)?\)?)/.exec(c);
  if (!m) throw new Error(`not a published number: "${cell}"`);
  const raw = m[1]!;
  const negative = raw.startsWith("(") || raw.startsWith("-");
  const digits = raw.replace(/[(),-]/g, "");
  return (negative ? "-" : "") + digits;
}

export const label = (cell: string) => cell.replace(/\*\*/g, "").trim();
