/** Saving a model and loading it again gives the same model, exactly (amounts included). */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseMonitoringJson } from "../../src/model/load";
import { modelToDocument } from "../../src/model/save";
import { toJsonText } from "../../src/model/json-text";
import { closePeriod } from "../../src/engine/history";
import { computePosition } from "../../src/engine/position";
import { period } from "../support/arbitrary-period";

const save = (m: Parameters<typeof modelToDocument>[0]) => toJsonText(modelToDocument(m));

test("the worked example survives save and load unchanged", () => {
  const m = parseMonitoringJson(readFileSync(join(__dirname, "..", "..", "seeds", "q2-2024-25.json"), "utf8"));
  const text = save(m);
  expect(save(parseMonitoringJson(text))).toBe(text);
  expect(text).toContain('"forecastOutturn": -34870');
});

test("random periods, and their closed versions, survive save and load unchanged", () => {
  fc.assert(fc.property(period, (m) => {
    const text = save(m);
    expect(save(parseMonitoringJson(text))).toBe(text);
    const closed = closePeriod(m, computePosition(m), "2026-11-23");
    const closedText = save(closed);
    expect(save(parseMonitoringJson(closedText))).toBe(closedText);
  }), { numRuns: 60 });
});
