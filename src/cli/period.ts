/** The period a command works on: read from its file, computed, with every check in one list. */
import { type LoadedPeriod, loadPeriodFile } from "./load-file";
import { type Position, computePosition } from "../engine/position";
import { periodErrors } from "../report/errors";
import { withReadChecks } from "../engine/checks";
import { oneLine } from "./terminal";

/** The period of a file and its position, with the checks from reading first and the engine's naming cells when it can. */
export async function loadPosition(file: string): Promise<{ loaded: LoadedPeriod; position: Position }> {
  const loaded = await loadPeriodFile(file);
  const position = computePosition(loaded.model);
  const { locate } = loaded;
  const engineChecks = locate ? position.checks.map((c) => ({ ...c, where: locate(c.place) ?? c.where })) : position.checks;
  position.checks = withReadChecks(loaded.checks, engineChecks);
  return { loaded, position };
}

/** "3 error(s): Revenue!E7 ..., ..." for a one-paragraph message. */
export function errorList(position: Position): string {
  return periodErrors(position).map((c) => `  - ${oneLine(c.where)}: ${oneLine(c.message)}`).join("\n");
}
