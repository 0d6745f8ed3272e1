/**
 * The text of a JSON file, or a refusal naming its encoding. Monitoring files are UTF-8 (with or without the byte
 * order mark Windows editors add); a file saved as UTF-16 ("Unicode" in Notepad) or Windows-1252 ("ANSI") is
 * named as such with what to do, rather than called invalid JSON.
 */
import { UserError } from "./user-error";

const SAVE_AS = "save it again as UTF-8 (in Notepad: File > Save as, Encoding: UTF-8; in Excel's export: CSV UTF-8 is not needed, the monitoring file is JSON)";

export function textOfFile(bytes: Uint8Array, path: string): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new UserError(`${path}: is saved as UTF-16 (${bytes[0] === 0xff ? "little" : "big"}-endian); Outturn reads UTF-8: ${SAVE_AS}`);
  }
  // UTF-16 without a byte order mark: every other byte of ASCII text is zero.
  if (bytes.length >= 4 && ((bytes[0] !== 0 && bytes[1] === 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[2] === 0 && bytes[1] !== 0))) {
    throw new UserError(`${path}: is saved as UTF-16; Outturn reads UTF-8: ${SAVE_AS}`);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new UserError(`${path}: is not UTF-8 text (byte ${at + 1} is 0x${(bytes[at] ?? 0).toString(16).toUpperCase()}): probably saved as Windows-1252 ("ANSI"), where £ and é are single bytes; ${SAVE_AS}`);
  }
  // TextDecoder drops a UTF-8 byte order mark by default (ignoreBOM: false), so the text starts at the JSON itself.
  return text;
}

/** Where the text stops being UTF-8 (for the message). */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const c = b[i] as number;
    const n = c < 0x80 ? 0 : (c & 0xe0) === 0xc0 ? 1 : (c & 0xf0) === 0xe0 ? 2 : (c & 0xf8) === 0xf0 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return 0;
}
