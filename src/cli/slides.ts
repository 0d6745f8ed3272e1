/** `outturn slides <file.json|file.xlsx> --out <deck.pptx>`: the period's slide deck. */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, extname } from "node:path";
import { readArgs } from "./args";
import { loadPeriodFile } from "./load-file";
import { UserError } from "./user-error";
import { computePosition } from "../engine/position";
import { buildDeck } from "../slides/deck";

export async function slidesCommand(argv: string[]): Promise<void> {
  const args = readArgs(argv, ["--out"], [], "slides");
  const file = args.positional[0];
  if (!file || args.positional.length > 1) throw new UserError("slides: give one monitoring file, e.g. outturn slides seeds/q2-2024-25.json --out out/q2-2024-25.pptx");
  const out = args.values.get("--out");
  if (!out) throw new UserError("slides: say where to write the deck with --out, e.g. --out out/q2-2024-25.pptx");
  if (extname(out).toLowerCase() !== ".pptx") throw new UserError(`slides: ${out} should end .pptx (the deck is a PowerPoint file)`);
  const { model, checks } = await loadPeriodFile(file);
  const position = computePosition(model);
  position.checks = [...checks, ...position.checks];
  const bytes = await buildDeck(position);
  try {
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, bytes);
  } catch (e) {
    throw new UserError(`slides: cannot write ${out} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  process.stdout.write(`Wrote ${out}\n`);
}
