/** Minimal argument reading: positional arguments and --flags (with values where a command says so). */
import { UserError } from "./user-error";

export interface Args {
  positional: string[];
  flags: Set<string>;
  values: Map<string, string>;
}

export function readArgs(argv: string[], valued: string[], known: string[], command: string): Args {
  const args: Args = { positional: [], flags: new Set(), values: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith("--")) { args.positional.push(a); continue; }
    if (valued.includes(a)) {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new UserError(`${command}: ${a} needs a value, e.g. ${a} out/example.xlsx`);
      args.values.set(a, v);
    } else if (known.includes(a)) args.flags.add(a);
    else throw new UserError(`${command}: unknown option ${a}; the options are ${[...valued, ...known].join(", ") || "none"}`);
  }
  return args;
}
