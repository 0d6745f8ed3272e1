/**
 * Issue 11 item 7 (rest): amounts in the settings written as people write money ("£1,234", "1,234", "(250)") are
 * read with their meaning or refused with the exact form to type; the schema, the Settings sheet and the README say the
 * unit of every threshold.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseMonitoringJson } from "../../src/model/load";
import { SETTINGS, SETTING_KEYS } from "../../src/model/settings/registry";
import { settingsSchema } from "../../src/model/settings/schema";
import { buildWorkbookPlan } from "../../src/plans/workbook";

const ROOT = join(__dirname, "..", "..");
const seedText = readFileSync(join(ROOT, "seeds", "q2-2024-25.json"), "utf8");
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const load = (materiality: unknown, units: "£000" | "£" = "£000", edit: (doc: any) => void = () => undefined) => {
  const doc = JSON.parse(seedText);
  doc.units = units;
  doc.settings.materiality = materiality;
  if (units === "£") doc.controlTotals = null;
  edit(doc);
  return parseMonitoringJson(JSON.stringify(doc));
};

test("commas between thousands are read as such", () => {
  expect(load("1,250").settings.materiality.toFixed()).toBe("1250");
});

test("a £ sign in a £ file is read as pounds", () => {
  expect(load("£1,234", "£").settings.materiality.toFixed()).toBe("1234");
});

test("a £ sign in a £000 file is refused with the two forms to type", () => {
  expect(() => load("£1,234")).toThrow('settings.materiality: is "£1,234", but amounts in this file are in £000, so a £ sign is unclear: write 1.234 for £1,234, or 1234 for £1234k');
});

test("brackets are a negative amount: refused with the form to type", () => {
  expect(() => load("(250)")).toThrow('settings.materiality: is "(250)", a negative amount; a threshold is a size, never negative: write 250');
  expect(() => load("£(250")).toThrow(/settings\.materiality: is "£\(250", not an amount; write a number in £000, such as 250/);
});

test("a RAG amount threshold likewise (rag.revenueLine.red.amount)", () => {
  const m = load(100, "£000", (doc) => { doc.settings.rag = { revenueLine: { red: { amount: "1,000" } } }; });
  expect(m.settings.rag.revenueLine.red.amount?.toFixed()).toBe("1000");
});

describe("the unit of every threshold is said", () => {
  const numbers = SETTING_KEYS.filter((k) => ["amount", "pct", "points", "places"].includes(SETTINGS[k].type));
  test("in the JSON Schema's description of each number setting", () => {
    const flat = JSON.stringify(settingsSchema());
    for (const key of numbers) expect(flat).toContain(`"description":"${SETTINGS[key].sheet.label}:`);
    expect(flat).toContain("in the file's units (its \\\"units\\\": £ or £000): 250 in a £000 file is £250,000");
  });
  test("in the Settings sheet's note of each number setting, with the file's units", () => {
    const plan = buildWorkbookPlan(load(100));
    const sheet = plan.sheets.find((s) => s.kind === "Settings")!;
    const notes = sheet.cells.filter((c) => c.address.startsWith("C") && c.content.kind === "text").map((c) => (c.content as { text: string }).text);
    expect(notes.filter((n) => n.includes("Unit: in £000, the file's units: 250 means £250,000.")).length).toBe(numbers.filter((k) => SETTINGS[k].type === "amount").length);
    expect(notes.filter((n) => /Unit: (a percentage|percentage points|decimal places)/.test(n)).length).toBe(numbers.filter((k) => SETTINGS[k].type !== "amount").length);
  });
  test("in the README", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(readme).toMatch(/Units of the thresholds/);
    expect(readme).toMatch(/250 in a £000 file is £250,000/);
  });
});
