/** The production manifest (scripts/production-manifest.js): its own Id, package.json's version, hosting addresses. */
import { readFileSync } from "fs";
import { join } from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { productionManifest, manifestVersion, PRODUCTION_ID } = require("../../scripts/production-manifest") as {
  productionManifest: (content: string, o: { publicUrl: string; version: string; id?: string }) => string;
  manifestVersion: (v: string) => string;
  PRODUCTION_ID: string;
};

const DEV = readFileSync(join(__dirname, "../../manifest.xml"), "utf8");
const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

describe("the production manifest", () => {
  const prod = productionManifest(DEV, { publicUrl: "https://finance.example.gov.uk/outturn/", version: "1.4.2" });

  it("has its own Id, not the development manifest's", () => {
    expect(tag(prod, "Id")).toBe(PRODUCTION_ID);
    expect(tag(DEV, "Id")).not.toBe(PRODUCTION_ID);
  });

  it("takes its version from package.json, so a release that raises it is deployed as an update", () => {
    expect(tag(prod, "Version")).toBe("1.4.2.0");
    expect(manifestVersion("0.1.0")).toBe("0.1.0.0");
    expect(() => manifestVersion("one")).toThrow(/manifest version/);
  });

  it("points every address at the hosting address and AppDomain at its origin, with no localhost left", () => {
    expect(prod).not.toMatch(/localhost/);
    expect(prod).toContain("<SourceLocation DefaultValue=\"https://finance.example.gov.uk/outturn/taskpane.html\"/>");
    expect(prod).toContain("<AppDomain>https://finance.example.gov.uk</AppDomain>");
    expect(() => productionManifest(DEV, { publicUrl: "http://x/", version: "1.0.0" })).toThrow(/https/);
  });
});
