/**
 * A ledger export's .xlsx read off the pane's thread (issue 12): ExcelJS parses a sheet's XML in one run of promise
 * callbacks, which the browser cannot interrupt to draw (a 20,000-row export was two tasks of 650 and 430 ms on the
 * pane's thread, measured in Chromium by test/e2e/run.ts). Here it blocks only this worker; the pane gets the
 * table's rows, or the file's problem in words. Started by ./ledger-xlsx-worker-start.ts.
 */
import { ledgerXlsxTable } from "../xlsx/ledger";
import { LedgerFileError } from "../ledger/table";

export interface XlsxRequest { bytes: Uint8Array; file: string; sheet: string | null }
export type XlsxReply = { table: Awaited<ReturnType<typeof ledgerXlsxTable>> } | { problem: string } | { failure: string };

const scope = self as unknown as { onmessage: ((e: MessageEvent<XlsxRequest>) => void) | null; postMessage(reply: XlsxReply): void };

scope.onmessage = (e) => {
  const { bytes, file, sheet } = e.data;
  ledgerXlsxTable(bytes, file, sheet).then(
    (table) => scope.postMessage({ table }),
    (err: unknown) => scope.postMessage(err instanceof LedgerFileError ? { problem: err.message } : { failure: err instanceof Error ? err.message : String(err) }),
  );
};
