/** Reads a monitoring period from a file named on the command line: the JSON format, or an Outturn workbook (.xlsx). */
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { ModelError, parseMonitoringJson } from "../model/load";
import type { MonitoringPeriod } from "../model/types";
import type { Check, Place } from "../engine/checks";
import type { LocatedInput, SignOffBook, SignOffStatus } from "../engine/signoff";
import type { BoardAction } from "../engine/actions";
import type { Virement } from "../engine/virements";
import type { Grid } from "../plans/grid";
import type { LedgerSetupRead } from "../plans/sheets/mapping/read";
import { UserError } from "./user-error";
import { readFailure } from "./system-errors";
import { textOfFile } from "./encoding";
import { sortChecks } from "../engine/checks";

export interface LoadedPeriod {
  model: MonitoringPeriod;
  /** Checks found while reading (e.g. a workbook's integrity), shown before the engine's. */
  checks: Check[];
  /** For a workbook: the cell showing a figure, so the engine's checks can name cells. */
  locate: ((place: Place) => string | null) | null;
  /** For a workbook: what it holds, so a workbook regenerated from it can say what it will not carry. */
  grid: Grid | null;
  /** For a workbook: every input with its cell, the Sign-off sheet's record, and where the period stands against it. */
  inputs?: LocatedInput[] | null;
  signoffBook?: SignOffBook | null;
  signoff?: SignOffStatus | null;
  /** For a workbook with an Actions sheet: the board's actions. */
  actions?: BoardAction[] | null;
  /** For a workbook with a Virements sheet: the virement log. */
  virements?: Virement[] | null;
  /** For a workbook with a Ledger mapping sheet: the ledger import's profile and mapping it keeps. */
  ledger?: LedgerSetupRead | null;
}

async function bytesOf(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    throw new UserError(readFailure(path, e));
  }
}

export async function loadPeriodFile(path: string): Promise<LoadedPeriod> {
  const ext = extname(path).toLowerCase();
  if (ext === ".xlsx") return loadWorkbook(path);
  if (ext !== ".json") throw new UserError(`${path}: Outturn reads monitoring files ending .json, or Outturn workbooks ending .xlsx`);
  const text = textOfFile(await bytesOf(path), path);
  tooDeep(text, path);
  return { model: parseMonitoringJson(text, path), checks: [], locate: null, grid: null };
}

/** Deeper than any monitoring file: the JSON parser would run out of stack and call a valid file invalid. */
const MAX_DEPTH = 64;

function tooDeep(text: string, path: string): void {
  let depth = 0, max = 0, inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  if (max <= MAX_DEPTH) return;
  let valid = true;
  try {
    JSON.parse(text);
  } catch {
    valid = false;
  }
  throw new ModelError([{ field: "", message: `${valid ? "is valid JSON but" : "is not valid JSON, and"} nested ${max} levels deep; a monitoring file is a few levels deep (see seeds/q2-2024-25.json), so this is not one` }], path);
}

async function loadWorkbook(path: string): Promise<LoadedPeriod> {
  // ExcelJS is loaded only when a workbook is read.
  const [{ readGridFile, NotAWorkbook }, { readWorkbook }, { sha256Hex }] = await Promise.all([import("../xlsx/read"), import("../plans/read"), import("../engine/sha256")]);
  const bytes = await bytesOf(path);
  let grid: Grid;
  try {
    grid = await readGridFile(bytes);
  } catch (e) {
    if (e instanceof NotAWorkbook) throw new UserError(`${path}: ${e.message}`);
    throw new UserError(`${path}: is not an .xlsx workbook Outturn can open (${(e as Error).message}); save it from Excel as an Excel Workbook (.xlsx) and try again`);
  }
  const read = readWorkbook(grid, { hash: sha256Hex });
  const ledger = read.ledgerSheet ? (await import("../plans/sheets/mapping/read")).readLedgerSetup(read.ledgerSheet, read.model) : null;
  const missing = read.checks.filter((c) => c.id === "sheet-missing");
  if (!read.model && missing.length >= 5) {
    // None (or next to none) of Outturn's sheets: a workbook, but not a monitoring workbook; say so once.
    throw new UserError(`${path}: is an Excel workbook, but not an Outturn monitoring workbook: it has ${grid.sheets.length === 1 ? "one sheet" : `${grid.sheets.length} sheets`} (${grid.sheets.map((s) => `"${s.name}"`).slice(0, 8).join(", ")}) and none of Outturn's (${missing.map((c) => c.where).join(", ")}). Make one with outturn workbook <file.json> --out <file.xlsx>, or insert the templates from the add-in in Excel`);
  }
  if (!read.model) {
    const errors = read.checks.filter((c) => c.severity === "error");
    throw new UserError(`${path} cannot be read as a monitoring period:\n${errors.map((c) => `- ${c.where}: ${c.message}`).join("\n")}`);
  }
  // The Ledger mapping sheet's problems are the period's checks too (warnings), as in the pane's Checks list.
  const checks = ledger ? sortChecks([...read.checks, ...(await import("../workbook/ledger-setup")).setupChecks(ledger)]) : read.checks;
  return { model: read.model, checks, locate: read.locate, grid, inputs: read.inputs, signoffBook: read.signoffBook, signoff: read.signoff, actions: read.actions, virements: read.virements, ledger };
}
