/**
 * Issue 11 item 8 (balances): reserves entered as closing balances, the movements derived, or as movements (as before);
 * both given must agree.
 */
import { computePosition } from "../../src/engine/position";
import { reportJson } from "../../src/report/json";
import { parseMonitoringJson } from "../../src/model/load";
import { modelToDocument } from "../../src/model/save";
import { toJsonText } from "../../src/model/json-text";
import { gridFromPlan, seedModel } from "../plans/support";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { readWorkbook } from "../../src/plans/read";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

/** The worked example with every reserve entered as its published closing balance, movements blank. */
const asClosing = () => seedModel((doc: Doc) => {
  const closing = (name: string) => doc.controlTotals.reserves[name]?.forecastClosing;
  for (const r of doc.reserves) { r.forecastClosing = closing(r.name); r.commitments = null; r.actualTransfer = null; }
  // A body that publishes balances publishes no split of the movements.
  for (const t of Object.values(doc.controlTotals.reserves) as Doc[]) { delete t.commitments; delete t.actualTransfer; }
});

test("closing balances entered: the movements are derived, and every total and the general fund come out as published", () => {
  const movements = computePosition(seedModel());
  const balances = computePosition(asClosing());
  expect(balances.checks.filter((c) => c.severity === "error")).toEqual([]);
  expect(balances.reserves.totalUsable.forecastClosing.toFixed()).toBe(movements.reserves.totalUsable.forecastClosing.toFixed());
  expect(balances.reserves.generalFundPolicy!.forecastClosing.toFixed()).toBe("3571");
  expect(reportJson(balances).reserves.generalFund!.rag).toBe("Red");
  const bmf = balances.reserves.reserves.find((r) => r.reserve.name === "Budget Management Fund")!;
  const before = movements.reserves.reserves.find((r) => r.reserve.name === "Budget Management Fund")!;
  expect(bmf.commitments.toFixed()).toBe(before.commitments.plus(before.actualTransfer).toFixed());
});

test("closing balance and movements both given: they must agree, or an error names the reserve", () => {
  const p = computePosition(seedModel((doc: Doc) => { doc.reserves[0].forecastClosing = 999; }));
  const c = p.checks.filter((k) => k.id === "reserve-closing" && k.place.row === "Budget Management Fund");
  expect(c.map((k) => k.severity)).toEqual(["error"]);
  expect(c[0]?.message).toMatch(/^Budget Management Fund: the forecast closing balance entered is £999k, but opening/);
  const agree = computePosition(seedModel((doc: Doc) => { doc.reserves[0].forecastClosing = 544; }));
  expect(agree.checks.some((k) => k.id === "reserve-closing" && k.place.row === "Budget Management Fund" && k.message.includes("entered"))).toBe(false);
});

test("saved and loaded again unchanged", () => {
  const save = (m: ReturnType<typeof asClosing>) => toJsonText(modelToDocument(m));
  const text = save(asClosing());
  expect(save(parseMonitoringJson(text))).toBe(text);
});

test("on the Reserves sheet the derived movement is shown as commitments, so the live closing balance is the one entered", () => {
  const model = asClosing();
  const read = readWorkbook(gridFromPlan(buildWorkbookPlan(model)));
  expect(read.checks.filter((c) => c.severity === "error")).toEqual([]);
  const p = computePosition(read.model!);
  expect(p.reserves.totalUsable.forecastClosing.toFixed()).toBe(computePosition(model).reserves.totalUsable.forecastClosing.toFixed());
});
