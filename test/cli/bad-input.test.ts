/** Bad input gets a clear error naming the field, a non-zero exit, and never a stack trace. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, runCli } from "../support/cli";

const seedText = readFileSync(join(ROOT, "seeds", "q2-2024-25.json"), "utf8");
const dir = mkdtempSync(join(tmpdir(), "outturn-bad-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The seed document as plain JSON, edited freely to make bad variants.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;
function variant(name: string, edit: (doc: Doc) => void): string {
  const doc = JSON.parse(seedText);
  edit(doc);
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(doc, null, 2));
  return path;
}

function expectRefused(path: string, ...mustSay: Array<string | RegExp>) {
  const r = runCli(["report", path, "--json"]);
  expect(r.status).not.toBe(0);
  expect(r.stdout).toBe("");
  for (const m of mustSay) expect(r.stderr).toMatch(m);
  expect(r.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // no stack trace
  return r.stderr;
}

describe("outturn report refuses bad input in words", () => {
  test("a text amount names the line and the column", () => {
    const p = variant("text-amount", (d) => { d.revenue.groups[0].lines[1].forecastOutturn = "153,797"; });
    expectRefused(p, 'revenue.groups[0].lines[1].forecastOutturn ("Pay & Employment costs")', /forecast outturn/, /"153,797", not an amount/);
  });

  test("a missing field is named", () => {
    const p = variant("missing-field", (d) => { delete d.reserves[2].commitments; });
    expectRefused(p, 'reserves[2] ("Violence Reduction Reserve")', /missing the field "commitments"/);
  });

  test("an unknown period lists the periods there are", () => {
    const p = variant("unknown-period", (d) => { d.period = "Q5"; });
    expectRefused(p, /period: is "Q5"; it must be one of Q1, Q2, Q3, Q4, M01/);
  });

  test("a reserves minimum above the maximum", () => {
    const p = variant("min-above-max", (d) => { d.settings.reservesBand = { minimumPct: 6, maximumPct: 5 }; });
    expectRefused(p, /settings\.reservesBand\.minimumPct: 6% is above the maximum of 5%; set the minimum no higher than the maximum/);
  });

  test("a zero net budget", () => {
    const p = variant("zero-net-budget", (d) => {
      for (const g of d.revenue.groups) for (const l of g.lines) l.revisedBudget = 0;
      for (const l of d.revenue.transfers) l.revisedBudget = 0;
    });
    expectRefused(p, /Net Budget \(revised budget column\) adds up to zero/);
  });

  test("a 20-digit amount is refused, not rounded", () => {
    const p = join(dir, "twenty-digits.json");
    writeFileSync(p, seedText.replace('"openingBalance": 819', '"openingBalance": 12345678901234567890'));
    expectRefused(p, 'reserves[0].openingBalance ("Budget Management Fund")', /opening balance has 20 digits before the decimal point; amounts have at most 15/);
  });

  test("a file that is not JSON", () => {
    const p = join(dir, "not-json.json");
    writeFileSync(p, "Revenue,Original,Revised\nIncome,-32865,-32818\n");
    expectRefused(p, /is not valid JSON/);
  });

  test("a file that does not exist", () => {
    expectRefused(join(dir, "nowhere.json"), /no such file/);
  });

  test("an unknown option and an unknown command", () => {
    expectRefused("--xml", /give one monitoring file|unknown option/);
    const r = runCli(["reprot", "x.json"]);
    expect(r.status).toBe(1); // refused input (exit codes: 0 clean, 1 refused, 2 computed with errors)
    expect(r.stderr).toMatch(/unknown command "reprot"/);
  });
});

describe("outturn report on the worked example", () => {
  test("--json prints the published figures and exits 0", () => {
    const r = runCli(["report", "seeds/q2-2024-25.json", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    // Exact number text in the JSON (no float artefacts): check the raw text, not a re-parsed value.
    for (const s of ['"variance": -2307', '"variancePct": -1.34', '"movementSincePrevious": 1357', '"slippage": 4701', '"underspend": 936',
      '"budgetedClosing": 5878', '"budgetedPct": 3.42', '"forecastClosing": 3571', '"forecastPct": 2.08', '"totalUsableClosing": 12492',
      '"planned": 4500', '"achieved": 3600', '"unachieved": 900']) expect(r.stdout).toContain(s);
    const json = JSON.parse(r.stdout);
    expect(json.revenue.rag).toBe("Red");
    expect(json.reserves.generalFund.rag).toBe("Red");
    const rounding = json.checks.filter((c: { id: string }) => c.id === "rounding");
    expect(rounding.length).toBe(3);
    expect(rounding.every((c: { severity: string; where: string }) => c.severity === "info" && /original budget/.test(c.where))).toBe(true);
    expect(json.checks.filter((c: { severity: string }) => c.severity === "error")).toEqual([]);
  });

  test("the text report gives the headline figures, RAG and checks", () => {
    const r = runCli(["report", "seeds/q2-2024-25.json"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Revenue\s+\[Red\].*variance \(2,307\), \(1\.34%\)/);
    expect(r.stdout).toMatch(/after the forecast variance 3,571 \(2\.08%\), below the minimum/);
    expect(r.stdout).toMatch(/Checks: 0 error\(s\)/);
  });
});
