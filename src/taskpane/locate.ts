/**
 * Where an engine check's figure is shown in the workbook: the read-back finds it while reading (so rows the user
 * inserted are followed). A check with no such cell gets no link.
 */
import type { Place } from "../engine/checks";
import type { WorkbookRead } from "../workbook/gateway";

export type Locate = (place: Place) => string | null;

export function locatorFor(read: WorkbookRead): Locate {
  return read.locate ?? (() => null);
}
