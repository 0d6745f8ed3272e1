/** The commands of the command line. Each reads its arguments, does one thing, writes its output and says how it went (exit code). */
import { extname } from "node:path";
import { readArgs } from "./args";
import { incompleteBanner, textReport } from "../report/text";
import { periodErrors } from "../report/errors";
import { reportJson } from "../report/json";
import { signoffJson, signoffText } from "../report/signoff";
import { virementsJson, virementsText } from "../report/virements";
import { toJsonText } from "../model/json-text";
import { UserError } from "./user-error";
import { EXIT, type ExitCode } from "./exit-codes";
import { jsonTerminalSafe, oneLine, say, warn } from "./terminal";
import { errorList, loadPosition } from "./period";
import { type OutputTarget, checkTarget, writeSafely } from "./safe-write";
import { type Progress, lineCount, progress } from "./progress";
import type { MonitoringPeriod } from "../model/types";
import type { Position } from "../engine/position";
import type { Grid } from "../plans/grid";
import type { PlanOptions } from "../plans/workbook";
import { sheetPassword } from "./sheet-password";
import { startingLog } from "../engine/virements";
import type { LedgerSetup } from "../plans/sheets/mapping/layout";
import { sha256Hex } from "../engine/sha256";

export type Command = (argv: string[]) => Promise<ExitCode>;

export function usage(): string {
  return [
    "Usage:",
    "  outturn report <file.json|file.xlsx> [--json] [--lines]             the period's position: headline figures, RAG and checks;",
    "                                                                      --lines adds every line's figures (--json always has them)",
    "  outturn workbook <file.json|file.xlsx> --out <file.xlsx> [--force] [--actions] [--virements]   write the period as an Outturn workbook",
    "                                                                      (live formulas); --actions adds the board's Actions sheet,",
    "                                                                      --virements the log of budget changes (Virements sheet)",
    "  outturn slides <file.json|file.xlsx> --out <deck.pptx> [--force] [--draft]   the period's slide deck",
    "  outturn assist <file.json> [--take <line>=<projection>,...] [--out <new.json>]  forecast assist: each line's forecast",
    "                                                                      beside its projections; --take previews taking them,",
    "                                                                      --out writes the period with them to a new file",
    "  outturn import <ledger.csv|ledger.xlsx> --profile <p.json> --mapping <m.json> --into <file.json|file.xlsx>",
    "         [--out <file.json|file.xlsx>] [--dry-run] [--json] [--force]",
    "                                                                      a ledger export's actuals (and budgets) into the",
    "                                                                      period: prints every cell that changes, every rejected",
    "                                                                      row and unmapped code; writes --out (never --into);",
    "                                                                      into a workbook keeping its own profile and mapping",
    "                                                                      (Ledger mapping sheet), --profile/--mapping may be left out",
    "  outturn signoff <file.xlsx> --name <name> --role treasurer|board   sign off the period's figures in the workbook",
    "                                                                      (the treasurer first, then the board); report then",
    "                                                                      lists every input changed since",
    "  outturn diff <old.json|old.xlsx> <new.json|new.xlsx> [--json]       every input changed between two periods or copies:",
    "                                                                      cell, what, old -> new; lines added and removed",
    "",
    "  --force  replace the output file if it exists (never the file being read; without --force an existing file is",
    "           kept), and write a workbook from a workbook even where some of what it holds would not be carried",
    "  --draft  slides: make a deck from a period with errors, every slide marked DRAFT and the errors listed first",
    "  --dry-run  import: print the preview only (also what import does without --out)",
    "",
    "Exit codes:",
    "  0  done; the period has no errors",
    "  1  refused: nothing was made (bad input or options, an output file that exists, ...); the message says why",
    "  2  the period has errors (a bad input cell, a broken formula, a structural error): its figures are incomplete.",
    "     report prints them first (--json: \"complete\": false and \"errors\"); workbook is written with them on the",
    "     Summary; slides makes no deck unless --draft; import: rows were rejected, codes unmapped or the ledger's own",
    "     total disagrees (the good rows are imported)",
    "",
  ].join("\n");
}

async function report(argv: string[]): Promise<ExitCode> {
  const args = readArgs(argv, [], ["--json", "--lines"], "report");
  const file = args.positional[0];
  if (!file || args.positional.length > 1) throw new UserError("report: give one monitoring file, e.g. outturn report seeds/q2-2024-25.json --json");
  const { loaded, position } = await loadPosition(file);
  const signoff = loaded.signoff ?? null;
  const virements = loaded.virements ?? null;
  if (args.flags.has("--json")) {
    const extra = { ...(signoff ? { signoff: signoffJson(signoff) } : {}), ...(virements ? { virements: virementsJson(loaded.model, virements) } : {}) };
    process.stdout.write(jsonTerminalSafe(toJsonText({ ...reportJson(position), ...extra })) + "\n");
  }
  else {
    // The sign-off comes after the errors (a period with errors starts FIGURES INCOMPLETE) and before the figures.
    const text = textReport(position, args.flags.has("--lines")).split("\n");
    const at = incompleteBanner(position).length;
    // The virement reconciliation after the figures (a workbook with a Virements sheet only).
    say([...text.slice(0, at), ...signoffText(signoff), ...text.slice(at), ...virementsText(loaded.model, virements)].join("\n") + "\n");
  }
  const errors = periodErrors(position).length;
  if (errors) warn(`outturn report: the period has ${errors} error(s); its figures are incomplete (exit code 2).\n`);
  return errors ? EXIT.withErrors : EXIT.clean;
}

async function workbook(argv: string[]): Promise<ExitCode> {
  const args = readArgs(argv, ["--out"], ["--force", "--actions", "--virements"], "workbook");
  const file = args.positional[0];
  const out = args.values.get("--out");
  if (!file || args.positional.length > 1 || !out) throw new UserError("workbook: give one monitoring file and --out, e.g. outturn workbook seeds/q2-2024-25.json --out out/q2-2024-25.xlsx");
  if (extname(out).toLowerCase() !== ".xlsx") throw new UserError(`workbook: ${out}: the workbook's name must end .xlsx`);
  const target = { out, inputs: [file], force: args.flags.has("--force"), command: "workbook" };
  await checkTarget(target);
  const { loaded, position } = await loadPosition(file);
  const { model } = loaded;
  const shown = progress("workbook", lineCount(model));
  const plan = await writePeriodWorkbook({
    model, position, grid: loaded.grid, file, target, shown,
    // A workbook's sign-offs are carried into the new one (its inputs are the same, so they still match).
    // Its actions too; --actions adds an Actions sheet, with a row for each item owed one.
    // And its virement log; --virements adds a Virements sheet, an entry for each line whose budget changed.
    plan: {
      signoff: loaded.signoffBook ?? null, actions: loaded.actions ?? (args.flags.has("--actions") ? [] : null),
      virements: loaded.virements ?? (args.flags.has("--virements") ? startingLog(model) : null),
    },
    ledger: loaded.ledger ?? null,
  });
  shown.done();
  const errors = periodErrors(position).length;
  say(`Wrote ${out}: ${plan.sheets.map((s) => s.name).join(", ")}.\n`);
  if (errors) {
    warn(`outturn workbook: the period has ${errors} error(s), so the figures are incomplete (listed on the Summary sheet; exit code 2):\n${errorList(position)}\n`);
    return EXIT.withErrors;
  }
  return EXIT.clean;
}

/** src/cli/slides.ts, loaded only when asked for (it brings pptxgenjs). */
async function slides(argv: string[]): Promise<ExitCode> {
  const { slidesCommand } = await import("./slides");
  return slidesCommand(argv);
}

/** src/cli/assist.ts: forecast assist, loaded only when asked for. */
async function assist(argv: string[]): Promise<ExitCode> {
  const { assistCommand } = await import("./assist");
  return assistCommand(argv);
}


/**
 * The period as an Outturn workbook at the target (atomically; src/cli/safe-write), refusing where the new file would
 * not carry what the workbook `file` it came from holds (a `grid`), unless --force. Used by workbook and import.
 */
export async function writePeriodWorkbook(a: {
  model: MonitoringPeriod; position: Position; grid: Grid | null; file: string; target: OutputTarget; shown: Progress; plan?: Omit<PlanOptions, "position">;
  /** The ledger import's profile and mapping the workbook kept: its Ledger mapping sheet, carried after the others. */
  ledger?: LedgerSetup | null;
}) {
  const { target, file } = a;
  a.shown.step("planning the sheets");
  // The plans are pure; ExcelJS is loaded only here.
  const [{ buildWorkbookPlan }, { writeWorkbookFile, textLimitProblems, CHARTS_NOTE }, { notCarried }] = await Promise.all([import("../plans/workbook"), import("../xlsx/write"), import("./carry-over")]);
  const plan = buildWorkbookPlan(a.model, { ...a.plan, position: a.position, hash: sha256Hex });
  if (a.ledger) {
    // Not through buildWorkbookPlan: the sheet's layout stays out of the task pane's start-up, which builds plans.
    const [{ mappingSheet }, { defaultSheetNames }] = await Promise.all([import("../plans/sheets/mapping/layout"), import("../plans/context")]);
    plan.sheets.push(mappingSheet(defaultSheetNames().Mapping, a.ledger));
  }
  const tooLong = textLimitProblems(plan);
  if (tooLong.length) throw new UserError(`${target.command}: the workbook cannot hold these texts:\n${tooLong.map((p) => `  - ${p}`).join("\n")}`);
  if (a.grid) {
    const lost = notCarried(a.grid, plan, [CHARTS_NOTE]);
    if (lost.length && !target.force) {
      throw new UserError(`${target.command}: ${target.out} would not carry everything ${file} holds; these are not part of the period Outturn reads, so they would be left out:\n${lost.map((l) => `  - ${oneLine(l)}`).join("\n")}\nCorrect them in ${file} (see outturn report ${file}), or add --force to write the workbook without them.`);
    }
  }
  a.shown.step("writing the file");
  await writeSafely(target, (temp) => writeWorkbookFile(plan, temp, { password: sheetPassword() }));
  return plan;
}

/** src/cli/import.ts, loaded only when asked for. */
async function importLedger(argv: string[]): Promise<ExitCode> {
  const { importCommand } = await import("./import");
  return importCommand(argv);
}

/** src/cli/signoff.ts, loaded only when asked for (it brings ExcelJS). */
async function signoff(argv: string[]): Promise<ExitCode> {
  const { signoffCommand } = await import("./signoff");
  return signoffCommand(argv);
}

/** src/cli/diff.ts. */
async function diff(argv: string[]): Promise<ExitCode> {
  const { diffCommand } = await import("./diff");
  return diffCommand(argv);
}

export const commands: Record<string, Command> = { report, workbook, slides, assist, import: importLedger, signoff, diff };
