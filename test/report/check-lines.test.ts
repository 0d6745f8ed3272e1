/**
 * The text report gives each check's place once: a control-total error reads "Revenue, Net Budget, forecast outturn:
 * the lines add up to ...", not the row and column twice; a cell's check names the cell once.
 */
import { D } from "../../src/model/amount";
import { computePosition } from "../../src/engine/position";
import { checkLine, textReport } from "../../src/report/text";
import { seedModel } from "../plans/support";

describe("checks in the text report", () => {
  test("a control total that does not reconcile names its place once, in the banner and the list", () => {
    const model = seedModel();
    const pay = model.revenue.groups[0]!.lines[1]!;
    const planted = { ...model, revenue: { ...model.revenue, groups: model.revenue.groups.map((g, gi) => (gi !== 0 ? g : { ...g, lines: g.lines.map((l, li) => (li === 1 ? { ...l, forecastOutturn: pay.forecastOutturn!.plus(new D(500)) } : l)) })) } };
    const text = textReport(computePosition(planted));
    const said = text.split("\n").filter((l) => /control total|add up to/.test(l) && /Net Budget, forecast outturn/.test(l));
    expect(said.length).toBeGreaterThanOrEqual(2); // the banner and the checks list
    for (const l of said) {
      expect(l).toMatch(/Revenue, Net Budget, forecast outturn: the lines add up to/);
      expect(l.match(/Net Budget, forecast outturn/g)).toHaveLength(1);
    }
  });

  test("a message that begins with its place is said as it is; one that does not gets the place first", () => {
    expect(checkLine({ where: "Revenue!E8", message: "Revenue!E8 (forecast outturn) shows #REF!; type the figure again." })).toBe("Revenue!E8 (forecast outturn) shows #REF!; type the figure again.");
    expect(checkLine({ where: "Revenue, Net Budget, forecast outturn", message: "Net Budget, forecast outturn: the lines add up to 1" })).toBe("Revenue, Net Budget, forecast outturn: the lines add up to 1");
    expect(checkLine({ where: "Reserves, General Fund", message: "below the band" })).toBe("Reserves, General Fund: below the band");
    expect(checkLine({ where: "Settings", message: "a line\nbroken" })).toBe("Settings: a line / broken");
  });
});
