/**
 * `outturn signoff <file.xlsx> --name <name> --role treasurer|board`: records that the treasurer (then the board)
 * signed off the period's figures as they are in the workbook, with the fingerprint of every input and setting, on its
 * Sign-off sheet (src/plans/sheets/signoff). The file is rewritten atomically (a temporary file renamed over it), and
 * not at all if it changed on disk while Outturn was reading it.
 */
import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { readArgs } from "./args";
import { UserError } from "./user-error";
import { EXIT, type ExitCode } from "./exit-codes";
import { writeSafely } from "./safe-write";
import { sheetPassword } from "./sheet-password";
import { loadPeriodFile } from "./load-file";
import { oneLine, say } from "./terminal";
import { readFailure } from "./system-errors";
import { SIGNOFF_ROLES, describeStatus } from "../engine/signoff";
import { SIGNOFF_TITLE } from "../plans/sheets/signoff/markers";
import { planSignOff, signOffTime } from "../workbook/signoff";
import { WorkbookError } from "../workbook/errors";
import { defaultSheetNames } from "../plans/context";
import { READ_SHEETS } from "../plans/sheets";

const SUMMARY_TITLE = READ_SHEETS.find((e) => e.kind === "Summary")?.titleStart ?? "Financial monitoring summary:";

export async function signoffCommand(argv: string[], now: () => Date = () => new Date()): Promise<ExitCode> {
  const args = readArgs(argv, ["--name", "--role"], [], "signoff");
  const file = args.positional[0];
  const example = "e.g. outturn signoff q2.xlsx --name \"Julie Strange\" --role treasurer";
  if (!file || args.positional.length > 1) throw new UserError(`signoff: give one Outturn workbook, ${example}`);
  if (extname(file).toLowerCase() !== ".xlsx") throw new UserError(`signoff: ${file}: sign-off is recorded in the workbook, so give an Outturn workbook ending .xlsx (make one with outturn workbook ${file} --out <file.xlsx>)`);
  const name = args.values.get("--name");
  const roleText = args.values.get("--role");
  if (!name?.trim()) throw new UserError(`signoff: say who is signing off with --name, ${example}`);
  const role = SIGNOFF_ROLES.find((r) => r.toLowerCase() === roleText?.trim().toLowerCase());
  if (!role) throw new UserError(`signoff: --role is ${roleText === undefined ? "missing" : `"${oneLine(roleText)}"`}; give --role treasurer (first) or --role board (after the treasurer)`);

  const before = await stat(file).catch((e: unknown) => { throw new UserError(readFailure(file, e)); });
  const bytes = await readFile(file).catch((e: unknown) => { throw new UserError(readFailure(file, e)); });
  const loaded = await loadPeriodFile(file);
  if (!loaded.inputs) throw new UserError(`signoff: ${file} could not be read as a period`);
  // The same decision as the pane's Sign off (src/workbook/signoff.ts): refused in words while the period has errors.
  let planned;
  try {
    planned = planSignOff(
      { model: loaded.model, checks: loaded.checks, inputs: loaded.inputs, signoff: loaded.signoff, actions: loaded.actions, virements: loaded.virements },
      { role, name }, signOffTime(now()), { hasSummary: true, hasSignoff: true, structureProtected: false },
    );
  } catch (e) {
    if (e instanceof WorkbookError && e.code === "Invalid") throw new UserError(`signoff: ${file} ${e.message.replace(/^Not signed off/, "not signed off").replace(/ Nothing was changed\.$/, "")}`, EXIT.refused);
    throw e;
  }
  const { plan } = planned;
  const { replaceSheets } = await import("../xlsx/replace-sheet");
  // The Sign-off sheet with the new record, and the Summary saying so (it holds no inputs: Outturn writes all of it).
  const names = defaultSheetNames();
  const titles: Partial<Record<string, string>> = { Signoff: `${SIGNOFF_TITLE}:`, Summary: SUMMARY_TITLE };
  const out = await replaceSheets(bytes, plan.sheets, plan.styles, {
    replaces: (sp, n, title) => n.toLowerCase() === names[sp.kind].toLowerCase() || (title?.startsWith(titles[sp.kind] ?? "\u0000") ?? false),
    password: sheetPassword(),
  });
  await writeSafely({ out: file, inputs: [], force: true, command: "signoff" }, async (temp) => {
    const { writeFile } = await import("node:fs/promises");
    await writeFile(temp, out, { flag: "wx" });
    // Someone saved the workbook while Outturn read it: their changes would be lost, so nothing is written.
    const again = await stat(file);
    if (again.mtimeMs !== before.mtimeMs || again.size !== before.size) throw new UserError(`signoff: ${file} changed on disk while Outturn was reading it; nothing was written. Close it in Excel, then sign off again.`);
  });
  const signed = planned.record;
  const records = [...(loaded.signoff?.records ?? []), signed];
  say(`Signed off ${file}: ${signed.role} ${signed.name} at ${signed.at}, fingerprint ${signed.fingerprint}.\n${describeStatus({ state: "signed", records, fingerprint: signed.fingerprint, changes: [] })}\n`);
  return EXIT.clean;
}
