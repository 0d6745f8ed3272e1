/**
 * Reading the Profiles sheet back: each row's profile and last year's months, attached to the Revenue line its name
 * formula refers to (=Revenue!A12). Following the reference rather than the row's position keeps each profile with its
 * line when the user inserts or moves lines on the Revenue sheet. A row whose reference is broken (its Revenue line
 * was deleted) is a warning, and its profile is not used.
 */
import type { BudgetProfile, Decimal, RevenueGroup } from "../../../model/types";
import { D } from "../../../model/amount";
import type { Reader, SheetView } from "../../read/reader";
import { REVENUE_ROWS } from "../revenue/markers";
import { LAST_YEAR_COLS, PCT_MONTH_COLS, PROFILE_COLS as C, PROFILE_MARKERS as M, PROFILE_WORDS } from "./markers";

export interface ProfileRow {
  /** The Revenue sheet row the line's name refers to. */
  revenueRow: number;
  profile: BudgetProfile | null;
  lastYearMonthly: Decimal[] | null;
}

const KINDS = Object.entries(PROFILE_WORDS) as Array<[BudgetProfile["kind"], string]>;

export function readProfiles(s: SheetView, r: Reader): ProfileRow[] {
  const keys = r.keys("Profiles");
  const out: ProfileRow[] = [];
  for (let row = 1; row <= s.sheet.maxRow; row++) {
    const m = s.marker(row);
    if (m !== M.line) { if (m) keys[m] = row; continue; }
    const formula = s.cell(row, C.name)?.formula ?? "";
    const ref = /!\$?A\$?(\d+)$/.exec(formula);
    const name = r.text(s, row, C.name, "line") ?? `row ${row}`;
    if (!ref) {
      r.add("profile-orphan", "warning", s.where(row, C.name), `${s.where(row, C.name)}: this profile's line no longer refers to a Revenue line (${formula || "the formula was replaced"}), so its profile is not used. Insert the Profiles sheet again to match the Revenue sheet.`, { area: "revenue" });
      continue;
    }
    const what = (field: string) => `${name}, ${field}`;
    const word = r.choice(s, row, C.profile, what("profile"), KINDS.map(([, w]) => w), PROFILE_WORDS.flat);
    const kind = KINDS.find(([, w]) => w === word)?.[0] ?? "flat";
    const amounts = (cols: readonly string[], field: string) => cols.map((col, i) => r.amount(s, row, col, what(`${field} month ${i + 1}`), { area: "revenue", row: name, column: "profile" }));
    const lastYear = amounts(LAST_YEAR_COLS, "last year's actual");
    const lastYearMonthly = lastYear.some((v) => v !== null) ? lastYear.map((v) => v ?? new D(0)) : null;
    let profile: BudgetProfile | null = null;
    if (kind === "custom") profile = { kind, monthlyPct: amounts(PCT_MONTH_COLS, "%").map((v) => v ?? new D(0)) };
    else if (kind === "lastYear") profile = { kind };
    else if (kind === "payLike") {
      const from = r.amount(s, row, C.awardFromMonth, what("pay award from month"), { area: "revenue", row: name, column: "profile" });
      const pct = r.amount(s, row, C.awardPct, what("pay award %"), { area: "revenue", row: name, column: "profile" });
      if (from === null || pct === null) {
        r.add("profile-incomplete", "error", s.where(row, from === null ? C.awardFromMonth : C.awardPct), `${s.where(row, from === null ? C.awardFromMonth : C.awardPct)} (${name}): a Pay-like profile needs the month the pay award starts (1 = April to 12 = March) and the award %; type both, or choose another profile.`, { area: "revenue", row: name, column: "profile" });
      }
      profile = { kind, awardFromMonth: from?.toNumber() ?? Number.NaN, awardPct: pct ?? new D(0) };
    }
    out.push({ revenueRow: Number(ref[1]), profile, lastYearMonthly });
  }
  return out;
}

/** The profiles read, put on the Revenue lines they refer to (by the Revenue sheet's row of each line, `lineRows`). */
export function applyProfiles(groups: RevenueGroup[], rows: readonly ProfileRow[], lineRows: Record<string, number>): RevenueGroup[] {
  const byRow = new Map(rows.map((p) => [p.revenueRow, p]));
  return groups.map((g, gi) => ({
    ...g,
    lines: g.lines.map((line, li) => {
      const p = byRow.get(lineRows[REVENUE_ROWS.line(gi, li)] ?? -1);
      if (!p) return line;
      return { ...line, ...(p.profile ? { profile: p.profile } : {}), ...(p.lastYearMonthly ? { lastYearMonthly: p.lastYearMonthly } : {}) };
    }),
  }));
}
