/**
 * The pane's lint: React's rules of hooks and typescript-eslint's type-aware rules are on for src/taskpane. Planted
 * mistakes are linted as text under the names of real pane files (the type-aware rules need a file of the TypeScript
 * project), so nothing is written to src/.
 */
import { join } from "node:path";
import { ESLint, type Linter } from "eslint";

const root = join(__dirname, "..", "..");
// Text linted in place of a file on disk needs typescript-eslint's watch programs: under CI=true it would infer a
// single run and build its program from the files on disk, never seeing the planted text (typescript-estree
// inferSingleRun; TSESTREE_SINGLE_RUN is its documented switch).
process.env.TSESTREE_SINGLE_RUN = "false";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(join(root, "eslint.config.js")) as Linter.Config[];
// The project's lint config, with one change: the type-aware rules' program is a small one holding the file the texts
// are linted as (lint-rules.tsconfig.json), not tsconfig.src.json's whole product code. `npm run lint` lints every
// file with the config as it is.
const SMALL_PROGRAM: Linter.Config = { files: ["src/**/*.{ts,tsx}"], languageOptions: { parserOptions: { project: "./test/taskpane/lint-rules.tsconfig.json", tsconfigRootDir: root } } };
const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [...config, SMALL_PROGRAM] });
/** A pane file, under whose name the planted texts are linted (React's rules apply to src/taskpane/**). */
const PANE_FILE = "src/taskpane/theme.ts";

async function lint(text: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(text, { filePath: join(root, PANE_FILE) });
  return result?.messages ?? [];
}
const rulesBroken = async (text: string): Promise<string[]> => (await lint(text)).map((m) => m.ruleId ?? `fatal: ${m.message}`);

describe("the task pane's lint", () => {
  jest.setTimeout(60_000);

  test("a hook called conditionally fails (react-hooks/rules-of-hooks)", async () => {
    const text = 'import * as React from "react";\nexport function V({ on }: { on: boolean }): React.ReactElement {\n  if (on) React.useEffect(() => undefined, []);\n  return React.createElement("p");\n}\n';
    expect(await rulesBroken(text)).toContain("react-hooks/rules-of-hooks");
  });

  test("an effect missing a dependency fails (react-hooks/exhaustive-deps, an error here)", async () => {
    const text = 'import * as React from "react";\nexport function V({ n }: { n: number }): React.ReactElement {\n  React.useEffect(() => { document.title = String(n); }, []);\n  return React.createElement("p");\n}\n';
    expect((await lint(text)).find((m) => m.ruleId === "react-hooks/exhaustive-deps")?.severity).toBe(2);
  });

  test("a promise left floating fails (type-aware @typescript-eslint/no-floating-promises)", async () => {
    const text = "async function save(): Promise<void> {}\nexport function go(): void {\n  save();\n}\n";
    expect(await rulesBroken(text)).toContain("@typescript-eslint/no-floating-promises");
  });
});
