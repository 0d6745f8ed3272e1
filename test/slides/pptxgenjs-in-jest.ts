/**
 * pptxgenjs 4, when it sees Node (process.release.name === "node"), starts `import("node:fs")` while writing a deck
 * (to read media files). Jest runs CommonJS in a vm without a dynamic-import callback unless Node is started with
 * --experimental-vm-modules, so that import() rejects and fails the test. Decks have no media, so in jest we let
 * pptxgenjs take its browser path (the same one the task pane uses). Only this test file's sandboxed `process` is
 * changed; the CLI test runs the real Node path.
 */
export function letPptxgenjsRunInJest(): void {
  Object.defineProperty(process, "release", { value: { ...process.release, name: "jest" }, configurable: true });
}
