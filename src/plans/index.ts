/** Sheet plans (declarative workbook layouts), the grid abstraction and reading a workbook back into a model. */
export * from "./types";
export * from "./grid";
export * from "./a1";
export { buildWorkbookPlan, type PlanOptions } from "./workbook";
export { STYLES, RAG_COLOURS, amountFormat, PCT_FORMAT, RATE_FORMAT } from "./styles";
export { SHEET_KINDS_IN_ORDER, defaultSheetNames, type SheetNames } from "./context";
export { readWorkbook, type ReadOptions, type WorkbookReadResult } from "./read";
