/** The workforce inputs in a monitoring file (issue 14): optional, read exactly, saved back unchanged, refused by name when wrong. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ModelError, parseMonitoringJson } from "../../src/model/load";
import { modelToDocument } from "../../src/model/save";
import { toJsonText } from "../../src/model/json-text";

const seed = JSON.parse(readFileSync(join(__dirname, "..", "..", "seeds", "q2-2024-25.json"), "utf8"));
const workforce = {
  groups: [
    { name: "Police officers", kind: "officers", establishmentFte: 2210, actualFte: "2198.4", headcount: 2231, movements: [{ month: "2024-10", joiners: 24, leavers: "11.5" }] },
    { name: "Police staff", kind: "staff", establishmentFte: "1991.0", actualFte: 1776, headcount: null },
  ],
  officerTarget: { countDate: "2025-03-31", targetHeadcount: 2230, forecastHeadcount: null, grant: 1700 },
};
// The grant's bands are settings (a table of rows), in the file's settings.
const grantBands = { band1: { fromPct: 100, toPct: null, withheldPct: 0 }, band2: { fromPct: 95, toPct: "99.99", withheldPct: 10 }, band3: { fromPct: null, toPct: null, withheldPct: null } };

describe("workforce in a monitoring file", () => {
  it("is optional: the worked example has none", () => {
    expect(parseMonitoringJson(JSON.stringify(seed)).workforce).toBeUndefined();
  });

  it("is read exactly and saved back unchanged", () => {
    const m = parseMonitoringJson(JSON.stringify({ ...seed, settings: { ...seed.settings, grantBands }, workforce }));
    expect(m.workforce?.groups[0]?.actualFte?.toFixed()).toBe("2198.4");
    expect(m.workforce?.groups[0]?.movements[0]?.leavers.toFixed()).toBe("11.5");
    expect(m.workforce?.groups[1]?.movements).toEqual([]);
    expect(m.settings.grantBands.band2.toPct?.toFixed()).toBe("99.99");
    expect(m.settings.grantBands.band3.fromPct).toBeNull();
    const text = toJsonText(modelToDocument(m));
    expect(toJsonText(modelToDocument(parseMonitoringJson(text)))).toBe(text);
    expect(JSON.parse(text).workforce.officerTarget.grant).toBe(1700);
  });

  it("is refused, naming the field, when a group's kind or a month is not one Outturn knows", () => {
    const bad = structuredClone(workforce);
    (bad.groups[0] as Record<string, unknown>).kind = "police";
    expect(() => parseMonitoringJson(JSON.stringify({ ...seed, workforce: bad }))).toThrow(ModelError);
    expect(() => parseMonitoringJson(JSON.stringify({ ...seed, workforce: bad }))).toThrow(/workforce/);
    const badMonth = structuredClone(workforce);
    badMonth.groups[0]!.movements![0]!.month = "2024-13";
    expect(() => parseMonitoringJson(JSON.stringify({ ...seed, workforce: badMonth }))).toThrow(/workforce/);
  });
});
