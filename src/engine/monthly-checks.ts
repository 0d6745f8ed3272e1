/**
 * Checks of the monthly view, per revenue line: a profile that cannot be used (an error: the line has no budget to
 * date until it is corrected), an actual to date far off its profile (a warning: the profile or the coding is
 * probably wrong), and a forecast far from the projections (forecast assist: information for the treasurer, who
 * judges; nothing changes the forecast).
 */
import type { Decimal } from "../model/types";
import { type Check, type Ctx, check } from "./checks";
import { round } from "../model/amount";
import { formatAmount as exactAmount, formatPct, formatRate } from "./format";
import { type LineToDate, PROJECTION_WORDS, forecastGaps, paceOffPct } from "./monthly";

/** The threshold of forecast assist: its own setting, or the commentary materiality when that is blank. */
export function assistMateriality(ctx: Ctx): Decimal {
  return ctx.model.settings.assist.materialityAmount ?? ctx.model.settings.materiality;
}

/** Profiled and projected figures are exact fractions: in words they are shown to the file's whole unit. */
const formatAmount = (d: Decimal, units: string) => exactAmount(round(d, 0), units);

export function monthlyLineChecks(ctx: Ctx, l: LineToDate): Check[] {
  const name = l.line.name;
  const out: Check[] = [];
  if (l.profileProblem) {
    out.push(check("profile-unusable", "error", `${name}: ${l.profileProblem}. Until then the line has no budget to date.`, { area: "revenue", row: name, column: "profile" }));
  }
  // Judged only where the treasurer has profiled the line: without a profile the budget to date assumes twelfths, and
  // an actual off an assumption nobody made is not a warning (a quarterly report would get one for most lines).
  const pace = l.line.profile ? paceOffPct(l) : null;
  const limit = ctx.model.settings.yearToDate.paceWarningPct;
  if (limit !== null && pace !== null && l.budgetToDate !== null && pace.abs().greaterThanOrEqualTo(limit)) {
    out.push(check("actual-off-profile", "warning",
      `${name}: the actual to date (${formatAmount(l.line.actualToDate as Decimal, ctx.units)}) is ${formatPct(pace.abs(), 0)} ${pace.isNegative() ? "below" : "above"} the budget profiled to date (${formatAmount(l.budgetToDate, ctx.units)}), past the ${formatRate(limit)} the settings allow; check the line's profile or the coding of its actuals.`,
      { area: "revenue", row: name, column: "actualToDate" }));
  }
  const gaps = forecastGaps(l, assistMateriality(ctx));
  if (gaps.length) {
    const words = gaps.map((g) => `${formatAmount(g.gap.abs(), ctx.units)} ${g.gap.isNegative() ? "below" : "above"} the ${PROJECTION_WORDS[g.method]} projection (${formatAmount(g.projection, ctx.units)})`);
    out.push(check("forecast-off-projection", "info",
      `${name}: the forecast (${formatAmount(l.line.forecastOutturn as Decimal, ctx.units)}) is ${joinWords(words)}; check the profile and the forecast.`,
      { area: "revenue", row: name, column: "forecastOutturn" }));
  }
  return out;
}

function joinWords(parts: string[]): string {
  return parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1) ?? ""}`;
}
