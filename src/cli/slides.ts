/** `outturn slides <file.json|file.xlsx> --out <deck.pptx> [--force] [--draft]`: the period's slide deck. */
import { extname } from "node:path";
import { readArgs } from "./args";
import { UserError } from "./user-error";
import { EXIT, type ExitCode } from "./exit-codes";
import { checkTarget, writeSafely } from "./safe-write";
import { errorList, loadPosition } from "./period";
import { lineCount, progress } from "./progress";
import { say, warn } from "./terminal";
import { periodErrors } from "../report/errors";
import { buildDeck } from "../slides/deck";

export async function slidesCommand(argv: string[]): Promise<ExitCode> {
  const args = readArgs(argv, ["--out"], ["--force", "--draft"], "slides");
  const file = args.positional[0];
  if (!file || args.positional.length > 1) throw new UserError("slides: give one monitoring file, e.g. outturn slides seeds/q2-2024-25.json --out out/q2-2024-25.pptx");
  const out = args.values.get("--out");
  if (!out) throw new UserError("slides: say where to write the deck with --out, e.g. --out out/q2-2024-25.pptx");
  if (extname(out).toLowerCase() !== ".pptx") throw new UserError(`slides: ${out} should end .pptx (the deck is a PowerPoint file)`);
  const target = { out, inputs: [file], force: args.flags.has("--force"), command: "slides" };
  await checkTarget(target);
  const { position } = await loadPosition(file);
  const errors = periodErrors(position);
  if (errors.length && !args.flags.has("--draft")) {
    throw new UserError(`slides: no deck made: the period has ${errors.length} error(s), so its figures are incomplete and would look final on a slide:\n${errorList(position)}\nCorrect them, or add --draft for a deck marked DRAFT on every slide with these errors on the first.`, EXIT.withErrors);
  }
  const shown = progress("slides", lineCount(position.model));
  shown.step("building the deck");
  const bytes = await buildDeck(position, errors.length ? { draft: { errors } } : {});
  shown.step("writing the file");
  await writeSafely(target, bytes);
  shown.done();
  say(`Wrote ${out}${errors.length ? ` as a DRAFT (the period has ${errors.length} error(s))` : ""}\n`);
  if (errors.length) {
    warn(`outturn slides: the deck is a draft; the period's errors:\n${errorList(position)}\n`);
    return EXIT.withErrors;
  }
  return EXIT.clean;
}
