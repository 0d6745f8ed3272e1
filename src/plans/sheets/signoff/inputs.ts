/**
 * Every input of a period as the sign-off fingerprints it (src/engine/signoff.ts): the input cells of the sheet plans
 * built from the model, each keyed by sheet, logical row and field ("Revenue|line:0:2|forecastOutturn"), with its value
 * as exact text. Taken from the plans so that "every input" is exactly every cell the user types in (settings and the
 * period's identity on the Settings sheet included) and each can be named by its cell.
 */
import type { InputEntry, LocatedInput } from "../../../engine/signoff";
import { describePlace } from "../../../engine/checks";
import { parseA1, sheetPrefix } from "../../a1";
import type { PlanCell, SheetPlan, WorkbookPlan } from "../../types";
import { REVENUE_COLS } from "../revenue/markers";
import { CAPITAL_COLS } from "../capital/markers";
import { RESERVES_COLS } from "../reserves/markers";
import { SAVINGS_COLS } from "../savings/markers";
import { HISTORY_COLS } from "../history/markers";
import { SETTINGS_COLUMNS } from "../settings/markers";

/** Column letter -> field name, per sheet: the key names the field, so a column moved in a later layout keeps its key. */
const FIELDS: Partial<Record<SheetPlan["kind"], Record<string, string>>> = Object.fromEntries(
  ([["Revenue", REVENUE_COLS], ["Capital", CAPITAL_COLS], ["Reserves", RESERVES_COLS], ["Savings", SAVINGS_COLS], ["History", HISTORY_COLS], ["Settings", SETTINGS_COLUMNS]] as const)
    .map(([kind, cols]) => [kind, Object.fromEntries(Object.entries(cols).map(([field, letter]) => [letter, field]))]),
);

/** A cell's value as exact text: amounts as decimal strings (no exponent), text as typed, blank as "". */
export function exactText(c: PlanCell): string {
  switch (c.content.kind) {
    case "amount": return c.content.value.toFixed();
    case "text": return c.content.text;
    default: return "";
  }
}

/**
 * The inputs of the plan's sheets, each with the cell holding it in the workbook: `rowFound` moves a planned row to
 * the row found in a workbook read back (rows the user inserted are followed); `sheetName` is the sheet's name there.
 */
export function planInputs(plan: WorkbookPlan, rowFound?: (sheet: SheetPlan, logicalRow: string) => number | undefined, sheetName?: (sheet: SheetPlan) => string): LocatedInput[] {
  const out: LocatedInput[] = [];
  for (const sp of plan.sheets) {
    const fields = FIELDS[sp.kind];
    if (!fields) continue;
    const logicalOf = new Map(Object.entries(sp.rowKeys).map(([k, row]) => [row, k]));
    const textAt = new Map<string, string>();
    for (const c of sp.cells) if (c.content.kind === "text") textAt.set(c.address, c.content.text);
    const identity = rowIdentities(sp, logicalOf, textAt);
    const name = sheetName?.(sp) ?? sp.name;
    const prefix = sheetPrefix(name);
    for (const c of sp.cells) {
      if (!c.input) continue;
      const { row } = parseA1(c.address);
      const letter = c.address.replace(/[0-9]+$/, "");
      const logical = logicalOf.get(row) ?? `row:${row}`;
      const field = fields[letter] ?? letter;
      const found = rowFound ? rowFound(sp, logical) : row;
      out.push({
        key: `${sp.kind}|${identity.get(row) ?? logical}|${field}`,
        value: exactText(c),
        where: found === undefined ? null : `${prefix}${letter}${found}`,
        what: c.place ? describePlace(c.place) : [name, textAt.get(`A${row}`), field].filter(Boolean).join(", "),
      });
    }
  }
  return out;
}

/**
 * A row's identity in the keys: a repeating row (a line, a reserve, a scheme: its logical key ends in its index, e.g.
 * "line:0:2") is known by its name instead ("line:0:Pay & Employment costs"; a savings scheme by category and scheme),
 * so a line inserted or deleted above it does not make it look changed. Rows whose names are blank or not unique keep
 * their index.
 */
function rowIdentities(sp: SheetPlan, logicalOf: Map<number, string>, textAt: Map<string, string>): Map<number, string> {
  const named = new Map<number, string>();
  for (const [row, logical] of logicalOf) {
    const at = logical.match(/^(.*):\d+$/);
    if (!at) continue;
    const rowName = sp.kind === "Savings" ? [textAt.get(`A${row}`), textAt.get(`B${row}`)].filter(Boolean).join("/") : textAt.get(`A${row}`);
    if (rowName?.trim()) named.set(row, `${at[1]}:${rowName.trim()}`);
  }
  const count = new Map<string, number>();
  for (const id of named.values()) count.set(id, (count.get(id) ?? 0) + 1);
  for (const [row, id] of named) if ((count.get(id) ?? 0) > 1) named.delete(row);
  return named;
}

/** Just the entries (what is fingerprinted). */
export function inputEntries(inputs: readonly LocatedInput[]): InputEntry[] {
  return inputs.map(({ key, value }) => ({ key, value }));
}
