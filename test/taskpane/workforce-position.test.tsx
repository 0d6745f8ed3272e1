/**
 * The workforce in the pane's Position (issue 14): a Workforce card with strength against establishment, the officer
 * target's gap and the grant at risk, and the headcount on the grant's bands as a small bar with a text alternative;
 * none of it for a period without workforce figures.
 */
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { computePosition } from "../../src/engine/position";
import { summarise } from "../../src/taskpane/headline";
import { checkItems } from "../../src/taskpane/check-items";
import { PositionView } from "../../src/taskpane/views/PositionView";
import { targetScale } from "../../src/taskpane/views/TargetBar";
import { seedModel } from "../plans/support";
import { WORKFORCE_EXAMPLE } from "../support/workforce";

const withWorkforce = computePosition(seedModel((doc) => { doc.workforce = structuredClone(WORKFORCE_EXAMPLE); }));
const html = (p: typeof withWorkforce, errors = false) => renderToStaticMarkup(
  <PositionView summary={summarise(p)} problem={null} busy={false} updatedAt={null} selecting={false}
    checks={checkItems(errors ? [{ id: "text-in-amount", severity: "error", message: "Revenue!E8 holds text.", where: "Revenue!E8", place: { area: "revenue", row: null, column: null } }] : [], null)}
    onRecalculate={() => undefined} onShowChecks={() => undefined} onSelect={() => undefined} />,
);
const words = (h: string) => h.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the workforce in the Position view", () => {
  it("shows strength against establishment, the target gap and the grant at risk, with the bar's words", () => {
    const out = html(withWorkforce);
    const text = words(out);
    expect(out).toContain('data-testid="headline-workforce"');
    expect(text).toContain("−272.3 FTE to establishment at year end");
    expect(text).toContain("Police officers: 2,101.5 FTE now, 2,159.5 forecast at year end, against an establishment of 2,210 (-2.29%).");
    expect(text).toContain("Officer target 2,230 at 2025-03-31: forecast 2,208, 22 short; £0.170m of the £1.700m grant at risk.");
    expect(out).toContain('data-testid="target-bar"');
    expect(out).toContain("Officer headcount forecast at 2,208 on 2025-03-31 against a target of 2,230 (99.01% of it); the grant&#x27;s bands: 100% or more of the target, 0% withheld; 95% to 99.99% of the target, 10% withheld; 0% to 75% of the target, 100% withheld. Grant at risk £0.170m of £1.700m.");
    expect(out).toMatch(/data-testid="rag-workforce"/);
    // The bar's scale (about 1,966 to 2,297) shows the 95%-99.99% and 100% bands, not the "none paid" one below 75%.
    expect(text).toContain("Part withheld");
    expect(text).not.toContain("None paid");
  });

  it("greys the bar and says the figures are incomplete while the period has errors", () => {
    const out = html(withWorkforce, true);
    expect(out).toContain('aria-label="Figures incomplete. Officer headcount forecast at 2,208');
  });

  it("is not there for a period without workforce figures", () => {
    const out = html(computePosition(seedModel()));
    expect(out).not.toContain("headline-workforce");
    expect(out).not.toContain("target-bar");
  });

  it("scales the bar to show both the target and the forecast", () => {
    const { lo, hi } = targetScale({ target: 2230, forecast: 2208 });
    expect(lo).toBeLessThan(2208);
    expect(hi).toBeGreaterThan(2230);
  });
});
