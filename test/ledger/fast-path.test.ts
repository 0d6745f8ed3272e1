/**
 * The import's fast per-row path (amounts as whole pence, remembered periods, indexed mapping rules, CSV parsed in
 * pieces) against a straightforward reference on random rows (fast-check): every amount read through the Decimal
 * reader parseLedgerCell, every rule tried in turn, every total added up in Decimal. Same totals by line, same
 * unmapped codes, same rejected rows, whatever the number forms.
 */
import fc from "fast-check";
import Papa from "papaparse";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { D, ZERO, type Decimal } from "../../src/model/amount";
import { parseMonitoringJson } from "../../src/model/load";
import { endMonth } from "../../src/model/period";
import { parseLedgerAmount, parseLedgerCell } from "../../src/ledger/numbers";
import { ExactSum, poundsOf } from "../../src/ledger/pence";
import { parseLedgerPeriod } from "../../src/ledger/periods";
import { profileFrom } from "../../src/ledger/profile";
import { type MappingRule, compileMapping, rulesFor } from "../../src/ledger/mapping";
import { previewImport, toUnits } from "../../src/ledger/import";
import { lineTargets } from "../../src/ledger/targets";
import { type Cell, type LedgerTable, csvTable } from "../../src/ledger/table";

const seed = parseMonitoringJson(readFileSync(join(__dirname, "..", "..", "seeds", "q2-2024-25.json"), "utf8"));
const ctx = { startMonth: 4, startYear: 2024 };

/** Amount text as ledgers write it, and as they get it wrong: every form, odd spaces, stray signs, many places. */
const amountText: fc.Arbitrary<string> = fc.oneof(
  fc.record({
    pence: fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }),
    places: fc.integer({ min: 0, max: 7 }),
    commas: fc.boolean(),
    form: fc.constantFrom("-x", "(x)", "x-", "x CR", "x DR", "xcr", "xCr.", "x cR", "£x", "-£x", "(£x)", " x ", "\u00a0x", "x\t", "+x", "(x) CR", "-x-", "x.", ".x"),
  }).map(({ pence, places, commas, form }) => {
    const abs = (pence < 0n ? -pence : pence).toString().padStart(places + 1, "0");
    let whole = places ? abs.slice(0, -places) : abs;
    if (commas) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return form.replace("x", places ? `${whole}.${abs.slice(-places)}` : whole);
  }),
  fc.string({ unit: fc.constantFrom(..."0123456789,.-()CRDcrd £\u00a0\t+e".split("")), maxLength: 14 }),
  fc.constantFrom("", " ", "-", "–", "1,234.56", "0.00 CR", "-0", "00012.50", "1,2345.00", "12,345", "9999999999999.99", "99999999999999.99"),
);
/** An .xlsx cell's number (a binary double), or text. */
const amountCell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 4, arbitrary: amountText },
  { weight: 1, arbitrary: fc.oneof(fc.integer({ min: -1e9, max: 1e9 }).map((p) => p / 100), fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.constantFrom(0.1 + 0.2, -0, 1e21, Number.MAX_SAFE_INTEGER)) },
  { weight: 1, arbitrary: fc.constantFrom<Cell>(null, true) },
);

const sameRead = (cell: Cell) => {
  const fast = parseLedgerAmount(cell), ref = parseLedgerCell(cell);
  if ("problem" in ref) return "problem" in fast && fast.problem === ref.problem;
  return !("problem" in fast) && poundsOf(fast.amount).equals(ref.value) && fast.explicit === ref.explicit
    && (typeof fast.amount !== "number" || Number.isSafeInteger(fast.amount));
};

test("an amount read on the fast path is the Decimal reader's, to the penny, or the same problem", () => {
  fc.assert(fc.property(amountCell, sameRead), { numRuns: 20_000 });
});

test("exact sums in pence carry into Decimal past 2^53 pence and keep fractions of a penny", () => {
  fc.assert(fc.property(fc.array(amountCell), (cells) => {
    const sum = new ExactSum();
    let ref = ZERO;
    for (const c of cells) {
      const fast = parseLedgerAmount(c), slow = parseLedgerCell(c);
      if ("problem" in fast || "problem" in slow) continue;
      sum.add(fast.amount);
      ref = ref.plus(slow.value);
    }
    sum.add(Number.MAX_SAFE_INTEGER);
    sum.add(Number.MAX_SAFE_INTEGER);
    return sum.value().equals(ref.plus(new D(Number.MAX_SAFE_INTEGER).div(50)));
  }), { numRuns: 500 });
});

const LINES = ["R1", "R2", "Chief Constable > Overheads", "R4", "OPCC > OPCC"];
const CENTRES = ["1000", "1010", "1500", "2000", "a100", "A100"];
const ACCOUNTS = ["5000", "5010", "6000", "x1", "X1"];
const codeRule = (codes: string[]) => fc.constantFrom<string | null>(null, ...codes, "1*", "10?0", "1000-1999", "A*", "5000-5999", "x*", "*");
const rule: fc.Arbitrary<MappingRule> = fc.record({ costCentre: codeRule(CENTRES), account: codeRule(ACCOUNTS), line: fc.constantFrom(...LINES), flip: fc.boolean() })
  .filter((r) => r.costCentre !== null || r.account !== null);
const period = fc.constantFrom<Cell>("P01", "P03", "P06", "P07", "P12", "6", 2, "P13", "Apr-24", "Sep-24", "Oct-24", "Q2", "", "Apr-23");
const row = fc.tuple(fc.constantFrom(...CENTRES), fc.constantFrom(...ACCOUNTS), period, amountCell, amountCell);

/** The preview's figures worked out the long way: every row read by the Decimal readers, every rule tried in turn. */
function reference(rows: Cell[][], rules: MappingRule[], flipSigns: boolean) {
  const upTo = endMonth(seed.period);
  const compiled = compileMapping(rules, seed);
  const rejected = new Set<number>();
  const codes = new Map<string, { cc: string; acc: string; actual: Decimal; budget: Decimal; rows: number[] }>();
  rows.forEach(([cc, acc, p, amount, budget], i) => {
    const row = i + 2;
    const month = parseLedgerPeriod(p, ctx);
    const a = parseLedgerCell(amount), b = parseLedgerCell(budget);
    if ("problem" in month || "problem" in a || "problem" in b) { rejected.add(row); return; }
    const signed = (n: { value: Decimal; explicit: boolean }) => (flipSigns && !n.explicit ? n.value.neg() : n.value);
    const key = `${String(cc)}|${String(acc)}`;
    const t = codes.get(key) ?? { cc: String(cc), acc: String(acc), actual: ZERO, budget: ZERO, rows: [] };
    // A monthly file's actuals count up to the period's month; its budget rows add up to the year.
    if (month.month <= upTo) t.actual = t.actual.plus(signed(a));
    t.budget = t.budget.plus(signed(b));
    t.rows.push(row);
    codes.set(key, t);
  });
  const lines = new Map<string, { actual: Decimal; budget: Decimal }>();
  const unmapped = new Map<string, Decimal>();
  for (const t of codes.values()) {
    const matched = rulesFor(compiled, t.cc, t.acc);
    if (matched.length === 0) unmapped.set(`${t.cc}|${t.acc}`, t.actual);
    else if (matched.length > 1) t.rows.forEach((r) => rejected.add(r));
    else {
      const sign = matched[0]!.rule.flip ? -1 : 1;
      const l = lines.get(matched[0]!.target.path) ?? { actual: ZERO, budget: ZERO };
      lines.set(matched[0]!.target.path, { actual: l.actual.plus(t.actual.times(sign)), budget: l.budget.plus(t.budget.times(sign)) });
    }
  }
  return { rejected: [...rejected].sort((x, y) => x - y), lines, unmapped };
}

test("the preview's totals, unmapped codes and rejected rows are the reference's on random rows and rules", () => {
  fc.assert(fc.property(fc.array(row, { maxLength: 60 }), fc.array(rule, { minLength: 1, maxLength: 6 }), fc.boolean(), (rows, rules, flipSigns) => {
    const table: LedgerTable = { file: "random.csv", sheet: null, rows: [["Cost Centre", "Account", "Period", "Amount", "Budget"], ...rows], encoding: null, delimiter: null };
    const profile = profileFrom({ name: "random", columns: { costCentre: "Cost Centre", account: "Account", period: "Period", amount: "Amount", budget: "Budget" }, actuals: "month", duplicates: "add", signs: flipSigns ? "credits-positive" : "credits-negative" });
    const preview = previewImport({ table, profile, rules, model: seed, yearStartMonth: 4 });
    const ref = reference(rows, rules, flipSigns);
    // A row with two bad cells is rejected once for each.
    expect([...new Set(preview.rejected.map((r) => r.row))]).toEqual(ref.rejected);
    expect(new Map(preview.unmapped.map((u) => [`${u.costCentre}|${u.account}`, u.total.toFixed()]))).toEqual(new Map([...ref.unmapped].map(([k, v]) => [k, v.toFixed()])));
    for (const c of preview.changes) {
      const want = ref.lines.get(c.path);
      expect(want).toBeDefined();
      expect(c.pounds.toFixed()).toBe((c.column === "actualToDate" ? want!.actual : want!.budget).toFixed());
    }
    // Every line the reference maps to changes, unless it already holds the imported figure.
    const old = new Map(lineTargets(seed).map((t) => [t.path, t.line.actualToDate]));
    const changed = preview.changes.filter((c) => c.column === "actualToDate").map((c) => c.path).sort();
    expect(changed).toEqual([...ref.lines].filter(([path, l]) => !old.get(path)?.equals(toUnits(l.actual, seed.units))).map(([path]) => path).sort());
  }), { numRuns: 400 });
});

test("a CSV parsed in pieces is the CSV parsed whole (quotes, delimiters and line breaks in fields)", () => {
  const field = fc.oneof(fc.constantFrom("1010", "P01", "", "Journal", "1,234.56-"), fc.string({ unit: fc.constantFrom(..."ab,\"\r\n 1".split("")), maxLength: 8 }));
  const quote = (f: string) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  fc.assert(fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 40 }), fc.constantFrom("\r\n", "\n"), (sample, eol) => {
    // Enough rows to make several pieces of a quarter of a megabyte.
    const lines: string[] = [];
    let length = 0;
    for (let i = 0; length < 600_000; i++) {
      lines.push(sample[i % sample.length]!.map(quote).join(","));
      length += lines[lines.length - 1]!.length + eol.length;
    }
    const text = `${lines.join(eol)}${eol}`;
    const whole = Papa.parse<string[]>(text, { delimiter: "," }).data;
    whole.pop();
    // Compared as JSON: jest's deep equality takes seconds over 100,000 rows.
    return JSON.stringify(csvTable(new TextEncoder().encode(text), "t.csv", ",").rows) === JSON.stringify(whole);
  }), { numRuns: 8 });
});
