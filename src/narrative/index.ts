export { narrative, revenueParagraph, reservesParagraph, capitalParagraph, savingsParagraph, periodName, yearBounds, nextYear, formatSavingsMillions } from "./narrative";
