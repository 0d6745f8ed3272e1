/** Cell addresses as checks give them ("Revenue!F12", "'Usable reserves'!$G$16"). */
import type { CellRef } from "../workbook/gateway";

const ADDRESS = /^(?:'((?:[^']|'')+)'|([^'!\s][^!]*))!\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/;

/** The cell a check's `where` names, or null when it is words (e.g. "Revenue, Income, forecast outturn"). */
export function parseCellRef(where: string): CellRef | null {
  const m = ADDRESS.exec(where.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? "").trim();
  if (!sheet) return null;
  return { sheet, address: `${(m[3] ?? "").toUpperCase()}${m[4] ?? ""}` };
}

/** "Revenue!F12", quoting sheet names with spaces or punctuation as Excel does. */
export function formatCellRef(ref: CellRef): string {
  const sheet = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(ref.sheet) ? ref.sheet : `'${ref.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${ref.address}`;
}
