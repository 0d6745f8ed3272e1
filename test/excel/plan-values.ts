/** Shared by the src/excel tests: the worked example, and formula values as the plan expects (what Excel would calculate). */
import { readFileSync } from "fs";
import { join } from "path";
import { parseMonitoringJson } from "../../src/model/load";
import type { MonitoringPeriod } from "../../src/model/types";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import type { CellScalar } from "../support/fake-excel";

export const seed = (): MonitoringPeriod => parseMonitoringJson(readFileSync(join(__dirname, "../../seeds/q2-2024-25.json"), "utf8"));

/** Formula values as the plan of `model` expects them, keyed "Sheet!A1" (`renamed`: new name -> planned name). */
export function expectedValues(model: MonitoringPeriod, renamed: Record<string, string> = {}): (sheet: string, address: string) => CellScalar {
  // By sheet, then address: the fake asks for every formula cell of every read of a large workbook.
  const values = new Map<string, Map<string, CellScalar>>();
  for (const sheet of buildWorkbookPlan(model).sheets) {
    const own = new Map<string, CellScalar>();
    values.set(sheet.name.toLowerCase(), own);
    for (const cell of sheet.cells) {
      if (cell.content.kind !== "formula") continue;
      const e = cell.content.expected;
      own.set(cell.address, typeof e === "string" ? e : e.toNumber());
    }
  }
  return (sheet, address) => values.get((renamed[sheet] ?? sheet).toLowerCase())?.get(address) ?? 0;
}
