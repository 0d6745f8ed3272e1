/** Reads a monitoring period from a file named on the command line: the JSON format, or an Outturn workbook (.xlsx). */
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { parseMonitoringJson } from "../model/load";
import type { MonitoringPeriod } from "../model/types";
import type { Check, Place } from "../engine/checks";
import { UserError } from "./user-error";

export interface LoadedPeriod {
  model: MonitoringPeriod;
  /** Checks found while reading (e.g. a workbook's integrity), shown before the engine's. */
  checks: Check[];
  /** For a workbook: the cell showing a figure, so the engine's checks can name cells. */
  locate: ((place: Place) => string | null) | null;
}

function cannotRead(path: string, e: unknown): UserError {
  const code = (e as NodeJS.ErrnoException).code;
  return new UserError(code === "ENOENT" ? `${path}: no such file` : `${path}: cannot be read (${code ?? (e as Error).message})`);
}

export async function loadPeriodFile(path: string): Promise<LoadedPeriod> {
  const ext = extname(path).toLowerCase();
  if (ext === ".xlsx") return loadWorkbook(path);
  if (ext !== ".json") throw new UserError(`${path}: Outturn reads monitoring files ending .json, or Outturn workbooks ending .xlsx`);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw cannotRead(path, e);
  }
  return { model: parseMonitoringJson(text, path), checks: [], locate: null };
}

async function loadWorkbook(path: string): Promise<LoadedPeriod> {
  // ExcelJS is loaded only when a workbook is read.
  const [{ readGridFile }, { readWorkbook }] = await Promise.all([import("../xlsx/read"), import("../plans/read")]);
  let grid;
  try {
    await readFile(path);
    grid = await readGridFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code) throw cannotRead(path, e);
    throw new UserError(`${path}: is not an .xlsx workbook Outturn can open (${(e as Error).message})`);
  }
  const read = readWorkbook(grid);
  if (!read.model) {
    const errors = read.checks.filter((c) => c.severity === "error");
    throw new UserError(`${path} cannot be read as a monitoring period:\n${errors.map((c) => `- ${c.where}: ${c.message}`).join("\n")}`);
  }
  return { model: read.model, checks: read.checks, locate: read.locate };
}
