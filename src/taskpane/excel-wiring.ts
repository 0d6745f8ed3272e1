/** The pane's gateway inside Excel: src/excel's ExcelGateway (Office.js), the only code that touches the live workbook. */
import type { WorkbookGateway } from "../workbook/gateway";
import { ExcelGateway } from "../excel/gateway";
export { locatorFor } from "./locate";

export function excelGateway(): WorkbookGateway {
  return new ExcelGateway();
}
