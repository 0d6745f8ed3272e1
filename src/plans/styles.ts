/** The look of each style role, number formats and RAG colours: one table for both renderers. */
import type { CellStyle, ConditionalFormat, StyleRole } from "./types";
import type { Units } from "../model/types";

const NAVY = "#1F3864";
const INPUT_FILL = "#FFF2CC";
const INPUT_TEXT = "#1F4E79";
const GREY = "#595959";

export const STYLES: Record<StyleRole, CellStyle> = {
  title: { font: { bold: true, size: 14, color: NAVY }, alignment: { vertical: "middle" } },
  subtitle: { font: { italic: true, size: 9, color: GREY } },
  header: { font: { bold: true, color: "#FFFFFF" }, fill: NAVY, alignment: { horizontal: "center", vertical: "middle", wrapText: true } },
  headerUnits: { font: { bold: true, size: 9, color: "#FFFFFF" }, fill: NAVY, alignment: { horizontal: "center" }, border: { bottom: "thin" } },
  section: { font: { bold: true, color: NAVY }, border: { top: "thin" }, alignment: { vertical: "top" } },
  lineName: { font: { color: INPUT_TEXT }, fill: INPUT_FILL, alignment: { vertical: "top", wrapText: true }, locked: false },
  label: { alignment: { vertical: "top", wrapText: true } },
  totalLabel: { font: { bold: true }, border: { top: "thin", bottom: "thin" }, alignment: { vertical: "top" } },
  input: { font: { color: INPUT_TEXT }, fill: INPUT_FILL, alignment: { horizontal: "right", vertical: "top" }, locked: false },
  inputText: { font: { color: INPUT_TEXT, size: 9 }, fill: INPUT_FILL, alignment: { vertical: "top", wrapText: true, indent: 1 }, locked: false },
  calculated: { alignment: { horizontal: "right", vertical: "top" } },
  calculatedText: { alignment: { horizontal: "left", vertical: "top" } },
  total: { font: { bold: true }, border: { top: "thin", bottom: "thin" }, alignment: { horizontal: "right", vertical: "top" } },
  rag: { font: { bold: true, size: 9 }, alignment: { horizontal: "center", vertical: "top" } },
  ragTotal: { font: { bold: true, size: 9 }, border: { top: "thin", bottom: "thin" }, alignment: { horizontal: "center", vertical: "top" } },
  note: { font: { italic: true, size: 9, color: GREY }, alignment: { vertical: "top", wrapText: true } },
  check: { font: { size: 9 }, alignment: { vertical: "top", wrapText: true } },
  key: { font: { size: 8, color: "#A6A6A6" } },
};

/** Amounts: thousands separators, negatives in brackets, zero as 0. Pounds keep pence; £000 show whole thousands. */
export function amountFormat(units: Units, negative: "brackets" | "minus" = "brackets"): string {
  const n = units === "£000" ? "#,##0" : "#,##0.00";
  return `${n};${negative === "minus" ? `-${n}` : `(${n})`};${units === "£000" ? "0" : "0.00"}`;
}

/** Percentages held as fractions to `dp` places (0.0134 shows 1.34% at 2), negatives in brackets. */
export function pctFormat(dp: number, negative: "brackets" | "minus" = "brackets"): string {
  const p = dp > 0 ? `0.${"0".repeat(dp)}%` : "0%";
  return `${p};${negative === "minus" ? `-${p}` : `(${p})`};${p}`;
}

/** Percentages at the default 2 places. */
export const PCT_FORMAT = pctFormat(2);
/** Settings rates (3%, 0.5%). */
export const RATE_FORMAT = "0.0##%";
/** Plain text cells. */
export const TEXT_FORMAT = "@";

export const RAG_COLOURS: Record<"Red" | "Amber" | "Green", { fill: string; fontColor: string }> = {
  Red: { fill: "#FFC7CE", fontColor: "#9C0006" },
  Amber: { fill: "#FFEB9C", fontColor: "#9C5700" },
  Green: { fill: "#C6EFCE", fontColor: "#006100" },
};

export function ragFormat(range: string): ConditionalFormat {
  return { range, rules: (["Red", "Amber", "Green"] as const).map((t) => ({ textEquals: t, ...RAG_COLOURS[t] })) };
}
