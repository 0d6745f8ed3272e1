/**
 * Outturn's command line, for people and automation:
 *   outturn report <file.json|file.xlsx> [--json]
 *   outturn workbook <file.json|file.xlsx> --out <file.xlsx> [--force]
 *   outturn slides <file.json|file.xlsx> --out <deck.pptx> [--force] [--draft]
 *   outturn import <ledger> --profile <p.json> --mapping <m.json> --into <file.json|file.xlsx> [--out <file>] [--dry-run] [--json]
 * Errors are printed in words, naming the file and the field, never a stack trace; the exit code says how it went
 * (src/cli/exit-codes.ts: 0 clean, 1 refused, 2 computed with errors).
 */
import { commands, usage } from "./commands";
import { UserError } from "./user-error";
import { EXIT } from "./exit-codes";
import { oneLine, warn } from "./terminal";
import { ModelError } from "../model/load";
import { keepHeapNearLive } from "./heap";

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(usage());
    return name ? EXIT.clean : EXIT.refused;
  }
  const command = commands[name];
  if (!command) {
    warn(`outturn: unknown command "${oneLine(name)}".\n${usage()}`);
    return EXIT.refused;
  }
  keepHeapNearLive();
  return command(rest);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    if (e instanceof ModelError || e instanceof UserError) {
      warn(`outturn: ${e.message}\n`);
    } else {
      warn(`outturn: something went wrong that Outturn did not expect: ${(e as Error)?.message ?? String(e)}\n`);
      if (process.env.OUTTURN_DEBUG) warn(`${(e as Error)?.stack ?? ""}\n`);
      else warn("Run again with OUTTURN_DEBUG=1 for the details to report.\n");
    }
    process.exitCode = e instanceof UserError ? e.exitCode : EXIT.refused;
  },
);
