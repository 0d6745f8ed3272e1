/**
 * The settings registry: one entry per setting, and the three ways in (the JSON file, the Settings sheet, the pane's
 * form) refusing the same values, each naming the same setting in its own words (the JSON path, the sheet's cell,
 * the form's field).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ModelError, parseMonitoringJson } from "../../src/model/load";
import { D } from "../../src/model/amount";
import { SETTINGS, SETTING_KEYS, SETTING_SECTIONS, jsonPath, paneLabel, type SettingKey, type SettingValue } from "../../src/model/settings/registry";
import { defaultSettings, settingOf, settingsDocument, withSettings } from "../../src/model/settings/values";
import { settingsSchema } from "../../src/model/settings/schema";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { readWorkbook } from "../../src/plans/read";
import { fromForm, toForm } from "../../src/taskpane/settings-form";
import { gridFromPlan, ROOT } from "../plans/support";

const seedText = readFileSync(join(ROOT, "seeds", "q2-2024-25.json"), "utf8");
const seed = parseMonitoringJson(seedText);

/** Values each way in must refuse, and the setting each refusal must name. */
const BAD: Array<{ what: string; set: Partial<Record<SettingKey, SettingValue>>; refused: SettingKey }> = [
  { what: "a minimum above the maximum", set: { reservesMin: new D(6) }, refused: "reservesMin" },
  { what: "a negative materiality", set: { materiality: new D(-5) }, refused: "materiality" },
  { what: "a 150% threshold", set: { "revenueLine.amberPct": new D(150) }, refused: "revenueLine.amberPct" },
  { what: "an Amber amount above the Red one", set: { "revenueLine.amberAmount": new D(600) }, refused: "revenueLine.amberAmount" },
  { what: "an Amber % above the Red one", set: { "revenueGroup.amberPct": new D(3) }, refused: "revenueGroup.amberPct" },
  { what: "capital slippage Amber above Red", set: { "capital.slippageAmber": new D(30) }, refused: "capital.slippageAmber" },
  { what: "savings Amber above Green", set: { "savings.amber": new D(96) }, refused: "savings.amber" },
  { what: "a negative margin", set: { "generalFund.warningMargin": new D(-1) }, refused: "generalFund.warningMargin" },
  { what: "a Red level with neither an amount nor a %", set: { "revenueTotal.redPct": null }, refused: "revenueTotal.redAmount" },
];

function viaJson(set: Partial<Record<SettingKey, SettingValue>>): SettingKey[] {
  const doc = JSON.parse(seedText) as Record<string, unknown>;
  doc.settings = JSON.parse(JSON.stringify(settingsDocument(withSettings(seed.settings, set))));
  try {
    parseMonitoringJson(JSON.stringify(doc));
    return [];
  } catch (e) {
    if (!(e instanceof ModelError)) throw e;
    return SETTING_KEYS.filter((k) => e.problems.some((p) => p.field === jsonPath(k)));
  }
}

function viaSheet(set: Partial<Record<SettingKey, SettingValue>>): SettingKey[] {
  const model = { ...seed, settings: withSettings(seed.settings, set) };
  const plan = buildWorkbookPlan(model);
  const settingsPlan = plan.sheets.find((s) => s.kind === "Settings");
  const read = readWorkbook(gridFromPlan(plan));
  return SETTING_KEYS.filter((k) => read.checks.some((c) => c.id === "bad-setting" && c.where === `Settings!B${settingsPlan?.rowKeys[`set:${k}`]}`));
}

function viaPane(set: Partial<Record<SettingKey, SettingValue>>): SettingKey[] {
  const r = fromForm(toForm(withSettings(seed.settings, set)), seed.settings, seed.units);
  return r.ok ? [] : (Object.keys(r.errors) as SettingKey[]);
}

describe("the three ways in refuse the same settings, naming the same setting", () => {
  test.each(BAD)("$what", ({ set, refused }) => {
    expect(viaJson(set)).toEqual([refused]);
    expect(viaSheet(set)).toEqual([refused]);
    expect(viaPane(set)).toEqual([refused]);
  });

  test("each names the setting in its own words: the JSON path, the sheet's cell and label, the pane's label", () => {
    const set = { reservesMin: new D(6) };
    const doc = JSON.parse(seedText) as Record<string, unknown>;
    doc.settings = JSON.parse(JSON.stringify(settingsDocument(withSettings(seed.settings, set))));
    expect(() => parseMonitoringJson(JSON.stringify(doc))).toThrow("settings.reservesBand.minimumPct: 6% is above the maximum of 5%; set the minimum no higher than the maximum");
    const plan = buildWorkbookPlan({ ...seed, settings: withSettings(seed.settings, set) });
    const row = plan.sheets.find((s) => s.kind === "Settings")?.rowKeys["set:reservesMin"];
    const check = readWorkbook(gridFromPlan(plan)).checks.find((c) => c.id === "bad-setting");
    expect(check?.message).toBe(`Settings!B${row} (General fund minimum (% of net budget)) 6% is above the maximum of 5%; set the minimum no higher than the maximum.`);
    const pane = fromForm(toForm(withSettings(seed.settings, set)), seed.settings, "£000");
    expect(pane.ok ? null : pane.errors.reservesMin).toBe("Reserves minimum (% of net budget): 6% is above the maximum of 5%; set the minimum no higher than the maximum.");
  });

  test("a refusal from the file says which compared value is a default, and where to set it", () => {
    const doc = JSON.parse(seedText) as Record<string, unknown>;
    doc.settings = { rag: { revenueLine: { amber: { amount: 600 } } } };
    expect(() => parseMonitoringJson(JSON.stringify(doc))).toThrow(/settings\.rag\.revenueLine\.amber\.amount: 600 is above the Red amount of 500; Amber must come first \(settings\.rag\.revenueLine\.red\.amount is the default 500, not in the file/);
  });

  test("the worked example's settings are accepted by all three", () => {
    expect(viaJson({})).toEqual([]);
    expect(viaSheet({})).toEqual([]);
    expect(viaPane({})).toEqual([]);
  });
});

describe("the registry", () => {
  test("every setting is in exactly one section of the Settings sheet", () => {
    const listed = SETTING_SECTIONS.flatMap((s) => s.keys);
    expect([...listed].sort()).toEqual([...SETTING_KEYS].sort());
    expect(new Set(listed).size).toBe(listed.length);
  });

  test("every setting has a unique JSON path, and the defaults in £ are the defaults in £000 times 1000", () => {
    expect(new Set(SETTING_KEYS.map(jsonPath)).size).toBe(SETTING_KEYS.length);
    const k = defaultSettings("£000"), p = defaultSettings("£");
    for (const key of SETTING_KEYS) {
      const a = settingOf(k, key), b = settingOf(p, key);
      if (SETTINGS[key].type === "amount" && a !== null) expect((b as InstanceType<typeof D>).equals((a as InstanceType<typeof D>).times(1000))).toBe(true);
      else expect(String(b)).toBe(String(a));
    }
  });

  test("the published JSON Schema's settings are the registry's (npx tsx scripts/settings-schema.ts writes them)", () => {
    const published = JSON.parse(readFileSync(join(ROOT, "src", "model", "schema", "monitoring-period.schema.json"), "utf8")) as { definitions: Record<string, unknown> };
    expect(published.definitions.settings).toEqual(settingsSchema());
  });

  test("the pane labels amounts in the file's units", () => {
    expect(paneLabel("materiality", "£")).toBe("Materiality for commentary (£)");
    expect(paneLabel("revenueGroup.redAmount", "£000")).toBe("Revenue groups: Red from an adverse variance of (£000)");
  });
});
