/**
 * The Office globals the task pane needs before any workbook work: whether office.js loaded, which host opened the
 * pane, and the Office theme. Kept apart from the gateway (and free of imports) so the pane's first load stays
 * small; src/excel is the only folder that touches Office.js.
 */

/** False when office.js did not load (offline, blocked): there is no Excel to talk to. */
export function officeLoaded(): boolean {
  return typeof Office !== "undefined";
}

/** Resolves once office.js is ready, saying whether the pane is running inside Excel. */
export async function officeReady(): Promise<{ inExcel: boolean }> {
  const info = await Office.onReady();
  return { inExcel: info.host === Office.HostType.Excel };
}

/** Office's body background colour ("#rrggbb"), when the host says. */
export function officeBodyBackground(): string | undefined {
  try {
    // officeTheme is not provided by every host or platform.
    return Office.context?.officeTheme?.bodyBackgroundColor;
  } catch {
    return undefined;
  }
}

/**
 * The Office theme is read at load only, in Excel. OfficeThemeChanged is an Outlook event ("Occurs when the
 * OfficeTheme is changed in Outlook ... use the addHandlerAsync method of the Mailbox object", [Api set: Mailbox
 * 1.14], @types/office-js Office.EventType): Excel never raises it, and registering it on the document fails
 * silently. So nothing is registered: the pane takes a theme change the next time it is opened. Kept as a function
 * so the pane's code stays as it is; returns how to stop (nothing to stop).
 */
export function watchOfficeTheme(handler: () => void): () => void {
  void handler;
  return () => undefined;
}

