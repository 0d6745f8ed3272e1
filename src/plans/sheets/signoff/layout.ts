/**
 * Sign-off: who signed off the period's figures (the treasurer, then the board), when, and the fingerprint of every
 * input and setting they signed (src/engine/signoff.ts). Then, in hidden column E, the canonical text of the inputs
 * the latest sign-off signed, in chunks, so a later change can be listed cell by cell.
 *
 * Why a sheet and not a custom XML part: the record must travel with the workbook whatever opens it (Excel, Excel on
 * the web, LibreOffice, the command line's ExcelJS, which reads and writes no custom XML parts), be seen by the people
 * it concerns (a board member can read who signed what without the add-in), and be read by the same reader as every
 * other sheet (markers in a hidden key column). The sheet is protected with every cell locked, against accidental
 * edits; the fingerprint of the kept inputs shows a deliberate edit (the record no longer matches).
 */
import type { SignOffBook } from "../../../engine/signoff";
import { SheetBuilder } from "../../builder";
import type { PlanContext } from "../../context";
import type { SheetPlan } from "../../types";
import { titleRows } from "../common";
import { COMMON_MARKERS } from "../markers";
import { SIGNOFF_COLS as C, SIGNOFF_MARKERS, SIGNOFF_ROWS, SIGNOFF_TITLE, SNAPSHOT_CHUNK } from "./markers";

export const SIGNOFF_HEADINGS = ["Role", "Name", "Signed at (UTC)", "Fingerprint of the inputs (SHA-256)"];

/** The text in cells of at most `size` characters, cut between lines (or, in a longer line, never inside a surrogate pair). */
export function chunks(text: string, size = SNAPSHOT_CHUNK): string[] {
  const out: string[] = [];
  let current = "";
  for (const piece of text.split(/(?<=\n)/)) {
    let rest = piece;
    while (current.length + rest.length > size) {
      if (current) { out.push(current); current = ""; continue; }
      let cut = size;
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut--;
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current += rest;
  }
  if (current) out.push(current);
  return out;
}

export function signoffSheet(ctx: PlanContext, book: SignOffBook): SheetPlan {
  const b = new SheetBuilder("Signoff", ctx.names.Signoff, [{ width: 12 }, { width: 28 }, { width: 20 }, { width: 70 }, { width: 10, hidden: true }, { width: 10, hidden: true }], C.key);
  b.freeze = { rows: 4, columns: 0 };
  b.print = { orientation: "landscape", fitToWidth: true };
  titleRows(b, ctx, SIGNOFF_TITLE, "D");
  SIGNOFF_HEADINGS.forEach((h, i) => b.label(4, String.fromCharCode(65 + i), h, "header"));
  b.key(4, COMMON_MARKERS.header);
  let row = 5;
  book.records.forEach((r, i) => {
    b.label(row, C.role, r.role);
    b.label(row, C.name, r.name);
    b.label(row, C.at, r.at);
    b.label(row, C.fingerprint, r.fingerprint);
    b.key(row, SIGNOFF_MARKERS.record, SIGNOFF_ROWS.record(i));
    row++;
  });
  b.note(row + 1, "Written by Outturn when the treasurer or the board signs off (outturn signoff, or the pane). The fingerprint is of every input and setting as signed; any change since shows as \"changed since sign-off\" in the checks, the report and the Summary. Do not edit: the sheet is protected, and an edited record is reported.", "D");
  row += 3;
  chunks(book.snapshot).forEach((text, i) => {
    b.label(row, C.snapshot, text);
    b.key(row, SIGNOFF_MARKERS.snapshot, SIGNOFF_ROWS.snapshot(i));
    row++;
  });
  return b.build();
}
