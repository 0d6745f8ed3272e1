/**
 * Saving a file (the slide deck) from the task pane, by platform. What is known (office-js issues):
 * - Excel on the web: the pane is an iframe in the browser; a link with `download` to a blob URL saves the file.
 *   Chrome once blocked downloads from sandboxed iframes (OfficeDev/office-js#1241), since fixed by Office.
 * - Excel on Windows (WebView2): downloads from the pane work and show the webview's download bar in the pane
 *   (OfficeDev/office-js#1793); blob URLs are the less certain path in Office's webviews (OfficeDev/office-js#1511,
 *   Outlook), so Windows gets a data: URL, which needs no blob and suits a deck of a few hundred KB.
 * - Excel on Mac (WKWebView) does not download from add-ins at all, by design (OfficeDev/office-js#2700, #3385);
 *   Office.context.ui.openBrowserWindow opens only http(s) addresses (@types/office-js: "Other protocols ... aren't
 *   supported"), so a file made in the pane cannot go that way either. There, the user is told what works instead.
 * Whatever the platform, the result carries a link the pane keeps visible (right-click > Save link as...) and advice
 * in words, so a download that silently did nothing still leaves the user a way to their file.
 *
 * The pane calls `saveInOffice` in place of its plain download (src/taskpane/usePane.ts `save` option).
 */

export type SaveMethod = "blob" | "data-url" | "none";

export interface SaveResult {
  method: SaveMethod;
  /** Whether a download was started (a link clicked). */
  started: boolean;
  /** A link the pane can show for the user to click or right-click (null when there is none). */
  href: string | null;
  fileName: string;
  /** What to tell the user, in words. */
  advice: string;
}

/** The method for an Office platform (Office.context.diagnostics.platform / Office.PlatformType): "PC", "OfficeOnline", "Mac"... */
export function saveMethodFor(platform: string | null | undefined): SaveMethod {
  switch (platform) {
    case "PC":
    case "Universal":
      return "data-url";
    case "Mac":
    case "iOS":
    case "Android":
      return "none";
    default:
      // Excel on the web, or a plain browser (the preview): an ordinary browser download.
      return "blob";
  }
}

/** "data:<type>;base64,..." from bytes, without Node's Buffer (the pane runs in a webview). */
export function dataUrl(bytes: Uint8Array, mimeType: string): string {
  let binary = "";
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return `data:${mimeType};base64,${btoa(binary)}`;
}

export interface SaveEnvironment {
  platform: string | null | undefined;
  document: Pick<Document, "createElement" | "body">;
  createObjectURL: (blob: Blob) => string;
}

function browserEnvironment(platform: string | null | undefined): SaveEnvironment {
  return { platform, document, createObjectURL: (b) => URL.createObjectURL(b) };
}

/** Saves `bytes` as `fileName` the way this platform allows, and says what the user can do if nothing appears. */
export function saveInOffice(bytes: Uint8Array, fileName: string, mimeType: string, env?: SaveEnvironment): SaveResult {
  const e = env ?? browserEnvironment(officePlatform());
  const method = saveMethodFor(e.platform);
  if (method === "none") {
    return {
      method, started: false, href: null, fileName,
      advice: "Excel for Mac cannot save files from add-ins. Open this workbook in Excel on the web (office.com) and choose " +
        "Download slides there, or ask whoever runs Outturn's command line to make the deck (outturn slides).",
    };
  }
  const href = method === "data-url" ? dataUrl(bytes, mimeType) : e.createObjectURL(new Blob([bytes as BlobPart], { type: mimeType }));
  const a = e.document.createElement("a");
  a.href = href;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  e.document.body.appendChild(a);
  a.click();
  a.remove();
  return {
    method, started: true, href, fileName,
    advice: `If "${fileName}" did not appear in your Downloads folder, right-click the link below and choose Save link as.`,
  };
}

function officePlatform(): string | null {
  try {
    return typeof Office !== "undefined" ? String(Office.context?.diagnostics?.platform ?? Office.context?.platform ?? "") || null : null;
  } catch {
    return null;
  }
}
