/**
 * Proves the LibreOffice harness (test/support/libreoffice.ts): recalculation really happens (and would not without
 * the profile setting), values and errors read back recognisably, and .xlsx -> PDF -> PNG works.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import {
  convertToPdf,
  isCellError,
  pdfToPngs,
  pdftoppmAvailable,
  readCellValues,
  recalculateXlsx,
  sofficeAvailable,
} from "../support/libreoffice";
import { describeWithEngines } from "../support/engines";

const OUTPUT_DIR = path.resolve(__dirname, "..", "..", "test-output", "harness");
const describeIfSoffice = describeWithEngines({ LibreOffice: sofficeAvailable(), pdftoppm: pdftoppmAvailable() });

let work: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "outturn-lo-test-"));
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
});

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

/** A workbook whose formula results are deliberately wrong in the file, so only a real recalculation fixes them. */
async function writeStaleWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Calc");
  ws.getCell("A1").value = 21;
  ws.getCell("B1").value = { formula: "A1*2", result: 999 };
  ws.getCell("A2").value = 0;
  ws.getCell("B2").value = { formula: "A1/A2", result: 5 };
  ws.getCell("B3").value = { formula: 'IF(A1>20,"big","small")', result: "stale" };
  ws.getCell("B4").value = { formula: "A1=21", result: false };
  ws.getCell("B5").value = { formula: "SUM(Other!A1:A3)", result: 0 };
  ws.getCell("B6").value = { formula: "#REF!+1", result: 7 };
  ws.getCell("B7").value = { formula: "A1-21", result: 5 }; // a result of 0 must be read as 0, not as empty
  const other = wb.addWorksheet("Other");
  other.getCell("A1").value = 1.5;
  other.getCell("A2").value = 2.25;
  other.getCell("A3").value = "text is ignored by SUM";
  await wb.xlsx.writeFile(file);
}

describeIfSoffice("LibreOffice harness", () => {
  it("recalculates formulas, ignoring wrong cached results", async () => {
    const input = path.join(work, "stale.xlsx");
    await writeStaleWorkbook(input);

    // Sanity: ExcelJS reads the cached (wrong) result back from the input file.
    const before = await readCellValues(input);
    expect(before.get("Calc")?.get("B1")).toBe(999);

    const output = await recalculateXlsx(input, path.join(work, "recalc"));
    expect(output).toBe(path.join(work, "recalc", "stale.xlsx"));

    const values = await readCellValues(output);
    const calc = values.get("Calc");
    expect(calc?.get("A1")).toBe(21);
    expect(calc?.get("B1")).toBe(42);
    expect(calc?.get("B2")).toEqual({ error: "#DIV/0!" });
    expect(isCellError(calc?.get("B2"))).toBe(true);
    expect(calc?.get("B3")).toBe("big");
    expect(calc?.get("B4")).toBe(true);
    expect(calc?.get("B5")).toBe(3.75);
    expect(calc?.get("B6")).toEqual({ error: "#REF!" });
    expect(calc?.get("B7")).toBe(0);
    expect(values.get("Other")?.get("A3")).toBe("text is ignored by SUM");
  });

  it("negative control: without OOXMLRecalcMode=0 the wrong cached result is kept", async () => {
    const input = path.join(work, "stale-control.xlsx");
    await writeStaleWorkbook(input);
    const output = await recalculateXlsx(input, path.join(work, "control"), { recalcMode: "file-default" });
    const values = await readCellValues(output);
    // If this starts failing, LibreOffice recalculates without the setting too: the positive test then proves less.
    expect(values.get("Calc")?.get("B1")).toBe(999);
  });

  it("rejects with soffice's output when the input cannot be converted", async () => {
    const bogus = path.join(work, "bogus.xlsx");
    fs.writeFileSync(bogus, "this is not a zip file");
    await expect(recalculateXlsx(bogus, path.join(work, "bogus-out"))).rejects.toThrow(/soffice failed to convert/);
  });

  it("converts .xlsx to PDF and the PDF to PNGs (needs pdftoppm)", async () => {
    const input = path.join(work, "render.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Render");
    ws.getCell("A1").value = "Outturn harness";
    ws.getCell("A2").value = 1234.5;
    ws.getCell("A3").value = { formula: "A2*2", result: 0 };
    await wb.xlsx.writeFile(input);

    const pdf = await convertToPdf(input, OUTPUT_DIR);
    expect(pdf).toBe(path.join(OUTPUT_DIR, "render.pdf"));
    expect(fs.readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const pngs = await pdfToPngs(pdf, OUTPUT_DIR, "render");
    expect(pngs.length).toBeGreaterThanOrEqual(1);
    for (const png of pngs) {
      expect(path.basename(png)).toMatch(/^render-\d+\.png$/);
      expect(fs.readFileSync(png).subarray(1, 4).toString("latin1")).toBe("PNG");
    }
  });
});
