/**
 * The Workforce card of a sheet just inserted blank, or part entered: "Not yet entered" in words with a neutral look,
 * never a Green RAG badge on blanks read as 0; the RAG table says the same. Entered figures keep their RAG.
 */
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { computePosition } from "../../src/engine/position";
import { blankWorkforce } from "../../src/model/workforce";
import { NOT_YET_ENTERED, summarise } from "../../src/taskpane/headline";
import { checkItems } from "../../src/taskpane/check-items";
import { PositionView } from "../../src/taskpane/views/PositionView";
import { seedModel } from "../plans/support";
import { WORKFORCE_EXAMPLE, workforceWithBlanks } from "../support/workforce";

const blank = computePosition(seedModel((doc) => { doc.workforce = blankWorkforce("police"); }));
const partial = computePosition(seedModel((doc) => { doc.workforce = workforceWithBlanks([[2, "establishmentFte"]]); }));
// Only the workforce's own warnings (no errors), so the figures are complete and a badge would show.
const html = (p: typeof blank) => renderToStaticMarkup(
  <PositionView summary={summarise(p)} problem={null} busy={false} updatedAt={null} selecting={false} checks={checkItems(p.checks.filter((c) => c.severity !== "error"), null)}
    onRecalculate={() => undefined} onShowChecks={() => undefined} onSelect={() => undefined} />,
);
/** The markup of one card (its <li>). */
const card = (out: string, key: string) => new RegExp(`<li[^>]*data-testid="headline-${key}"[^>]*>.*?</li>`).exec(out)?.[0] ?? "";
const words = (h: string) => h.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

describe("a Workforce sheet not yet entered, in the pane", () => {
  it("has a headline with no RAG, saying what to type (a blank sheet)", () => {
    const s = summarise(blank);
    const w = s.headlines.find((h) => h.key === "workforce")!;
    expect(w.rag).toBeNull();
    expect(w.figure).toBe("0 of 3 groups entered");
    expect(w.detail).toEqual([
      "Type each group's establishment and strength on the Workforce sheet.",
      "Police officers: not yet entered (no budgeted establishment or strength at the period end typed).",
      "PCSOs: not yet entered (no budgeted establishment or strength at the period end typed).",
      "Police staff: not yet entered (no budgeted establishment or strength at the period end typed).",
    ]);
    expect(s.ragRows.find((r) => r.key === "workforce")).toEqual({ key: "workforce", title: "Workforce", now: null, last: null, unjudged: "not yet entered" });
  });

  it("shows the card and the RAG table's row as not yet entered, neutral, with no Green", () => {
    const out = html(blank);
    const c = card(out, "workforce");
    expect(c).toContain('data-testid="headline-workforce-not-entered"');
    expect(words(c)).toMatch(new RegExp(`^Workforce ${NOT_YET_ENTERED} 0 of 3 groups entered Type each group`));
    expect(c).not.toMatch(/Green|Amber|Red/);
    const row = /<tr[^>]*data-testid="rag-workforce"[^>]*>.*?<\/tr>/.exec(out)?.[0] ?? "";
    expect(words(row)).toBe("Workforce not yet entered not recorded"); // Q1 is closed; no workforce RAG is kept for it
    expect(row).not.toMatch(/Green|Amber|Red/);
  });

  it("gives no total RAG when some groups are entered, names the rest, and keeps the entered groups' figures", () => {
    const s = summarise(partial);
    const w = s.headlines.find((h) => h.key === "workforce")!;
    expect(w.rag).toBeNull();
    expect(w.figure).toBe("2 of 3 groups entered");
    expect(w.detail.slice(0, 4)).toEqual([
      "No total RAG until every group is entered.",
      "Police officers: 2,101.5 FTE now, 2,159.5 forecast at year end, against an establishment of 2,210 (-2.29%).",
      "PCSOs: 139.6 FTE now, 143.2 forecast at year end, against an establishment of 150 (-4.53%).",
      "Police staff: not yet entered (no budgeted establishment typed).",
    ]);
    expect(card(html(partial), "workforce")).not.toMatch(/Green|Amber|Red/);
  });

  it("keeps the RAG badge once every group is entered", () => {
    const full = computePosition(seedModel((doc) => { doc.workforce = structuredClone(WORKFORCE_EXAMPLE); }));
    expect(summarise(full).headlines.find((h) => h.key === "workforce")!.rag).toBe("Red");
    expect(card(html(full), "workforce")).not.toContain("not-entered");
  });
});
