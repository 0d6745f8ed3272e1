/**
 * The pane's wiring inside Excel: src/excel's ExcelGateway (Office.js), the only code that touches the live workbook;
 * saving files the way the Office platform allows; and Check Excel (src/excel/self-check.ts, loaded when asked for).
 */
import type { WorkbookGateway } from "../workbook/gateway";
import { ExcelGateway } from "../excel/gateway";
// Loaded with the gateway, not on demand: a download must start within the user's click (an await would lose it).
import { saveInOffice } from "../excel/download";
import type { SelfCheckReport } from "../excel/self-check";
import type { Saver } from "./download";
export { locatorFor } from "./locate";

export function excelGateway(): WorkbookGateway {
  return new ExcelGateway();
}

export const save: Saver = (bytes, fileName, mimeType) => saveInOffice(bytes, fileName, mimeType);

export interface SelfCheck {
  run: () => Promise<SelfCheckReport>;
  toText: (report: SelfCheckReport) => string;
}

/** Check Excel: the module is fetched on the first run (the text of a report is made once it is there). */
export function selfCheck(): SelfCheck {
  let module: typeof import("../excel/self-check") | null = null;
  return {
    run: async () => {
      module ??= await import(/* webpackChunkName: "self-check" */ "../excel/self-check");
      return module.checkExcel();
    },
    toText: (report) => module?.selfCheckText(report) ?? "",
  };
}
