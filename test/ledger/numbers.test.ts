/** Ledger amounts in every form ledgers write them, read exactly (property tests with fast-check), and bad ones named. */
import fc from "fast-check";
import { parseLedgerCell, parseLedgerNumber } from "../../src/ledger/numbers";
import { D } from "../../src/model/amount";

const valueOf = (text: string): string => {
  const r = parseLedgerNumber(text);
  if ("problem" in r) throw new Error(`${text}: ${r.problem}`);
  return r.value.toFixed();
};

/** Pence as text with thousands commas: 123456 → "1,234.56". */
function withCommas(pence: bigint): string {
  const s = (pence < 0n ? -pence : pence).toString().padStart(3, "0");
  const whole = s.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${whole}.${s.slice(-2)}`;
}
const plain = (pence: bigint) => withCommas(pence).replace(/,/g, "");

/** Every form of a signed amount of pence a ledger may write, and the exact value each means. */
const FORMS: Array<[string, (p: bigint) => string]> = [
  ["-1234.56", (p) => `${p < 0n ? "-" : ""}${plain(p)}`],
  ["-1,234.56", (p) => `${p < 0n ? "-" : ""}${withCommas(p)}`],
  ["(1,234.56)", (p) => (p < 0n ? `(${withCommas(p)})` : withCommas(p))],
  ["1234.56-", (p) => `${plain(p)}${p < 0n ? "-" : ""}`],
  ["1,234.56 CR / DR", (p) => `${withCommas(p)} ${p < 0n ? "CR" : "DR"}`],
  ["1,234.56CR", (p) => `${withCommas(p)}${p < 0n ? "CR" : ""}`],
  ["£1,234.56 / -£1,234.56", (p) => `${p < 0n ? "-" : ""}£${withCommas(p)}`],
  ["(£1,234.56)", (p) => (p < 0n ? `(£${withCommas(p)})` : `£${withCommas(p)}`)],
  ["padded", (p) => `  ${p < 0n ? "-" : ""}${withCommas(p)}\u00a0`],
];

const pence = fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n });
const exact = (p: bigint) => new D(p.toString()).div(100).toFixed();

describe("every number form is read exactly", () => {
  test.each(FORMS)("%s", (_name, write) => {
    fc.assert(fc.property(pence, (p) => valueOf(write(p)) === exact(p)), { numRuns: 300 });
  });

  test("the issue's examples", () => {
    expect(valueOf("1,234.56")).toBe("1234.56");
    expect(valueOf("(1,234.56)")).toBe("-1234.56");
    expect(valueOf("-1234.56")).toBe("-1234.56");
    expect(valueOf("1234.56-")).toBe("-1234.56");
    expect(valueOf("1,234.56 CR")).toBe("-1234.56");
    expect(valueOf("1,234.56 DR")).toBe("1234.56");
    expect(valueOf("")).toBe("0");
    expect(valueOf("   ")).toBe("0");
    expect(valueOf("-")).toBe("0");
    expect(valueOf(".5")).toBe("0.5");
    // Sums that binary floating point gets wrong stay exact.
    expect(D.sum(...["0.10", "0.20"].map((t) => new D(valueOf(t)))).toFixed()).toBe("0.3");
  });

  test("CR and DR say so: the export's sign convention must not turn them round", () => {
    const cr = parseLedgerNumber("10.00 CR");
    const minus = parseLedgerNumber("-10.00");
    expect("explicit" in cr && cr.explicit).toBe(true);
    expect("explicit" in minus && minus.explicit).toBe(false);
  });

  test("any text gives a value or a problem in words, never an exception", () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (t) => {
      const r = parseLedgerNumber(t);
      return "problem" in r ? r.problem.length > 10 : r.value.isFinite();
    }), { numRuns: 2000 });
  });

  test("numbers from .xlsx cells are their shortest decimal, not the binary double", () => {
    const r = parseLedgerCell(0.1 + 0.2);
    expect("value" in r && r.value.toFixed()).toBe("0.3");
    const big = parseLedgerCell(-14059874.23);
    expect("value" in big && big.value.toFixed()).toBe("-14059874.23");
  });
});

describe("bad amounts are named with what to do", () => {
  test.each([
    ["1,23.45", /not an amount: write it as 1234.56/],
    ["1.234,56", /decimal comma; export with a decimal point/],
    ["12,50", /decimal comma/],
    ["1.2E+07", /exponent.*format the amount column as Number/],
    ["(12.00) CR", /more than one sign/],
    ["-12.00-", /more than one sign/],
    ["12.00 XR", /not an amount/],
    ["CR", /not an amount/],
    ["TBC", /"TBC", not an amount/],
    ["1234567890123456.00", /more than 15 digits/],
    ["1.1234567", /7 decimal places/],
  ])("%s", (text, message) => {
    const r = parseLedgerNumber(text);
    expect("problem" in r ? r.problem : "read as a number").toMatch(message);
  });
});
