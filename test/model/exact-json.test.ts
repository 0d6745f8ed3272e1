/**
 * parseExactJson's fast path (JSON.parse after a scan) gives exactly what lossless-json gives, on random JSON texts
 * with unsafe numbers, repeated, escaped and "__proto__" keys; and the worked example takes the fast path.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { isSafeNumber, parse as parseLossless } from "lossless-json";
import { fastPath, parseExactJson } from "../../src/model/exact-json";

const lossless = (text: string): unknown => parseLossless(text, undefined, (n: string) => (isSafeNumber(n) ? Number(n) : n));

function outcome(parse: () => unknown): { value: unknown } | { error: true } {
  try {
    return { value: parse() };
  } catch {
    return { error: true };
  }
}

/** Number texts: safe ones, and long or large ones that are not (20 digits, 1e400, 0.1000000000000000055511). */
const numberText = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.stringMatching(/^-?(0|[1-9][0-9]{0,22})(\.[0-9]{1,22})?([eE][+-]?[0-9]{1,3})?$/),
);
const key = fc.constantFrom('"a"', '"b"', '"name"', '"__proto__"', '"\\u0061"', '"a\\"b"', '"x y"');
const whitespace = fc.constantFrom("", " ", "\n  ");

const { text } = fc.letrec<{ text: string; array: string; object: string; leaf: string }>((tie) => ({
  leaf: fc.oneof(numberText, fc.constantFrom("true", "false", "null", '"-1"', '"12,3"', '"q\\u00e9"', '"\\\\"')),
  array: fc.array(tie("text"), { maxLength: 4 }).map((items) => `[${items.join(",")}]`),
  object: fc.array(fc.tuple(key, whitespace, tie("text")), { maxLength: 4 }).map((entries) => `{${entries.map(([k, w, v]) => `${w}${k}${w}:${v}`).join(",")}}`),
  text: fc.oneof({ depthSize: "small", withCrossShrink: true }, tie("leaf"), tie("array"), tie("object")),
}));

describe("parseExactJson", () => {
  it("gives what lossless-json gives, value or error, on random texts; the fast path only where it is the same", () => {
    fc.assert(fc.property(text, (t) => {
      const slow = outcome(() => lossless(t));
      expect(outcome(() => parseExactJson(t))).toEqual(slow);
      const fast = fastPath(t);
      if (fast) expect({ value: fast.value }).toEqual(slow);
    }), { numRuns: 3000 });
  });

  it("keeps an unsafe number's text and refuses a repeated key, as lossless-json does", () => {
    expect(parseExactJson('{"a": 12345678901234567890.5}')).toEqual({ a: "12345678901234567890.5" });
    expect(fastPath('{"a": 12345678901234567890.5}')).toBeUndefined();
    expect(() => parseExactJson('{"a": 1, "a": 2}')).toThrow(/a/);
    expect(fastPath('{"a": 1, "b": {"a": 2}}')).toEqual({ value: { a: 1, b: { a: 2 } } });
  });

  it("takes the fast path on the worked example", () => {
    const example = readFileSync(join(__dirname, "..", "..", "seeds", "q2-2024-25.json"), "utf8");
    expect(fastPath(example)).toEqual({ value: lossless(example) });
  });
});
