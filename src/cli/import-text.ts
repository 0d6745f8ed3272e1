/** The import's preview in words, for the terminal, and as JSON for automation. */
import type { Decimal } from "../model/types";
import { CHANGE_COLUMN_WORDS, type ImportPreview } from "../ledger/import";
import type { LedgerTable } from "../ledger/table";
import type { ImportProfile } from "../ledger/profile";
import { oneLine } from "./terminal";

const pounds = (d: Decimal) => `${d.isNegative() ? "-" : ""}£${d.abs().toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;
const value = (d: Decimal | null) => (d === null ? "–" : d.toFixed());

export function previewText(p: ImportPreview, table: LedgerTable, profile: ImportProfile, into: string, units: string): string {
  const how = [table.sheet ? `sheet "${table.sheet}"` : null, table.encoding, table.delimiter ? `delimited by ${table.delimiter === "\t" ? "tabs" : `"${table.delimiter}"`}` : null].filter(Boolean).join(", ");
  const out: string[] = [];
  out.push(`Import of ${p.file} (${how}; profile "${profile.name}", header on row ${p.headerRow}) into ${into} (${units}):`);
  out.push(`  ${p.rowsRead} rows read: ${p.rowsUsed} for the period, ${p.rowsOtherPeriods} of other periods left out, ${p.rejected.length} rejected; ${p.unmapped.length} unmapped code(s).`);
  out.push(`  Period total ${pounds(p.totals.all)}: mapped ${pounds(p.totals.mapped)}, unmapped ${pounds(p.totals.unmapped)}.`);
  out.push("");
  out.push(p.changes.length ? `Cells that change (${p.changes.length}; ${p.unchanged} already as imported):` : `No cell changes (${p.unchanged} already as imported).`);
  for (const c of p.changes) out.push(`  ${oneLine(c.label)}, ${CHANGE_COLUMN_WORDS[c.column]}: ${value(c.old)} → ${value(c.new)}  (${pounds(c.pounds)}; ${c.path})`);
  if (p.rejected.length) {
    out.push("", `Rejected rows (${p.rejected.length}), not imported:`);
    for (const r of p.rejected) out.push(`  ${oneLine(r.file)} row ${r.row}${r.column ? `, column "${oneLine(r.column)}"` : ""}: ${oneLine(r.problem)}`);
  }
  if (p.unmapped.length) {
    out.push("", `Unmapped codes (${p.unmapped.length}), total ${pounds(p.totals.unmapped)}, not imported: add a mapping rule for each, or confirm they belong to no line:`);
    for (const u of p.unmapped) out.push(`  ${[u.costCentre && `cost centre ${u.costCentre}`, u.account && `account ${u.account}`].filter(Boolean).map((s) => oneLine(s)).join(", ")}${u.description ? ` "${oneLine(u.description)}"` : ""}: ${pounds(u.total)} in ${u.rows} row(s), first row ${u.firstRow}`);
  }
  if (p.controls.length || p.info.length) {
    out.push("", "Checks:");
    for (const c of p.controls) out.push(`  ${c.agrees ? "ok" : "ERROR"}: ${c.message}`);
    for (const i of p.info) out.push(`  info: ${i}`);
  }
  return out.join("\n");
}

export function previewJson(p: ImportPreview, written: string | null): unknown {
  return {
    file: p.file, headerRow: p.headerRow, written,
    rows: { read: p.rowsRead, used: p.rowsUsed, otherPeriods: p.rowsOtherPeriods, rejected: p.rejected.length },
    totals: p.totals,
    changes: p.changes.map((c) => ({ path: c.path, line: c.label, column: c.column, old: c.old, new: c.new, pounds: c.pounds })),
    unchanged: p.unchanged,
    rejected: p.rejected,
    unmapped: p.unmapped,
    controls: p.controls.map((c) => ({ row: c.row, what: c.what, file: c.file, imported: c.imported, agrees: c.agrees, message: c.message })),
    info: p.info,
  };
}

/** Whether the import left anything for the user to look at (rejected rows, unmapped codes, a total that disagrees). */
export function hasProblems(p: ImportPreview): boolean {
  return p.rejected.length > 0 || p.unmapped.length > 0 || p.controls.some((c) => !c.agrees);
}
