/**
 * The Position and Pack views and the view boundary, drawn to HTML with react-dom/server (no DOM needed): a period
 * whose checks list an error shows the errors first and its figures greyed with no RAG; the Pack refuses the slides
 * and the closing with the reason in words; a view that fails to draw says what happened and what to do.
 */
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { computePosition } from "../../src/engine/position";
import type { Check } from "../../src/engine/checks";
import { summarise } from "../../src/taskpane/headline";
import { checkItems } from "../../src/taskpane/check-items";
import { incomplete, renderFailure } from "../../src/taskpane/notices";
import { ERRORS_SHOWN, PositionView } from "../../src/taskpane/views/PositionView";
import { PackView } from "../../src/taskpane/views/PackView";
import { ViewBoundary } from "../../src/taskpane/views/ViewBoundary";
import { seedModel } from "../e2e/seed-inputs";

const position = computePosition(seedModel());
const place = { area: "revenue" as const, row: "Pay & Employment costs", column: "forecastOutturn" };
const textInAmount = (n: number): Check => ({ id: "text-in-amount", severity: "error", message: `Revenue!E${n} holds the text "153,797", not a number.`, where: `Revenue!E${n}`, place });
const warning: Check = { id: "material-variance", severity: "warning", message: "Needs commentary.", where: "Revenue, Pay", place };

function position_(checks: Check[]): string {
  return renderToStaticMarkup(
    <PositionView summary={summarise(position)} problem={null} busy={false} updatedAt={null} checks={checkItems(checks, null)} selecting={false}
      onRecalculate={() => undefined} onShowChecks={() => undefined} onSelect={() => undefined} />,
  );
}

const pack = (errorCount: number) =>
  renderToStaticMarkup(
    <PackView period="Q2" closed={[]} position={position} errorCount={errorCount} busy={{ close: false, reopen: false, slides: false }}
      onClose={() => undefined} onReopen={() => undefined} onDownloadSlides={() => undefined} />,
  );

/** The text of some HTML, tags dropped. */
const words = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the Position view", () => {
  test("with no error: RAG badges, no errors section", () => {
    const html = position_([warning]);
    expect(html).toContain('data-rag="Red"');
    expect(html).not.toContain("data-testid=\"position-errors\"");
    expect(html).not.toContain("data-incomplete");
    expect(words(html)).toContain("0 errors, 1 warning and 0 notes: see Checks");
  });

  test("with errors: the errors first, with Go to, and the figures greyed, marked incomplete, with no RAG", () => {
    const errors = [1, 2, 3, 4, 5].map((n) => textInAmount(6 + n));
    const html = position_([warning, ...errors]);
    const text = words(html);
    // First: before any headline figure.
    expect(html.indexOf('data-testid="position-errors"')).toBeGreaterThan(-1);
    expect(html.indexOf('data-testid="position-errors"')).toBeLessThan(html.indexOf("data-testid=\"headline-revenue\""));
    expect(text).toContain(incomplete.heading(5));
    // The first few, each with the way to its cell; the rest in Checks.
    expect(html.match(/Go to Revenue!E\d+/g)).toEqual(["Go to Revenue!E7", "Go to Revenue!E8", "Go to Revenue!E9"].slice(0, ERRORS_SHOWN));
    expect(text).toContain(`${incomplete.more(5 - ERRORS_SHOWN).trim()} see them all in Checks`);
    // No RAG this period anywhere (a badge that could read as Green), the figures marked incomplete.
    // (Last period's RAG, from the Period history sheet, stays: it is a closed period's record.)
    const withoutLastPeriod = html.replace(/<td[^>]*data-when="last">.*?<\/td>/g, "");
    expect(withoutLastPeriod.length).toBeLessThan(html.length);
    expect(withoutLastPeriod.match(/data-rag=/g)).toBeNull();
    expect(withoutLastPeriod).not.toMatch(/>Green</);
    expect(html.match(/data-incomplete="true"/g)).toHaveLength(4);
    expect(html.split(incomplete.marker).length - 1).toBe(4);
    expect(html).toContain("Figures incomplete. General fund as a percentage");
  });
});

describe("the Position view while the workbook is read", () => {
  const recalculate = (props: { busy: boolean; recalculating?: boolean }) => /<button[^>]*>(?:(?!<\/button>).)*Recalculat(?:(?!<\/button>).)*<\/button>/s.exec(renderToStaticMarkup(
    <PositionView summary={summarise(position)} problem={null} updatedAt={null} checks={[]} selecting={false}
      onRecalculate={() => undefined} onShowChecks={() => undefined} onSelect={() => undefined} {...props} />,
  ))?.[0] ?? "";

  test("a refresh after a change (it may wait for a cell edit to end) shows it is reading, and Recalculate can still be clicked", () => {
    const button = recalculate({ busy: true, recalculating: false });
    expect(words(button)).toContain("Recalculating…");
    expect(button).not.toContain('aria-disabled="true"');
  });

  test("a Recalculate the user asked for: the button waits for it", () => {
    const button = recalculate({ busy: true, recalculating: true });
    expect(words(button)).toContain("Recalculating…");
    expect(button).toContain('aria-disabled="true"');
    expect(words(recalculate({ busy: false }))).toContain("Recalculate");
  });
});

describe("the Pack view", () => {
  test("with no error: Download slides and Close are offered", () => {
    const html = pack(0);
    expect(html).not.toContain("pack-incomplete");
    expect(html).not.toContain("slides-refused");
    expect(words(html)).not.toContain("DRAFT");
  });

  test("with errors: the narrative is marked a draft; slides and closing are refused, saying why", () => {
    const html = pack(2);
    const text = words(html);
    expect(html).toContain('data-testid="pack-incomplete"');
    expect(text).toContain(incomplete.slides(2));
    expect(text).toContain(incomplete.close(2));
    expect(text).toContain(incomplete.draftNarrative);
    expect(html).toMatch(/<button[^>]*aria-disabled="true"[^>]*aria-describedby="slides-refused"[^>]*>Download slides<\/button>|<button[^>]*aria-describedby="slides-refused"[^>]*aria-disabled="true"[^>]*>Download slides<\/button>/);
    expect(html).toMatch(/<button[^>]*aria-disabled="true"[^>]*>Close Quarter 2…<\/button>/);
  });
});

describe("the view boundary", () => {
  test("draws its view while nothing fails", () => {
    expect(renderToStaticMarkup(<ViewBoundary name="Position view"><p>figures</p></ViewBoundary>)).toBe("<p>figures</p>");
  });

  test("after a failure: what happened, that the workbook is unchanged, and what to do, with Try again", () => {
    const boundary = new ViewBoundary({ name: "Position view", children: <p>figures</p> });
    boundary.state = ViewBoundary.getDerivedStateFromError(new RangeError("Incorrect locale information provided"));
    const text = words(renderToStaticMarkup(<>{boundary.render()}</>));
    expect(text).toContain(renderFailure.title("Position view"));
    expect(text).toContain("Something went wrong while drawing it: Incorrect locale information provided. The workbook has not been changed");
    expect(text).toContain("close and reopen the Outturn pane");
    expect(text).toContain(renderFailure.retry);
    expect(text).not.toContain("figures");
  });

  test("around the whole pane it says Outturn stopped", () => {
    const boundary = new ViewBoundary({ children: null });
    boundary.state = ViewBoundary.getDerivedStateFromError("not an Error");
    const html = renderToStaticMarkup(<>{boundary.render()}</>);
    expect(html.startsWith("<main")).toBe(true);
    expect(words(html)).toContain(`${renderFailure.paneTitle} Something went wrong while drawing the pane: not an Error.`);
  });
});
