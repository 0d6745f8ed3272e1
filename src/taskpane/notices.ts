/**
 * Every sentence the pane says about what happened and what to do, in one place: the message bar's notices, why
 * there is no position, why an action is refused, and what a view that failed to draw says. Failures thrown by the
 * workbook are worded by describeError (./errors); the rest is here, so the pane's wording can be read and kept
 * consistent in one file.
 */
import type { CloseResult } from "../workbook/gateway";
import type { PeriodId } from "../model/types";
import { periodLabel } from "../model/period";
import type { PaneNotice } from "./errors";
import type { SaveOutcome } from "./download";

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const notices = {
  /** The workbook cannot be watched: the pane still works, but only on Recalculate. */
  watchFailed(failure: PaneNotice): PaneNotice {
    return { ...failure, intent: "warning", body: `${failure.body} The position will not update by itself: use Recalculate after changing figures.` };
  },

  /** `warnings`: what Excel would not do but needs no undoing (e.g. freeze the headings), shown with the success. */
  sheetsInserted(sheets: readonly string[], warnings: readonly string[] = []): PaneNotice {
    return {
      intent: warnings.length ? "warning" : "success",
      title: "Sheets inserted",
      body: `Inserted ${sheets.join(", ")}. Type the figures into the yellow input cells; the position updates as you go, or use Recalculate.${warnings.length ? ` ${warnings.join(" ")}` : ""}`,
    };
  },

  nothingInserted: { intent: "info", title: "Nothing inserted", body: "The existing sheets are as they were." } as PaneNotice,

  settingsSaved: { intent: "success", title: "Settings saved", body: "The rules are in the Settings sheet, and the position has been recalculated with them." } as PaneNotice,

  closed(result: CloseResult): PaneNotice {
    const name = periodLabel(result.period);
    return result.changed
      ? { intent: "success", title: `${name} closed`, body: `Its key figures and RAG are on the Period history sheet (now protected against accidental edits), so the next period shows the movement since ${result.period}. Closed periods: ${result.history.join(", ")}.` }
      : { intent: "info", title: `${name} was already closed`, body: `The Period history sheet already holds ${result.period} with these figures, so nothing was changed.` };
  },

  reopened(period: PeriodId, result: CloseResult): PaneNotice {
    const name = periodLabel(period);
    return result.changed
      ? { intent: "success", title: `${name} reopened`, body: `Its row has been taken off the Period history sheet; the other closed periods are kept${result.history.length ? ` (${result.history.join(", ")})` : ""}.` }
      : { intent: "info", title: `${name} was not closed`, body: "The Period history sheet has no row for it, so nothing was changed." };
  },

  noPositionForSlides: { intent: "warning", title: "No position yet", body: "Type the figures and Recalculate, then download the slides." } as PaneNotice,

  /** `outcome`: what Excel's platform allowed (src/excel/download.ts), when the pane runs inside Excel. */
  slidesReady(fileName: string, outcome: SaveOutcome | null = null): PaneNotice {
    if (outcome && !outcome.started) return { intent: "warning", title: "Slides made, but not saved", body: outcome.advice };
    const link = outcome?.href ? { href: outcome.href, label: `Save ${fileName}`, download: fileName } : undefined;
    return {
      intent: "success", title: "Slides ready",
      body: `${fileName} has been downloaded: the slides for the Police and Crime Panel, from the figures as last recalculated.${outcome ? ` ${outcome.advice}` : ""}`,
      ...(link ? { link } : {}),
    };
  },

  /** Slides or closing asked for while checks list errors: the figures would be presented or recorded as if complete. */
  refusedWithErrors(action: "slides" | "close", errorCount: number): PaneNotice {
    return {
      intent: "warning",
      title: action === "slides" ? "No slides from incomplete figures" : "The period cannot be closed yet",
      body: `${incompleteBecause(errorCount)} ${action === "slides" ? "Slides made now would present them as the position." : "Closing now would record them, and their RAG, as the period's position."} Correct the errors (Checks takes you to each cell), then try again.`,
    };
  },
};

/** "1 error in the workbook means the figures are incomplete." */
function incompleteBecause(errorCount: number): string {
  return `${plural(errorCount, "error")} in the workbook ${errorCount === 1 ? "means" : "mean"} the figures are incomplete.`;
}

/** Why the Position view has no figures to show. */
export const problems = {
  unreadable: "The workbook cannot be read into a period yet: see Checks for what to correct, then Recalculate.",
  blankTemplate:
    "No figures yet: type the revised budgets and forecasts into the yellow cells of the Revenue, Capital, Reserves and Savings sheets. The position appears as soon as there is a net budget.",
  /** After a failure with no workbook sheets found: what to do about it. */
  noSheetsAfterError: "If the workbook already has Outturn sheets, correct the problem above, then close and reopen the pane.",
};

/** What the Position view and the Pack say while checks list errors. */
export const incomplete = {
  /** The heading of the errors shown first on the Position view. */
  heading: (errorCount: number) => `Figures incomplete: ${plural(errorCount, "error")} to correct`,
  explanation:
    "The figures below leave out what these errors concern, so they are not the period's position and have no RAG. Correct each one (Go to takes you to the cell), and the position updates.",
  /** On each headline figure, in place of its RAG. */
  marker: "figures incomplete: correct the errors",
  badge: "Incomplete",
  /** How many more errors Checks lists than the Position view shows. */
  more: (n: number) => `and ${plural(n, "more error")}: `,
  /** The Pack's explanation of why slides and closing wait. */
  pack: (errorCount: number) => `${incompleteBecause(errorCount)} The narrative below is a draft from them; closing the period and the slides wait until the errors are corrected.`,
  /** The first line of the narrative (and of a copy of it) while the figures are incomplete. */
  draftNarrative: "DRAFT: the figures are incomplete. Correct the errors Outturn lists in Checks before using this text.",
  slides: (errorCount: number) => `Not available: ${incompleteBecause(errorCount)} Correct the errors, then download the slides.`,
  close: (errorCount: number) => `Not available: ${incompleteBecause(errorCount)} Correct the errors, then close the period.`,
};

/** What a view that failed to draw says: what happened, that nothing was lost, and what to do. */
export const renderFailure = {
  title: (viewName: string) => `The ${viewName} could not be shown`,
  body: (message: string) =>
    `Something went wrong while drawing it: ${message.replace(/\.?\s*$/, "")}. The workbook has not been changed, and the rest of the pane still works. Use Try again; if it happens again, close and reopen the Outturn pane, and tell whoever supports Outturn what you were doing.`,
  retry: "Try again",
  /** The whole pane failed (outside any one view). */
  paneTitle: "Outturn stopped",
  paneBody: (message: string) =>
    `Something went wrong while drawing the pane: ${message.replace(/\.?\s*$/, "")}. The workbook has not been changed. Close and reopen the Outturn pane; if it happens again, tell whoever supports Outturn what you were doing.`,
};

/** The message of anything thrown, for the words above. */
export function thrownMessage(err: unknown): string {
  if (err instanceof Error && err.message) return err.message;
  if (typeof err === "string" && err) return err;
  return "an unknown problem";
}
