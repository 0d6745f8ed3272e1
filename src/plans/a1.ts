/** A1 addresses: column letters and numbers, 1-based rows and columns as in Excel. */

// Letters of the columns asked for so far: addresses are made millions of times for a large workbook.
const LETTERS: string[] = [];

/** 1 -> "A", 27 -> "AA". */
export function colLetter(col: number): string {
  const known = LETTERS[col];
  if (known !== undefined) return known;
  if (!Number.isInteger(col) || col < 1) throw new Error(`column ${col} is not a column number (1 = A)`);
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  if (col <= 16_384) LETTERS[col] = s; // Excel's last column, XFD
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
  // By character codes rather than a regular expression: this runs for every cell of every read.
  let i = address.charCodeAt(0) === 36 ? 1 : 0; // "$"
  let col = 0;
  const lettersFrom = i;
  for (; i < address.length; i++) {
    const c = address.charCodeAt(i) | 32; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  const letters = i - lettersFrom;
  if (address.charCodeAt(i) === 36) i++;
  let row = 0;
  const digitsFrom = i;
  for (; i < address.length; i++) {
    const c = address.charCodeAt(i);
    if (c < 48 || c > 57) break;
    row = row * 10 + (c - 48);
  }
  if (letters < 1 || letters > 3 || i === digitsFrom || i !== address.length) throw new Error(`"${address}" is not an A1 address`);
  return { row, col };
}

/** A sheet name as a formula reference prefix: Settings! or 'Revenue (2)'!. */
export function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

/** A sheet's name as a reference writes it before its "!", unquoted: 'Revenue (2)' -> Revenue (2); Settings stays. */
export function unquotedSheet(written: string): string {
  return written.startsWith("'") ? written.slice(1, -1).replace(/''/g, "'") : written;
}

/** An absolute reference to a cell of another sheet: Settings!$B$8. */
export function absRef(sheet: string, col: string, row: number): string {
  return `${sheetPrefix(sheet)}$${col}$${row}`;
}
