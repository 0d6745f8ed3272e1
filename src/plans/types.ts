/**
 * Declarative workbook plans: what Outturn's sheets contain, cell by cell, with no spreadsheet library in sight.
 * Built by src/plans/sheets/* from a model (pure functions), rendered by src/xlsx/write.ts (ExcelJS, files) and by
 * src/excel (Office.js, the live workbook). Both renderers must produce the same sheets.
 *
 * Conventions (stable; renderers rely on them):
 * - Addresses are A1 strings local to the sheet ("C7"); rows are 1-based as in Excel. Ranges are "A1:J1".
 *   src/plans/a1.ts converts (colLetter, colIndex, parseA1, toA1).
 * - Formulas are A1 strings with a leading "=" (e.g. "=SUM(C6:C9)"). References to other sheets are absolute and
 *   sheet-qualified ("Settings!$B$8", quoted when the name needs it: "'Revenue (2)'!$C$18"). No defined names, no
 *   tables, only functions Excel and LibreOffice evaluate identically (SUM, IF, ABS, AND, OR, MIN, MAX, ROUND; and on the Summary,
 *   to look up the previous period, LEFT, MID, VALUE, TEXT, MOD, COUNTIF, MATCH, INDEX, and to count amount inputs holding
 *   text or errors, SUMPRODUCT, ISTEXT, ISERROR, ISLOGICAL; test/xlsx proves each in LibreOffice) and
 *   the & operator. ExcelJS wants the formula without the "=", Office.js with it.
 * - `text` content is literal text, ALWAYS written as text, even when it starts with =, +, -, @ or looks like a
 *   number or a date ("+44", "00123", "1/2"). Office.js: write it as "'" + text (or set the cell's number format to
 *   "@" before writing). Never write it through `formulas`.
 * - `amount` content is a number the user may type: an amount in the file's units, or a rate as a fraction
 *   (0.03 for 3%, shown by a % number format). It is a Decimal; convert to a JS number only at the Excel boundary
 *   (`value.toNumber()`).
 * - `formula` content carries the engine's value of the cell (`expected`): a Decimal for numbers (percentages as
 *   fractions), a string for text results ("Red", "" for a deliberately empty result). Renderers that can store a
 *   cached result (ExcelJS) store it; the integrity check on reading back compares the workbook's value with it.
 * - `blank` is an empty cell that still carries its style (e.g. an input not yet filled in).
 * - Styles are named roles; `WorkbookPlan.styles` maps each role to fonts, fills, borders, alignment and a default
 *   number format. A cell's own `numberFormat` overrides its role's.
 * - Every sheet has a hidden key column (`keyColumn`) holding a marker per row ("line", "total", "header"...): the
 *   reader (src/plans/read.ts) finds rows by these markers, so rows the user inserts inside a section are read as
 *   new lines. Renderers write the markers as ordinary text cells (they are in `cells`) and hide the column.
 */
import type { Decimal } from "../model/types";
import type { Place } from "../engine/checks";

/** The templated sheets Outturn can insert. */
/** "Signoff", "Actions", "Virements", "Workforce" and "Mapping" are not templates: Outturn adds them when needed (src/plans/sheets/signoff, actions, virements, workforce, mapping). */
export type SheetKind = "Summary" | "Revenue" | "Capital" | "Reserves" | "Savings" | "Profiles" | "Settings" | "History" | "Slides" | "Signoff" | "Actions" | "Workforce" | "Virements" | "Mapping";

export type { Place };

/** The named looks of cells. See src/plans/styles.ts for the table. */
export type StyleRole =
  /** Sheet title (row 1): large, bold. */
  | "title"
  /** Line under the title: units and sign convention, italic grey. */
  | "subtitle"
  /** Column headings: bold, dark fill, white text, wrapped, centred. */
  | "header"
  /** The units row under the headings ("£000's"). */
  | "headerUnits"
  /** A section heading inside a table ("Chief Constable", "Sources of Finance"); for revenue groups it is an input (the group's name). */
  | "section"
  /** A line's name the user may edit (input text). */
  | "lineName"
  /** A fixed label (not an input). */
  | "label"
  /** The label of a total row: bold. */
  | "totalLabel"
  /** An amount or rate the user types: pale yellow fill, blue text, unlocked. */
  | "input"
  /** Text the user types (ref, commentary, status): pale yellow fill, wrapped, unlocked. */
  | "inputText"
  /** A formula on a line: no fill, black text, locked. */
  | "calculated"
  /** A formula with a text result (e.g. "below the minimum"): left-aligned. */
  | "calculatedText"
  /** A formula on a total row: bold, rule above. */
  | "total"
  /** A RAG formula's cell ("Red"/"Amber"/"Green"): centred, bold; colours come from `conditionalFormats`. */
  | "rag"
  /** A RAG formula on a total row. */
  | "ragTotal"
  /** Small italic explanatory text. */
  | "note"
  /** Check messages on the Summary sheet (wrapped). */
  | "check"
  /** The hidden marker column. */
  | "key";

export const STYLE_ROLES: readonly StyleRole[] = [
  "title", "subtitle", "header", "headerUnits", "section", "lineName", "label", "totalLabel", "input", "inputText",
  "calculated", "calculatedText", "total", "rag", "ragTotal", "note", "check", "key",
];

/** Colours are "#RRGGBB". */
export interface FontStyle {
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  size?: number;
  color?: string;
}

export type BorderWeight = "thin" | "medium" | "double";

export interface CellStyle {
  font?: FontStyle;
  /** Solid background colour. */
  fill?: string;
  border?: { top?: BorderWeight; bottom?: BorderWeight; left?: BorderWeight; right?: BorderWeight };
  alignment?: {
    horizontal?: "left" | "center" | "right";
    vertical?: "top" | "middle" | "bottom";
    wrapText?: boolean;
    indent?: number;
  };
  /** Excel number format code, e.g. "#,##0;(#,##0);0". */
  numberFormat?: string;
  /** False for inputs: editable when the sheet is protected. Default true (Excel's default). */
  locked?: boolean;
}

export type CellContent =
  | { kind: "text"; text: string }
  | { kind: "amount"; value: Decimal }
  | { kind: "formula"; formula: string; expected: Decimal | string }
  | { kind: "blank" };

export interface PlanCell {
  /** A1 address on this sheet, e.g. "C7". */
  address: string;
  content: CellContent;
  style: StyleRole;
  /** Overrides the role's number format (amount formats depend on the units). */
  numberFormat?: string;
  /** True where the user types (inputs): amounts, names, refs, commentary, settings. */
  input: boolean;
  /** The model figure this cell shows, in the engine's terms; engine checks with the same place point here. */
  place?: Place;
}

/** Cells of `range` whose displayed text equals `text` get `fill` and `fontColor` (RAG colours). */
export interface ConditionalFormat {
  range: string;
  rules: Array<{ textEquals: string; fill: string; fontColor: string }>;
}

/** An in-cell drop-down list (data validation). */
export interface ListValidation {
  range: string;
  values: string[];
}

export interface ColumnPlan {
  /** Excel column width in characters. */
  width: number;
  hidden?: boolean;
}

export interface SheetPlan {
  kind: SheetKind;
  /** The sheet's name in the workbook (normally the kind; e.g. "Revenue (2)" when inserted alongside). */
  name: string;
  /** Column A first. */
  columns: ColumnPlan[];
  /** Row heights in points for rows that need more than the default (wrapped text); other rows keep Excel's default. */
  rowHeights?: Record<number, number>;
  /** Rows and columns frozen at the top and left (0 = none). */
  freeze: { rows: number; columns: number };
  cells: PlanCell[];
  /** Merged ranges, e.g. "A1:J1"; the content is in the range's first cell. */
  merges: string[];
  conditionalFormats: ConditionalFormat[];
  validations: ListValidation[];
  /** Letter of the hidden marker column. */
  keyColumn: string;
  /** Logical row key -> row number (1-based) as planned, e.g. "revenue.line:0:2" -> 9. The reader derives the same keys. */
  rowKeys: Record<string, number>;
  print: { orientation: "portrait" | "landscape"; fitToWidth: boolean };
  /** Native charts over the sheet's cells (the Slides sheet). Drawn by src/excel/charts.ts; .xlsx files get the data only. */
  charts?: ChartPlan[];
}

/**
 * A native Excel chart, sized for a 16:9 slide. Ranges are local to the sheet ("A6:A12"). The series are the
 * columns of `data`; the first column of `data` is the categories (x axis labels) when `categories` says so.
 */
export interface ChartPlan {
  title: string;
  type: "bar" | "column" | "line";
  /** The chart's source: the categories column followed by one column per series, no heading row, e.g. "A6:B12". */
  data: string;
  /** The categories (axis labels): the first column of `data`, e.g. "A6:A12". */
  categories: string;
  /** One per series, in the order of `data`'s value columns: the series' name and its values' range. */
  series: Array<{ name: string; values: string; /** Plotted against a second value axis (a % beside amounts). */ axis?: "secondary" }>;
  /** The top-left cell the chart sits on, e.g. "G4". */
  topLeft: string;
  /** Points (720 × 405 is a 16:9 slide at 10 × 5.625 inches). */
  width: number;
  height: number;
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  /** Every role's look. */
  styles: Record<StyleRole, CellStyle>;
}
