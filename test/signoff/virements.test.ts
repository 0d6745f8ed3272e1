/**
 * Budget changes (virements, issue 15): the worked example's original to revised budgets reconciled line by line on the
 * Virements sheet (the differences, with reasons and approvals left as inputs), and the checks firing on a planted
 * unapproved virement and on a budget changed without a logged virement, in readWorkbook and in report --json.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildWorkbookPlan } from "../../src/plans/workbook";
import { readWorkbook } from "../../src/plans/read";
import { budgetChanges, reconcile, startingLog } from "../../src/engine/virements";
import { parseA1 } from "../../src/plans/a1";
import { gridFromPlan, seedModel } from "../plans/support";
import { runCli } from "../support/cli";
import { SEED } from "../e2e/seed-inputs";
import { D } from "../../src/model/amount";
import { virementsJson, virementsText } from "../../src/report/virements";

/** Every entry approved: what a treasurer fills in. */
function approvedGrid() {
  const model = seedModel();
  const plan = buildWorkbookPlan(model, { virements: startingLog(model) });
  const grid = gridFromPlan(plan);
  const sheet = grid.sheets.find((s) => s.name === "Virements")!;
  const rows = Object.entries(plan.sheets.find((s) => s.kind === "Virements")!.rowKeys).filter(([k]) => k.startsWith("virement:")).map(([, r]) => r);
  for (const row of rows) {
    sheet.set(row, 4, { value: "Budget realignment agreed at budget setting", formula: null });
    sheet.set(row, 5, { value: "PCC", formula: null });
    sheet.set(row, 6, { value: "2024-07-01", formula: null });
  }
  return { model, plan, grid, sheet, rows };
}

test("the worked example's budget changes by line, exactly (£000): each line whose revised budget differs from its original", () => {
  const changes = budgetChanges(seedModel()).map((c) => [c.line, c.original.toString(), c.revised.toString(), c.difference.toString()]);
  expect(changes).toEqual([
    ["Chief Constable > Income", "-32865", "-32818", "47"],
    ["Chief Constable > Pay & Employment costs", "148852", "148606", "-246"],
    ["Chief Constable > Overheads", "47174", "47305", "131"],
    ["Chief Constable > Capital Financing", "6030", "6172", "142"],
    ["Transfers > Reserves", "-582", "-657", "-75"],
  ]);
});

test("the Virements sheet starts with an entry per change; read back, the log reconciles every line; only the approvals are owed", () => {
  const model = seedModel();
  const read = readWorkbook(gridFromPlan(buildWorkbookPlan(model, { virements: startingLog(model) })));
  expect(read.virements?.map((v) => [v.line, v.amount?.toString(), v.reason, v.approvedBy])).toEqual(startingLog(model).map((v) => [v.line, v.amount?.toString(), null, null]));
  expect(reconcile(read.model!, read.virements!).every((c) => c.reconciled)).toBe(true);
  expect(read.checks.filter((c) => c.id === "virement-unreconciled")).toEqual([]);
  expect(read.checks.filter((c) => c.id === "virement-unapproved")).toHaveLength(5);
  expect(read.checks.filter((c) => c.severity === "error")).toEqual([]);
});

test("approved, nothing fires; a planted unapproved virement and a budget changed with no virement each fire, at their cells", () => {
  const { grid, sheet, rows, plan } = approvedGrid();
  expect(readWorkbook(grid).checks.filter((c) => c.id.startsWith("virement-"))).toEqual([]);

  // Planted: a second virement on Overheads, with no approval; Overheads then logs more than its change.
  const total = rows[rows.length - 1]! + 1;
  const planted = total;
  for (let c = 1; c <= 7; c++) sheet.set(planted + 1, c, sheet.get(total, c) ?? { value: null, formula: null });
  sheet.set(planted, 1, { value: "Chief Constable > Overheads", formula: null });
  sheet.set(planted, 2, { value: 20, formula: null });
  for (let c = 3; c <= 7; c++) sheet.set(planted, c, { value: null, formula: null });
  const read = readWorkbook(grid);
  const fired = read.checks.filter((c) => c.id.startsWith("virement-"));
  expect(fired.map((c) => [c.id, c.where])).toEqual([
    ["virement-unreconciled", expect.stringMatching(/^Revenue!C\d+$/)],
    ["virement-unapproved", `Virements!A${planted}`],
  ]);
  expect(fired[0]!.message).toMatch(/^Chief Constable > Overheads: the revised budget \(47305\) is the original \(47174\) plus 131, but the Virements sheet logs 151/);

  // A budget changed on the Revenue sheet with no virement logged for it: that line alone is unreconciled.
  const { grid: g2 } = approvedGrid();
  const revenue = g2.sheets.find((s) => s.name === "Revenue")!;
  const opcc = plan.sheets.find((s) => s.kind === "Revenue")!.cells.find((c) => c.input && c.place?.row === "OPCC" && c.place.column === "revisedBudget")!;
  const at = parseA1(opcc.address);
  revenue.set(at.row, at.col, { value: 3300, formula: null });
  const changed = readWorkbook(g2).checks.filter((c) => c.id.startsWith("virement-"));
  expect(changed.map((c) => [c.id, c.message.split(":")[0]])).toEqual([["virement-unreconciled", "OPCC > OPCC"]]);
});

test("the scheme of consent (Settings): only virements above the amount owe an approval, and it must name the approver", () => {
  // Set on the Settings sheet (written from the model, read back): above £100k (100, £000), approved by the PCC.
  const model = seedModel();
  model.settings.virements = { approvalAbove: new D(100), approver: "PCC" };
  const plan = buildWorkbookPlan(model, { virements: startingLog(model) });
  const grid = gridFromPlan(plan);
  const read = readWorkbook(grid);
  expect(read.model?.settings.virements.approvalAbove?.toString()).toBe("100");
  expect(read.model?.settings.virements.approver).toBe("PCC");
  // Income +47 and the reserves (75) are delegated; Pay (246), Overheads +131 and Capital Financing +142 owe the PCC's approval.
  const owed = (g: typeof grid) => readWorkbook(g).checks.filter((c) => c.id === "virement-unapproved").map((c) => c.message.replace(/^Virements!A\d+: /, ""));
  expect(owed(grid)).toEqual([
    "the virement of -246 to Chief Constable > Pay & Employment costs has no approval (the scheme of consent: above 100, PCC): record who approved it and when.",
    "the virement of 131 to Chief Constable > Overheads has no approval (the scheme of consent: above 100, PCC): record who approved it and when.",
    "the virement of 142 to Chief Constable > Capital Financing has no approval (the scheme of consent: above 100, PCC): record who approved it and when.",
  ]);
  // Pay approved by the CFO: still owed (the scheme needs the PCC); Overheads and Capital Financing by the PCC: settled.
  const sheet = grid.sheets.find((g) => g.name === "Virements")!;
  const rows = Object.entries(plan.sheets.find((p) => p.kind === "Virements")!.rowKeys).filter(([k]) => k.startsWith("virement:")).map(([, r]) => r);
  const approve = (i: number, who: string) => sheet.set(rows[i]!, 5, { value: who, formula: null });
  approve(1, "CFO");
  approve(2, "Police and Crime Commissioner (PCC)");
  approve(3, "pcc");
  expect(owed(grid)).toEqual(["the virement of -246 to Chief Constable > Pay & Employment costs was approved by CFO, but the scheme of consent needs PCC's approval above 100: record PCC's approval."]);
  approve(1, "PCC");
  expect(owed(grid)).toEqual([]);
});

test("the reconciliation: a planted virement, a budget changed with none logged and an unknown line each leave it unreconciled", () => {
  const model = seedModel();
  const log = startingLog(model);
  expect(virementsJson(model, log).reconciled).toBe(true);
  const planted = [...log, { line: "Chief Constable > Overheads", amount: new D(20), counterpart: null, reason: null, approvedBy: null, approvedOn: null },
    { line: "Nowhere > Nothing", amount: new D(5), counterpart: null, reason: null, approvedBy: null, approvedOn: null }];
  const opcc = model.revenue.groups.flatMap((g) => g.lines).find((l) => l.name === "OPCC")!;
  opcc.revisedBudget = opcc.revisedBudget!.plus(10);
  const r = virementsJson(model, planted);
  expect(r.reconciled).toBe(false);
  expect(r.lines.filter((l) => !l.reconciled).map((l) => [l.line, l.virements.toString(), l.difference?.toString()])).toEqual([
    ["Chief Constable > Overheads", "151", "-20"],
    ["OPCC > OPCC", "0", "10"],
  ]);
  expect(r.unknownLines.map((u) => [u.line, u.virements.toString()])).toEqual([["Nowhere > Nothing", "5"]]);
  const text = virementsText(model, planted);
  expect(text[0]).toBe("Virements (£000): 6 line(s) with a budget change or a virement logged, NOT RECONCILED (2 line(s), 1 entry name(s) matching no line).");
  expect(text).toContain("  ! Chief Constable > Overheads: original 47174 + virements 151 = 47325; revised 47305; difference -20");
});

describe("outturn workbook --virements and report --json", () => {
  const dir = mkdtempSync(join(tmpdir(), "outturn-virements-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("the workbook has the Virements sheet; report --json lists its checks", () => {
    const file = join(dir, "q2.xlsx");
    const w = runCli(["workbook", SEED, "--out", file, "--virements"]);
    expect(w.stdout).toMatch(/Virements/);
    const r = runCli(["report", file, "--json"]);
    const json = JSON.parse(r.stdout) as { checks: Array<{ id: string; where: string }> };
    expect(json.checks.filter((c) => c.id === "virement-unapproved").map((c) => c.where)).toEqual(["Virements!A6", "Virements!A7", "Virements!A8", "Virements!A9", "Virements!A10"]);
    expect(json.checks.filter((c) => c.id === "virement-unreconciled")).toEqual([]);
  });

  test("report: the reconciliation by line (original, virements, revised, difference), in --json and as a short block of text", () => {
    const file = join(dir, "q2-reconciled.xlsx");
    runCli(["workbook", SEED, "--out", file, "--virements"]);
    const json = JSON.parse(runCli(["report", file, "--json"]).stdout) as { virements: { reconciled: boolean; lines: Array<Record<string, unknown>>; unknownLines: unknown[] } };
    expect(json.virements.reconciled).toBe(true);
    expect(json.virements.unknownLines).toEqual([]);
    expect(json.virements.lines.map((l) => [l.line, l.original, l.virements, l.revised, l.difference, l.reconciled])).toEqual([
      ["Chief Constable > Income", -32865, 47, -32818, 0, true],
      ["Chief Constable > Pay & Employment costs", 148852, -246, 148606, 0, true],
      ["Chief Constable > Overheads", 47174, 131, 47305, 0, true],
      ["Chief Constable > Capital Financing", 6030, 142, 6172, 0, true],
      ["Transfers > Reserves", -582, -75, -657, 0, true],
    ]);
    const text = runCli(["report", file]).stdout;
    expect(text).toContain("Virements (£000): 5 line(s) with a budget change or a virement logged, all reconciled to the Virements sheet.");
    expect(text).toContain("    Chief Constable > Pay & Employment costs: original 148852 + virements -246 = 148606; revised 148606");
    // A report of a file without a Virements sheet has no such block.
    expect(JSON.parse(runCli(["report", SEED, "--json"]).stdout)).not.toHaveProperty("virements");
  });
});
