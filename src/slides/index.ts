/** The slide deck: buildDeck loads pptxgenjs on demand; the tables are plain data for previews and tests. */
export { buildDeck, type DeckOptions } from "./deck";
export * from "./tables";
