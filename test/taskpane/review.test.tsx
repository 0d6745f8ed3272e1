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
    wb.signOff("Julie Strange", "Treasurer", "2024-10-20T09:00:00Z");
    expect(wb.isProtected("Sign-off")).toBe(true);
    const signed = await wb.readPeriod();
    expect(signed.signoff?.state).toBe("signed");
    expect(() => wb.signOff("Julie Strange", "Treasurer")).toThrow(/already signed off these figures/);
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
});
