/**
 * The in-memory workbook as the preview shows it (src/taskpane/views/PreviewWorkbook.tsx): a version bumped on every
 * change, for useSyncExternalStore, and a sheet's visible columns and rows.
 */
import { toA1 } from "../plans/a1";
import type { MemoryCell, MemorySheet } from "./memory-sheets";

export type PreviewCell = MemoryCell;

export interface PreviewSheet {
  name: string;
  maxRow: number;
  /** Visible columns, with their width in pixels. */
  columns: Array<{ index: number; widthPx: number }>;
  cell(row: number, col: number): PreviewCell | undefined;
}

/** A sheet's visible columns (Excel's character widths in pixels, roughly) and its cells. */
export function previewSheetOf(sheet: MemorySheet): PreviewSheet {
  const columns: PreviewSheet["columns"] = [];
  for (let i = 1; i <= sheet.maxCol; i++) {
    const plan = sheet.columns[i - 1];
    if (plan?.hidden) continue;
    columns.push({ index: i, widthPx: Math.round((plan?.width ?? 9) * 7 + 5) });
  }
  return { name: sheet.name, maxRow: sheet.maxRow, columns, cell: (row, col) => sheet.cells.get(toA1(row, col)) };
}

/** Views of the workbook: told of every change. */
export class ViewStore {
  /** Bumped on every change. */
  version = 0;
  private readonly listeners = new Set<() => void>();

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  changed(): void {
    this.version++;
    this.listeners.forEach((l) => l());
  }
}
