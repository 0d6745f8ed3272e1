#!/usr/bin/env node
/**
 * Builds the `outturn` command (package.json "bin") ahead of time, so it starts at once (issue 16): `npm run
 * outturn` (tsx) spends about a second compiling TypeScript and the JSON Schema before any work.
 *   dist-cli/outturn.cjs          the entry, src/cli/bin.ts (starts with #!): turns on the command's code cache
 *                                 (src/cli/compile-cache.ts), then runs
 *   dist-cli/outturn-main.cjs     src/cli/main.ts bundled by esbuild for Node 20.
 *   dist-cli/schema-validate.cjs  the monitoring file's JSON Schema validator as ajv standalone code, generated
 *                                 here with the options of src/model/schema/ajv-options.json; it takes the place of
 *                                 src/model/schema-validator.ts (which compiles the schema on first use) in the bundle.
 *   dist-cli/node_modules/exceljs.cjs
 *                                 ExcelJS bundled into one file: loading it from node_modules took 0.33 s of every
 *                                 command that reads or writes a workbook (hundreds of files found and read one by
 *                                 one), from one file 0.17 s. In a node_modules folder because Node warns about the
 *                                 deprecated Buffer() (DEP0005) that ExcelJS's dependencies call unless the caller's
 *                                 file is inside one.
 * ExcelJS, pptxgenjs, JSZip and ajv stay outside the main bundle: the commands load them only when they need them (by
 * dynamic import), so `report` on a JSON file and `--help` never read them (the standalone validator needs only ajv's
 * small runtime helpers; test/cli/start-up.test.ts checks what each command loads).
 * Run by `npm run build:cli`, and by jest's globalSetup before the tests that run the command.
 */
import { build } from "esbuild";
import Ajv from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const OUT_DIR = join(ROOT, "dist-cli");
export const CLI = join(OUT_DIR, "outturn.cjs");
const MAIN = join(OUT_DIR, "outturn-main.cjs");
const EXTERNAL = ["pptxgenjs", "jszip", "ajv"];
const EXCELJS = join(OUT_DIR, "node_modules", "exceljs.cjs");

/** What a build read, each file's SHA-1 by its path from the project's root, and what it wrote. */
const STAMP = join(OUT_DIR, "inputs.json");
/**
 * Files the build reads that no bundle lists: the validator's schema and options, ajv's version, this script, and
 * the settings esbuild takes from tsconfig.json and package.json.
 */
const OTHER_INPUTS = [
  "src/model/schema/ajv-options.json", "src/model/schema/monitoring-period.schema.json", "node_modules/ajv/package.json",
  "scripts/build-cli.mjs", "tsconfig.json", "package.json",
];

const sha1 = (file) => createHash("sha1").update(readFileSync(join(ROOT, file))).digest("hex");

/** True when dist-cli holds every output and every input the last build read is as it was then. */
function builtFromTheSameInputs() {
  try {
    const stamp = JSON.parse(readFileSync(STAMP, "utf8"));
    return stamp.outputs.every((f) => existsSync(join(ROOT, f))) && Object.entries(stamp.inputs).every(([f, hash]) => sha1(f) === hash);
  } catch {
    return false;
  }
}

/** ExcelJS as one file beside the command (see above). */
function bundledExcelJs() {
  return build({
    entryPoints: [join(ROOT, "node_modules", "exceljs", "lib", "exceljs.nodejs.js")],
    outfile: EXCELJS, bundle: true, platform: "node", target: "node20", format: "cjs", logLevel: "warning",
    absWorkingDir: ROOT, metafile: true,
  });
}

/** esbuild plugin: the command's `import("exceljs")` loads ./node_modules/exceljs.cjs, left outside the main bundle. */
const excelJsBeside = {
  name: "exceljs-beside",
  setup(b) {
    b.onResolve({ filter: /^exceljs$/ }, () => ({ path: "./node_modules/exceljs.cjs", external: true }));
  },
};

function standaloneValidator() {
  const read = (f) => JSON.parse(readFileSync(join(ROOT, "src", "model", "schema", f), "utf8"));
  const ajv = new Ajv({ ...read("ajv-options.json"), code: { source: true } });
  const validate = ajv.compile(read("monitoring-period.schema.json"));
  const file = join(OUT_DIR, "schema-validate.cjs");
  writeFileSync(file, standaloneCode(ajv, validate));
  return file;
}

/** esbuild plugin: src/model/schema-validator.ts becomes a module handing out the standalone validator. */
function precompiledSchema(validateFile) {
  return {
    name: "precompiled-schema",
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]model[\\/]schema-validator\.ts$/ }, () => ({
        contents: `import validate from ${JSON.stringify(validateFile)};\nexport function schemaValidator() { return validate; }\n`,
        loader: "js",
        resolveDir: ROOT,
      }));
    },
  };
}

/**
 * Builds the command. `reuse`: leave dist-cli as it is when it was built from the same files (jest's globalSetup, so
 * a test run does not wait about a second and a half for a build that would write the same bytes).
 */
export async function buildCli({ reuse = false } = {}) {
  if (reuse && builtFromTheSameInputs()) return CLI;
  mkdirSync(OUT_DIR, { recursive: true });
  const validateFile = standaloneValidator();
  const excelJs = await bundledExcelJs();
  const common = { bundle: true, platform: "node", target: "node20", format: "cjs", logLevel: "warning", legalComments: "none", absWorkingDir: ROOT, metafile: true };
  const main = await build({
    ...common,
    entryPoints: [join(ROOT, "src", "cli", "main.ts")],
    outfile: MAIN,
    external: EXTERNAL,
    plugins: [precompiledSchema(validateFile), excelJsBeside],
    // import() of pptxgenjs and JSZip as require(): code from V8's code cache has lost what Node needs to run an
    // import() (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), and both are CommonJS packages, loaded as lazily either way.
    supported: { "dynamic-import": false },
  });
  const bin = await build({ ...common, entryPoints: [join(ROOT, "src", "cli", "bin.ts")], outfile: CLI, banner: { js: "#!/usr/bin/env node" } });
  chmodSync(CLI, 0o755);
  const builds = [excelJs, main, bin];
  const inputs = [...new Set([...builds.flatMap((b) => Object.keys(b.metafile.inputs)), ...OTHER_INPUTS])]
    .filter((f) => !f.startsWith("dist-cli/")) // the validator the build itself wrote
    .sort();
  const outputs = [...builds.flatMap((b) => Object.keys(b.metafile.outputs)), relative(ROOT, validateFile)];
  writeFileSync(STAMP, JSON.stringify({ inputs: Object.fromEntries(inputs.map((f) => [f, sha1(f)])), outputs }, null, 1));
  return CLI;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // No top-level await: jest's globalSetup loads this file with require().
  const started = Date.now();
  buildCli().then(
    () => process.stdout.write(`Built ${CLI.slice(ROOT.length + 1)} in ${Date.now() - started} ms\n`),
    (e) => { process.stderr.write(`${e.stack ?? e}\n`); process.exitCode = 1; },
  );
}
