/**
 * A large export read in steps (the pane yields to the browser between them): the rows are exactly those of parsing
 * the whole text at once, whatever falls on a step's edge (quoted fields with line breaks, doubled quotes, blank lines),
 * and the steps report how far they got.
 */
import Papa from "papaparse";
import { csvTableSteps } from "../../src/ledger/table";
import { runSteps } from "../../src/ledger/steps";

function bigCsv(rows: number): string {
  const lines = ["Cost Centre,Account,Description,Period,Debit,Credit"];
  for (let i = 0; i < rows; i++) {
    const description = i % 7 === 0 ? `"Line ${i}\nbreak, with ""quotes"""` : i % 11 === 0 ? "" : `Item ${i}`;
    lines.push(i % 13 === 0 ? "" : `${1000 + (i % 50)},${4000 + (i % 300)},${description},P06,${(i * 1.37).toFixed(2)},`);
  }
  return lines.join("\r\n") + "\r\n";
}

test("a 600 KB export in steps: the same rows as one parse, with progress between the steps", () => {
  const text = bigCsv(20000);
  expect(text.length).toBeGreaterThan(600_000);
  const whole = Papa.parse<string[]>(text, { delimiter: ",", skipEmptyLines: false }).data;
  whole.pop();
  const steps = csvTableSteps(new TextEncoder().encode(text), "big.csv");
  const seen: number[] = [];
  let next = steps.next();
  for (; !next.done; next = steps.next()) seen.push(next.value.done);
  expect(seen.length).toBeGreaterThanOrEqual(2);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  expect(next.value.rows).toEqual(whole);
  expect(runSteps(csvTableSteps(new TextEncoder().encode(text), "big.csv")).rows).toHaveLength(whole.length);
});
