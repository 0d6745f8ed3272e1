/**
 * The monitoring file's two validators agree: the schema compiled at run time (src/model/schema-validator.ts, what
 * tsx and the library use) and ajv's standalone code generated for the compiled command line, which jest's tests use
 * in its place (test/support/schema-validator-standalone.ts). Same verdict and same errors on every seed and on bad files.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import { schemaValidator as standalone } from "../../src/model/schema-validator";
import { runCli } from "../support/cli";
import { reportSchemaErrors } from "../support/report-schema";

const ROOT = join(__dirname, "..", "..");
// By its file name with the extension, which jest's moduleNameMapper (for "…/schema-validator") leaves alone.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const compiled = (require(join(ROOT, "src", "model", "schema-validator.ts")) as { schemaValidator(): ValidateFunction }).schemaValidator;

const verdict = (validate: ValidateFunction, doc: unknown) => {
  const valid = validate(doc);
  return { valid, errors: (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${e.message ?? ""}`).sort() };
};

const seeds = readdirSync(join(ROOT, "seeds")).filter((f) => f.endsWith(".json"));
const seed = () => JSON.parse(readFileSync(join(ROOT, "seeds", "q2-2024-25.json"), "utf8"));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const bad: Array<[string, (d: any) => void]> = [
  ["an amount as text with a comma", (d) => { d.revenue.groups[0].lines[1].forecastOutturn = "153,797"; }],
  ["a line without a name", (d) => { delete d.revenue.groups[0].lines[0].name; }],
  ["an unknown top-level field", (d) => { d.extra = 1; }],
  ["a period that is not one", (d) => { d.period = "Q5"; }],
  ["settings of the wrong type", (d) => { d.settings = { materiality: "a lot" }; }],
  ["no revenue", (d) => { delete d.revenue; }],
];

describe("the monitoring file's validators", () => {
  test("jest uses the standalone one, and the run-time one is a different function", () => {
    expect(standalone()).not.toBe(compiled());
  });
  test.each(seeds)("agree on the seed %s", (file) => {
    const doc = JSON.parse(readFileSync(join(ROOT, "seeds", file), "utf8"));
    expect(verdict(standalone(), doc)).toEqual(verdict(compiled(), doc));
  });
  test.each(bad)("agree on a bad file: %s", (_name, edit) => {
    const doc = seed();
    edit(doc);
    const a = verdict(standalone(), doc);
    expect(a.valid).toBe(false);
    expect(a).toEqual(verdict(compiled(), doc));
  });
});

test("the loader of monitoring files uses it too (no schema compiled in the test files)", () => {
  let compiles = 0;
  jest.isolateModules(() => {
    // The ajv the loader would compile with is this registry's: count its compilations.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ajv = require("ajv") as { default: { prototype: { compile: (...a: unknown[]) => unknown } } };
    const compile = ajv.default.prototype.compile;
    ajv.default.prototype.compile = function (this: unknown, ...a: unknown[]) { compiles++; return compile.apply(this, a); };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parseMonitoringJson } = require("../../src/model/load") as typeof import("../../src/model/load");
    expect(parseMonitoringJson(readFileSync(join(ROOT, "seeds", "q2-2024-25.json"), "utf8")).organisation).toMatch(/Dorset/);
  });
  expect(compiles).toBe(0);
});

describe("the report schema's standalone validator (test/support/report-schema.ts) agrees with the schema compiled now", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const reportSchema = require(join(ROOT, "src", "report", "report.schema.json")) as object;
  const compiledReport = new Ajv({ allErrors: true, strict: false }).compile(reportSchema);
  const report = JSON.parse(runCli(["report", join(ROOT, "seeds", "q2-2024-25.json"), "--json"]).stdout) as Record<string, unknown>;
  const said = (errors: Array<{ instancePath: string; keyword: string }>) => errors.map((e) => `${e.instancePath} ${e.keyword}`).sort();

  test("the worked example's report is valid to both", () => {
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(compiledReport(report)).toBe(true);
  });

  test.each<[string, (r: Record<string, unknown>) => void]>([
    ["no revenue", (r) => { delete r.revenue; }],
    ["checks that are not a list", (r) => { r.checks = "none"; }],
    ["a period that is not text", (r) => { r.period = 2; }],
  ])("a report with %s is refused by both, with the same complaints", (_name, spoil) => {
    const bad = JSON.parse(JSON.stringify(report)) as Record<string, unknown>;
    spoil(bad);
    const errors = reportSchemaErrors(bad);
    expect(errors.length).toBeGreaterThan(0);
    expect(compiledReport(bad)).toBe(false);
    expect(said(errors)).toEqual(said(compiledReport.errors ?? []));
  });
});
