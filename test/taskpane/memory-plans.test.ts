/**
 * The memory workbook with the real sheet plans: insert blank templates, type the worked example into the input
 * cells, and read back the published figures, with no integrity problem (the stand-in calculation agrees with the
 * plans' formulas).
 */
import { MemoryWorkbook } from "../../src/workbook/memory";
import { computePosition } from "../../src/engine/position";
import type { Check } from "../../src/engine/checks";
import { formatPct } from "../../src/engine/format";
import { D } from "../../src/model/amount";
import { locatorFor } from "../../src/taskpane/locate";
import { checkItems } from "../../src/taskpane/usePane";
import { ALL_SHEETS } from "../../src/taskpane/start-form";
import { seedEdits, seedExpectations, seedModel } from "../e2e/seed-inputs";
import { defaultPlanPort } from "../../src/workbook/plan-port";

/** Integrity errors anywhere: typing the Q1 row into the History sheet of blank templates leaves none (the Summary's layout does not depend on the history). */
const integrityErrors = (checks: Check[]) => checks.filter((c) => c.severity === "error");

async function seeded(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  const result = await wb.insertSheets({
    organisation: "Dorset Police and Crime Commissioner", financialYear: "2024/25", period: "Q2", units: "£000",
    sheets: [...ALL_SHEETS], onExisting: "ask",
  });
  expect(result).toEqual({ status: "inserted", sheets: ["Summary", "Revenue", "Capital", "Reserves", "Savings", "Profiles", "Period history", "Settings", "Slides"] });
  for (const e of seedEdits()) {
    if (e.kind === "insertRows") wb.insertRows(e.sheet, e.before, e.count);
    else if (e.kind === "protect") wb.setProtected(e.sheet, e.on);
    else wb.setCells(e.sheet, e.cells);
  }
  return wb;
}

describe("MemoryWorkbook with the sheet plans", () => {
  it("reads the worked example back as typed: 2.08%, Red, with no integrity error", async () => {
    const wb = await seeded();
    const read = await wb.readPeriod();
    expect(integrityErrors(read.checks)).toEqual([]);
    if (!read.model) throw new Error("no model");
    const p = computePosition(read.model);
    expect(formatPct(p.reserves.generalFundPolicy!.forecastPct)).toBe("2.08%");
    expect(p.rag.reserves).toBe("Red");
    expect(p.movement?.favourable.toFixed()).toBe("1357");
  });

  it("links the general fund check to the cell showing the forecast closing balance", async () => {
    const wb = await seeded();
    const read = await wb.readPeriod();
    if (!read.model) throw new Error("no model");
    const items = checkItems(computePosition(read.model).checks, locatorFor(read));
    const gf = items.find((i) => i.check.id === "reserves-below-minimum");
    const expected = seedExpectations().check;
    expect(gf?.target).toEqual({ sheet: expected.sheet, address: expected.cell });
  });

  it("writes settings that read back, and keeps formula values up to date", async () => {
    const wb = await seeded();
    const model = (await wb.readPeriod()).model;
    if (!model) throw new Error("no model");
    await wb.writeSettings({ ...model.settings, reservesBand: { minimumPct: new D(2), maximumPct: new D(5) } });
    const after = await wb.readPeriod();
    expect(after.model?.settings.reservesBand.minimumPct.toFixed()).toBe("2");
    expect(integrityErrors(after.checks)).toEqual([]);
    expect(wb.previewCell("Settings", seedExpectations().settingsMinimumCell)?.value).toBe(0.02);
    if (!after.model) throw new Error("no model");
    expect(computePosition(after.model).rag.reserves).toBe("Amber");
  });

  it("upgrades in place keeping every figure typed, leaving no integrity error", async () => {
    const wb = await seeded();
    const before = (await wb.readPeriod()).model;
    const result = await wb.insertSheets({
      organisation: "Dorset Police and Crime Commissioner", financialYear: "2024/25", period: "Q2", units: "£000",
      sheets: [...ALL_SHEETS], onExisting: "upgrade",
    });
    expect(result.status).toBe("inserted");
    const after = await wb.readPeriod();
    expect(after.checks.filter((c) => c.severity === "error")).toEqual([]);
    expect(JSON.stringify(after.model)).toBe(JSON.stringify(before));
  });
});

describe("MemoryWorkbook: closing and reopening periods", () => {
  const settingsPeriodCell = () => {
    const plan = defaultPlanPort().build(seedModel(), ["Settings"], {});
    return `B${plan.sheets[0]?.rowKeys["set:period"]}`;
  };

  it("closes Q2: the History sheet gains its row and is protected; closing again changes nothing", async () => {
    const wb = await seeded();
    wb.today = () => "2024-10-31";
    expect(wb.isProtected("Period history")).toBe(false);
    expect(await wb.closePeriod()).toEqual({ period: "Q2", changed: true, history: ["Q1", "Q2"] });
    expect(wb.isProtected("Period history")).toBe(true);
    const once = await wb.readPeriod();
    expect(integrityErrors(once.checks)).toEqual([]);
    const version = wb.version;
    expect(await wb.closePeriod()).toEqual({ period: "Q2", changed: false, history: ["Q1", "Q2"] });
    expect(wb.version).toBe(version);
    const twice = await wb.readPeriod();
    expect(JSON.stringify(twice.model)).toBe(JSON.stringify(once.model));
    expect(twice.model?.history.filter((s) => s.period === "Q2")).toHaveLength(1);
    // The movement is still since Q1 (Q2's own row is not an earlier period).
    if (!twice.model) throw new Error("no model");
    expect(computePosition(twice.model).movement?.previous.period).toBe("Q1");
    expect(() => wb.setCells("Period history", { C6: 1 })).toThrow(/protected sheet/);
  });

  it("reopening Q2 removes only its row", async () => {
    const wb = await seeded();
    await wb.closePeriod();
    expect(await wb.reopenPeriod("Q2")).toEqual({ period: "Q2", changed: true, history: ["Q1"] });
    expect(await wb.reopenPeriod("Q2")).toEqual({ period: "Q2", changed: false, history: ["Q1"] });
    const read = await wb.readPeriod();
    expect(read.model?.history.map((s) => s.period)).toEqual(["Q1"]);
    expect(integrityErrors(read.checks)).toEqual([]);
  });

  it("closing Q1 then rolling forward to Q2 shows the movement and Q1's RAG on the Summary", async () => {
    const wb = await seeded();
    wb.setProtected("Period history", false);
    await wb.reopenPeriod("Q1"); // start from a year with nothing closed
    wb.setCells("Settings", { [settingsPeriodCell()]: "Q1" });
    expect((await wb.closePeriod()).history).toEqual(["Q1"]);
    const q1 = (await wb.readPeriod()).model;
    if (!q1) throw new Error("no model");
    const q1Variance = computePosition(q1).revenue.netBudget.favourable;
    // Q2: the period moves on and a forecast changes (an adverse 1,000 more on the first revenue line).
    wb.setCells("Settings", { [settingsPeriodCell()]: "Q2" });
    const line = defaultPlanPort().build(q1, ["Revenue"], {}).sheets[0]?.rowKeys["line:0:0"] as number;
    const forecast = wb.previewCell("Revenue", `E${line}`)?.value as number;
    wb.setCells("Revenue", { [`E${line}`]: forecast + 1000 });
    const read = await wb.readPeriod();
    expect(integrityErrors(read.checks)).toEqual([]);
    if (!read.model) throw new Error("no model");
    const p = computePosition(read.model);
    expect(p.movement?.previous.period).toBe("Q1");
    expect(p.movement?.favourable.toFixed()).toBe("-1000");
    expect(p.movement?.previousRevenueVariance.toFixed()).toBe(q1Variance.toFixed());
    expect(wb.previewCell("Summary", "C4")?.value).toBe("Last period (Q1)");
    expect(wb.previewCell("Summary", "C5")?.value).toBe(read.model.history[0]?.revenue.rag);
  });
});
