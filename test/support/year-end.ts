/** The worked example as the provisional outturn (issue 11 item 8), for the year-end tests. */
import { computePosition } from "../../src/engine/position";
import { snapshotOf } from "../../src/engine/history";
import { seedModel } from "../plans/support";

/** The worked example as the provisional outturn, with Q2 (from the file) and Q4 closed. */
export function provisionalOutturn() {
  const q2 = seedModel();
  const q4 = { ...snapshotOf(computePosition({ ...q2, period: "Q4" }), "2025-04-10"), period: "Q4" as const };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return seedModel((doc: Record<string, any>) => {
    doc.period = "PO";
    doc.history.push({ ...JSON.parse(JSON.stringify(q4)), revenue: { revisedBudget: 171875, forecastOutturn: 173000, rag: "Amber" } });
  });
}
