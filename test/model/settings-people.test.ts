/**
 * Settings people get right first time (issue 11): a percentage written "3%" is 3; an amount threshold larger than
 * the whole Net Budget (pounds typed into a £000 file) is flagged with what was probably meant.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseMonitoringJson } from "../../src/model/load";
import { computePosition } from "../../src/engine/position";

const seedText = readFileSync(join(__dirname, "..", "..", "seeds", "q2-2024-25.json"), "utf8");
const withSettings = (settings: unknown) => {
  const doc = JSON.parse(seedText) as Record<string, unknown>;
  doc.settings = settings;
  return parseMonitoringJson(JSON.stringify(doc));
};

test('a percentage written "2.5%" reads as 2.5, as the pane takes it', () => {
  const model = withSettings({ reservesBand: { minimumPct: "2.5%", maximumPct: "5%" }, rag: { revenueLine: { amber: { pct: "1%" } } } });
  expect(model.settings.reservesBand.minimumPct.toFixed()).toBe("2.5");
  expect(model.settings.reservesBand.maximumPct.toFixed()).toBe("5");
  expect(model.settings.rag.revenueLine.amber.pct?.toFixed()).toBe("1");
});

test('"5 per cent" and "%5" are refused, naming the field', () => {
  expect(() => withSettings({ reservesBand: { minimumPct: "5 per cent" } })).toThrow(/settings\.reservesBand\.minimumPct/);
  expect(() => withSettings({ reservesBand: { minimumPct: "%5" } })).toThrow(/settings\.reservesBand\.minimumPct/);
});

test("pounds typed into a £000 file: a Red threshold of 500000 (£500k) is flagged, with 500 suggested", () => {
  const position = computePosition(withSettings({ rag: { revenueLine: { amber: { amount: 250000 }, red: { amount: 500000 } } } }));
  const scale = position.checks.filter((c) => c.id === "setting-scale");
  expect(scale.map((c) => c.place.row)).toEqual(["Revenue lines: Amber from an adverse variance of (£000)", "Revenue lines: Red from an adverse variance of (£000)"]);
  expect(scale.every((c) => c.severity === "warning")).toBe(true);
  expect(scale[1]?.message).toMatch(/^Revenue lines: Red from an adverse variance of \(£000\) is 500000, larger than the whole Net Budget \(£171,875k\), so it can never be reached.*Did you mean 500 \(£000\), i\.e\. £500,000\?/);
  expect(computePosition(withSettings({})).checks.filter((c) => c.id === "setting-scale")).toEqual([]);
});
