/**
 * A progress line for long work, on stderr (stdout stays the output, for scripts): shown when stderr is a
 * terminal, or whatever the terminal for a period large enough to take a while (a log then shows why it is slow).
 */
import { oneLine } from "./terminal";

/** Lines from which a period is "large": `workbook` takes seconds, `slides` longer. */
export const LARGE_PERIOD_LINES = 2000;

export interface Progress {
  step(what: string): void;
  done(): void;
}

export function lineCount(model: { revenue: { groups: Array<{ lines: unknown[] }>; transfers: unknown[] }; capital: { lines: unknown[]; financing: unknown[] }; reserves: unknown[]; savings: unknown[] }): number {
  return model.revenue.groups.reduce((n, g) => n + g.lines.length, 0) + model.revenue.transfers.length
    + model.capital.lines.length + model.capital.financing.length + model.reserves.length + model.savings.length;
}

export function progress(command: string, lines: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const large = lines >= LARGE_PERIOD_LINES;
  const show = large || (stream.isTTY === true && process.env.OUTTURN_PROGRESS !== "0");
  const start = Date.now();
  const seconds = () => `${((Date.now() - start) / 1000).toFixed(1)} s`;
  if (large) stream.write(`outturn ${command}: a large period (${lines.toLocaleString("en-GB")} lines); this may take a while.\n`);
  return {
    step(what) {
      if (show) stream.write(`outturn ${command}: ${oneLine(what)}… (${seconds()})\n`);
    },
    done() {
      if (show) stream.write(`outturn ${command}: done in ${seconds()}.\n`);
    },
  };
}
