/**
 * The flow of the code is enforced by `npm run lint`: a planted import against the flow, or a use of Office.js
 * outside src/excel, is an error. Linted as text under a made-up file name, so nothing is written to src/.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ESLint, type Linter } from "eslint";
import tseslint from "typescript-eslint";

const root = join(__dirname, "..", "..");
// The project's own config, passed in: ESLint would load eslint.config.js with a dynamic import jest cannot run.
// The made-up files are in no TypeScript project, so they are linted without type information (the flow rules need none).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(join(root, "eslint.config.js")) as Linter.Config[];
const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [...config, { files: ["**/planted.ts"], ...tseslint.configs.disableTypeChecked }] });

async function problems(file: string, text: string): Promise<Array<{ rule: string | null; message: string }>> {
  const [result] = await eslint.lintText(text, { filePath: join(root, file) });
  return (result?.messages ?? []).map((m) => ({ rule: m.ruleId, message: m.message }));
}

const flowErrors = async (file: string, text: string) => (await problems(file, text)).filter((p) => p.rule === "import/no-restricted-paths");

describe("the flow model <- engine <- narrative <- {plans, slides, report} <- workbook <- {excel, xlsx} <- {taskpane, cli}", () => {
  test.each([
    ["src/model/planted.ts", 'import { computePosition } from "../engine/position";\nexport const f = computePosition;\n'],
    ["src/ledger/planted.ts", 'import { computePosition } from "../engine/position";\nexport const f = computePosition;\n'],
    ["src/model/planted.ts", 'import { previewImport } from "../ledger/import";\nexport const f = previewImport;\n'],
    ["src/engine/planted.ts", 'import { narrative } from "../narrative/narrative";\nexport const f = narrative;\n'],
    ["src/plans/planted.ts", 'import { buildDeck } from "../slides/deck";\nexport const f = buildDeck;\n'],
    ["src/plans/sheets/planted.ts", 'import type { WorkbookGateway } from "../../workbook/gateway";\nexport type G = WorkbookGateway;\n'],
    ["src/workbook/planted.ts", 'import { ExcelGateway } from "../excel/gateway";\nexport const f = ExcelGateway;\n'],
    ["src/excel/planted.ts", 'import { writeWorkbookFile } from "../xlsx/write";\nexport const f = writeWorkbookFile;\n'],
    ["src/taskpane/planted.ts", 'import { commands } from "../cli/commands";\nexport const f = commands;\n'],
  ])("a back-import planted in %s fails the lint", async (file, text) => {
    const found = await flowErrors(file, text);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/may import only from/);
  });

  test.each([
    ["src/plans/planted.ts", 'import { narrative } from "../narrative/narrative";\nexport const f = narrative;\n'],
    ["src/workbook/planted.ts", 'import { buildWorkbookPlan } from "../plans/workbook";\nexport const f = buildWorkbookPlan;\n'],
    ["src/taskpane/planted.ts", 'import { ExcelGateway } from "../excel/gateway";\nexport const f = ExcelGateway;\n'],
  ])("an import along the flow in %s passes", async (file, text) => {
    expect(await flowErrors(file, text)).toEqual([]);
  });

  test("every folder of src/ with code is placed in the flow", async () => {
    const config = (await eslint.calculateConfigForFile(join(root, "src/model/types.ts"))) as { rules: Record<string, unknown[]> };
    const zones = (config.rules["import/no-restricted-paths"]?.[1] as { zones: Array<{ target: string }> }).zones;
    const placed = new Set(zones.map((z) => z.target.replace("./src/", "")));
    const hasCode = (dir: string): boolean => readdirSync(dir).some((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? hasCode(p) : /\.tsx?$/.test(n);
    });
    const folders = readdirSync(join(root, "src")).filter((n) => statSync(join(root, "src", n)).isDirectory() && hasCode(join(root, "src", n)));
    expect(folders.filter((f) => !placed.has(f))).toEqual([]);
  });
});

describe("only src/excel touches Office.js", () => {
  test("the Office globals outside src/excel fail the lint", async () => {
    const found = (await problems("src/taskpane/planted.ts", "export const bg = Office.context.officeTheme.bodyBackgroundColor;\n")).filter((p) => p.rule === "no-restricted-globals");
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/Only src\/excel touches Office\.js/);
  });

  test("inside src/excel they pass", async () => {
    expect((await problems("src/excel/planted.ts", "export const bg = () => Office.context.officeTheme.bodyBackgroundColor;\n")).filter((p) => p.rule === "no-restricted-globals")).toEqual([]);
  });
});
