/**
 * Reads a ledger .xlsx in a worker (./ledger-xlsx.worker.ts), so the pane keeps drawing while ExcelJS parses it.
 * Imported only where the browser has workers (the pane); tests in Node read the file on their own thread.
 */
import { type LedgerTable, LedgerFileError } from "../ledger/table";
import type { XlsxReply, XlsxRequest } from "./ledger-xlsx.worker";

export function xlsxTableInWorker(request: XlsxRequest): Promise<LedgerTable> {
  // webpack bundles the worker (and ExcelJS with it) as its own file, fetched only now.
  const worker = new Worker(/* webpackChunkName: "ledger-xlsx-worker" */ new URL("./ledger-xlsx.worker.ts", import.meta.url));
  return new Promise<LedgerTable>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<XlsxReply>) => {
      worker.terminate();
      const reply = e.data;
      if ("table" in reply) resolve(reply.table);
      else if ("problem" in reply) reject(new LedgerFileError(reply.problem));
      else reject(new Error(`Reading ${request.file}: ${reply.failure}`));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(`Reading ${request.file}: the worker reading it stopped (${e.message})`));
    };
    // A copy of the bytes is sent (the chosen file's own are kept for reading it again with another sheet).
    worker.postMessage(request);
  });
}
