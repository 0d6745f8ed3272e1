/**
 * The pane's Sign off (issue 15): the treasurer, then the board, sign off the figures through the gateway (both decide
 * as `outturn signoff` does, src/workbook/signoff.ts). Refused here first, in words, while Checks lists errors: a
 * period with errors is never signed off as clean. Review mode refuses it at the gateway like any write. Fetched with
 * the Review view's chunk, not at start-up.
 */
import type { SignOffRecord } from "../engine/signoff";
import { describeRecord } from "../engine/signoff";
import type { SignOffRequest } from "../workbook/gateway";
import type { PaneNotice } from "./errors";
import type { ImportDeps } from "./import-actions";
import { plural } from "./notices";

export const signOffNotices = {
  signed(record: SignOffRecord): PaneNotice {
    const next = record.role === "Treasurer" ? " The board can now sign off the same figures." : "";
    return {
      intent: "success", title: "Signed off",
      body: `${describeRecord(record)}, fingerprint ${record.fingerprint.slice(0, 12)}, recorded on the Sign-off sheet (protected). Any input changed from now on is listed as changed since sign-off.${next}`,
    };
  },
  refusedWithErrors(errorCount: number): PaneNotice {
    return {
      intent: "warning", title: "The period cannot be signed off yet",
      body: `${plural(errorCount, "error")} in the workbook ${errorCount === 1 ? "means" : "mean"} the figures are incomplete, and a sign-off would record them as reviewed. Correct the errors (Checks takes you to each cell), then sign off. Nothing was changed.`,
    };
  },
};

/** Signs off; resolves true when recorded. `errorCount`: the errors Checks lists now. */
export async function signOff(deps: ImportDeps, request: SignOffRequest, errorCount: number): Promise<boolean> {
  if (errorCount > 0) {
    deps.dispatch({ type: "notice", notice: signOffNotices.refusedWithErrors(errorCount) });
    return false;
  }
  deps.dispatch({ type: "notice", notice: null });
  const result = await deps.run("signoff", "sign off", () => deps.gateway.signOff(request));
  if (!result) return false;
  await deps.refreshNow();
  deps.dispatch({ type: "done", notice: signOffNotices.signed(result.record) });
  return true;
}
