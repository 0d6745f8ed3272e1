/** The period's position as plain text for people: headline figures, RAG, checks. */
import { periodLabel } from "../model/period";
import { bracketed, formatPct, formatRate } from "../engine/format";
import type { Position } from "../engine/position";
import { CONVENTION_LABEL, movementWords } from "../engine/convention";

export function textReport(p: Position): string {
  const { model, revenue, capital, reserves, savings, movement } = p;
  const u = model.units;
  const nb = revenue.netBudget, gf = reserves.generalFundPolicy;
  const money = (d: Parameters<typeof bracketed>[0]) => bracketed(d);
  const lines = [
    `${model.organisation}: ${model.financialYear} ${periodLabel(model.period)} financial monitoring (amounts in ${u})`,
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
    for (const c of p.checks) lines.push(`  ${c.severity.toUpperCase().padEnd(7)} ${c.where}: ${c.message}`);
  }
  return lines.join("\n");
}
