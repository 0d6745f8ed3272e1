/**
 * Text for a terminal. Names and commentary come from files anyone can write: an escape sequence in a line name
 * could move the cursor, recolour or rewrite what was printed (a file could fake "Checks: 0 error(s)"). Every
 * control character except the line breaks and tabs Outturn itself writes is shown as a visible code instead.
 */

// C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional overrides that reorder a line on screen.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

const code = (c: string) => `\\u{${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`;

/** Outturn's own multi-line text with anything a file brought in neutralised; line breaks kept. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, code);
}

/** User text shown inside one line (a name, a message): line breaks too become visible, so it cannot add a line. */
export function oneLine(text: string): string {
  return text.replace(UNSAFE_OR_BREAK, (c) => (c === "\n" ? "\\n" : c === "\r" ? "\\r" : c === "\t" ? " " : code(c)));
}

export function say(text: string): void {
  process.stdout.write(terminalSafe(text));
}

export function warn(text: string): void {
  process.stderr.write(terminalSafe(text));
}

/**
 * JSON text for a terminal: JSON.stringify escapes C0 controls itself, not DEL, C1 controls or bidirectional
 * overrides; those are written as \uXXXX escapes too (the same JSON value, nothing a terminal acts on).
 */
export function jsonTerminalSafe(json: string): string {
  return json.replace(/[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`);
}
