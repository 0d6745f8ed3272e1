/** A period's workforce inputs for tests (issue 14): officers short of establishment and of the target, staff well short, overtime over budget. */
export const WORKFORCE_EXAMPLE = {
  groups: [
    { name: "Police officers", kind: "officers", establishmentFte: 2210, actualFte: "2101.5", headcount: 2150, movements: [{ month: "2025-01", joiners: 40, leavers: 12 }, { month: "2025-03", joiners: 30, leavers: 0 }] },
    { name: "PCSOs", kind: "pcsos", establishmentFte: 150, actualFte: "139.6", headcount: 146, movements: [{ month: "2024-11", joiners: 6, leavers: "2.4" }] },
    { name: "Police staff", kind: "staff", establishmentFte: 1991, actualFte: 1776, headcount: 1850, movements: [] },
  ],
  officerTarget: { countDate: "2025-03-31", targetHeadcount: 2230, forecastHeadcount: null, grant: 1700 },
  overtime: [
    { group: "Police officers", reason: "Events", budget: 1200, actualToDate: 780, forecast: 1480, budgetToDate: 700, recharged: 60 },
    { group: "Police officers", reason: "Investigations", budget: 2500, actualToDate: 1400, forecast: 2650, budgetToDate: 1450 },
    { group: "Police staff", reason: "Vacancies", budget: 600, actualToDate: 420, forecast: 590, budgetToDate: 300 },
  ],
};

/** WORKFORCE_EXAMPLE with some groups' inputs not yet typed, e.g. [[1, "actualFte"]]: the PCSOs' strength blank. */
export function workforceWithBlanks(blanks: ReadonlyArray<[number, "establishmentFte" | "actualFte"]>): Record<string, unknown> {
  const doc = structuredClone(WORKFORCE_EXAMPLE) as { groups: Array<Record<string, unknown>> };
  for (const [i, field] of blanks) doc.groups[i]![field] = null;
  return doc;
}
