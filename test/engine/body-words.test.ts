/**
 * Issue 11 item 9: the body's words. Its kind and the board or committee that reviews the monitoring, in the checks
 * and on the slides; overspend/underspend wording; one money formatter for words (£m to 3 places, £k whole, thousands
 * separated); negatives in brackets or with a minus, a setting applied once (tables, the sheets' formats, the slides).
 */
import { D } from "../../src/model/amount";
import { money } from "../../src/engine/format";
import { computePosition } from "../../src/engine/position";
import { boardName } from "../../src/engine/checks";
import { narrative } from "../../src/narrative/narrative";
import { textReport } from "../../src/report/text";
import { pctCell, k, ragTable, headlineTiles } from "../../src/slides/tables";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { readWorkbook } from "../../src/plans/read";
import { gridFromPlan, seedModel } from "../plans/support";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;
const withSettings = (settings: Doc, edit: (doc: Doc) => void = () => undefined) => seedModel((doc: Doc) => { doc.settings = { ...doc.settings, ...settings }; edit(doc); });

describe("one money formatter for words", () => {
  test("£k whole with thousands separators, £m to 3 places (1 for big totals) with separators, small amounts in pounds", () => {
    expect(money(new D("84840.63"), "£000")).toBe("£84,841k");
    expect(money(new D("2828600"), "£000", "m1")).toBe("£2,828.6m");
    expect(money(new D("-2307"), "£000", "m")).toBe("−£2.307m");
    expect(money(new D("-2307"), "£000")).toBe("−£2,307k");
    expect(money(new D("0.5"), "£000")).toBe("£500");
    expect(money(new D("1234.56"), "£")).toBe("£1,235");
    expect(money(new D("0.5"), "£")).toBe("£0.50");
  });

  test("the checks use it: a control total in pence of a £000 file is said in whole £k", () => {
    const p = computePosition(seedModel((doc: Doc) => { doc.controlTotals.revenue.netBudget.forecastOutturn = 174282.63; }));
    const c = p.checks.find((x) => x.id === "control-total" && x.place.row === "Net Budget");
    expect(c?.message).toBe("Net Budget, forecast outturn: the lines add up to £174,182k, the control total says £174,283k, a difference of −£101k, more than rounding can explain. Check the lines against the ledger or the published table.");
  });
});

describe("the board that reviews the monitoring, and the kind of body", () => {
  test("named in the checks: the worked example's Resource Control Board, or the kind's usual one when none is named", () => {
    const below = (m: ReturnType<typeof seedModel>) => computePosition(m).checks.find((c) => c.id === "reserves-below-minimum")?.message ?? "";
    expect(below(seedModel())).toMatch(/The Resource Control Board should agree actions/);
    expect(below(withSettings({ body: { kind: "council" } }))).toMatch(/The Cabinet should agree actions/);
    expect(below(withSettings({ body: { kind: "fire", board: "Finance and Audit Committee" } }))).toMatch(/The Finance and Audit Committee should agree actions/);
    expect(boardName(withSettings({ body: { kind: "fire" } }).settings)).toBe("Fire Authority");
  });

  test("the commentary check asks for a sentence for that board", () => {
    const p = computePosition(withSettings({ body: { kind: "council", board: "Scrutiny Committee" } }, (doc) => { doc.revenue.groups[0].lines[1].commentary = null; }));
    expect(p.checks.find((c) => c.id === "commentary-missing" && c.place.row === "Pay & Employment costs")?.message).toMatch(/Add a sentence explaining it for the Scrutiny Committee\.$/);
  });

  test("on the Settings sheet and read back from it (the board's name as text)", () => {
    const model = withSettings({ body: { kind: "fire", board: "Finance & Audit Committee" }, negativeStyle: "minus", varianceWording: "underspend-overspend" });
    const read = readWorkbook(gridFromPlan(buildWorkbookPlan(model)));
    expect(read.model?.settings.body).toEqual({ kind: "fire", board: "Finance & Audit Committee" });
    expect([read.model?.settings.negativeStyle, read.model?.settings.varianceWording]).toEqual(["minus", "underspend-overspend"]);
  });
});

describe("overspend and underspend wording", () => {
  const over = withSettings({ signConvention: "forecast-minus-budget", varianceWording: "underspend-overspend" });
  test("the narrative speaks of an overspend, and of the movement in the same words", () => {
    expect(narrative(computePosition(over))[0]).toBe(
      "The overall revenue spend for the year is forecast to be £174.2m against a budget of £171.9m, an overspend of £2.307m or 1.34%. " +
        "Whilst this is still an overspend, it is an improvement of £1.357m since Q1.",
    );
  });
  test("the checks and the slides too", () => {
    const p = computePosition(over);
    expect(p.checks.find((c) => c.id === "commentary-missing")?.message ?? "").not.toMatch(/adverse|favourable/);
    expect(headlineTiles(p)[0]?.value).toBe("£2.307m overspend");
    expect(ragTable(p).rows[0]?.cells[3]).toMatch(/^Overspend of £2\.307m/);
  });
  test("by default the words stay favourable and adverse, whatever the convention", () => {
    expect(narrative(computePosition(withSettings({ signConvention: "forecast-minus-budget" })))[0]).toMatch(/an adverse variance of £2\.307m/);
  });
});

describe("negative figures in brackets or with a minus, a setting applied once", () => {
  const minus = withSettings({ negativeStyle: "minus" });
  test("tables of the report and the slides", () => {
    expect(textReport(computePosition(minus))).toMatch(/variance -2,307, -1\.34%/);
    expect(textReport(computePosition(seedModel()))).toMatch(/variance \(2,307\)/);
    expect(k(new D(-5191), "£000", "minus")).toBe("-5,191");
    expect(pctCell(new D("-1.342"), 2, "minus")).toBe("-1.34%");
    expect(pctCell(new D("-1.342"), 2)).toBe("(1.34%)");
  });
  test("the sheets' amount and % formats", () => {
    const cells = buildWorkbookPlan(minus).sheets.find((s) => s.name === "Revenue")!.cells;
    const formats = new Set(cells.map((c) => c.numberFormat).filter(Boolean));
    expect(formats).toContain("#,##0;-#,##0;0");
    expect(formats).toContain("0.00%;-0.00%;0.00%");
    expect([...formats].some((f) => /\(/.test(String(f)))).toBe(false);
  });
});
