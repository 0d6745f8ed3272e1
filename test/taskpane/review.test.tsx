/**
 * Review mode (issue 15): no write reaches the gateway while it is on, whatever the pane asks; the write views are not
 * offered; the Review view shows the sign-off, every input changed since, the actions and the commentary.
 */
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { WorkbookGateway } from "../../src/workbook/gateway";
import { ReviewGuard, WRITE_METHODS, tabsFor } from "../../src/taskpane/review";
import { ReviewView } from "../../src/taskpane/views/ReviewView";
import { ALL_SHEETS } from "../../src/taskpane/start-form";
import { D } from "../../src/model/amount";
import { seedModel } from "../e2e/seed-inputs";
import { type Busy, type PaneAction, type PaneState, initialPaneState, paneReducer } from "../../src/taskpane/pane-state";
import { describeError } from "../../src/taskpane/errors";
import { signOff } from "../../src/taskpane/signoff-actions";

/** Every write the gateway received, by method (a wrapper counting, in front of the in-memory workbook). */
function counting(inner: WorkbookGateway): { gateway: WorkbookGateway; writes: string[] } {
  const writes: string[] = [];
  const gateway = { ...inner } as WorkbookGateway;
  for (const m of Object.keys(Object.getPrototypeOf(inner) as object).concat(Object.getOwnPropertyNames(Object.getPrototypeOf(inner)))) {
    const method = m as keyof WorkbookGateway;
    if (typeof inner[method] !== "function" || m === "constructor") continue;
    (gateway as unknown as Record<string, unknown>)[m] = (...args: unknown[]) => {
      if ((WRITE_METHODS as readonly string[]).includes(m)) writes.push(m);
      return (inner[method] as (...a: unknown[]) => unknown).apply(inner, args);
    };
  }
  return { gateway, writes };
}

const request = { organisation: "Dorset Police and Crime Commissioner", financialYear: "2024/25", period: "Q2" as const, units: "£000" as const, sheets: [...ALL_SHEETS], onExisting: "ask" as const };

describe("review mode", () => {
  test("no write reaches the gateway while it is on: each write refused in words; reads and going to a cell work", async () => {
    const wb = new MemoryWorkbook();
    const { gateway, writes } = counting(wb);
    const guard = new ReviewGuard(gateway);
    await guard.gateway.insertSheets({ ...request, model: seedModel() });
    expect(writes).toEqual(["insertSheets"]);
    const model = (await guard.gateway.readPeriod()).model!;

    guard.setReviewing(true);
    const before = JSON.stringify(wb.sheetNames().map((n) => [n, wb.previewSheet(n)]));
    const attempts: Array<Promise<unknown>> = [
      guard.gateway.insertSheets({ ...request, onExisting: "upgrade" }),
      guard.gateway.writeSettings({ ...model.settings, materiality: new D(1) }),
      guard.gateway.closePeriod(),
      guard.gateway.reopenPeriod("Q1"),
      guard.gateway.writeImport([], "apply"),
      guard.gateway.signOff({ name: "Simon Bullock", role: "Treasurer" }),
      guard.gateway.saveLedgerSetup({ profile: null, rules: [] }, "ask"),
    ];
    expect(attempts).toHaveLength(WRITE_METHODS.length);
    for (const a of attempts) await expect(a).rejects.toMatchObject({ name: "WorkbookError", message: expect.stringMatching(/^Review mode changes nothing in the workbook/) });
    expect((await guard.gateway.readPeriod()).model?.period).toBe("Q2");
    await guard.gateway.selectCell({ sheet: "Revenue", address: "E8" });
    expect(writes).toEqual(["insertSheets"]);
    expect(JSON.stringify(wb.sheetNames().map((n) => [n, wb.previewSheet(n)]))).toBe(before);

    guard.setReviewing(false);
    expect((await guard.gateway.closePeriod()).changed).toBe(true);
    expect(writes).toEqual(["insertSheets", "closePeriod"]);
  });

  test("sign-off in the preview workbook, then one changed input: exactly that cell is changed since sign-off", async () => {
    const wb = new MemoryWorkbook();
    await wb.insertSheets({ ...request, model: seedModel() });
    wb.clock = () => new Date("2024-10-20T09:00:00.123Z");
    expect(await wb.signOff({ name: "Julie Strange", role: "Treasurer" })).toMatchObject({ record: { role: "Treasurer", name: "Julie Strange", at: "2024-10-20T09:00:00Z" } });
    expect(wb.isProtected("Sign-off")).toBe(true);
    const signed = await wb.readPeriod();
    expect(signed.signoff?.state).toBe("signed");
    await expect(wb.signOff({ name: "Julie Strange", role: "Treasurer" })).rejects.toMatchObject({ code: "Invalid", message: expect.stringMatching(/already signed off these figures/) });
    const forecast = signed.locate!({ area: "revenue", row: "Pay & Employment costs", column: "forecastOutturn" })!;
    wb.setCells("Revenue", { [forecast.split("!")[1]!]: 153900 });
    const changed = await wb.readPeriod();
    expect(changed.signoff?.state).toBe("changed");
    expect(changed.signoff?.changes.map((c) => [c.where, c.after])).toEqual([[forecast, "153900"]]);
    expect(changed.checks.filter((c) => c.id === "changed-since-signoff").map((c) => c.where)).toEqual([forecast]);
  });

  test("offers only the views that change nothing", () => {
    expect(tabsFor(true)).toEqual(["position", "checks", "review"]);
    expect(tabsFor(false)).toEqual(expect.arrayContaining(["pack", "settings", "start", "review"]));
  });

  test("the Review view: the sign-off, each input changed since, the actions and the commentary", () => {
    const model = seedModel();
    const html = renderToStaticMarkup(
      <ReviewView
        model={model}
        signoff={{
          state: "changed", fingerprint: "b".repeat(64),
          records: [{ role: "Treasurer", name: "Julie Strange", at: "2024-10-20T09:00:00Z", fingerprint: "a".repeat(64) }],
          changes: [{ key: "Revenue|line:0:Pay|forecastOutturn", where: "Revenue!E8", what: "Pay, forecast outturn", before: "153797", after: "153900" }],
        }}
        actions={[{ item: "Revenue line: Pay", action: "Hold vacancies", owner: "CFO", due: "2024-12-31", status: "Open", effect: new D(300), meeting: "RCB 2024-10-15" }]}
      />,
    );
    const text = html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(text).toContain("CHANGED SINCE SIGN-OFF: 1 input(s) changed since Treasurer Julie Strange, 2024-10-20 09:00 UTC");
    expect(text).toContain("Revenue!E8: Pay, forecast outturn, 153797 → 153900");
    expect(text).toContain("Revenue line: Pay: Hold vacancies");
    expect(text).toMatch(/Open, owner CFO, due 2024-12-31, effect £300k, RCB 2024-10-15/);
    const commented = model.revenue.groups.flatMap((g) => g.lines).find((l) => l.commentary);
    expect(text).toContain(commented!.commentary!.slice(0, 30));
    // Nothing to press that writes.
    expect(html).not.toMatch(/<button/);
  });

  test("the pane's Sign off: treasurer then board through the gateway; refused in words with errors and in review mode, nothing written", async () => {
    const wb = new MemoryWorkbook();
    wb.clock = () => new Date("2024-10-21T14:30:09.500Z");
    await wb.insertSheets({ ...request, model: seedModel() });
    const { gateway, writes } = counting(wb);
    const guard = new ReviewGuard(gateway);
    let state: PaneState = initialPaneState;
    const dispatch = (a: PaneAction) => { state = paneReducer(state, a); };
    const run = async <T,>(key: Busy, action: string, body: () => Promise<T>) => {
      try { return await body(); } catch (err) { dispatch({ type: "failed", key, notice: describeError(err, action) }); return undefined; }
    };
    const deps = { gateway: guard.gateway, run, dispatch, refreshNow: async () => undefined };

    // Checks list an error: refused before the gateway, in words.
    await expect(signOff(deps, { name: "Julie Strange", role: "Treasurer" }, 2)).resolves.toBe(false);
    expect(state.notice).toMatchObject({ title: "The period cannot be signed off yet", body: expect.stringMatching(/^2 errors in the workbook mean the figures are incomplete/) });
    // Review mode: the gateway refuses it, in words.
    guard.setReviewing(true);
    await expect(signOff(deps, { name: "Julie Strange", role: "Treasurer" }, 0)).resolves.toBe(false);
    expect(state.notice?.body).toMatch(/Review mode changes nothing in the workbook/);
    expect(writes).toEqual([]);
    expect(wb.sheetNames()).not.toContain("Sign-off");

    guard.setReviewing(false);
    await expect(signOff(deps, { name: "Julie Strange", role: "Treasurer" }, 0)).resolves.toBe(true);
    expect(state.notice).toMatchObject({ title: "Signed off", body: expect.stringMatching(/^Treasurer Julie Strange, 2024-10-21 14:30 UTC, fingerprint [0-9a-f]{12}, recorded on the Sign-off sheet.*The board can now sign off/) });
    await expect(signOff(deps, { name: "Simon Bullock", role: "Board" }, 0)).resolves.toBe(true);
    const read = await wb.readPeriod();
    expect(read.signoff?.state).toBe("signed");
    expect(read.signoff?.records.map((r) => [r.role, r.name, r.at])).toEqual([["Treasurer", "Julie Strange", "2024-10-21T14:30:09Z"], ["Board", "Simon Bullock", "2024-10-21T14:30:09Z"]]);
    expect(writes).toEqual(["signOff", "signOff"]);
  });

  test("the Sign off form: the role that signs next, and words instead of the form with errors or in review mode", () => {
    const model = seedModel();
    const words = (el: React.JSX.Element) => renderToStaticMarkup(el).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    const signed = { state: "signed" as const, fingerprint: "a".repeat(64), changes: [], records: [{ role: "Treasurer" as const, name: "Julie Strange", at: "2024-10-20T09:00:00Z", fingerprint: "a".repeat(64) }] };
    const action = { busy: false, onSignOff: async () => true };
    expect(words(<ReviewView model={model} signoff={null} actions={null} signOff={{ errorCount: 0, action }} />)).toContain("Sign off as treasurer");
    expect(words(<ReviewView model={model} signoff={signed} actions={null} signOff={{ errorCount: 0, action }} />)).toContain("Sign off as board");
    const withErrors = words(<ReviewView model={model} signoff={null} actions={null} signOff={{ errorCount: 1, action }} />);
    expect(withErrors).toContain("Not ready to sign off: 1 error in the workbook means the figures are incomplete");
    expect(withErrors).not.toContain("Sign off as");
    const reviewing = renderToStaticMarkup(<ReviewView model={model} signoff={null} actions={null} signOff={{ errorCount: 0, action: null }} />);
    expect(reviewing).toContain("turn review mode off to sign off");
    expect(reviewing).not.toMatch(/<button/);
  });
});
