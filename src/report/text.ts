/** The period's position as plain text for people: headline figures, RAG, checks. */
import { periodLabel } from "../model/period";
import { bracketed, formatPct, formatRate } from "../engine/format";
import type { Position } from "../engine/position";
import { CONVENTION_LABEL, movementWords } from "../engine/convention";
import { periodErrors } from "./errors";

/** Text from a file shown within one line: its line breaks cannot start a line of their own (and fake one). */
const inLine = (s: string) => s.replace(/\r\n|[\r\n\u2028\u2029]/g, " / ");

/**
 * The first lines of the report when the period has errors: its figures leave out what the cells in error hold,
 * so they are announced as incomplete before any figure, with each cell to correct.
 */
export function incompleteBanner(p: Position): string[] {
  const errors = periodErrors(p);
  if (!errors.length) return [];
  return [
    `FIGURES INCOMPLETE: ${errors.length} error(s) below, so the figures and RAG ratings that follow leave out what these hold and must not be reported. Correct them first:`,
    ...errors.map((c) => `  ${inLine(c.where)}: ${inLine(c.message)}`),
    "",
  ];
}

export function textReport(p: Position): string {
  const { model, revenue, capital, reserves, savings, movement } = p;
  const u = model.units;
  const nb = revenue.netBudget, gf = reserves.generalFundPolicy;
  const money = (d: Parameters<typeof bracketed>[0]) => bracketed(d);
  const lines = [
    ...incompleteBanner(p),
    `${inLine(model.organisation)}: ${model.financialYear} ${periodLabel(model.period)} financial monitoring (amounts in ${u})`,
    `${CONVENTION_LABEL[model.settings.signConvention]}.`,
    "",
    `Revenue      [${nb.rag}]  net budget ${money(nb.revisedBudget)}, forecast outturn ${money(nb.forecastOutturn)}, variance ${money(nb.variance)} (${nb.variancePct ? formatPct(nb.variancePct) : "n/a"})`,
    movement
      ? `             since ${movement.previous.period}: variance was ${money(movement.previousRevenueVariance)}, movement ${money(movement.revenueVariance)} (${movementWords(movement.favourable)})`
      : "             no earlier period in the history, so no movement",
    `Capital      [${capital.rag}]  revised budget ${money(capital.programme.revisedBudget)}, forecast ${money(capital.programme.forecastOutturn)}, variance ${money(capital.programme.variance)}: slippage ${money(capital.slippage)}, underspend ${money(capital.underspend)}`,
    `Reserves     [${gf.rag}]  general fund budgeted to close at ${money(gf.budgetedClosing)} (${formatPct(gf.budgetedPct)}); after the forecast variance ${money(gf.forecastClosing)} (${formatPct(gf.forecastPct)}), ${gf.forecastBand} of the ${formatRate(gf.minimumPct)}–${formatRate(gf.maximumPct)} band`,
    `             total usable reserves: opening ${money(reserves.totalUsable.openingBalance)}, forecast closing ${money(reserves.totalUsable.forecastClosing)}`,
    `Savings      [${savings.rag}]  planned ${money(savings.planned)}, achieved ${money(savings.achieved)}${savings.achievedPct ? ` (${formatPct(savings.achievedPct)})` : ""}, not yet achieved ${money(savings.unachieved)}`,
    "",
  ];
  if (p.checks.length === 0) lines.push("Checks: none.");
  else {
    const count = (s: string) => p.checks.filter((c) => c.severity === s).length;
    lines.push(`Checks: ${count("error")} error(s), ${count("warning")} warning(s), ${count("info")} note(s)`);
    for (const c of p.checks) lines.push(`  ${c.severity.toUpperCase().padEnd(7)} ${inLine(c.where)}: ${inLine(c.message)}`);
  }
  return lines.join("\n");
}
