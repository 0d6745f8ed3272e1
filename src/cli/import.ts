/**
 * outturn import <ledger.csv|.txt|.xlsx> [--profile <p.json>] [--mapping <m.json|m.csv|m.xlsx>] --into <period.json|workbook.xlsx>
 *   [--out <file.json|file.xlsx>] [--dry-run] [--json] [--force]
 * Reads a ledger export, maps it to the period's lines and prints the preview: every cell that would change
 * (old → new), every rejected row, every unmapped code. With --out (and without --dry-run) it writes the period with
 * those changes to a new file, atomically; the --into file is never written (undo is keeping it). Into a workbook
 * that keeps its own profile and mapping (the Ledger mapping sheet, saved from the pane), --profile and --mapping may
 * be left out: the workbook's are used.
 */
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { readArgs } from "./args";
import { UserError } from "./user-error";
import { EXIT, type ExitCode } from "./exit-codes";
import { jsonTerminalSafe, say, warn } from "./terminal";
import { readFailure } from "./system-errors";
import { textOfFile } from "./encoding";
import { type LoadedPeriod, loadPeriodFile } from "./load-file";
import type { LedgerSetupRead } from "../plans/sheets/mapping/read";
import { checkTarget, writeSafely } from "./safe-write";
import { progress, lineCount } from "./progress";
import { writePeriodWorkbook } from "./commands";
import { hasProblems, previewJson, previewText } from "./import-text";
import { toJsonText } from "../model/json-text";
import { modelToDocument } from "../model/save";
import { computePosition } from "../engine/position";
import { ProfileError, profileFrom } from "../ledger/profile";
import { MappingError, mappingFrom, mappingFromTable } from "../ledger/mapping";
import { applyImport, previewImport } from "../ledger/import";
import { yearStartMonth } from "../ledger/periods";
import { LedgerFileError, csvTable, type LedgerTable } from "../ledger/table";

const EXAMPLE = "outturn import ledger.csv --profile profile.json --mapping mapping.json --into seeds/q2-2024-25.json --out q2-imported.json";

async function bytesOf(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    throw new UserError(`import: ${readFailure(path, e)}`);
  }
}

async function jsonOf(path: string): Promise<unknown> {
  const text = textOfFile(await bytesOf(path), path);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new UserError(`import: ${path}: is not valid JSON (${(e as Error).message})`);
  }
}

async function tableOf(path: string, delimiter: string | null, sheet: string | null): Promise<LedgerTable> {
  const ext = extname(path).toLowerCase();
  if (ext === ".xls") throw new UserError(`import: ${path}: is an Excel 97-2003 workbook; open it in Excel and save it as an Excel Workbook (.xlsx) or CSV`);
  const bytes = await bytesOf(path);
  if (ext === ".xlsx") {
    const { ledgerXlsxTable } = await import("../xlsx/ledger");
    return ledgerXlsxTable(bytes, path, sheet);
  }
  return csvTable(bytes, path, delimiter ?? undefined);
}

/**
 * The workbook's own profile and/or mapping (its Ledger mapping sheet) where the command line gives none; refused in
 * words when it keeps none, or keeps them with problems (each naming its cell).
 */
function workbookSetup(loaded: LoadedPeriod, into: string, needProfile: boolean, needMapping: boolean): LedgerSetupRead | null {
  if (!needProfile && !needMapping) return null;
  const what = [needProfile && "--profile", needMapping && "--mapping"].filter(Boolean).join(" and ");
  const setup = loaded.ledger;
  if (!loaded.grid) throw new UserError(`import: give ${what}: ${into} is a monitoring file (JSON), which keeps no profile or mapping; only a workbook does (its Ledger mapping sheet), e.g. ${EXAMPLE}`);
  if (!setup) throw new UserError(`import: give ${what}: ${into} has no Ledger mapping sheet keeping the import's profile and mapping (save them into the workbook from the add-in's Import tab), e.g. ${EXAMPLE}`);
  if (setup.problems.length) throw new UserError(`import: ${into}: the ${setup.sheet} sheet cannot be used (or give ${what}):\n${setup.problems.map((p) => `  - ${p}`).join("\n")}`);
  if (needProfile && !setup.profile) throw new UserError(`import: give --profile: the ${setup.sheet} sheet of ${into} has no profile filled in`);
  if (needMapping && setup.rules.length === 0) throw new UserError(`import: give --mapping: the ${setup.sheet} sheet of ${into} has no mapping rules`);
  return setup;
}

export async function importCommand(argv: string[]): Promise<ExitCode> {
  const args = readArgs(argv, ["--profile", "--mapping", "--into", "--out"], ["--dry-run", "--json", "--force"], "import");
  const ledger = args.positional[0];
  const [profilePath, mappingPath, into, out] = ["--profile", "--mapping", "--into", "--out"].map((k) => args.values.get(k));
  if (!ledger || args.positional.length > 1 || !into) throw new UserError(`import: give the ledger export, --profile, --mapping and --into (a workbook with a Ledger mapping sheet needs no --profile or --mapping), e.g. ${EXAMPLE}`);
  const dryRun = args.flags.has("--dry-run") || !out;
  const outExt = out ? extname(out).toLowerCase() : null;
  if (out && outExt !== ".json" && outExt !== ".xlsx") throw new UserError(`import: ${out}: the output's name must end .json (a monitoring file) or .xlsx (a workbook)`);
  const target = out ? { out, inputs: [ledger, profilePath, mappingPath, into].filter((f): f is string => f !== undefined), force: args.flags.has("--force"), command: "import" } : null;
  if (target && !dryRun) await checkTarget(target);

  try {
    const loaded = await loadPeriodFile(into);
    const kept = workbookSetup(loaded, into, !profilePath, !mappingPath);
    const profile = profilePath ? profileFrom(await jsonOf(profilePath), profilePath) : kept!.profile!;
    // A mapping kept as a sheet (CSV or .xlsx), or as JSON; else the workbook's own.
    const rules = !mappingPath ? kept!.rules : extname(mappingPath).toLowerCase() === ".json" ? mappingFrom(await jsonOf(mappingPath), mappingPath) : mappingFromTable(await tableOf(mappingPath, null, null));
    const table = await tableOf(ledger, profile.delimiter, profile.sheet);
    const preview = previewImport({ table, profile, rules, model: loaded.model, yearStartMonth: yearStartMonth(loaded.model.settings) });
    let written: string | null = null;
    if (!dryRun && target) {
      const model = applyImport(loaded.model, preview.changes);
      if (outExt === ".json") await writeSafely(target, new TextEncoder().encode(toJsonText(modelToDocument(model)) + "\n"));
      else {
        const shown = progress("import", lineCount(model));
        // What the workbook keeps besides the period (its setup, actions, virements, sign-offs) is carried into the new one.
        await writePeriodWorkbook({
          model, position: computePosition(model), grid: loaded.grid, file: into, target, shown,
          plan: { actions: loaded.actions ?? null, virements: loaded.virements ?? null, signoff: loaded.signoffBook ?? null }, ledger: loaded.ledger ?? null,
        });
        shown.done();
      }
      written = target.out;
    }
    if (args.flags.has("--json")) process.stdout.write(jsonTerminalSafe(toJsonText(previewJson(preview, written))) + "\n");
    else {
      say(previewText(preview, table, profile, into, loaded.model.units) + "\n\n");
      say(written ? `Wrote ${written}: ${preview.changes.length} cell(s) changed; ${into} is as it was (keep it to undo).\n` : `Dry run: nothing written${out ? "" : " (add --out <file> to write the period with these changes)"}.\n`);
    }
    if (hasProblems(preview)) {
      warn(`outturn import: ${[preview.rejected.length && `${preview.rejected.length} row(s) rejected`, preview.unmapped.length && `${preview.unmapped.length} code(s) unmapped`, preview.controls.some((c) => !c.agrees) && "the file's total disagrees"].filter(Boolean).join(", ")}; the good rows ${written ? "were" : "would be"} imported (exit code 2).\n`);
      return EXIT.withErrors;
    }
    return EXIT.clean;
  } catch (e) {
    if (e instanceof ProfileError || e instanceof MappingError || e instanceof LedgerFileError) throw new UserError(`import: ${e.message}`);
    throw e;
  }
}
