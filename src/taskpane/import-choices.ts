/** The Import view's files and layout, kept while the pane is open: the view is drawn afresh on each visit to its tab. */
import type { ImportChoices } from "./views/ImportView";

export class KeptImportChoices {
  private value: ImportChoices | null = null;
  get(): ImportChoices | null {
    return this.value;
  }
  keep(choices: ImportChoices): void {
    this.value = choices;
  }
}
