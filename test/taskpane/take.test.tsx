/**
 * Forecast assist's take in the pane (issue 13 item 3) on the in-memory workbook: no forecast changes on ticking or
 * previewing, only when the take runs; undo restores it; a forecast typed after the preview is refused in words with
 * nothing written; review mode refuses the take and does not offer it.
 */
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { WorkbookGateway } from "../../src/workbook/gateway";
import { ReviewGuard } from "../../src/taskpane/review";
import { type Busy, type PaneAction, type PaneState, initialPaneState, paneReducer } from "../../src/taskpane/pane-state";
import { describeError } from "../../src/taskpane/errors";
import { takeProjections, undoTake } from "../../src/taskpane/take-actions";
import { takePreview, TakePreviewTable, TakeProjection } from "../../src/taskpane/views/TakeProjection";
import { YearToDate } from "../../src/taskpane/views/YearToDate";
import { computePosition } from "../../src/engine/position";
import { yearToDateJson } from "../../src/report/year-to-date";
import { ALL_SHEETS } from "../../src/taskpane/start-form";
import { lineTargets } from "../../src/ledger/targets";
import { seedModel } from "../e2e/seed-inputs";

const LINE = "revenue.groups[0].lines[1]";
const request = { organisation: "Dorset Police and Crime Commissioner", financialYear: "2024/25", period: "Q2" as const, units: "£000" as const, sheets: [...ALL_SHEETS], onExisting: "ask" as const };
const words = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/&amp;/g, "&").replace(/\s+/g, " ");

/** The pane's take actions against a workbook: the reducer's state as the pane would hold it. */
async function pane() {
  const wb = new MemoryWorkbook();
  await wb.insertSheets({ ...request, model: seedModel() });
  const guard = new ReviewGuard(wb);
  let state: PaneState = initialPaneState;
  const dispatch = (a: PaneAction) => { state = paneReducer(state, a); };
  const run = async <T,>(key: Busy, action: string, body: () => Promise<T>) => {
    try { return await body(); } catch (err) { dispatch({ type: "failed", key, notice: describeError(err, action) }); return undefined; }
  };
  const deps = { gateway: guard.gateway as WorkbookGateway, run, dispatch, refreshNow: async () => undefined };
  const model = async () => (await wb.readPeriod()).model!;
  const forecasts = async () => lineTargets(await model()).map((t) => t.line.forecastOutturn?.toFixed() ?? null);
  return { wb, guard, deps, model, forecasts, state: () => state };
}

const forecasts = (p: Awaited<ReturnType<typeof pane>>) => p.forecasts();

test("forecasts change only when the take runs; undo restores them", async () => {
  const p = await pane();
  const before = await forecasts(p);
  const preview = takePreview(await p.model(), [{ path: LINE, method: "straightLine" }]);
  if (!("rows" in preview)) throw new Error(preview.problem);
  const row = preview.rows[0]!;
  expect(row.forecastAfter.equals(row.forecastBefore!)).toBe(false);
  expect(await forecasts(p)).toEqual(before);

  await expect(takeProjections(p.deps, await p.model(), preview.rows)).resolves.toBe(true);
  const line = lineTargets(await p.model()).find((t) => t.path === LINE)!.line;
  expect(line.forecastOutturn!.equals(row.forecastAfter)).toBe(true);
  expect((await forecasts(p)).filter((v, i) => v !== before[i])).toEqual([row.forecastAfter.toFixed()]);
  expect(p.state().lastTake?.changes).toHaveLength(1);
  expect(p.state().notice).toMatchObject({ title: "Projections taken" });

  await undoTake(p.deps, p.state().lastTake);
  expect(await forecasts(p)).toEqual(before);
  expect(p.state().lastTake).toBeNull();
  expect(p.state().notice).toMatchObject({ title: "Take undone" });
});

test("a forecast typed after the preview is refused, naming the line; nothing is written", async () => {
  const p = await pane();
  const model = await p.model();
  const preview = takePreview(model, [{ path: LINE, method: "straightLine" }]);
  if (!("rows" in preview)) throw new Error(preview.problem);
  const name = preview.rows[0]!.name;
  const where = (await p.wb.readPeriod()).inputs!.find((i) => i.key === `Revenue|line:0:${name}|forecastOutturn`)!.where!;
  p.wb.setCells("Revenue", { [where.slice(where.indexOf("!") + 1)]: 999 });
  const typed = await forecasts(p);
  await expect(takeProjections(p.deps, model, preview.rows)).resolves.toBe(false);
  expect(await forecasts(p)).toEqual(typed);
  expect(p.state().lastTake).toBeNull();
  expect(p.state().notice?.body).toMatch(new RegExp(`${name}, forecast, is 999 where the preview had .*Preview the take again`));
});

test("review mode refuses the take, and the year to date does not offer it there", async () => {
  const p = await pane();
  const before = await forecasts(p);
  const preview = takePreview(await p.model(), [{ path: LINE, method: "profiled" }]);
  if (!("rows" in preview)) throw new Error(preview.problem);
  p.guard.setReviewing(true);
  await expect(takeProjections(p.deps, await p.model(), preview.rows)).resolves.toBe(false);
  expect(p.state().notice?.body).toMatch(/Review mode changes nothing/);
  expect(await forecasts(p)).toEqual(before);

  const position = computePosition(await p.model());
  const reviewing = renderToStaticMarkup(<YearToDate position={position} incomplete={false} />);
  expect(reviewing).not.toContain("take-projection");
  const take = { busy: { take: false, undo: false }, canUndo: true, onTake: async () => true, onUndo: () => undefined };
  const editing = words(renderToStaticMarkup(<YearToDate position={position} incomplete={false} take={take} />));
  expect(editing).toMatch(/Take a projection into the forecast .* Preview Take into the forecast Undo the take/);
});

test("the preview shows each chosen line's forecast before and after; a projection that cannot be worked out says so", async () => {
  const p = await pane();
  const model = await p.model();
  const preview = takePreview(model, [{ path: LINE, method: "straightLine" }]);
  if (!("rows" in preview)) throw new Error(preview.problem);
  const r = preview.rows[0]!;
  const html = words(renderToStaticMarkup(<TakePreviewTable rows={preview.rows} money={(d) => d?.toFixed() ?? "–"} />));
  expect(html).toContain(`${r.name} straight-line ${r.forecastBefore!.toFixed()} ${r.forecastAfter.toFixed()}`);
  const lines = yearToDateJson(computePosition(model)).rows.filter((x) => x.kind === "line");
  const noLastYear = lines.find((x) => x.projections?.lastYear === null);
  if (noLastYear) expect(takePreview(model, [{ path: noLastYear.path, method: "lastYear" }])).toMatchObject({ problem: expect.stringMatching(/no last year's pattern projection/) });
  expect(renderToStaticMarkup(<TakeProjection model={model} lines={lines} money={String} busy={{ take: false, undo: false }} canUndo={false} onTake={async () => true} onUndo={() => undefined} />)).toContain(`Projection for ${r.name.replace(/&/g, "&amp;")}`);
});
