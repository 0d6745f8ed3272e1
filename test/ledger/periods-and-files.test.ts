/** Periods in every form ledgers export them, and CSV files in any delimiter and encoding, header below titles. */
import { parseLedgerPeriod } from "../../src/ledger/periods";
import { csvTable, findHeader } from "../../src/ledger/table";

const april = { startMonth: 4, startYear: 2024 };
const month = (cell: string | number, ctx = april) => {
  const r = parseLedgerPeriod(cell, ctx);
  return "month" in r ? r.month : r.problem;
};

describe("periods, with the financial year starting in April (a setting)", () => {
  test.each([
    ["P01", 1], ["P1", 1], ["P06", 6], ["p12", 12], ["Period 6", 6], ["Per 06", 6], ["6", 6], [6, 6], ["06", 6], ["12", 12],
    ["Apr-24", 1], ["Sep-24", 6], ["Sept 24", 6], ["Mar-25", 12], ["April 2024", 1], ["Jan-2025", 10], ["24-Apr", 1],
    ["2024-04", 1], ["2024/09", 6], ["2025-03", 12], ["2024-09-30", 6], ["30/09/2024", 6], ["09/2024", 6],
    ["April", 1], ["september", 6], ["Sep", 6], ["March", 12], ["Jan.", 10],
  ])("%s is month %d", (cell, expected) => {
    expect(month(cell)).toBe(expected);
  });

  test("a year starting in January places calendar months as they are, and P01 stays the first month", () => {
    const january = { startMonth: 1, startYear: 2024 };
    expect(month("Apr-24", january)).toBe(4);
    expect(month("P01", january)).toBe(1);
    expect(month("Dec-24", january)).toBe(12);
    expect(month("Jan-25", january)).toMatch(/outside the financial year 2024\/25 \(January 2024 to December 2024\)/);
  });

  test.each([
    ["P13", /year-end adjustment period \(13\).*leave adjustment periods out/],
    ["0", /not a period of the year/],
    ["Apr-23", /April 2023, outside the financial year 2024\/25 \(April 2024 to March 2025\)/],
    ["2025-04", /April 2025, outside the financial year/],
    ["2024-13", /month 13 is not 1 to 12/],
    ["Q2", /"Q2", not a period Outturn knows; write it as P01 to P12/],
    ["", /is blank; every row needs its period/],
    ["Smarch", /not a period Outturn knows/],
  ])("%s is refused in words", (cell, message) => {
    expect(month(cell)).toMatch(message);
  });
});

const bytes = (s: string) => new TextEncoder().encode(s);

describe("CSV files as ledgers write them", () => {
  const body = (d: string) => [`Cost Centre${d}Account${d}Description${d}Amount`, `4100${d}5001${d}"Salaries${d} police ""officers"""${d}"1,234.56"`, `4100${d}9001${d}Grant${d}(10.00)`].join("\r\n") + "\r\n";

  test.each([[","], [";"], ["\t"], ["|"]])("delimiter %j is found, below title lines, with quoted fields", (d) => {
    const text = `Dorset Police\r\nTrial balance, period 6 2024/25\r\n\r\n${body(d)}`;
    const t = csvTable(bytes(text), "tb.csv");
    expect(t.delimiter).toBe(d);
    const h = findHeader(t, ["Cost Centre", "Amount"]);
    expect("index" in h && h.index).toBe(3);
    expect(t.rows[4]).toEqual(["4100", "5001", `Salaries${d} police "officers"`, "1,234.56"]);
    expect(t.rows).toHaveLength(6);
  });

  test("UTF-8 with and without the byte order mark, Windows-1252 and UTF-16 all read £ as £", () => {
    const text = "Cost Centre,Account,Description,Amount\n4100,5001,Fees £ paid,12.00\n";
    const utf8 = csvTable(bytes(text), "a.csv");
    const bom = csvTable(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(text)]), "b.csv");
    const cp1252 = csvTable(new Uint8Array([...text].map((c) => (c === "£" ? 0xa3 : c.charCodeAt(0)))), "c.csv");
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    [...text].forEach((c, i) => { utf16[2 + 2 * i] = c.charCodeAt(0) & 0xff; utf16[3 + 2 * i] = c.charCodeAt(0) >> 8; });
    for (const [t, encoding] of [[utf8, "UTF-8"], [bom, "UTF-8 with a byte order mark"], [cp1252, "Windows-1252"], [csvTable(utf16, "d.csv"), "UTF-16"]] as const) {
      expect(t.encoding).toBe(encoding);
      expect(t.rows[0]?.[0]).toBe("Cost Centre");
      expect(t.rows[1]?.[2]).toBe("Fees £ paid");
    }
  });

  test("a header that is not there names the nearest row and what it lacks", () => {
    const t = csvTable(bytes("Cost Centre,Acount,Amount\n4100,5001,1\n"), "typo.csv");
    const h = findHeader(t, ["Cost Centre", "Account", "Amount"]);
    expect("problem" in h && h.problem).toBe('typo.csv: row 1 looks like the header but has no column "Account" (it has "Cost Centre", "Acount", "Amount"); correct the column names in the profile to the file\'s');
  });
});
