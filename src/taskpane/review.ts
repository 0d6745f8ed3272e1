/**
 * Review mode, for board members: the pane shows the figures, checks, commentary, actions and what changed, with every
 * write action hidden; and, behind the hidden buttons, the gateway itself refuses writes while review mode is on, so
 * nothing a board member does (or a keyboard shortcut, or a stale button) can change the workbook. Reads (Recalculate,
 * the refresh after an edit) and going to a cell change nothing and stay.
 */
import type { WorkbookGateway } from "../workbook/gateway";
import { WorkbookError } from "../workbook/gateway";
import type { View } from "./pane-state";

/** The gateway's methods that write to the workbook. */
export const WRITE_METHODS = ["insertSheets", "writeSettings", "closePeriod", "reopenPeriod", "writeImport", "signOff", "saveLedgerSetup"] as const satisfies ReadonlyArray<keyof WorkbookGateway>;

const refused = () => new WorkbookError("Review mode changes nothing in the workbook. Turn review mode off to insert sheets, save settings, close the period, import the ledger, take a projection into the forecast or sign off.", "Invalid");

/** `gateway` with its writes refused, before they reach it, while review mode is on (`setReviewing`). */
export class ReviewGuard {
  private reviewing = false;
  readonly gateway: WorkbookGateway;
  constructor(inner: WorkbookGateway) {
    const on = () => this.reviewing;
    this.gateway = {
      status: () => inner.status(),
      readPeriod: (options) => inner.readPeriod(options),
      selectCell: (ref) => inner.selectCell(ref),
      onMonitoringChanged: (handler) => inner.onMonitoringChanged(handler),
      useSheetPassword: (password) => inner.useSheetPassword(password),
      insertSheets: (request) => (on() ? Promise.reject(refused()) : inner.insertSheets(request)),
      writeSettings: (settings) => (on() ? Promise.reject(refused()) : inner.writeSettings(settings)),
      closePeriod: () => (on() ? Promise.reject(refused()) : inner.closePeriod()),
      reopenPeriod: (period) => (on() ? Promise.reject(refused()) : inner.reopenPeriod(period)),
      writeImport: (changes, direction) => (on() ? Promise.reject(refused()) : inner.writeImport(changes, direction)),
      signOff: (request) => (on() ? Promise.reject(refused()) : inner.signOff(request)),
      saveLedgerSetup: (setup, mode) => (on() ? Promise.reject(refused()) : inner.saveLedgerSetup(setup, mode)),
    };
  }
  setReviewing(on: boolean): void {
    this.reviewing = on;
  }
}

/** The pane's tabs: in review mode only those that change nothing. */
export function tabsFor(reviewing: boolean): View[] {
  return reviewing ? ["position", "checks", "review"] : ["position", "checks", "review", "pack", "settings", "start", "import"];
}
