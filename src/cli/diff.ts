/**
 * `outturn diff <old.json|old.xlsx> <new.json|new.xlsx> [--json]`: every input changed between two periods or two
 * copies of a workbook (sheet, cell, what, old -> new), lines added or removed and settings changed. A workbook's
 * cells are where they are in it; a JSON file's are where Outturn's workbook of it would put them.
 */
import { readArgs } from "./args";
import { UserError } from "./user-error";
import { EXIT, type ExitCode } from "./exit-codes";
import { loadPeriodFile } from "./load-file";
import { jsonTerminalSafe, oneLine, say } from "./terminal";
import { toJsonText } from "../model/json-text";
import type { LocatedInput } from "../engine/signoff";
import { diffInputs } from "../engine/diff";
import { planInputs } from "../plans/sheets/signoff/inputs";
import { buildWorkbookPlan } from "../plans/workbook";

async function inputsOf(file: string): Promise<LocatedInput[]> {
  const loaded = await loadPeriodFile(file);
  return loaded.inputs ?? planInputs(buildWorkbookPlan(loaded.model));
}

const shown = (v: string) => (v === "" ? "blank" : oneLine(v));

export async function diffCommand(argv: string[]): Promise<ExitCode> {
  const args = readArgs(argv, [], ["--json"], "diff");
  const [before, after] = args.positional;
  if (!before || !after || args.positional.length > 2) throw new UserError("diff: give two monitoring files (.json or .xlsx), the older first, e.g. outturn diff q1.xlsx q2.xlsx");
  const [old, now] = await Promise.all([inputsOf(before), inputsOf(after)]);
  const changes = diffInputs(old, now);
  if (args.flags.has("--json")) {
    process.stdout.write(jsonTerminalSafe(toJsonText({ before, after, changes: changes.map(({ kind, where, what, key, before: b, after: a }) => ({ kind, where, what, key, before: b, after: a })) })) + "\n");
    return EXIT.clean;
  }
  if (!changes.length) { say(`No input changed between ${before} and ${after}.\n`); return EXIT.clean; }
  say([
    `${changes.length} input(s) differ between ${before} and ${after}:`,
    ...changes.map((c) => `  ${c.kind.padEnd(7)}  ${c.where ?? "(not in the newer)"}  ${oneLine(c.what)}: ${shown(c.before)} -> ${shown(c.after)}`),
  ].join("\n") + "\n");
  return EXIT.clean;
}
