/**
 * Outturn's command line, for people and automation:
 *   outturn report <file.json|file.xlsx> [--json]
 *   outturn workbook <file.json|file.xlsx> --out <file.xlsx>
 *   outturn slides <file.json|file.xlsx> --out <deck.pptx>
 * Errors are printed in words, naming the file and the field, with a non-zero exit; never a stack trace.
 */
import { commands, usage } from "./commands";
import { UserError } from "./user-error";
import { ModelError } from "../model/load";

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`outturn: unknown command "${name}".\n${usage()}`);
    return 2;
  }
  await command(rest);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    if (e instanceof ModelError || e instanceof UserError) {
      process.stderr.write(`outturn: ${e.message}\n`);
    } else {
      process.stderr.write(`outturn: something went wrong that Outturn did not expect: ${(e as Error)?.message ?? String(e)}\n`);
      if (process.env.OUTTURN_DEBUG) process.stderr.write(`${(e as Error)?.stack ?? ""}\n`);
      else process.stderr.write("Run again with OUTTURN_DEBUG=1 for the details to report.\n");
    }
    process.exitCode = 1;
  },
);
