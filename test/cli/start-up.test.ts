/**
 * The compiled command line starts at once (issue 16): it loads ExcelJS, pptxgenjs and ajv only for the commands that
 * need them, and never compiles the JSON Schema (ajv's standalone code is built in). Modules loaded are recorded by a
 * preloaded hook on Node's require; times are for `npm run bench` (bench/cli-start.bench.ts), not for tests.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { CLI, ROOT } from "../support/cli";
import { xmlPartProblems } from "../support/ooxml";

let dir: string;
let hooks: string[];
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "outturn-start-up-"));
  // require() goes through Module._load; import() (pptxgenjs, JSZip) through the ESM loader's resolve hook.
  const cjs = path.join(dir, "record-requires.cjs");
  fs.writeFileSync(cjs, `
const Module = require("node:module");
const { appendFileSync } = require("node:fs");
const load = Module._load;
Module._load = function (request, ...rest) { appendFileSync(process.env.RECORD_TO, request + "\\n"); return load.call(this, request, ...rest); };
`);
  const esm = path.join(dir, "record-imports.mjs");
  fs.writeFileSync(esm, `
import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, next) { appendFileSync(process.env.RECORD_TO, specifier + "\\n"); return next(specifier, context); }
`);
  const register = `data:text/javascript,import { register } from "node:module"; register(${JSON.stringify(pathToFileURL(esm).href)});`;
  hooks = ["--require", cjs, "--import", register];
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every module the command asked for, by require or import (as written, or as a path). */
function modulesLoaded(args: string[]): string[] {
  const record = path.join(dir, `requires-${Math.random().toString(36).slice(2)}.txt`);
  fs.writeFileSync(record, "");
  const r = spawnSync(process.execPath, [...hooks, CLI, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, RECORD_TO: record } });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return fs.readFileSync(record, "utf8").split("\n").filter(Boolean);
}

/** ExcelJS, pptxgenjs, JSZip, and ajv but for its runtime helpers (which ajv's standalone code requires). */
const heavy = (modules: string[]) => modules.filter((m) => /(^|[\\/]node_modules[\\/])(exceljs|pptxgenjs|jszip|ajv(?![\\/]dist[\\/]runtime[\\/]))([\\/]|$)/.test(m));

test("--help and report on a JSON file load no heavy module and no schema compiler", () => {
  expect(heavy(modulesLoaded(["--help"]))).toEqual([]);
  expect(heavy(modulesLoaded(["report", "seeds/q2-2024-25.json", "--json"]))).toEqual([]);
});

test("slides loads pptxgenjs (and not ExcelJS) only when it runs", async () => {
  const out = path.join(dir, "deck.pptx");
  const loaded = heavy(modulesLoaded(["slides", "seeds/q2-2024-25.json", "--out", out]));
  expect(loaded).toContain("pptxgenjs");
  expect(loaded.filter((m) => /exceljs/.test(m))).toEqual([]);
  expect(await xmlPartProblems(fs.readFileSync(out))).toEqual([]); // every deck the tests write is a valid Office file
});
