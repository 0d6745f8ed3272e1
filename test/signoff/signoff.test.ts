/** Sign-off (issue 15): the fingerprint of every input and setting, the Sign-off sheet, and "changed since sign-off" cell by cell. */
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { readWorkbook } from "../../src/plans/read";
import { planInputs, inputEntries } from "../../src/plans/sheets/signoff/inputs";
import { chunks } from "../../src/plans/sheets/signoff/layout";
import {
  type SignOffBook, SignOffRefused, canonicalText, fingerprintOf, parseCanonical, signOff, signOffStatus,
} from "../../src/engine/signoff";
import { sha256Hex } from "../../src/engine/sha256";
import { D } from "../../src/model/amount";
import { toJsonText } from "../../src/model/json-text";
import { gridFromPlan, seedModel } from "../plans/support";

const AT = "2026-11-30T05:10:00Z";

/** The worked example's workbook signed off by the treasurer (and the board when asked), as a grid. */
function signedGrid(board = false) {
  const model = seedModel();
  const read = readWorkbook(gridFromPlan(buildWorkbookPlan(model)), { hash: sha256Hex });
  const entries = inputEntries(read.inputs!);
  let book: SignOffBook = signOff(read.signoff ?? signOffStatus(null, read.inputs!, sha256Hex), entries, { role: "Treasurer", name: "Julie Strange", at: AT }, 0, sha256Hex);
  if (board) book = signOff(signOffStatus(book, read.inputs!, sha256Hex), entries, { role: "Board", name: "Simon Bullock", at: AT }, 0, sha256Hex);
  return { model, book, grid: gridFromPlan(buildWorkbookPlan(model, { signoff: book })) };
}

test("SHA-256 is the real one (the seam's default)", () => {
  expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
});

test("the canonical form is exact text, sorted, blanks left out, and reads back", () => {
  const text = canonicalText([{ key: "b", value: "0.1" }, { key: "a", value: "x\n\"y\"" }, { key: "c", value: "" }]);
  expect(text).toBe('outturn-inputs-v1\n["a","x\\n\\"y\\""]\n["b","0.1"]');
  expect(parseCanonical(text)).toEqual([{ key: "a", value: "x\n\"y\"" }, { key: "b", value: "0.1" }]);
  expect(parseCanonical(text.replace("v1", "v0"))).toBeNull();
});

test("every input and setting is fingerprinted as exact decimals, whatever order the cells come in", () => {
  const read = readWorkbook(gridFromPlan(buildWorkbookPlan(seedModel())), { hash: sha256Hex });
  const inputs = read.inputs!;
  expect(new Set(inputs.map((i) => i.key)).size).toBe(inputs.length);
  const pay = inputs.find((i) => i.where === "Revenue!E8");
  expect(pay).toMatchObject({ key: "Revenue|line:0:Pay & Employment costs|forecastOutturn", what: "Revenue, Pay & Employment costs, forecast outturn" });
  expect(inputs.find((i) => i.key === "Settings|set:reservesMin|value")?.value).toBe("0.03");
  expect(inputs.find((i) => i.key === "Settings|set:organisation|value")?.value).toMatch(/Dorset/);
  expect(fingerprintOf([...inputs].reverse(), sha256Hex)).toBe(fingerprintOf(inputs, sha256Hex));
  // 0.1 + 0.2 as exact decimals, not 0.30000000000000004.
  const model = seedModel();
  model.revenue.groups[0]!.lines[0]!.forecastOutturn = new D("0.1").plus("0.2");
  const first = `Revenue|line:0:${model.revenue.groups[0]!.lines[0]!.name}|forecastOutturn`;
  expect(planInputs(buildWorkbookPlan(model)).find((i) => i.key === first)?.value).toBe("0.3");
  expect(read.signoff).toBeNull();
});

test("read without the hash (the pane's start-up has none), a signed workbook says its sign-off is unchecked; an unsigned one needs none", () => {
  const { grid } = signedGrid(true);
  const unchecked = readWorkbook(grid);
  expect([unchecked.signoffUnchecked, unchecked.signoff]).toEqual([true, null]);
  expect(unchecked.model).not.toBeNull();
  const checked = readWorkbook(grid, { hash: sha256Hex });
  expect([checked.signoffUnchecked, checked.signoff?.state]).toEqual([false, "signed"]);
  expect(unchecked.model && checked.model && toJsonText(unchecked.model)).toBe(checked.model && toJsonText(checked.model));
  expect(readWorkbook(gridFromPlan(buildWorkbookPlan(seedModel()))).signoffUnchecked).toBe(false);
});

test("signed off, unchanged: signed, with no check; the Sign-off sheet is not needed in an unsigned workbook", () => {
  const { grid } = signedGrid(true);
  const read = readWorkbook(grid, { hash: sha256Hex });
  expect(read.signoff?.state).toBe("signed");
  expect(read.signoff?.records.map((r) => r.role)).toEqual(["Treasurer", "Board"]);
  expect(read.checks.filter((c) => /signoff|sheet-missing/.test(c.id))).toEqual([]);
  expect(readWorkbook(gridFromPlan(buildWorkbookPlan(seedModel())), { hash: sha256Hex }).checks.filter((c) => c.id === "sheet-missing")).toEqual([]);
});

test("sign-off then one changed input gives exactly that cell in changed since sign-off", () => {
  const { grid } = signedGrid();
  const revenue = grid.sheets.find((s) => s.name === "Revenue")!;
  const before = revenue.get(8, 5)!.value as number;
  revenue.set(8, 5, { value: before + 12.5, formula: null });
  const read = readWorkbook(grid, { hash: sha256Hex });
  expect(read.signoff?.state).toBe("changed");
  expect(read.signoff?.changes.map((c) => c.where)).toEqual(["Revenue!E8"]);
  const checks = read.checks.filter((c) => c.id === "changed-since-signoff");
  expect(checks.map((c) => c.where)).toEqual(["Revenue!E8"]);
  expect(checks[0]!.message).toContain(`"${before}" → "${before + 12.5}"`);
  expect(checks[0]!.message).toContain("Treasurer Julie Strange, 2026-11-30 05:10 UTC");
});

test("a changed setting and typed commentary are listed too; changing it back is signed again", () => {
  const { grid } = signedGrid();
  const settings = grid.sheets.find((s) => s.name === "Settings")!;
  const minRow = [...Array(settings.maxRow).keys()].map((i) => i + 1).find((r) => settings.get(r, 4)?.value === "set:reservesMin")!;
  settings.set(minRow, 2, { value: 0.035, formula: null });
  const revenue = grid.sheets.find((s) => s.name === "Revenue")!;
  const old = revenue.get(8, 10)?.value ?? null;
  revenue.set(8, 10, { value: "Pay award higher than budgeted", formula: null });
  expect(readWorkbook(grid, { hash: sha256Hex }).signoff?.changes.map((c) => [c.where, c.before, c.after])).toEqual([
    ["Revenue!J8", old ?? "", "Pay award higher than budgeted"], [`Settings!B${minRow}`, "0.03", "0.035"],
  ]);
  settings.set(minRow, 2, { value: 0.03, formula: null });
  revenue.set(8, 10, { value: old, formula: null });
  expect(readWorkbook(grid, { hash: sha256Hex }).signoff?.state).toBe("signed");
});

test("an edited Sign-off sheet is an error, not a silent sign-off", () => {
  const { grid } = signedGrid();
  const sheet = grid.sheets.find((s) => s.name === "Sign-off")!;
  const row = [...Array(sheet.maxRow).keys()].map((i) => i + 1).find((r) => sheet.get(r, 6)?.value === "snapshot")!;
  const text = sheet.get(row, 5)!.value as string;
  sheet.set(row, 5, { value: text.replace(/"0\.03"/, '"0.04"'), formula: null });
  const read = readWorkbook(grid, { hash: sha256Hex });
  expect(read.signoff?.state).toBe("record-altered");
  expect(read.checks.filter((c) => c.id === "signoff-altered").map((c) => c.where)).toEqual(["'Sign-off'!A1"]);
});

test("the board signs after the treasurer, a period with errors is not signed, a blank name is refused", () => {
  const read = readWorkbook(gridFromPlan(buildWorkbookPlan(seedModel())), { hash: sha256Hex });
  const entries = inputEntries(read.inputs!);
  expect(() => signOff(read.signoff ?? signOffStatus(null, read.inputs!, sha256Hex), entries, { role: "Board", name: "B", at: AT }, 0, sha256Hex)).toThrow(/treasurer signs off these figures first/);
  expect(() => signOff(read.signoff ?? signOffStatus(null, read.inputs!, sha256Hex), entries, { role: "Treasurer", name: "T", at: AT }, 2, sha256Hex)).toThrow(SignOffRefused);
  expect(() => signOff(read.signoff ?? signOffStatus(null, read.inputs!, sha256Hex), entries, { role: "Treasurer", name: "  ", at: AT }, 0, sha256Hex)).toThrow(/name/);
});

test("the kept inputs are cut into cells an Excel cell can hold, and join back exactly", () => {
  const long = `x${"\ud83d\ude00".repeat(40)}\n${"y".repeat(95)}\nz`;
  const parts = chunks(long, 50);
  expect(parts.join("")).toBe(long);
  expect(parts.every((p) => p.length <= 50 && !/^[\udc00-\udfff]/.test(p))).toBe(true);
});
