/** The commands of the command line. Each reads its arguments, does one thing and writes its output. */
import { mkdir } from "node:fs/promises";
import { dirname, extname, resolve } from "node:path";
import { readArgs } from "./args";
import { loadPeriodFile } from "./load-file";
import { textReport } from "../report/text";
import { computePosition } from "../engine/position";
import { reportJson } from "../report/json";
import { toJsonText } from "../model/json-text";
import { UserError } from "./user-error";

export type Command = (argv: string[]) => Promise<void>;

export function usage(): string {
  return [
    "Usage:",
    "  outturn report <file.json|file.xlsx> [--json]          the period's position: headline figures, RAG and checks",
    "  outturn workbook <file.json|file.xlsx> --out <file.xlsx>   write the period as an Outturn workbook (live formulas)",
    "  outturn slides <file.json|file.xlsx> --out <deck.pptx>     the period's slide deck",
    "",
  ].join("\n");
}

async function report(argv: string[]): Promise<void> {
  const args = readArgs(argv, [], ["--json"], "report");
  const file = args.positional[0];
  if (!file || args.positional.length > 1) throw new UserError("report: give one monitoring file, e.g. outturn report seeds/q2-2024-25.json --json");
  const { model, checks, locate } = await loadPeriodFile(file);
  const position = computePosition(model);
  // From a workbook, the engine's checks name the cell they concern.
  const engineChecks = locate ? position.checks.map((c) => ({ ...c, where: locate(c.place) ?? c.where })) : position.checks;
  position.checks = [...checks, ...engineChecks];
  process.stdout.write((args.flags.has("--json") ? toJsonText(reportJson(position)) : textReport(position)) + "\n");
}

async function workbook(argv: string[]): Promise<void> {
  const args = readArgs(argv, ["--out"], [], "workbook");
  const file = args.positional[0];
  const out = args.values.get("--out");
  if (!file || args.positional.length > 1 || !out) throw new UserError("workbook: give one monitoring file and --out, e.g. outturn workbook seeds/q2-2024-25.json --out out/q2-2024-25.xlsx");
  if (extname(out).toLowerCase() !== ".xlsx") throw new UserError(`workbook: ${out}: the workbook's name must end .xlsx`);
  if (resolve(out) === resolve(file)) throw new UserError(`workbook: ${out} is the file being read; write the workbook under another name`);
  const { model } = await loadPeriodFile(file);
  const position = computePosition(model);
  // The plans are pure; ExcelJS is loaded only here.
  const [{ buildWorkbookPlan }, { writeWorkbookFile }] = await Promise.all([import("../plans/workbook"), import("../xlsx/write")]);
  const plan = buildWorkbookPlan(model, { position });
  try {
    await mkdir(dirname(resolve(out)), { recursive: true });
    await writeWorkbookFile(plan, out);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`workbook: cannot write ${out} (${code ?? (e as Error).message})`);
  }
  const errors = position.checks.filter((c) => c.severity === "error").length;
  process.stdout.write(`Wrote ${out}: ${plan.sheets.map((s) => s.name).join(", ")}${errors ? ` (${errors} check error(s): see the Summary sheet)` : ""}.\n`);
}

/** src/cli/slides.ts, loaded only when asked for (it brings pptxgenjs). */
async function slides(argv: string[]): Promise<void> {
  const { slidesCommand } = await import("./slides");
  await slidesCommand(argv);
}

export const commands: Record<string, Command> = { report, workbook, slides };
