/**
 * The streaming workbook writer (src/xlsx/write.ts): it waits for the zip as it goes, so a write that fails (a full
 * disk) must end that wait with the error, for the command to word, rather than leave the promise unsettled and the
 * process ending silently with no file; and it writes the plans' blocks of rows (SheetBuilder.rows) one row at a time,
 * making the same file as from the cells held whole.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { sized } from "../../bench/sized";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { writeWorkbookFile } from "../../src/xlsx/write";
import { seedModel } from "../plans/support";

const onLinux = existsSync("/dev/full");

(onLinux ? test : test.skip)("a full disk rejects the write with ENOSPC (many rows, so the writer waits for the zip)", async () => {
  await expect(writeWorkbookFile(buildWorkbookPlan(sized(3000)), "/dev/full")).rejects.toMatchObject({ code: "ENOSPC" });
}, 60_000);

/** Every part of an .xlsx file, as text; the file's creation time (docProps/core.xml) left out. */
async function parts(file: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out: Record<string, string> = {};
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) out[entry.name] = (await entry.async("string")).replace(/<dcterms:(created|modified)\b[^>]*>[^<]*</g, "<dcterms:$1>(time)<");
  }
  return out;
}

describe("the plans' blocks of rows written row by row", () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), "outturn-stream-")); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each([
    ["the worked example", () => seedModel()],
    ["a 1,000-line period", () => sized(1000)],
  ])("%s: every part of the file is the same as written from the cells held whole, and the cells are never held", async (name, model) => {
    const streamed = buildWorkbookPlan(model());
    const file = join(dir, `${name}-streamed.xlsx`);
    await writeWorkbookFile(streamed, file);
    for (const sheet of streamed.sheets.filter((s) => ["Revenue", "Profiles", "Slides"].includes(s.kind))) {
      expect({ sheet: sheet.name, held: !Object.getOwnPropertyDescriptor(sheet, "cells")?.get }).toEqual({ sheet: sheet.name, held: false });
    }
    // A copy of each sheet holds its cells (spreading reads them), so the writer groups them by row as it did before blocks.
    const whole = buildWorkbookPlan(model());
    const held = { ...whole, sheets: whole.sheets.map((s) => ({ ...s })) };
    const heldFile = join(dir, `${name}-held.xlsx`);
    await writeWorkbookFile(held, heldFile);
    const [a, b] = await Promise.all([parts(file), parts(heldFile)]);
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    expect(Object.keys(a)).toContain("xl/worksheets/sheet6.xml");
    for (const part of Object.keys(a)) expect({ part, same: a[part] === b[part] }).toEqual({ part, same: true });
  }, 120_000);
});
