/**
 * The monthly view's words, per revenue line. Two are checks of the period: a profile that cannot be used (an error:
 * the line has no budget to date until it is corrected) and an actual to date far off its profile (a warning: the
 * profile or the coding is probably wrong). The third, a forecast far from the projections, is forecast assist's note
 * for the treasurer, who judges: it is not a check (a period is not wrong because a forecast differs from a straight
 * line), so it goes with the line's year-to-date figures, and nothing changes the forecast.
 */
import type { Decimal, MonitoringPeriod } from "../model/types";
import { type Check, type Ctx, check } from "./checks";
import { formatPct, formatRate, money } from "./format";
import { type LineToDate, PROJECTION_WORDS, forecastGaps, paceOffPct } from "./monthly";


/** The threshold of forecast assist: its own setting, or the commentary materiality when that is blank. */
export function assistMateriality(model: MonitoringPeriod): Decimal {
  return model.settings.assist.materialityAmount ?? model.settings.materiality;
}

export function monthlyLineChecks(ctx: Ctx, l: LineToDate): Check[] {
  const name = l.line.name;
  const out: Check[] = [];
  if (l.profileProblem) {
    out.push(check("profile-unusable", "error", `${name}: ${l.profileProblem}. Until then the line has no budget to date.`, { area: "revenue", row: name, column: "profile" }));
  }
  // Judged only where the treasurer has profiled the line: without a profile the budget to date assumes twelfths, and
  // an actual off an assumption nobody made is not a warning (a quarterly report would get one for most lines).
  // A body that keeps no actual to date has nothing to judge against its profile.
  const pace = l.line.profile && ctx.model.settings.inputs.actualToDate ? paceOffPct(l) : null;
  const limit = ctx.model.settings.yearToDate.paceWarningPct;
  if (limit !== null && pace !== null && l.budgetToDate !== null && pace.abs().greaterThanOrEqualTo(limit)) {
    out.push(check("actual-off-profile", "warning",
      `${name}: the actual to date (${money(l.line.actualToDate as Decimal, ctx.units)}) is ${formatPct(pace.abs(), 0)} ${pace.isNegative() ? "below" : "above"} the budget profiled to date (${money(l.budgetToDate, ctx.units)}), past the ${formatRate(limit)} the settings allow; check the line's profile or the coding of its actuals.`,
      { area: "revenue", row: name, column: "actualToDate" }));
  }
  return out;
}

/** Forecast assist's note on a line whose forecast is the assist materiality or more from a projection; null otherwise. */
export function assistNote(model: MonitoringPeriod, l: LineToDate): string | null {
  // Projections run from the actual to date: without one kept there is nothing to project.
  if (!model.settings.inputs.actualToDate) return null;
  const gaps = forecastGaps(l, assistMateriality(model));
  if (!gaps.length) return null;
  const u = model.units;
  const words = gaps.map((g) => `${money(g.gap.abs(), u)} ${g.gap.isNegative() ? "below" : "above"} the ${PROJECTION_WORDS[g.method]} projection (${money(g.projection, u)})`);
  return `${l.line.name}: the forecast (${money(l.line.forecastOutturn as Decimal, u)}) is ${joinWords(words)}; check the profile and the forecast.`;
}

function joinWords(parts: string[]): string {
  return parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1) ?? ""}`;
}
