/**
 * What changed between two sets of inputs (two periods, two copies of a workbook, or since sign-off): each input
 * changed, and lines added or removed, by the row identity in the inputs' keys (sheet|row|field). Pure.
 */
import { type InputChange, type InputEntry, type LocatedInput, changedInputs } from "./signoff";

export type ChangeKind = "changed" | "added" | "removed";
export interface InputDiff extends InputChange { kind: ChangeKind }

const rowOf = (key: string) => key.slice(0, key.lastIndexOf("|"));

export function diffInputs(before: readonly InputEntry[], after: readonly LocatedInput[]): InputDiff[] {
  const rowsBefore = new Set(before.map((e) => rowOf(e.key)));
  const rowsAfter = new Set(after.map((e) => rowOf(e.key)));
  return changedInputs(before, after).map((c) => ({
    ...c, kind: !rowsBefore.has(rowOf(c.key)) ? "added" : !rowsAfter.has(rowOf(c.key)) ? "removed" : "changed",
  }));
}
