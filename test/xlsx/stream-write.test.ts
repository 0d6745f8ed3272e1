/**
 * The streaming workbook writer waits for the zip as it goes (src/xlsx/write.ts): a write that fails (a full disk)
 * must end that wait with the error, for the command to word, rather than leave the promise unsettled and the
 * process ending silently with no file.
 */
import { existsSync } from "node:fs";
import { sized } from "../../bench/sized";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { writeWorkbookFile } from "../../src/xlsx/write";

const onLinux = existsSync("/dev/full");

(onLinux ? test : test.skip)("a full disk rejects the write with ENOSPC (many rows, so the writer waits for the zip)", async () => {
  await expect(writeWorkbookFile(buildWorkbookPlan(sized(3000)), "/dev/full")).rejects.toMatchObject({ code: "ENOSPC" });
}, 60_000);
