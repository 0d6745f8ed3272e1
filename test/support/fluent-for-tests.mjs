/**
 * @fluentui/react-components for the tests, as one file of just the components the code imports (jest.config.js maps
 * the package to it). Jest loads a package afresh in each test file, module by module: the package's 2,000-odd
 * CommonJS files took about 2 s of CPU in each of the pane's test files, where this file (its ES modules bundled by
 * esbuild and tree-shaken, as webpack does for the pane) takes about 0.1 s. React stays outside, so the components
 * and the tests share the one React that jest loads.
 * Built by jest's globalSetup when the names imported, the package's version or this file change.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { build, version as esbuildVersion } from "esbuild";
import { keepStamped } from "./stamped-file.mjs";

const PACKAGE = "@fluentui/react-components";
/** The file jest.config.js maps the package to, from the project's root. */
export const FLUENT_FOR_TESTS = path.join("node_modules", ".cache", "outturn-test", "fluent-react-components.cjs");

/** The project's TypeScript files under `dir`, skipping node_modules and dot-folders. */
function sources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name.startsWith(".") || e.name === "node_modules") return [];
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const IMPORT = /import\s+(type\s+)?\{([^}]*)\}\s*from\s*["']@fluentui\/react-components["']/g;
const ANY_USE = /["']@fluentui\/react-components["']/g;

/**
 * The value names the code imports from the package. Any other way of loading it (a namespace import, require) is
 * refused with the file named: the bundle holds only the names listed here, and a missing one would be undefined.
 */
export function importedNames(root, folders = ["src", "test"]) {
  const names = new Set();
  for (const file of folders.flatMap((f) => sources(path.join(root, f)))) {
    const text = fs.readFileSync(file, "utf8");
    const uses = text.match(ANY_USE)?.length ?? 0;
    let found = 0;
    for (const m of text.matchAll(IMPORT)) {
      found++;
      if (m[1]) continue; // import type { ... }: nothing at run time
      for (const spec of m[2].split(",").map((s) => s.trim()).filter(Boolean)) {
        if (spec.startsWith("type ")) continue;
        names.add(spec.split(/\s+as\s+/)[0].trim());
      }
    }
    if (found !== uses) {
      throw new Error(`${path.relative(root, file)} loads ${PACKAGE} other than by import { ... } from "${PACKAGE}": the tests' copy of the package (test/support/fluent-for-tests.mjs) holds only the names imported that way`);
    }
  }
  return [...names].sort();
}

/** Writes the bundle unless the one there was made from the same names, package version, esbuild and this file. */
export async function buildFluentForTests(root) {
  const out = path.join(root, FLUENT_FOR_TESTS);
  const names = importedNames(root);
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "node_modules", ...PACKAGE.split("/"), "package.json"), "utf8"));
  const self = fs.readFileSync(new URL(import.meta.url), "utf8");
  const stamp = `// ${PACKAGE} ${pkg.version}, esbuild ${esbuildVersion}, built from ${createHash("sha256").update(self + names.join(",")).digest("hex")}\n`;
  return keepStamped(out, stamp, async () => {
    const result = await build({
      stdin: { contents: `export { ${names.join(", ")} } from "${PACKAGE}";`, resolveDir: root, loader: "js" },
      bundle: true, platform: "node", target: "node20", format: "cjs", write: false, logLevel: "warning",
      // The one React of the test file, not a copy in the bundle (hooks need a single React).
      external: ["react", "react/*", "react-dom", "react-dom/*", "scheduler"],
    });
    return result.outputFiles[0].text;
  });
}
