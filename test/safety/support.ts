/**
 * Helpers for the safety tests: the command line run as a user would (several at once, each in its own folder),
 * every file of a folder fingerprinted before and after (so a test sees any file changed), bad variants of the
 * worked example as JSON and as a workbook, and the XML of an Office file checked part by part.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { lstatSync, readFileSync, readdirSync, readlinkSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { ROOT, runCliAsync } from "../support/cli";

export { runCliAsync };
import { parseMonitoringJson } from "../../src/model/load";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { workbookBuffer } from "../../src/xlsx/write";

export const SEED_TEXT = readFileSync(join(ROOT, "seeds", "q2-2024-25.json"), "utf8");

// The seed as plain JSON values, edited freely to make bad variants.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Doc = any;

export function jsonVariant(path: string, edit: (doc: Doc) => void): string {
  const doc = JSON.parse(SEED_TEXT);
  edit(doc);
  writeFileSync(path, JSON.stringify(doc, null, 2));
  return path;
}

/** The worked example's workbook as Outturn writes it (in-process: quicker than the command line). */
let baseWorkbook: Promise<Buffer> | null = null;
export function seedWorkbook(): Promise<Buffer> {
  baseWorkbook ??= (async () => {
    const model = parseMonitoringJson(SEED_TEXT);
    return workbookBuffer(buildWorkbookPlan(model));
  })();
  return baseWorkbook;
}

/** The worked example's workbook with a change a user (or a program) made, saved at `path`. */
export async function workbookVariant(path: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await seedWorkbook()) as unknown as ExcelJS.Buffer);
  edit(wb);
  await wb.xlsx.writeFile(path);
  return path;
}

export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** The command line, asynchronously (so a campaign can run a few at once). */
/** Runs `tasks` at most `limit` at a time. */
export async function pool<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await (tasks[i] as () => Promise<T>)();
    }
  }));
  return results;
}

/** Every entry of a folder (not recursive): a file's content hash, a link's target, a folder's mark. */
export function fingerprint(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const l = lstatSync(p);
    if (l.isSymbolicLink()) out.set(name, `link -> ${readlinkSync(p)}`);
    else if (l.isDirectory()) out.set(name, "folder");
    else out.set(name, `${createHash("sha256").update(readFileSync(p)).digest("hex")} ino ${statSync(p).ino}`);
  }
  return out;
}

/** A stack trace line as Node prints it. */
export const STACK = /\n\s+at .+[(:]\d+:\d+\)?/;

/** Each XML part of an Office file (.xlsx, .pptx) that xmllint does not accept as well-formed, with its complaint. */
export async function malformedParts(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const bad: string[] = [];
  for (const name of Object.keys(zip.files)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const xml = await zip.files[name]!.async("nodebuffer");
    const r = spawnSync("xmllint", ["--noout", "-"], { input: xml, encoding: "utf8" });
    if (r.status !== 0) bad.push(`${name}: ${r.stderr.split("\n")[0]}`);
  }
  return bad;
}

/** The text of every part of an Office file, joined (to look for what was written). */
export async function partsText(bytes: Buffer, pattern: RegExp): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const texts = await Promise.all(Object.keys(zip.files).filter((n) => pattern.test(n)).map((n) => zip.files[n]!.async("string")));
  return texts.join("\n");
}
