/** A1 addresses: column letters and numbers, 1-based rows and columns as in Excel. */

/** 1 -> "A", 27 -> "AA". */
export function colLetter(col: number): string {
  if (!Number.isInteger(col) || col < 1) throw new Error(`column ${col} is not a column number (1 = A)`);
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "A" -> 1, "AA" -> 27. */
export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function toA1(row: number, col: number): string {
  return `${colLetter(col)}${row}`;
}

/** "$C$7" or "C7" -> { row: 7, col: 3 }. */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]+)$/.exec(address);
  if (!m) throw new Error(`"${address}" is not an A1 address`);
  return { row: Number(m[2]), col: colIndex(m[1] as string) };
}

/** A sheet name as a formula reference prefix: Settings! or 'Revenue (2)'!. */
export function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

/** An absolute reference to a cell of another sheet: Settings!$B$8. */
export function absRef(sheet: string, col: string, row: number): string {
  return `${sheetPrefix(sheet)}$${col}$${row}`;
}
