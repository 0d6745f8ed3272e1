/**
 * JSON with every number's exact text kept: a safe number (its text round-trips, lossless-json's isSafeNumber)
 * becomes a JS number, any other stays text, so the amount rule can refuse it by name instead of it being rounded.
 *
 * lossless-json does this in JavaScript, at about 2 MB/s and 25 bytes of garbage per byte (a 34 MB file of 100,000
 * lines: 16 s and 850 MB). Nearly every file has only safe numbers, and then JSON.parse gives the same values:
 * a scan of the text proves it (every number safe; no object repeating a key, which lossless-json refuses and
 * JSON.parse lets pass, and no "__proto__" key), then JSON.parse builds the values (0.6 s). Anything else goes
 * through lossless-json as before, which also words the errors of a text that is not JSON.
 */
import { isSafeNumber, parse as parseLossless } from "lossless-json";

export function parseExactJson(text: string): unknown {
  const fast = fastPath(text);
  return fast ? fast.value : parseLossless(text, undefined, (numberText: string) => (isSafeNumber(numberText) ? Number(numberText) : numberText));
}

/** JSON.parse's value when it is the value lossless-json would give; undefined when it may not be. */
export function fastPath(text: string): { value: unknown } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return onlySafeNumbersAndKeys(text) ? { value } : undefined;
}

/**
 * Scans text JSON.parse accepted: outside strings, a number starts with "-" or a digit (true, false and null have
 * none), and a key is the first string after "{" or after "," in an object. A key with an escape is not compared
 * (two spellings may be one key): such a file takes the slow path.
 */
function onlySafeNumbersAndKeys(text: string): boolean {
  const keys: Array<Set<string> | null> = []; // per open container: the object's keys so far, null for an array
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const start = i + 1;
      let escaped = false;
      for (i++; text.charCodeAt(i) !== 34; i++) {
        if (text.charCodeAt(i) === 92) {
          escaped = true;
          i++;
        }
      }
      const own = keys[keys.length - 1];
      if (expectKey && own) {
        const key = text.slice(start, i);
        if (escaped || key === "__proto__" || own.has(key)) return false;
        own.add(key);
        expectKey = false;
      }
    } else if (c === 123) {
      keys.push(new Set());
      expectKey = true;
    } else if (c === 91) {
      keys.push(null);
    } else if (c === 125 || c === 93) {
      keys.pop();
    } else if (c === 44) {
      expectKey = keys[keys.length - 1] !== null;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      const start = i;
      while (i + 1 < text.length && isNumberChar(text.charCodeAt(i + 1))) i++;
      if (!isSafeNumber(text.slice(start, i + 1))) return false;
    }
  }
  return true;
}

/** Digits, ".", "e", "E", "+", "-". */
function isNumberChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 46 || c === 101 || c === 69 || c === 43 || c === 45;
}
