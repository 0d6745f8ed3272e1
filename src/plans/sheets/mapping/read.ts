/**
 * Reading the Ledger mapping sheet back: the profile from its block (checked as a profile file is, each problem naming
 * its cell) and a rule per row between the rules' header and the note (rows the user inserted included), each problem
 * naming the row's cell, and each rule's line against the period's lines. Read when the import needs it (the pane's
 * Import tab, outturn import, saving), not with the period: the problems stop an import with this setup, not the
 * period's figures, and the reader stays out of the pane's start-up.
 */
import { ProfileError, profileFrom, type ImportProfile } from "../../../ledger/profile";
import { MappingError, type MappingRule, flipOf, mappingFromRows } from "../../../ledger/rules";
import type { MonitoringPeriod } from "../../../model/types";
import { lineTargets, resolveLine } from "../../../ledger/targets";
import type { GridSheet } from "../../grid";
import { Reader, SheetView } from "../../read/reader";
import { COMMON_MARKERS } from "../markers";
import type { LedgerSetup } from "./layout";
import { MAPPING_COLS as C, MAPPING_MARKERS, MAPPING_ROWS, PROFILE_BLOCK_COLS as P } from "./markers";

/** The workbook's setup as read, with what is wrong with it (each problem names its cell). */
export interface LedgerSetupRead extends LedgerSetup {
  /** The sheet's name as in the workbook. */
  sheet: string;
  problems: string[];
}

const PROFILE_PREFIX = MAPPING_MARKERS.profile("");

export function readMapping(s: SheetView, r: Reader): LedgerSetupRead {
  const keys = r.keys("Mapping");
  const doc: Record<string, unknown> = {};
  const columns: Record<string, string> = {};
  const cellOf = new Map<string, string>();
  const ruleDocs: Array<Record<string, unknown>> = [];
  const places: string[] = [];
  const problems: string[] = [];
  let state: "profile" | "rules" | "after" = "profile";
  for (let row = 1; row <= s.sheet.maxRow; row++) {
    const m = s.marker(row);
    if (m === MAPPING_MARKERS.rulesHeader) { keys[m] = row; state = "rules"; continue; }
    if (m === COMMON_MARKERS.note) { keys[m] = row; state = "after"; continue; }
    if (m.startsWith(PROFILE_PREFIX)) {
      const field = m.slice(PROFILE_PREFIX.length);
      keys[m] = row;
      cellOf.set(field, s.where(row, P.value));
      const v = r.text(s, row, P.value, field);
      if (v === null) continue;
      const text = field === "delimiter" && v.trim().toLowerCase() === "tab" ? "\t" : field === "delimiter" ? v : v.trim();
      if (field.startsWith("columns.")) columns[field.slice(8)] = text;
      else doc[field] = text;
      continue;
    }
    if (state !== "rules" || !(m === MAPPING_MARKERS.rule || (!m && s.hasContent(row)))) continue;
    const text = (col: string) => r.text(s, row, col, "rule")?.trim() || undefined;
    if (![C.costCentre, C.account, C.line, C.flip].some((col) => text(col) !== undefined)) continue;
    keys[MAPPING_ROWS.rule(ruleDocs.length)] = row;
    if (!m) r.inserted.add(`Mapping|${row}`);
    ruleDocs.push({ costCentre: text(C.costCentre), account: text(C.account), line: text(C.line) ?? "", flip: flipOf(text(C.flip)) });
    places.push(s.where(row, C.costCentre));
  }

  let profile: ImportProfile | null = null;
  const filled = Object.keys(doc).length + Object.keys(columns).length > 0;
  if (filled) {
    try {
      profile = profileFrom({ ...doc, columns }, s.name);
    } catch (e) {
      if (!(e instanceof ProfileError)) throw e;
      // "columns.costCentre: ..." names the field: name its cell instead (the first column's for the columns together).
      for (const p of e.problems) {
        const field = /^([a-zA-Z.]+)(?: and [a-zA-Z.]+)?:/.exec(p)?.[1] ?? "";
        const where = cellOf.get(field) ?? cellOf.get("columns.costCentre") ?? s.where(1, "A");
        problems.push(`${where}: ${p.slice(field ? field.length + 1 : 0).trim()}`);
      }
    }
  }
  let rules: MappingRule[] = [];
  try {
    rules = mappingFromRows(ruleDocs, places, s.name);
  } catch (e) {
    if (!(e instanceof MappingError)) throw e;
    problems.push(...e.problems);
  }
  return { sheet: s.name, profile, rules, problems };
}

/** The workbook's setup from its Ledger mapping sheet; with the period, each rule's line checked against its lines (naming the rule's Line cell). */
export function readLedgerSetup(sheet: GridSheet, model: MonitoringPeriod | null): LedgerSetupRead {
  const r = new Reader();
  const read = readMapping(new SheetView("Mapping", sheet.name, sheet, C.key), r);
  // A cell showing an error (#REF!) is named by the reader's own check.
  for (const c of r.checks) if (c.severity === "error") read.problems.push(`${c.where}: ${c.message.replace(/^\S+ /, "")}`);
  if (!model) return read;
  const targets = lineTargets(model);
  for (const rule of read.rules) {
    const found = resolveLine(rule.line, targets);
    if (typeof found === "string" && rule.where) read.problems.push(`${rule.where.replace(/![A-Z]+(\d+)$/, `!${C.line}$1`)}: ${found}`);
  }
  return read;
}
