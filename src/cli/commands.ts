/** The commands of the command line. Each reads its arguments, does one thing and writes its output. */
import { readArgs } from "./args";
import { loadPeriodFile } from "./load-file";
import { textReport } from "./text-report";
import { computePosition } from "../engine/position";
import { reportJson } from "../engine/report";
import { toJsonText } from "../engine/json-text";
import { UserError } from "./user-error";
import { slidesCommand } from "../slides/command";

export type Command = (argv: string[]) => Promise<void>;

export function usage(): string {
  return [
    "Usage:",
    "  outturn report <file.json|file.xlsx> [--json]   the period's position: headline figures, RAG and checks",
    "  outturn slides <file.json|file.xlsx> --out <deck.pptx>   the period's slide deck (16:9 PowerPoint)",
    "",
  ].join("\n");
}

async function report(argv: string[]): Promise<void> {
  const args = readArgs(argv, [], ["--json"], "report");
  const file = args.positional[0];
  if (!file || args.positional.length > 1) throw new UserError("report: give one monitoring file, e.g. outturn report seeds/q2-2024-25.json --json");
  const { model, checks } = await loadPeriodFile(file);
  const position = computePosition(model);
  position.checks = [...checks, ...position.checks];
  process.stdout.write((args.flags.has("--json") ? toJsonText(reportJson(position)) : textReport(position)) + "\n");
}

export const commands: Record<string, Command> = { report, slides: slidesCommand };
