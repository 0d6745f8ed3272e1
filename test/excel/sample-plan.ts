/**
 * A hand-made sheet plan shaped like Outturn's monitoring sheets (title, headings, N lines with inputs, commentary
 * and formulas, a total, RAG conditional formats, a drop-down list, merges, frozen panes), for testing the renderer
 * without depending on the real sheet modules.
 */
import { SheetBuilder } from "../../src/plans/builder";
import { STYLES, ragFormat } from "../../src/plans/styles";
import type { SheetKind, SheetPlan, WorkbookPlan } from "../../src/plans/types";
import type { Decimal } from "../../src/model/types";
import { D } from "../../src/model/amount";

export interface SampleLine {
  name: string;
  ref: string | null;
  budget: Decimal | null;
  forecast: Decimal | null;
  commentary: string | null;
}

export const AMOUNT = "#,##0;(#,##0);0";

export interface SampleOptions {
  lines: number;
  /** Commentary of line i (default: a sentence, blank for every third line). */
  commentary?: (i: number) => string | null;
  name?: string;
  kind?: SheetKind;
}

export function sampleLines(lines: number, commentary?: (i: number) => string | null): SampleLine[] {
  return Array.from({ length: lines }, (_, i) => ({
    name: `Line ${i + 1}`, ref: `R${i + 1}`, budget: new D(1000 + i), forecast: new D(990 + i),
    commentary: commentary ? commentary(i) : i % 3 === 2 ? null : `Line ${i + 1} is on budget; nothing to report this quarter.`,
  }));
}

export function sampleSheet({ lines, commentary, name = "Revenue", kind = "Revenue" }: SampleOptions): SheetPlan {
  return linesSheet(sampleLines(lines, commentary), name, kind);
}

/** Columns: A name, B ref, C budget, D forecast, E variance, F RAG, G commentary, H (hidden) row markers. */
export function linesSheet(lines: SampleLine[], name: string, kind: SheetKind): SheetPlan {
  const b = new SheetBuilder(kind, name, [{ width: 30 }, { width: 8 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 8 }, { width: 60 }, { width: 10, hidden: true }], "H");
  b.formula(1, "A", `="Revenue monitoring: "&"Test Police"`, "Revenue monitoring: Test Police", "title");
  b.merges.push("A1:G1");
  b.key(1, "title");
  b.label(3, "A", "Line", "header");
  b.label(3, "B", "Ref", "header");
  b.label(3, "C", "Revised budget", "header");
  b.label(3, "D", "Forecast", "header");
  b.label(3, "E", "Variance", "header");
  b.label(3, "F", "RAG", "header");
  b.label(3, "G", "Commentary", "header");
  b.key(3, "header");
  b.freeze = { rows: 3, columns: 1 };
  const first = 4;
  lines.forEach((line, i) => {
    const r = first + i;
    b.inputText(r, "A", line.name, "lineName");
    b.inputText(r, "B", line.ref);
    b.inputAmount(r, "C", line.budget, AMOUNT);
    b.inputAmount(r, "D", line.forecast, AMOUNT);
    b.formula(r, "E", `=C${r}-D${r}`, new D(10));
    b.formula(r, "F", `=IF(E${r}<0,"Red","Green")`, "Green", "rag");
    b.inputText(r, "G", line.commentary);
    b.key(r, "line", `line:${i}`);
  });
  const last = first + lines.length - 1;
  const t = last + 1;
  b.label(t, "A", "Total", "totalLabel");
  b.blank(t, "B", "totalLabel");
  b.formula(t, "C", `=SUM(C${first}:C${last})`, new D(0), "total", { numberFormat: AMOUNT });
  b.formula(t, "D", `=SUM(D${first}:D${last})`, new D(0), "total", { numberFormat: AMOUNT });
  b.formula(t, "E", `=C${t}-D${t}`, new D(0), "total", { numberFormat: AMOUNT });
  b.formula(t, "F", `=IF(E${t}<0,"Red","Green")`, "Green", "ragTotal");
  b.key(t, "total");
  b.conditionalFormats.push(ragFormat(`F${first}:F${t}`));
  b.validations.push({ range: `B${first}`, values: ["R1", "R2", "Not taken forward"] });
  return b.build();
}

export function samplePlan(options: SampleOptions): WorkbookPlan {
  return { sheets: [sampleSheet(options)], styles: STYLES };
}
