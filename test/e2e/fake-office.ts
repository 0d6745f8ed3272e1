/**
 * office.js for the e2e's "inside Excel" run: the recording fake of Excel (test/support/fake-excel.ts) behind the
 * globals the pane uses (Office.onReady with host Excel, Office.context.requirements and diagnostics, Excel.run).
 * test/e2e/run.ts bundles this file with esbuild and serves it at office.js's CDN address, so the production bundle
 * (dist/) runs its real Excel wiring (src/excel's gateway, Check Excel) against the fake; nothing of it is in dist/.
 *
 * `window.outturnFakeExcelPlant`, set before the page loads, plants misbehaviours Check Excel must catch:
 * - "quote-prefix-ignored": Excel takes a quote-prefixed string as if typed without the quote ("007" becomes 7,
 *   "=SUM(1,2)" a formula);
 * - "formula-off": Excel's formula result differs from the engine's by a penny.
 * The fake itself is `window.outturnFakeExcel`, for the run to type into cells and count reads.
 */
import { FakeExcel } from "../support/fake-excel";

type Plant = "quote-prefix-ignored" | "formula-off";
const target = window as unknown as { outturnFakeExcelPlant?: Plant[]; outturnFakeExcel?: FakeExcel; Office?: unknown };
const plants = new Set(target.outturnFakeExcelPlant ?? []);

/** Check Excel's formula sample, as Excel computes it: ROUND((1234.56 - 32865 + 0.1 + 0.2) / 3, 2). */
const SAMPLE = { formula: "=ROUND(SUM(C1:C4)/3,2)", value: -10543.38, pennyOut: -10543.37 };

const fake = new FakeExcel({
  platform: "OfficeOnline",
  calculate: (_sheet, _address, formula) => (formula === SAMPLE.formula ? (plants.has("formula-off") ? SAMPLE.pennyOut : SAMPLE.value) : 0),
});
if (plants.has("quote-prefix-ignored")) {
  const writeScalar = fake.writeScalar.bind(fake);
  fake.writeScalar = (sheet, r, c, input, via) => writeScalar(sheet, r, c, typeof input === "string" ? input.replace(/^'/, "") : input, via);
}
// A new workbook, as Excel opens one (a workbook always keeps at least one sheet).
fake.addSheet("Sheet1");
fake.install();

const info = { host: "Excel", platform: "OfficeOnline" };
target.Office = {
  HostType: { Excel: "Excel" },
  PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
  onReady: (callback?: (i: typeof info) => void) => {
    callback?.(info);
    return Promise.resolve(info);
  },
  context: {
    requirements: { isSetSupported: fake.isSetSupported },
    diagnostics: { version: "16.0.0.0 (recording fake)", platform: "OfficeOnline", host: "Excel" },
    platform: "OfficeOnline",
  },
};
target.outturnFakeExcel = fake;
