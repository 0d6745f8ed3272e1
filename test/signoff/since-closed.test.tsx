/**
 * "Since the last closed period" (issue 15 item 5): the inputs changed since the latest earlier closed period, as far
 * as the Period history keeps them (each revenue line's and transfer's revised budget and forecast), each at its cell,
 * in the shape of "since the last sign-off"; read back from a workbook and shown in the pane's Review view.
 */
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { ReviewView } from "../../src/taskpane/views/ReviewView";
import { ALL_SHEETS } from "../../src/taskpane/start-form";
import { changesSinceClosed } from "../../src/engine/since-closed";
import { computePosition } from "../../src/engine/position";
import { snapshotOf } from "../../src/engine/history";
import type { MonitoringPeriod } from "../../src/model/types";
import { seedModel } from "../e2e/seed-inputs";

const request = { organisation: "Dorset Police and Crime Commissioner", financialYear: "2024/25", period: "Q2" as const, units: "£000" as const, sheets: [...ALL_SHEETS], onExisting: "ask" as const };
const words = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/&amp;/g, "&").replace(/\s+/g, " ");

/** The worked example's Q2 with Q1 closed as Outturn closes a period (lines kept), on the same figures. */
function q2WithQ1Closed(): MonitoringPeriod {
  const model = seedModel();
  const q1 = { ...snapshotOf(computePosition(model), "2024-07-31"), period: "Q1" as const };
  return { ...model, history: [q1] };
}

test("after Q1 was closed: one forecast and one revised budget changed: exactly those, at their cells", async () => {
  const wb = new MemoryWorkbook();
  await wb.insertSheets({ ...request, model: q2WithQ1Closed() });
  const first = await wb.readPeriod();
  expect(changesSinceClosed(first.model!, first.locate!)).toEqual({ since: "Q1", closedOn: "2024-07-31", comparable: true, changes: [] });

  const pay = first.locate!({ area: "revenue", row: "Pay & Employment costs", column: "forecastOutturn" })!;
  const overheads = first.locate!({ area: "revenue", row: "Overheads", column: "revisedBudget" })!;
  wb.setCells("Revenue", { [pay.split("!")[1]!]: 153900 });
  wb.setCells("Revenue", { [overheads.split("!")[1]!]: 47400 });
  const read = await wb.readPeriod();
  const since = changesSinceClosed(read.model!, read.locate!)!;
  expect(since.changes.map((c) => [c.where, c.what, c.before, c.after])).toEqual([
    [pay, "Revenue, Chief Constable: Pay & Employment costs, forecast outturn", "153797", "153900"],
    [overheads, "Revenue, Chief Constable: Overheads, revised budget", "47305", "47400"],
  ]);

  // In the pane's Review view, in the words of "since the last sign-off".
  const text = words(renderToStaticMarkup(<ReviewView model={read.model} signoff={null} actions={null} locate={read.locate} />));
  expect(text).toContain("Since the last closed period 2 change(s) since Q1, closed 2024-07-31 in each revenue line's and transfer's revised budget and forecast outturn");
  expect(text).toContain(`${pay}: Revenue, Chief Constable: Pay & Employment costs, forecast outturn, 153797 → 153900`);
});

test("a line added and one removed since; a period closed before lines were kept; none closed", () => {
  const model = q2WithQ1Closed();
  const group = model.revenue.groups[0]!;
  const removed = group.lines.splice(1, 1)[0]!;
  group.lines.push({ ...removed, name: "New line", ref: null });
  const since = changesSinceClosed(model, (p) => (p.row === "New line" ? `Revenue!E${p.column === "forecastOutturn" ? 99 : 98}` : null))!;
  expect(since.changes.map((c) => [c.where, c.what.split(", ").slice(1).join(", "), c.before, c.after])).toEqual([
    ["Revenue!E98", "Chief Constable: New line, revised budget", "", removed.revisedBudget!.toString()],
    ["Revenue!E99", "Chief Constable: New line, forecast outturn", "", removed.forecastOutturn!.toString()],
    [null, `Chief Constable: ${removed.name}, revised budget`, removed.revisedBudget!.toString(), ""],
    [null, `Chief Constable: ${removed.name}, forecast outturn`, removed.forecastOutturn!.toString(), ""],
  ]);

  // The worked example's own Q1: published totals only, no lines.
  const seed = seedModel();
  expect(changesSinceClosed(seed, () => null)).toEqual({ since: "Q1", closedOn: null, comparable: false, changes: [] });
  expect(words(renderToStaticMarkup(<ReviewView model={seed} signoff={null} actions={null} locate={() => null} />))).toContain("Q1 was closed before Outturn kept each line on the Period history sheet");
  expect(changesSinceClosed({ ...seed, history: [] }, () => null)).toBeNull();
});
