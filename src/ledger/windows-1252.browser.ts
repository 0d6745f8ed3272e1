/**
 * Windows-1252 ("ANSI") bytes as text, in the browser: the WHATWG Encoding Standard's windows-1252 decoder, which
 * every browser Office runs the pane in implements (0x80 is €, 0x96 the en dash). Used by the pane's build in place
 * of ./windows-1252.ts (webpack.config.js), which needs Node's Buffer.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder("windows-1252").decode(bytes);
}
