/**
 * A ledger export saved as .xlsx (first sheet, or the one the profile names) as a ledger table, with ExcelJS
 * (loaded only by the commands that read an .xlsx). Dates come as ISO dates (2024-09-30), which the period reader
 * places by month.
 */
import { type LedgerTable, LedgerFileError, sheetTable } from "../ledger/table";
import { NotAWorkbook, readGridFile } from "./read";

export async function ledgerXlsxTable(bytes: Uint8Array, file: string, sheet: string | null): Promise<LedgerTable> {
  let grid;
  try {
    grid = await readGridFile(bytes);
  } catch (e) {
    if (e instanceof NotAWorkbook) throw new LedgerFileError(`${file}: ${e.message}`);
    throw new LedgerFileError(`${file}: is not an .xlsx workbook Outturn can open (${(e as Error).message}); save it from Excel as an Excel Workbook (.xlsx), or export the ledger as CSV`);
  }
  const found = sheet === null ? grid.sheets[0] : grid.sheets.find((s) => s.name.trim().toLowerCase() === sheet.trim().toLowerCase());
  if (!found) throw new LedgerFileError(`${file}: has no sheet "${sheet}"; its sheets are ${grid.sheets.map((s) => `"${s.name}"`).join(", ")}: correct "sheet" in the profile`);
  return sheetTable(found, file);
}
