/**
 * Office files (.pptx, .xlsx: zips of XML parts) checked as a reader would: every XML part, and every part of the
 * Office files embedded in them (a chart's workbook), must be well-formed XML. libxml2's xmllint is the judge (one
 * call for all the parts): it rejects what XML 1.0 forbids, control characters and unescaped & or < included.
 * Also: the compression method of each zip entry, to check a file is deflated.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";

async function collectParts(bytes: Uint8Array, prefix: string, dir: string, files: Map<string, string>): Promise<void> {
  const zip = await JSZip.loadAsync(bytes);
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const name = `${prefix}${entry.name}`;
    if (/\.(xml|rels)$/i.test(entry.name)) {
      const file = path.join(dir, String(files.size));
      fs.writeFileSync(file, await entry.async("uint8array"));
      files.set(file, name);
    } else if (/\.(xlsx|pptx|docx)$/i.test(entry.name)) {
      await collectParts(await entry.async("uint8array"), `${name}!/`, dir, files);
    }
  }
}

/** Problems with the XML parts of an Office file, each naming its part ("ppt/slides/slide2.xml: ..."); [] when all parse. */
export async function xmlPartProblems(bytes: Uint8Array): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outturn-ooxml-"));
  try {
    const files = new Map<string, string>();
    await collectParts(bytes, "", dir, files);
    if (files.size === 0) return ["no XML parts at all"];
    const r = spawnSync("xmllint", ["--noout", "--nonet", ...files.keys()], { encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
    if (r.error) throw new Error(`xmllint could not run (${r.error.message}): install libxml2-utils (see .ci/run)`);
    if (r.status === 0) return [];
    const problems = r.stderr.split("\n").filter((l) => l.startsWith(dir)).map((l) => {
      const file = l.slice(0, l.indexOf(":"));
      return `${files.get(file) ?? file}${l.slice(file.length)}`;
    });
    return problems.length ? problems : [`xmllint exit ${r.status}: ${r.stderr}`];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Each zip entry's name and compression method as stored in the central directory (0 stored, 8 deflated). */
export function zipEntryMethods(bytes: Uint8Array): Array<{ name: string; method: number; size: number }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("not a zip: no end of central directory");
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const out: Array<{ name: string; method: number; size: number }> = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`bad central directory entry at ${at}`);
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const name = Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString("utf8");
    out.push({ name, method, size });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}
