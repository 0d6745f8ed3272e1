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
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const OUT_DIR = join(ROOT, "dist-cli");
export const CLI = join(OUT_DIR, "outturn.cjs");
const MAIN = join(OUT_DIR, "outturn-main.cjs");
const EXTERNAL = ["pptxgenjs", "jszip", "ajv"];
const EXCELJS = join(OUT_DIR, "node_modules", "exceljs.cjs");

/** ExcelJS as one file beside the command (see above). */
function bundledExcelJs() {
  return build({
    entryPoints: [join(ROOT, "node_modules", "exceljs", "lib", "exceljs.nodejs.js")],
    outfile: EXCELJS, bundle: true, platform: "node", target: "node20", format: "cjs", logLevel: "warning",
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

export async function buildCli() {
  mkdirSync(OUT_DIR, { recursive: true });
  const validateFile = standaloneValidator();
  await bundledExcelJs();
  const common = { bundle: true, platform: "node", target: "node20", format: "cjs", logLevel: "warning", legalComments: "none" };
  await build({
    ...common,
    entryPoints: [join(ROOT, "src", "cli", "main.ts")],
    outfile: MAIN,
    external: EXTERNAL,
    plugins: [precompiledSchema(validateFile), excelJsBeside],
    // import() of pptxgenjs and JSZip as require(): code from V8's code cache has lost what Node needs to run an
    // import() (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), and both are CommonJS packages, loaded as lazily either way.
    supported: { "dynamic-import": false },
  });
  await build({ ...common, entryPoints: [join(ROOT, "src", "cli", "bin.ts")], outfile: CLI, banner: { js: "#!/usr/bin/env node" } });
  chmodSync(CLI, 0o755);
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
