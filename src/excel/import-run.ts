/**
 * A ledger import's cells (or their old values, to undo it) written into the open workbook, in one Excel.run:
 * (1) the sheets' names; (2) every Outturn sheet's used range, read back into the period; then, unless no cell
 * changes, (3) ONE request writing only the input cells the import changes (src/workbook/import-writes.ts decides
 * which, as for the in-memory workbook). Values only: the cells keep their number formats; an unlocked input cell on a
 * protected sheet takes the value. Fetched by the gateway when an import is applied, so start-up does not carry it.
 */
import type { ImportDirection, ImportResult } from "../workbook/gateway";
import type { LineChange } from "../ledger/apply";
import type { PlanPort } from "../workbook/plan-port";
import { importResult, planImportWrites } from "../workbook/import-writes";
import { kindOfName } from "../workbook/rules";
import type { OwnWrites } from "./own-write";
import { queueOp } from "./apply";
import { gridOf, syncReading } from "./grid";

export async function writeImport(writes: OwnWrites, plans: PlanPort, changes: readonly LineChange[], direction: ImportDirection): Promise<ImportResult> {
  const action = direction === "apply" ? "import the ledger" : "undo the import";
  let involved: string[] = [];
  return writes.run(() => ({ action, sheets: involved }), async (context, events) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const ours = worksheets.items.filter((ws) => kindOfName(ws.name) !== null);
    const used = await syncReading(context, (loadUsed) => ours.map((ws) => ({ name: ws.name, range: loadUsed(ws) })));
    const cells = planImportWrites(plans.read({ sheets: used.map((u) => gridOf(u.name, u.range)) }), changes, direction, plans);
    if (cells.length === 0) return importResult(cells);
    involved = [...new Set(cells.map((w) => w.sheet))];
    const sheets = new Map(involved.map((name) => [name, worksheets.getItem(name)]));
    events.off();
    for (const w of cells) queueOp(sheets.get(w.sheet)!, { kind: "cells", property: "values", firstRow: w.row, firstCol: w.col, data: [[w.value]], bytes: 0 });
    events.on();
    await context.sync();
    return importResult(cells);
  });
}
