/** Offering a built file (the slide deck) to the user as a download, under a name safe in every file system. */
import type { Position } from "../engine/position";

/** Saves bytes as a file through a download link (Excel on the web, the desktop pane's browser, the preview page). */
/**
 * Offers built bytes as a file. Inside Excel the platform decides how (src/excel/download.ts): it may say what to do
 * when no download could start, and give a link to show.
 */
export type Saver = (bytes: Uint8Array, fileName: string, mimeType: string) => void | SaveOutcome;

export interface SaveOutcome {
  started: boolean;
  href: string | null;
  advice: string;
}

export const PPTX_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

export function downloadLink(bytes: Uint8Array, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mimeType }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "Dorset Police and Crime Commissioner 2024-25 Q2 finance slides.pptx": safe in every file system. */
export function slidesFileName(p: Position): string {
  const m = p.model;
  return `${m.organisation} ${m.financialYear} ${m.period} finance slides.pptx`.replace(/[\\/:*?"<>|]+/g, "-").replace(/\s+/g, " ").trim();
}
