/**
 * Windows-1252 ("ANSI") bytes as text, in Node: through iconv-lite, because Node's TextDecoder decodes
 * "windows-1252" as Latin-1, so 0x80-0x9F (the en dash 0x96 that stands for a minus, the euro sign 0x80) come out as
 * control characters (nodejs/node issue 56542). The pane's build swaps this module for ./windows-1252.browser.ts
 * (webpack.config.js), where the browser's own TextDecoder is right and iconv-lite would need a Buffer polyfill.
 */
import iconv from "iconv-lite";

export function decodeWindows1252(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "windows-1252");
}
