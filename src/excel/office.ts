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

/** Calls `handler` when Office's theme changes, on hosts that raise OfficeThemeChanged; returns how to stop. */
export function watchOfficeTheme(handler: () => void): () => void {
  try {
    Office.context.document.addHandlerAsync(Office.EventType.OfficeThemeChanged, handler);
  } catch {
    return () => undefined;
  }
  return () => {
    try {
      Office.context.document.removeHandlerAsync(Office.EventType.OfficeThemeChanged, { handler });
    } catch {
      // the host never registered it
    }
  };
}
