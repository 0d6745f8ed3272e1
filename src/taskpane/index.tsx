/**
 * Task pane entry point. Waits for office.js, then renders the pane inside a FluentProvider whose theme follows
 * Office's (dark when the Office body background is dark), or, outside Office, the browser's colour scheme.
 *
 * Inside Excel the pane talks to the workbook through the Office.js gateway (src/excel). Opened in a plain browser
 * (Office.onReady resolves with host null) it works on an in-memory preview workbook shown beside the pane, with
 * a small API on window.outturnPreview for tests and demonstrations.
 *
 * The gateway, with the sheet plans and read-back it needs, is loaded once the host is known (dynamic import):
 * Excel's for Excel, the preview workbook's elsewhere, so neither is in the first load and each host loads only
 * its own.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { LoadFailed, OfficeUnavailable } from "./OfficeUnavailable";
import { isDarkColour } from "./theme";
import { ViewBoundary } from "./views/ViewBoundary";
import { officeBodyBackground, officeLoaded, officeReady, watchOfficeTheme } from "../excel/office";

/** Dark or light, following Office (in Excel) or the browser's preference (outside Office); updates when either changes. */
function useDarkTheme(inOffice: boolean): boolean {
  const media = typeof window.matchMedia === "function" ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  const read = React.useCallback(() => (inOffice ? isDarkColour(officeBodyBackground()) : Boolean(media?.matches)), [inOffice, media]);
  const [dark, setDark] = React.useState(read);
  React.useEffect(() => {
    if (!inOffice) {
      const onChange = () => setDark(read());
      media?.addEventListener("change", onChange);
      return () => media?.removeEventListener("change", onChange);
    }
    // Office raises OfficeThemeChanged on hosts that support it; elsewhere the theme is read once.
    return watchOfficeTheme(() => setDark(read()));
  }, [inOffice, media, read]);
  return dark;
}

function Root({ inOffice, children }: { inOffice: boolean; children: React.ReactNode }): React.JSX.Element {
  const dark = useDarkTheme(inOffice);
  React.useEffect(() => {
    document.documentElement.style.colorScheme = dark ? "dark" : "light";
  }, [dark]);
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ minHeight: "100%" }}>
      {/* Each view has its own boundary (App); this one catches a failure outside them, so the pane is never blank. */}
      <ViewBoundary>{children}</ViewBoundary>
    </FluentProvider>
  );
}

function mount(content: React.ReactElement, inOffice: boolean): void {
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(
    <React.StrictMode>
      <Root inOffice={inOffice}>{content}</Root>
    </React.StrictMode>,
  );
}

if (!officeLoaded()) {
  // office.js comes from Microsoft's CDN; without it (offline, blocked) there is no Excel to talk to.
  mount(<OfficeUnavailable />, false);
} else {
  void officeReady().then(async ({ inExcel }) => {
    // The rest of Outturn is fetched now; it can fail (a broken connection, or a new version deployed meanwhile).
    const load = inExcel
      ? import(/* webpackChunkName: "excel-gateway" */ "./excel-wiring").then((m) => ({ excel: m, preview: null }))
      : import(/* webpackChunkName: "preview-workbook" */ "./preview-wiring").then((m) => ({ excel: null, preview: m }));
    const wiring = await load.catch(() => null);
    if (!wiring) {
      mount(<LoadFailed />, inExcel);
    } else if (wiring.excel) {
      mount(<App gateway={wiring.excel.excelGateway()} locate={wiring.excel.locatorFor} save={wiring.excel.save} selfCheck={wiring.excel.selfCheck()} />, true);
    } else if (wiring.preview) {
      const workbook = await wiring.preview.previewWorkbook(window);
      mount(<App gateway={workbook} preview={workbook} locate={wiring.preview.locatorFor} />, false);
    }
  });
}
