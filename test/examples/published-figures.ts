/**
 * Shared by the worked examples' tests: the rows of a figures file's "Published figures reproduced" table, a field of
 * `outturn report --json` by its path, and that report run on a file.
 */
import { runCli } from "../support/cli";

/** The table's rows under "## Published figures reproduced", each cell trimmed: [figure, published, field, value, ...]. */
export function publishedRows(figuresFile: string): string[][] {
  const start = figuresFile.indexOf("## Published figures reproduced");
  return figuresFile.slice(start).split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| Figure") && !l.startsWith("|---"))
    .map((l) => l.split("|").slice(1, -1).map((c) => c.trim()));
}

/** A field by its path, e.g. workforce.overtime.byGroup[0].budget. */
export function fieldAt(json: unknown, field: string): unknown {
  return field.split(/\.|\[|\]/).filter(Boolean).reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], json);
}

/** `outturn report <file> --json`, which must succeed with nothing on stderr. */
export function reportJsonOf(file: string): Record<string, unknown> {
  const r = runCli(["report", file, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}
