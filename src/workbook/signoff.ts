/**
 * Signing off a period on a workbook, the part both gateways share (pure), as `outturn signoff` does to a file
 * (src/cli/signoff.ts): from what was read, who signs and when, to the Sign-off sheet with the new record and the
 * Summary saying so. The gateways then write only those two sheets (unprotect, write, protect). Refused in words,
 * nothing written, when the period cannot be read, has errors (its figures are incomplete, so never signed off as
 * clean), or the engine refuses it (the board before the treasurer, the same person twice, an edited record).
 */
import { computePosition } from "../engine/position";
import { withReadChecks } from "../engine/checks";
import { type SignOffRecord, type SignOffRole, SignOffRefused, signOff, signOffStatus } from "../engine/signoff";
import { sha256Hex } from "../engine/sha256";
import { inputEntries } from "../plans/sheets/signoff/inputs";
import { buildWorkbookPlan } from "../plans/workbook";
import type { WorkbookPlan } from "../plans/types";
import type { WorkbookRead } from "./gateway";
import { WorkbookError } from "./errors";
import { SHEET_NAMES } from "./names";

/** Who signs off: the clock gives the date and time. */
export interface SignOffRequest {
  name: string;
  role: SignOffRole;
}

/** What a sign-off wrote: the new record (its fingerprint is of every input and setting as they were read). */
export interface SignOffResult {
  record: SignOffRecord;
}

/** The sheets to write: the Sign-off sheet always, the Summary when the workbook has one. */
export interface SignOffPlan {
  plan: WorkbookPlan;
  record: SignOffRecord;
}

/** The moment as recorded: ISO 8601 in UTC to the second, e.g. 2024-10-20T09:00:00Z. */
export const signOffTime = (now: Date): string => now.toISOString().replace(/\.\d+Z$/, "Z");

/** What the gateway found of the workbook besides its cells. */
export interface SignOffLook {
  /** A Summary sheet to say so (none is added when absent). */
  hasSummary: boolean;
  /** A Sign-off sheet already (it is added, last tab, at the first sign-off). */
  hasSignoff: boolean;
  /** Review > Protect Workbook: no sheet may be added. */
  structureProtected: boolean;
}

/** The sheets that record `request` signing off the period as read, at `at`. */
export function planSignOff(read: WorkbookRead, request: SignOffRequest, at: string, look: SignOffLook): SignOffPlan {
  if (!read.model || !read.inputs) {
    throw new WorkbookError("The workbook cannot be read as a period, so it cannot be signed off: correct what Checks lists first. Nothing was changed.", "Unreadable");
  }
  // The record read must have been checked against the inputs (the gateways read with the hash before signing off).
  if (read.signoffUnchecked) throw new Error("planSignOff needs a read made with the sign-off hash");
  const position = computePosition(read.model);
  const errors = withReadChecks(read.checks, position.checks).filter((c) => c.severity === "error").length;
  let book;
  try {
    book = signOff(read.signoff ?? signOffStatus(null, read.inputs, sha256Hex), inputEntries(read.inputs), { ...request, at }, errors, sha256Hex);
  } catch (e) {
    if (e instanceof SignOffRefused) throw new WorkbookError(`Not signed off: ${e.message}. Nothing was changed.`, "Invalid");
    throw e;
  }
  if (!look.hasSignoff && look.structureProtected) {
    throw new WorkbookError(`There is no ${SHEET_NAMES.Signoff} sheet and the workbook's structure is protected, so Outturn cannot add it. Unprotect the workbook (Review > Protect Workbook), then sign off again. Nothing was changed.`, "Protected");
  }
  const kinds = look.hasSummary ? (["Summary", "Signoff"] as const) : (["Signoff"] as const);
  const plan = buildWorkbookPlan(read.model, { position, signoff: book, hash: sha256Hex, actions: read.actions, virements: read.virements, kinds: [...kinds] });
  const record = book.records[book.records.length - 1];
  if (!record) throw new Error("signOff made no record");
  return { plan, record };
}
