/** The pane's gateway outside Excel: the in-memory preview workbook, with window.outturnPreview for tests. */
import { MemoryWorkbook } from "../workbook/memory";
import { installPreviewApi } from "./preview-api";
export { locatorFor } from "./locate";

/** The preview workbook, after any set-up a test asked for (window.outturnPreviewSetup). */
export async function previewWorkbook(target: Window): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook();
  const api = installPreviewApi(target, workbook);
  await target.outturnPreviewSetup?.(api);
  return workbook;
}
