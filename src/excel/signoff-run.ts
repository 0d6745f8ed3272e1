/**
 * A sign-off written into the open workbook (src/workbook/signoff.ts decides, as for the in-memory workbook and
 * `outturn signoff`), in one Excel.run of 3 syncs: (1) the sheets' names and whether the workbook's structure is
 * protected; (2) every Outturn sheet's used range (the Summary's and Sign-off sheet's with their formats, so the old
 * extent is cleared) and those two sheets' protection; (3) ONE request that unprotects them, rewrites them, locks their
 * cells and protects them again, adding the Sign-off sheet (last tab) at the first sign-off. A refusal (errors in the
 * period, the board before the treasurer...) comes after (2): nothing is written. Fetched by the gateway when the
 * pane signs off, so start-up does not carry it.
 */
import type { PlanPort } from "../workbook/plan-port";
import { readKindOfName } from "../workbook/rules";
import { type SignOffRequest, type SignOffResult, planSignOff, signOffTime } from "../workbook/signoff";
import type { OwnWrites } from "./own-write";
import { queueOp } from "./apply";
import { gridOf, syncReading } from "./grid";
import { renderSheet, type RenderFeatures } from "./render";
import { columnsOf, localAddress } from "./gateway";
import { queueUnprotects, unprotectFailure, type ProtectedTarget } from "./protection";
import { sha256Hex } from "../engine/sha256";

export interface SignOffWrite {
  writes: OwnWrites;
  plans: PlanPort;
  features: RenderFeatures;
  password: string | undefined;
  /** The moment recorded (the gateway's clock). */
  now: Date;
  /** A sheet Outturn adds is watched by the pane's change subscriptions (same request). */
  watch: (ws: Excel.Worksheet) => void;
}

export async function writeSignOff(w: SignOffWrite, request: SignOffRequest): Promise<SignOffResult> {
  let involved: string[] = [];
  return w.writes.run(() => ({ action: "sign off", sheets: involved }), async (context, events) => {
    // Sync 1: which sheets there are, and may one be added.
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    const structure = context.workbook.protection;
    structure.load("protected");
    await context.sync();
    const ours = worksheets.items.filter((ws) => readKindOfName(ws.name) !== null);
    // Sync 2: what they hold; the Summary and Sign-off sheets with their formats and protection.
    const rewritten = (name: string) => readKindOfName(name) === "Summary" || readKindOfName(name) === "Signoff";
    const used = await syncReading(context, (loadUsed) => ours.map((ws) => {
      const kind = readKindOfName(ws.name);
      const protection = rewritten(ws.name) ? ws.protection.load("protected") : null;
      return { name: ws.name, kind, range: loadUsed(ws, !rewritten(ws.name)), protection };
    }));
    const summary = used.find((u) => u.kind === "Summary");
    const signoff = used.find((u) => u.kind === "Signoff");
    const { plan, record } = planSignOff(w.plans.read({ sheets: used.map((u) => gridOf(u.name, u.range)) }, sha256Hex), request, signOffTime(w.now), {
      hasSummary: summary !== undefined, hasSignoff: signoff !== undefined, structureProtected: structure.protected,
    });

    // Sync 3: unprotect (first, so a password refused writes nothing), rewrite, protect; the Sign-off sheet added if new.
    involved = plan.sheets.map((sp) => sp.name);
    const existing = [summary, signoff].filter((u) => u !== undefined);
    const unprotect: ProtectedTarget[] = existing.filter((u) => u.protection?.protected && u.kind)
      .map((u) => ({ name: u.name, kind: u.kind!, ws: worksheets.getItem(u.name) }));
    events.off();
    queueUnprotects(unprotect, w.password);
    for (const sp of plan.sheets) {
      const old = existing.find((u) => u.kind === sp.kind);
      const reset = old && !old.range.isNullObject ? localAddress(old.range.address) : undefined;
      const ops = renderSheet(sp, plan.styles, {
        features: w.features, resetAddress: reset, resetColumns: reset ? columnsOf(reset) : undefined,
        protection: { unprotectFirst: false, protect: true, password: w.password },
      });
      const ws = old ? worksheets.getItem(old.name) : worksheets.add(sp.name);
      for (const op of ops) queueOp(ws, op);
      if (!old) w.watch(ws);
    }
    events.on();
    try {
      await context.sync();
    } catch (e) {
      throw (await unprotectFailure(context, unprotect, w.password, e)) ?? e;
    }
    return { record };
  });
}
