/**
 * The two things src/excel takes from Office.js globals: `Excel.run` and `Office.context.requirements`. Production
 * uses the globals (office.js loaded by taskpane.html); tests pass a fake (test/support/fake-excel.ts).
 */
import { WorkbookError } from "../workbook/gateway";

/**
 * Excel.RunOptions as Outturn uses them. `delayForCellEdit: true` makes Excel hold the batch while the user is typing in
 * a cell instead of failing it with InvalidOperationInCellEditMode (learn.microsoft.com/javascript/api/excel/excel.runoptions;
 * without it the failure is by design: OfficeDev/office-js#856). @types/office-js tags no requirement set on it (only
 * its sibling mergeUndoGroup, ExcelApi 1.20), and office.js comes from the CDN, so the option is always passed: a host
 * that does not know it runs the batch at once, as before.
 */
export interface RunOptions {
  delayForCellEdit?: boolean;
}

export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: RunOptions): Promise<T>;
  /** Excel.run on an existing context (e.g. to remove event handlers registered in it). */
  runWith<T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** The Office.js host, read from the globals when first used (so importing this module outside Office is harmless). */
export function officeHost(): ExcelHost {
  const notInExcel = () =>
    new WorkbookError("Outturn is not running inside Excel, so it cannot reach a workbook. Open it from Excel's Home tab (Outturn button).", "NoExcel");
  return {
    run: (batch, options) => {
      if (typeof Excel === "undefined" || typeof Excel.run !== "function") throw notInExcel();
      return options ? Excel.run({ delayForCellEdit: options.delayForCellEdit }, batch) : Excel.run(batch);
    },
    runWith: (context, batch) => Excel.run(context, batch),
    isSetSupported: (name, minVersion) => {
      if (typeof Office === "undefined" || !Office.context?.requirements) throw notInExcel();
      return Office.context.requirements.isSetSupported(name, minVersion);
    },
  };
}

/**
 * Which ExcelApi each action needs (requirement sets from @types/office-js, as on learn.microsoft.com/javascript/api/excel):
 * - 1.1: Worksheet.activate, Range.select (go to a cell);
 * - 1.4: WorksheetCollection.getItemOrNullObject, Worksheet.getUsedRangeOrNullObject (reading, status);
 * - 1.7: Worksheet.onChanged (change events); Worksheet.freezePanes and Workbook.protection (inserting);
 *   WorksheetProtection.protect / unprotect with the user's sheet password (issue 15: every sheet Outturn writes is
 *   protected, with formulas locked and inputs not; without a password they are 1.2). Both within 1.8 below, which
 *   every writing action requires, so the manifest's 1.8 covers them and no new requirement set is needed;
 * - 1.8: Range.dataValidation (the templates' drop-down lists) and Runtime.enableEvents (inserting, saving settings,
 *   closing or reopening a period, which also unprotects and protects the History sheet: WorksheetProtection 1.2).
 * Also used on the way: conditional formats 1.6; columnWidth, columnHidden, merge, cell locking 1.2; the Slides
 * sheet's charts (Worksheet.charts add / load items / delete, title, series names, legend, top, left, width, height) 1.1. Optional, used
 * when present: 1.9 RangeFormat.indentLevel and Worksheet.pageLayout; 1.14 the `triggerSource` of change events.
 */
export const NEEDS = {
  read: { version: "1.4", what: "read Outturn's sheets" },
  select: { version: "1.1", what: "go to a cell" },
  events: { version: "1.7", what: "notice changes to the monitoring sheets" },
  insert: { version: "1.8", what: "insert Outturn's sheets or save settings (drop-down lists, freeze panes)" },
  close: { version: "1.8", what: "close or reopen a period (the History sheet's drop-down lists and protection)" },
  import: { version: "1.8", what: "import the ledger (written with change events off)" },
  signoff: { version: "1.8", what: "sign off the period (the Sign-off sheet written protected, with change events off)" },
} as const;

export function supports(host: ExcelHost, version: string): boolean {
  return host.isSetSupported("ExcelApi", version);
}

export function requireApi(host: ExcelHost, need: { version: string; what: string }): void {
  if (!supports(host, need.version)) {
    throw new WorkbookError(
      `This version of Excel cannot ${need.what}: Outturn needs the Excel JavaScript API ${need.version}. ` +
      "Update Office (File > Account > Update Options), or use Excel for Microsoft 365 or Excel on the web.",
      "Unsupported",
    );
  }
}
