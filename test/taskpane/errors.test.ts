import { WorkbookError } from "../../src/workbook/gateway";
import { WORKBOOK_ERROR_CODES } from "../../src/workbook/errors";
import { describeError } from "../../src/taskpane/errors";
import { toWorkbookError } from "../../src/excel/errors";

describe("describeError", () => {
  it("shows a WorkbookError's own words with a title from its code", () => {
    const n = describeError(new WorkbookError("Excel is busy: press Enter to finish editing the cell, then Recalculate.", "CellEditMode"), "recalculate");
    expect(n).toEqual({ intent: "error", title: "Excel is editing a cell", body: "Excel is busy: press Enter to finish editing the cell, then Recalculate." });
    expect(describeError(new WorkbookError("Unprotect Revenue.", "Protected"), "x").title).toBe("A sheet is protected");
    expect(describeError(new WorkbookError("Check the tabs.", "NotFound"), "x").title).toBe("A sheet is missing");
    expect(describeError(new WorkbookError("Update Excel.", "Unsupported"), "x").title).toBe("This version of Excel is not supported");
    expect(describeError(new WorkbookError("Remove the merge.", "Blocked"), "x").title).toBe("Cells are in the way");
    expect(describeError(new WorkbookError("Correct what Checks lists.", "Unreadable"), "x").title).toBe("The workbook cannot be read");
    expect(describeError(new WorkbookError("Odd."), "save the settings").title).toBe("Could not save the settings");
  });

  it("titles every code of the union by what happened, but a fault or the unexpected by the action", () => {
    for (const code of WORKBOOK_ERROR_CODES) {
      const n = describeError(new WorkbookError("What to do.", code), "do it");
      expect(n.body).toBe("What to do.");
      expect(n.title === "Could not do it").toBe(code === "Invalid" || code === "Unexpected");
    }
  });

  it("titles a raw Office.js error once src/excel has turned it into a WorkbookError (the pane knows no Office code)", () => {
    const raw = Object.assign(new Error("The operation failed."), { code: "InvalidOperationInCellEditMode" });
    expect(describeError(toWorkbookError(raw, { action: "recalculate" }), "recalculate")).toMatchObject({ title: "Excel is editing a cell", body: expect.stringMatching(/Press Enter or Esc/) });
    // Reaching the pane raw would be a fault of the gateway: it is shown as unexpected, with its words.
    expect(describeError(raw, "recalculate")).toMatchObject({ title: "Could not recalculate", body: expect.stringMatching(/^Something unexpected went wrong: The operation failed/) });
  });

  it("says what to do about anything unexpected", () => {
    const n = describeError(new TypeError("x is undefined."), "insert the sheets");
    expect(n.title).toBe("Could not insert the sheets");
    expect(n.body).toMatch(/^Something unexpected went wrong: x is undefined\. Try again/);
    expect(describeError("boom", "a").body).toMatch(/boom/);
  });
});
