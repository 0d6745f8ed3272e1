/**
 * The pane's reducer (pure): what each outcome of a workbook call does to what the views show, and that a period
 * whose checks list an error never gives a clean headline, slides or a closing.
 */
import { MemoryWorkbook } from "../../src/workbook/memory";
import { WorkbookError, type WorkbookRead, type WorkbookStatus } from "../../src/workbook/gateway";
import { computePosition } from "../../src/engine/position";
import { defaultPlanPort } from "../../src/workbook/plan-port";
import { locatorFor } from "../../src/taskpane/locate";
import { checkItems } from "../../src/taskpane/check-items";
import { ALL_SHEETS } from "../../src/taskpane/start-form";
import {
  type PaneAction, type PaneState, checksOf, closedOf, errorChecksOf, initialPaneState, paneReducer, quietFailure, refusal,
} from "../../src/taskpane/pane-state";
import { incomplete, notices, problems } from "../../src/taskpane/notices";
import { planRow, seedEdits, seedModel } from "../e2e/seed-inputs";

const AT = new Date("2026-11-30T10:00:00Z");
const status = (sheets: WorkbookStatus["sheets"]): WorkbookStatus => ({ sheets, identity: null });

/** Runs actions from a state, checking on the way that the reducer never changes the state it is given. */
function after(actions: PaneAction[], from: PaneState = initialPaneState): PaneState {
  return actions.reduce((s, a) => {
    const before = JSON.stringify(s);
    const next = paneReducer(s, a);
    expect(JSON.stringify(s)).toBe(before);
    return next;
  }, from);
}

/** The action a refresh dispatches after reading `read` (as usePane does). */
function readAction(read: WorkbookRead): PaneAction {
  const position = read.model ? computePosition(read.model) : null;
  return { type: "read", read, position, checks: checkItems([...read.checks, ...(position?.checks ?? [])], locatorFor(read)), at: AT };
}

const seedRead = (): WorkbookRead => ({ model: seedModel(), checks: [] });

/** The worked example typed into the preview workbook, then `cells` typed over it. */
async function typedWorkbook(cells: Record<string, string | number> = {}): Promise<WorkbookRead> {
  const wb = new MemoryWorkbook();
  await wb.insertSheets({ organisation: "Dorset Police and Crime Commissioner", financialYear: "2024/25", period: "Q2", units: "£000", sheets: [...ALL_SHEETS], onExisting: "ask" });
  for (const e of seedEdits()) {
    if (e.kind === "insertRows") wb.insertRows(e.sheet, e.before, e.count);
    else if (e.kind === "protect") wb.setProtected(e.sheet, e.on);
    else wb.setCells(e.sheet, e.cells);
  }
  if (Object.keys(cells).length) wb.setCells("Revenue", cells);
  return wb.readPeriod();
}

describe("the pane's reducer", () => {
  test("opens on Position when the workbook has Outturn sheets, on Start when it has none", () => {
    expect(after([{ type: "status", status: status(["Revenue"]) }])).toMatchObject({ loading: false, view: "position" });
    expect(after([{ type: "status", status: status([]) }])).toMatchObject({ loading: false, view: "start" });
    expect(after([{ type: "status", status: null }])).toMatchObject({ loading: false, view: "start", status: null });
  });

  test("busy flags are set and cleared one by one", () => {
    const s = after([{ type: "busy", key: "recalculate", on: true }, { type: "busy", key: "slides", on: true }, { type: "busy", key: "recalculate", on: false }]);
    expect(s.busy).toEqual({ recalculate: false, slides: true });
  });

  test("a lasting failure of a refresh after a change is out of date once a read succeeds, as a Recalculate's is", () => {
    const failed = after([{ type: "failed", key: "refresh", notice: { intent: "error", title: "Could not recalculate", body: "The Revenue sheet is protected." } }]);
    expect(failed.notice?.source).toBe("refresh");
    expect(after([readAction(seedRead())], failed).notice).toBeNull();
  });

  test("a read of the worked example gives its summary, settings and units, and clears a failed recalculation's notice only", () => {
    const failed = after([{ type: "failed", key: "recalculate", notice: { intent: "error", title: "Excel is busy", body: "Try again." } }]);
    expect(failed.notice?.source).toBe("recalculate");
    const s = after([readAction(seedRead())], failed);
    expect(s.reading?.summary?.headlines.find((h) => h.key === "reserves")).toMatchObject({ rag: "Red", figure: "2.08% of net budget" });
    expect(s.reading?.problem).toBeNull();
    expect(s.reading?.at).toBe(AT);
    expect(s.units).toBe("£000");
    expect(s.settings?.reservesBand.minimumPct.toFixed()).toBe("3");
    expect(s.notice).toBeNull();
    expect(closedOf(s)).toEqual(["Q1"]);

    const saved = after([{ type: "notice", notice: notices.settingsSaved }, readAction(seedRead())]);
    expect(saved.notice).toBe(notices.settingsSaved);
  });

  test("a workbook that cannot be read keeps the settings last read and says why there is no position", () => {
    const s = after([readAction(seedRead()), readAction({ model: null, checks: [] })]);
    expect(s.reading).toMatchObject({ summary: null, position: null, problem: problems.unreadable });
    expect(s.settings?.reservesBand.minimumPct.toFixed()).toBe("3");
  });

  test("blank templates (no net budget) show no figures, not a position of zeros", () => {
    const blank = defaultPlanPort().blank({ organisation: "Dorset Police and Crime Commissioner", financialYear: "2024/25", period: "Q2", units: "£000" });
    const s = after([readAction({ model: blank, checks: [] })]);
    expect(s.reading).toMatchObject({ summary: null, position: null, problem: problems.blankTemplate });
  });

  test("inserting moves to Position, asks its heading to take focus and says what was inserted", () => {
    const s = after([
      { type: "conflict", request: { organisation: "X", financialYear: "2024/25", period: "Q2", units: "£000", sheets: ["Revenue"], onExisting: "ask" }, existing: ["Revenue"] },
      { type: "inserted", sheets: ["Revenue", "Capital"], status: status(["Revenue", "Capital"]) },
    ]);
    expect(s).toMatchObject({ conflict: null, view: "position", focusRequest: 1 });
    expect(s.notice?.body).toMatch(/^Inserted Revenue, Capital\. Type the figures/);
  });

  test("cancelling the existing-sheets question closes it and says nothing was inserted", () => {
    const s = after([
      { type: "conflict", request: { organisation: "X", financialYear: "2024/25", period: "Q2", units: "£000", sheets: ["Revenue"], onExisting: "ask" }, existing: ["Revenue"] },
      { type: "conflictCancelled" },
    ]);
    expect(s.conflict).toBeNull();
    expect(s.notice).toEqual(notices.nothingInserted);
  });

  test("an action's outcome does not hide a failure of the refresh after it", () => {
    const failure = { intent: "error" as const, title: "Excel is busy", body: "Try again." };
    expect(after([{ type: "failed", key: "recalculate", notice: failure }, { type: "done", notice: notices.settingsSaved }]).notice?.title).toBe("Excel is busy");
    expect(after([{ type: "done", notice: notices.settingsSaved }]).notice).toBe(notices.settingsSaved);
  });

  test("a workbook that cannot be watched is a warning saying to use Recalculate", () => {
    const s = after([{ type: "watchFailed", notice: { intent: "error", title: "Could not watch the workbook for changes", body: "Something went wrong." } }]);
    expect(s.notice).toMatchObject({ intent: "warning", body: "Something went wrong. The position will not update by itself: use Recalculate after changing figures." });
  });

  test("slides need a position", () => {
    expect(refusal(initialPaneState, "slides")).toBe(notices.noPositionForSlides);
    expect(refusal(after([readAction(seedRead())]), "slides")).toBeNull();
    expect(refusal(after([readAction(seedRead())]), "close")).toBeNull();
  });
});

describe("a period with an error check (text typed in an amount cell)", () => {
  // "153,797" typed as text into the forecast of Pay & Employment costs: without it the engine finds the revenue
  // favourable by about £150m, Green; the pane must not present that as the position.
  const row = planRow(seedModel(), "Revenue", "line:0:1");
  let state: PaneState;
  let read: WorkbookRead;
  beforeAll(async () => {
    read = await typedWorkbook({ [`E${row}`]: "153,797" });
    state = after([readAction(read)]);
  });

  test("the engine alone would call the revenue Green (what the pane must not show)", () => {
    expect(read.model && computePosition(read.model).rag.revenue).toBe("Green");
  });

  test("the error is listed first, with the cell to go to", () => {
    const errors = errorChecksOf(state);
    expect(errors.length).toBeGreaterThan(0);
    expect(checksOf(state)[0]).toBe(errors[0]);
    expect(errors[0]).toMatchObject({ check: { id: "text-in-amount" }, target: { sheet: "Revenue", address: `E${row}` } });
    expect(errors[0]?.check.message).toMatch(/holds the text "153,797"/);
  });

  test("slides and closing are refused, saying how many errors and what to do", () => {
    const n = errorChecksOf(state).length;
    expect(refusal(state, "slides")).toEqual(notices.refusedWithErrors("slides", n));
    expect(refusal(state, "slides")?.body).toMatch(new RegExp(`^${n} errors? in the workbook means? the figures are incomplete\\. .*Correct the errors`));
    expect(refusal(state, "close")?.title).toBe("The period cannot be closed yet");
    expect(incomplete.heading(n)).toBe(`Figures incomplete: ${n} error${n === 1 ? "" : "s"} to correct`);
  });

  test("correcting the cell makes the figures complete again: the published position, no refusal", async () => {
    const fixed = after([readAction(await typedWorkbook({ [`E${row}`]: 153797 }))], state);
    expect(errorChecksOf(fixed)).toEqual([]);
    expect(refusal(fixed, "slides")).toBeNull();
    expect(fixed.reading?.summary?.headlines.find((h) => h.key === "revenue")).toMatchObject({ rag: "Red", figure: "£2.307m adverse" });
  });
});

describe("checkItems", () => {
  test("lists errors first, then warnings, then notes, each in the order found", () => {
    const place = { area: "revenue" as const, row: null, column: null };
    const c = (id: string, severity: "error" | "warning" | "info") => ({ id, severity, message: id, where: "Revenue!E7", place });
    const items = checkItems([c("n1", "info"), c("w1", "warning"), c("e1", "error"), c("w2", "warning"), c("e2", "error")], null);
    expect(items.map((i) => i.check.id)).toEqual(["e1", "e2", "w1", "w2", "n1"]);
    expect(items[0]?.target).toEqual({ sheet: "Revenue", address: "E7" });
  });
});

describe("quietFailure: a background refresh keeps quiet about a passing state, an action the user started never does", () => {
  const editing = new WorkbookError("Outturn could not read the workbook because a cell is being edited in Excel.", "CellEditMode");
  const busy = new WorkbookError("Excel could not read the workbook just now (RequestAborted).", "Busy");
  const protectedSheet = new WorkbookError("Excel would not let Outturn change the workbook.", "Protected");

  it("a refresh after a change event says nothing while a cell is being edited or Excel is busy", () => {
    expect(quietFailure(editing, true)).toBe(true);
    expect(quietFailure(busy, true)).toBe(true);
  });

  it("Recalculate (the user asked) shows them", () => {
    expect(quietFailure(editing, false)).toBe(false);
    expect(quietFailure(busy, false)).toBe(false);
  });

  it("a lasting failure is shown even from a background refresh", () => {
    expect(quietFailure(protectedSheet, true)).toBe(false);
    expect(quietFailure(new Error("boom"), true)).toBe(false);
  });
});
