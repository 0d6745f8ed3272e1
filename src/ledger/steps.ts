/**
 * Long computations of an import (parsing a CSV, reading its rows) are generators that yield their progress every few
 * thousand rows: the command line runs them to the end at once (runSteps), the task pane lets the browser draw between
 * steps (src/taskpane/import-setup.ts), so a large export keeps the pane responsive and shows how far it got.
 */
export interface Progress {
  /** How far: rows (or characters) done so far, of how many. */
  done: number;
  of: number;
  /** Of what, when not what the caller expects (mapping the codes, after reading the rows). */
  what?: "codes";
}

/** A stepped computation run to its end at once. */
export function runSteps<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
