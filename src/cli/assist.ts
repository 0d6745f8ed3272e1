/**
 * `outturn assist <file.json> [--take <line>=<projection>[,...]] [--out <file.json>] [--force]`: forecast assist.
 * Without --take it lists each line's forecast beside its projections (the yearToDate rows of report --json). With
 * --take it previews what taking those projections would change; only with --out is the period written, to a new
 * file: the file read is never changed, so it is the undo.
 */
import { extname } from "node:path";
import { readArgs } from "./args";
import { UserError } from "./user-error";
import { EXIT, type ExitCode } from "./exit-codes";
import { checkTarget, writeSafely } from "./safe-write";
import { loadPosition } from "./period";
import { say } from "./terminal";
import { computeMonthly, PROJECTION_METHODS, PROJECTION_WORDS, type ProjectionMethod } from "../engine/monthly";
import { type TakeChoice, previewTake, takeProjections } from "../engine/take-projection";
import { bracketed } from "../engine/format";
import { modelToDocument } from "../model/save";
import { toJsonText } from "../model/json-text";
import { lineTables } from "../report/text";

const EXAMPLE = "--take revenue.groups[0].lines[1]=straightLine";

function choices(spec: string): TakeChoice[] {
  return spec.split(",").map((part) => {
    const [path, method] = part.split("=").map((s) => s.trim());
    if (!path || !method) throw new UserError(`assist: --take "${part}" should be <line>=<projection>, e.g. ${EXAMPLE}`);
    if (!PROJECTION_METHODS.includes(method as ProjectionMethod)) throw new UserError(`assist: --take "${part}": the projection is one of ${PROJECTION_METHODS.join(", ")}`);
    return { path, method: method as ProjectionMethod };
  });
}

export async function assistCommand(argv: string[]): Promise<ExitCode> {
  const args = readArgs(argv, ["--take", "--out"], ["--force"], "assist");
  const file = args.positional[0];
  if (!file || args.positional.length > 1) throw new UserError(`assist: give one monitoring file, e.g. outturn assist period.json ${EXAMPLE} --out period-assisted.json`);
  if (extname(file).toLowerCase() !== ".json") throw new UserError(`assist: ${file}: take projections into a workbook from the pane in Excel; here, give the period's .json file`);
  const take = args.values.get("--take");
  const out = args.values.get("--out");
  if (out && !take) throw new UserError("assist: --out writes the period with projections taken; say which with --take");
  if (out && extname(out).toLowerCase() !== ".json") throw new UserError(`assist: ${out} should end .json (the period is written as a monitoring file)`);
  const target = out ? { out, inputs: [file], force: args.flags.has("--force"), command: "assist" } : null;
  if (target) await checkTarget(target);
  const { position } = await loadPosition(file);
  if (!take) {
    const table = lineTables(position);
    const from = table.findIndex((l) => l.startsWith("Revenue to date"));
    const paths = computeMonthly(position.model).lines.map((l) => `  ${l.path}  ${l.line.name}`);
    say(`${table.slice(from, table.indexOf("", from)).join("\n")}\n\nThe lines, for --take:\n${paths.join("\n")}\n\nTo take a projection into a forecast: outturn assist ${file} ${EXAMPLE} (a preview; add --out <new.json> to write it).\n`);
    return EXIT.clean;
  }
  let rows;
  try {
    rows = previewTake(position.model, choices(take));
  } catch (e) {
    if (e instanceof RangeError) throw new UserError(`assist: ${e.message}`);
    throw e;
  }
  const lines = rows.map((r) => `  ${r.name}: forecast ${r.forecastBefore === null ? "blank" : bracketed(r.forecastBefore)} -> ${bracketed(r.forecastAfter)} (the ${PROJECTION_WORDS[r.method]} projection)`);
  if (!target) {
    say(`Taking these projections would change (nothing written; add --out <new.json> to write the period with them):\n${lines.join("\n")}\n`);
    return EXIT.clean;
  }
  const { model } = takeProjections(position.model, choices(take));
  await writeSafely(target, new TextEncoder().encode(toJsonText(modelToDocument(model)) + "\n"));
  say(`Wrote ${target.out} with these forecasts changed (${file} is unchanged):\n${lines.join("\n")}\n`);
  return EXIT.clean;
}
