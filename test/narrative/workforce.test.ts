/** The workforce paragraph of the narrative (issue 14): only for a period with workforce figures, in the published style. */
import { computePosition } from "../../src/engine/position";
import { narrative, workforceParagraph } from "../../src/narrative/narrative";
import { seedModel } from "../plans/support";
import { WORKFORCE_EXAMPLE, workforceWithBlanks } from "../support/workforce";

describe("the workforce narrative", () => {
  it("says each group's forecast strength against establishment, the officer target, the grant at risk and overtime", () => {
    const p = computePosition(seedModel((doc) => { doc.workforce = structuredClone(WORKFORCE_EXAMPLE); }));
    const text = workforceParagraph(p);
    expect(text).toBe(
      "Officer strength is forecast at 2,159.5 FTE at the end of the year against an establishment of 2,210 FTE, 50.5 FTE (2.29%) below it. " +
      "PCSO strength is forecast at 143.2 FTE at the end of the year against an establishment of 150 FTE, 6.8 FTE (4.53%) below it. " +
      "Police staff strength is forecast at 1,776 FTE at the end of the year against an establishment of 1,991 FTE, 215 FTE (10.80%) below it. " +
      "The officer headcount is forecast at 2,208 on 2025-03-31 against the Home Office target of 2,230, 22 short; £0.170m of the £1.700m grant is at risk. " +
      "Overtime is forecast at £4.720m against a budget of £4.300m, an adverse variance of £0.420m.",
    );
    expect(narrative(p).at(-1)).toBe(text);
  });

  it("reports no position on blanks: a group not yet entered is said to be so, the entered ones as before", () => {
    const p = computePosition(seedModel((doc) => {
      doc.workforce = { ...workforceWithBlanks([[1, "actualFte"], [2, "establishmentFte"], [2, "actualFte"]]), overtime: [] };
    }));
    expect(workforceParagraph(p)).toBe(
      "Officer strength is forecast at 2,159.5 FTE at the end of the year against an establishment of 2,210 FTE, 50.5 FTE (2.29%) below it. " +
      "PCSO strength is not yet reported: the strength at the period end is not yet entered. " +
      "Police staff strength is not yet reported: the budgeted establishment and the strength at the period end are not yet entered. " +
      "The officer headcount is forecast at 2,208 on 2025-03-31 against the Home Office target of 2,230, 22 short; £0.170m of the £1.700m grant is at risk.",
    );
  });

  it("is left out of a period without workforce figures", () => {
    const p = computePosition(seedModel());
    expect(workforceParagraph(p)).toBeNull();
    expect(narrative(p)).toHaveLength(4);
  });
});
