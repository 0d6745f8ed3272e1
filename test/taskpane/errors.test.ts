import { WorkbookError } from "../../src/workbook/gateway";
import { describeError } from "../../src/taskpane/errors";

describe("describeError", () => {
  it("shows a WorkbookError's own words with a title from its code", () => {
    const n = describeError(new WorkbookError("Excel is busy: press Enter to finish editing the cell, then Recalculate.", "CellEditMode"), "recalculate");
    expect(n).toEqual({ intent: "error", title: "Excel is editing a cell", body: "Excel is busy: press Enter to finish editing the cell, then Recalculate." });
    expect(describeError(new WorkbookError("Unprotect Revenue.", "Protected"), "x").title).toBe("A sheet is protected");
    expect(describeError(new WorkbookError("Restore Reserves.", "MissingSheet"), "x").title).toBe("A sheet is missing");
    expect(describeError(new WorkbookError("Check the tabs.", "NotFound"), "x").title).toBe("A sheet is missing");
    expect(describeError(new WorkbookError("Update Excel.", "Unsupported"), "x").title).toBe("This version of Excel is not supported");
    expect(describeError(new WorkbookError("Remove the merge.", "Conflict"), "x").title).toBe("Cells are in the way");
    expect(describeError(new WorkbookError("Odd."), "save the settings").title).toBe("Could not save the settings");
  });

  it("advises on raw Office.js errors", () => {
    const err = Object.assign(new Error("The operation failed."), { code: "InvalidOperationInCellEditMode" });
    expect(describeError(err, "recalculate")).toMatchObject({ title: "Excel is editing a cell", body: expect.stringMatching(/Press Enter or Esc/) });
  });

  it("says what to do about anything unexpected", () => {
    const n = describeError(new TypeError("x is undefined."), "insert the sheets");
    expect(n.title).toBe("Could not insert the sheets");
    expect(n.body).toMatch(/^Something unexpected went wrong: x is undefined\. Try again/);
    expect(describeError("boom", "a").body).toMatch(/boom/);
  });
});
