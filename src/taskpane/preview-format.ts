/** Cell values as the preview grid shows them: a small subset of Excel number formats (thousands, brackets, %). */
import type { GridValue } from "../plans/grid";
import { isGridError } from "../plans/grid";

export interface FormattedCell {
  value: GridValue;
  numberFormat?: string | null;
}

function group(n: number, dp: number): string {
  return n.toLocaleString("en-GB", { minimumFractionDigits: dp, maximumFractionDigits: dp });
}

/** The first section of a format code (before ";"), and how many decimals it shows. */
function decimalsOf(section: string): number {
  const m = /\.(0+)/.exec(section);
  return m ? (m[1] as string).length : 0;
}

export function formatNumber(n: number, numberFormat?: string | null): string {
  const code = numberFormat ?? "General";
  if (code === "General" || code === "@") return String(n);
  const [pos = code, neg] = code.split(";");
  if (pos.includes("%")) return `${group(n * 100, decimalsOf(pos))}%`;
  const dp = decimalsOf(pos);
  const abs = group(Math.abs(n), dp);
  if (n < 0 && Number(abs.replace(/,/g, "")) !== 0) return neg && neg.includes("(") ? `(${abs})` : `-${abs}`;
  return abs;
}

export function displayValue(cell: FormattedCell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (isGridError(v)) return v.error;
  if (typeof v === "number") return formatNumber(v, cell.numberFormat);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v;
}
