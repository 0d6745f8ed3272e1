/** Reads a monitoring period from a file named on the command line. */
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { parseMonitoringJson } from "../model/load";
import type { MonitoringPeriod } from "../model/types";
import type { Check } from "../engine/checks";
import { UserError } from "./user-error";

export interface LoadedPeriod {
  model: MonitoringPeriod;
  /** Checks found while reading (e.g. a workbook's integrity), shown before the engine's. */
  checks: Check[];
}

export async function loadPeriodFile(path: string): Promise<LoadedPeriod> {
  const ext = extname(path).toLowerCase();
  if (ext !== ".json") throw new UserError(`${path}: Outturn reads monitoring files ending .json${ext === ".xlsx" ? " (reading workbooks is not available yet)" : ""}`);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(code === "ENOENT" ? `${path}: no such file` : `${path}: cannot be read (${code ?? (e as Error).message})`);
  }
  return { model: parseMonitoringJson(text, path), checks: [] };
}
