/**
 * Queues the renderer's operations (src/excel/render.ts) as Excel JavaScript API commands. Nothing here syncs:
 * the caller queues a whole request and syncs once.
 *
 * Requirement sets of what is used here (from @types/office-js and learn.microsoft.com/javascript/api/excel):
 * Range.values / formulas / numberFormat, RangeFont, RangeFill, RangeBorder, alignment, wrapText: ExcelApi 1.1;
 * RangeFormat.columnWidth and rowHeight, Range.columnHidden, Range.merge / unmerge, FormatProtection.locked: 1.2;
 * Range.conditionalFormats (CellValue rules): 1.6; Worksheet.freezePanes: 1.7; Range.dataValidation: 1.8;
 * WorksheetProtection.protect / unprotect: 1.2, with a password 1.7 (the manifest's 1.8 covers both);
 * RangeFormat.indentLevel and Worksheet.pageLayout: 1.9 (only when supported: see RenderFeatures).
 */
import type { SheetOp } from "./render";
import { arrayAddress, textForValues } from "./render";
import { colLetter } from "../plans/a1";
import { passwordRefused, type WorkbookError } from "../workbook/gateway";

export function queueOp(ws: Excel.Worksheet, op: SheetOp): void {
  switch (op.kind) {
    case "reset": {
      const old = ws.getRange(op.address);
      old.unmerge();
      old.conditionalFormats.clearAll();
      old.dataValidation.clear();
      old.clear("All");
      if (op.columns) ws.getRange(op.columns).columnHidden = false;
      ws.freezePanes.unfreeze();
      return;
    }
    case "cells": {
      const range = ws.getRange(arrayAddress(op.firstRow, op.firstCol, op.data));
      if (op.property === "numberFormat") range.numberFormat = op.data;
      // Strings with the quote prefix where Excel would otherwise take them for a formula, number or date (render.ts).
      else if (op.property === "values") range.values = op.data.map((row) => row.map((v) => (typeof v === "string" ? textForValues(v) : v)));
      else range.formulas = op.data;
      return;
    }
    case "style": {
      const f = ws.getRange(op.address).format;
      const s = op.style;
      if (s.bold !== undefined) f.font.bold = s.bold;
      if (s.italic !== undefined) f.font.italic = s.italic;
      if (s.fontSize !== undefined) f.font.size = s.fontSize;
      if (s.fontColor !== undefined) f.font.color = s.fontColor;
      if (s.fill !== undefined) f.fill.color = s.fill;
      if (s.horizontalAlignment !== undefined) f.horizontalAlignment = s.horizontalAlignment;
      if (s.verticalAlignment !== undefined) f.verticalAlignment = s.verticalAlignment;
      if (s.wrapText !== undefined) f.wrapText = s.wrapText;
      if (s.indentLevel !== undefined) f.indentLevel = s.indentLevel;
      if (s.locked !== undefined) f.protection.locked = s.locked;
      for (const [side, border] of Object.entries(s.borders ?? {})) {
        const edge = f.borders.getItem(side as Excel.BorderIndex);
        edge.style = border.style;
        edge.weight = border.weight;
      }
      return;
    }
    case "columns": {
      const cols = ws.getRange(op.address);
      cols.format.columnWidth = op.widthPoints;
      if (op.hidden) cols.columnHidden = true;
      return;
    }
    case "rows":
      ws.getRange(op.address).format.rowHeight = op.heightPoints;
      return;
    case "merge":
      ws.getRange(op.address).merge(false);
      return;
    case "conditionalFormat": {
      const range = ws.getRange(op.address);
      for (const rule of op.rules) {
        // A CellValue rule "equal to" a text: exact (case-insensitive) match, unlike "contains".
        const cf = range.conditionalFormats.add("CellValue");
        cf.cellValue.format.fill.color = rule.fill;
        cf.cellValue.format.font.color = rule.fontColor;
        cf.cellValue.rule = { formula1: `="${rule.textEquals.replace(/"/g, '""')}"`, operator: "EqualTo" };
      }
      return;
    }
    case "validation":
      ws.getRange(op.address).dataValidation.rule = { list: { inCellDropDown: true, source: op.source } };
      return;
    case "freeze":
      if (op.rows > 0 && op.columns > 0) ws.freezePanes.freezeAt(`A1:${colLetter(op.columns)}${op.rows}`);
      else if (op.rows > 0) ws.freezePanes.freezeRows(op.rows);
      else if (op.columns > 0) ws.freezePanes.freezeColumns(op.columns);
      return;
    case "print":
      ws.pageLayout.orientation = op.orientation;
      return;
    case "unprotect":
      if (op.password) ws.protection.unprotect(op.password);
      else ws.protection.unprotect();
      return;
    case "protect": {
      // Against accidental edits, without a password unless the user gave one (Review > Unprotect Sheet lifts it).
      // Unlocked cells (the inputs) stay editable; locked ones cannot be typed over (WorksheetProtectionOptions).
      const options: Excel.WorksheetProtectionOptions = {
        allowFormatColumns: op.allow.formatColumns, allowFormatRows: op.allow.formatRows,
        allowInsertRows: op.allow.insertRows, allowEditObjects: op.allow.editObjects,
      };
      if (op.password) ws.protection.protect(options, op.password);
      else ws.protection.protect(options);
      return;
    }
  }
}


/**
 * The failure of a sync whose `unprotect` Excel refused: the user protected the sheet with a password Outturn was not
 * given (Outturn protects without one unless the user gives it). Excel documents no error code for it, so it is
 * recognised by where it failed (OfficeExtension.Error.debugInfo.errorLocation "WorksheetProtection.unprotect"); see
 * also office-js#6784, where unprotect threw AccessDenied. `sheets` are the sheets the action was unprotecting, the
 * one refused first when known.
 */
export function unprotectRefused(e: unknown, sheets: string[] | undefined): WorkbookError | null {
  if (!failedAt(e, /WorksheetProtection\.unprotect/i)) return null;
  const sheet = sheets?.find((s) => /history/i.test(s)) ?? sheets?.[0] ?? "Period history";
  return passwordRefused(sheet);
}

/** Whether an Office error came from a command matching `where` (OfficeExtension.Error.debugInfo.errorLocation). */
export function failedAt(e: unknown, where: RegExp): boolean {
  const location = (e as { debugInfo?: { errorLocation?: unknown } } | null)?.debugInfo?.errorLocation;
  return typeof location === "string" && where.test(location);
}
