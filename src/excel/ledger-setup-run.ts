/**
 * The ledger import's profile and mapping saved on the Ledger mapping sheet of the open workbook, in one Excel.run:
 * (1) the sheets' names and whether the workbook's structure is protected; (2) only when the sheet exists, its used
 * range (what it keeps, src/workbook/ledger-setup.ts decides as for the in-memory workbook), its extent and its
 * protection; then, unless it keeps a setup and the user has not agreed to replace it, (3) ONE request that adds or
 * clears the sheet and writes it (2 requests in all for a new sheet). A sheet protected before is protected again.
 * Fetched by the gateway when a setup is first saved, so start-up does not carry it.
 */
import type { LedgerSetup, SaveSetupMode, SaveSetupResult } from "../workbook/gateway";
import { planSetupSave } from "../workbook/ledger-setup";
import { readKindOfName } from "../workbook/rules";
import type { OwnWrites } from "./own-write";
import { queueOp } from "./apply";
import { gridOf, syncReading } from "./grid";
import { type RenderFeatures, renderSheet } from "./render";

export interface SetupRunOptions {
  features: RenderFeatures;
  password: string | undefined;
  /** Watch a sheet just added for the pane's change subscriptions (queued in the same request). */
  watch: (ws: Excel.Worksheet) => void;
}

export async function saveLedgerSetup(writes: OwnWrites, setup: LedgerSetup, mode: SaveSetupMode, options: SetupRunOptions): Promise<SaveSetupResult> {
  let involved: string[] = [];
  return writes.run(() => ({ action: "save the import's profile and mapping in the workbook", sheets: involved }), async (context, events) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    const structure = context.workbook.protection;
    structure.load("protected");
    await context.sync();
    const item = worksheets.items.find((ws) => readKindOfName(ws.name) === "Mapping");
    let existing: { grid: ReturnType<typeof gridOf>; address: string | null; protected: boolean } | null = null;
    if (item) {
      const read = await syncReading(context, (loadUsed) => {
        const extent = item.getUsedRangeOrNullObject();
        extent.load("address");
        const protection = item.protection;
        protection.load("protected");
        return { used: loadUsed(item), extent, protection };
      });
      existing = { grid: gridOf(item.name, read.used), address: read.extent.isNullObject ? null : read.extent.address.slice(read.extent.address.lastIndexOf("!") + 1), protected: read.protection.protected };
    }
    const step = planSetupSave(existing?.grid ?? null, setup, mode, structure.protected);
    if (step.status === "exists") return step;
    involved = [step.sheet.name];
    const columns = existing?.address ? existing.address.split(":").map((p) => p.replace(/[^A-Za-z]/g, "")) : null;
    const ops = renderSheet(step.sheet, step.plan.styles, {
      features: options.features,
      resetAddress: existing?.address ?? undefined,
      resetColumns: columns ? `${columns[0]}:${columns[columns.length - 1]}` : undefined,
      protection: { unprotectFirst: existing?.protected ?? false, protect: existing?.protected ?? false, password: options.password },
    });
    events.off();
    const ws = item ? worksheets.getItem(item.name) : worksheets.add(step.sheet.name);
    for (const op of ops) queueOp(ws, op);
    if (!item) options.watch(ws);
    events.on();
    await context.sync();
    return { status: "saved", sheet: step.sheet.name };
  });
}
