/**
 * The sign-off as checks, so it reaches the user wherever checks do (the pane's Checks with a link to each cell, the
 * report, its JSON and the Summary sheet): one warning per input changed since sign-off, naming its cell and the value
 * signed and now; an error when the Sign-off sheet's record has been edited.
 */
import type { Check } from "../../../engine/checks";
import { type InputChange, type SignOffStatus, describeRecord } from "../../../engine/signoff";
import { sheetPrefix } from "../../a1";

const shown = (v: string) => (v === "" ? "blank" : JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v));

export function changeWords(c: InputChange): string {
  return `${c.what}: ${shown(c.before)} → ${shown(c.after)}`;
}

export function signoffChecks(s: SignOffStatus, sheetName: string): Check[] {
  const latest = s.records[s.records.length - 1];
  if (s.state === "record-altered") {
    return [{
      id: "signoff-altered", severity: "error", where: `${sheetPrefix(sheetName)}A1`, place: { area: "workbook", row: null, column: null },
      message: `The ${sheetName} sheet has been edited: its kept inputs no longer match the fingerprint signed, so the sign-off cannot be trusted. Restore the sheet from an earlier copy of the workbook, or sign off again.`,
    }];
  }
  if (s.state !== "changed" || !latest) return [];
  return s.changes.map((c) => ({
    id: "changed-since-signoff", severity: "warning", where: c.where ?? sheetName, place: { area: "workbook", row: null, column: null },
    message: `Changed since sign-off (${describeRecord(latest)}): ${changeWords(c)}${c.where ? "" : " (the line is no longer in the workbook)"}.`,
  }));
}
