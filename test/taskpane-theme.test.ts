import { isDarkColour } from "../src/taskpane/theme";

describe("isDarkColour (task pane theme choice)", () => {
  test.each([
    ["#000000", true],
    ["#1f1f1f", true],
    ["#262626", true],
    ["#ffffff", false],
    ["#f3f2f1", false],
    ["FFFFFF", false],
    ["", false],
    [undefined, false],
    ["not a colour", false],
  ])("%s -> %s", (colour, dark) => {
    expect(isDarkColour(colour)).toBe(dark);
  });
});
