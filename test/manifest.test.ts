/**
 * Offline checks of manifest.xml: structure, development addresses, requirement sets, ribbon
 * button, resource references and icon files. (`office-addin-manifest validate` needs Microsoft's
 * online service, so it is not used here.)
 */
import * as fs from "fs";
import * as path from "path";
import { parseStringPromise } from "xml2js";
import { NEEDS } from "../src/excel/host";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const DEV_ORIGIN = "https://localhost:3000";
// The manifest must declare what the code needs: the highest ExcelApi version src/excel asks for.
const MIN_EXCEL_API = Object.values(NEEDS).map((n) => n.version.split(".").map(Number)).sort((a, b) => b[1]! - a[1]!)[0]!;

/** An element as xml2js gives it with explicitArray and explicitCharkey: attributes in $, text in _. */
interface XmlNode {
  $?: Record<string, string>;
  _?: string;
  [child: string]: XmlNode[] | Record<string, string> | string | undefined;
}

function kids(node: XmlNode, name: string): XmlNode[] {
  const value = node[name];
  return Array.isArray(value) ? value : [];
}

function only(node: XmlNode, name: string): XmlNode {
  const found = kids(node, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0] as XmlNode;
}

/** Follows a path of element names, each expected exactly once. */
function at(node: XmlNode, ...names: string[]): XmlNode {
  return names.reduce(only, node);
}

function attr(node: XmlNode, name: string): string | undefined {
  return node.$?.[name];
}

function text(node: XmlNode): string {
  return (node._ ?? "").trim();
}

/** Every descendant element (with its name), depth first. */
function descendants(node: XmlNode, name = "(root)"): Array<[string, XmlNode]> {
  const out: Array<[string, XmlNode]> = [[name, node]];
  for (const [key, value] of Object.entries(node)) {
    if (key === "$" || key === "_" || !Array.isArray(value)) continue;
    for (const child of value) out.push(...descendants(child, key));
  }
  return out;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG`);
  if (bytes.toString("ascii", 12, 16) !== "IHDR") throw new Error(`${file} has no IHDR first`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The file in the repository that a development URL serves (assets are copied as they are). */
function fileForUrl(url: string): string {
  expect(url.startsWith(`${DEV_ORIGIN}/`)).toBe(true);
  const rel = url.slice(DEV_ORIGIN.length + 1);
  if (rel.startsWith("assets/")) return path.join(ROOT, rel);
  const pages: Record<string, string> = {
    "taskpane.html": "src/taskpane/taskpane.html",
    "commands.html": "src/commands/commands.html",
    "support.html": "src/support/support.html",
  };
  const source = pages[rel];
  if (!source) throw new Error(`no known source for ${url}`);
  return path.join(ROOT, source);
}

let app: XmlNode;

beforeAll(async () => {
  const xml = fs.readFileSync(MANIFEST, "utf8");
  const doc = (await parseStringPromise(xml, { strict: true, explicitArray: true, explicitCharkey: true })) as Record<
    string,
    XmlNode
  >;
  expect(Object.keys(doc)).toEqual(["OfficeApp"]);
  app = doc.OfficeApp as XmlNode;
});

describe("manifest.xml", () => {
  test("is a well-formed task pane add-in manifest", () => {
    expect(attr(app, "xmlns")).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(attr(app, "xsi:type")).toBe("TaskPaneApp");
    expect(text(at(app, "ProviderName"))).toBe("Outturn");
    expect(attr(at(app, "DisplayName"), "DefaultValue")).toBe("Outturn");
    expect(attr(at(app, "Description"), "DefaultValue")?.length).toBeGreaterThan(0);
    expect(text(at(app, "DefaultLocale"))).toBe("en-GB");
    expect(text(at(app, "Version"))).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  test("has a GUID Id", () => {
    expect(text(at(app, "Id"))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  });

  test("targets Excel workbooks with read/write document permission", () => {
    const hosts = kids(at(app, "Hosts"), "Host").map((h) => attr(h, "Name"));
    expect(hosts).toEqual(["Workbook"]);
    expect(text(at(app, "Permissions"))).toBe("ReadWriteDocument");
  });

  test("loads the task pane from the development server", () => {
    expect(attr(at(app, "DefaultSettings", "SourceLocation"), "DefaultValue")).toBe(`${DEV_ORIGIN}/taskpane.html`);
    expect(kids(at(app, "AppDomains"), "AppDomain").map(text)).toContain(DEV_ORIGIN);
  });

  test("declares the ExcelApi requirement set the code needs (src/excel/host.ts NEEDS)", () => {
    const sets = kids(at(app, "Requirements", "Sets"), "Set");
    const excel = sets.find((s) => attr(s, "Name") === "ExcelApi");
    expect(excel).toBeDefined();
    const min = attr(excel as XmlNode, "MinVersion");
    expect(min).toMatch(/^1\.\d+$/);
    const [major, minor] = (min as string).split(".").map(Number) as [number, number];
    expect(major * 1000 + minor).toBeGreaterThanOrEqual((MIN_EXCEL_API[0] as number) * 1000 + (MIN_EXCEL_API[1] as number));
  });

  describe("ribbon (VersionOverrides)", () => {
    let overrides: XmlNode;
    let resources: XmlNode;
    const resource = (group: string, id: string): string | undefined =>
      kids(at(resources, group), group === "bt:Images" ? "bt:Image" : group === "bt:Urls" ? "bt:Url" : "bt:String")
        .filter((r) => attr(r, "id") === id)
        .map((r) => attr(r, "DefaultValue"))[0];

    beforeAll(() => {
      overrides = at(app, "VersionOverrides");
      resources = at(overrides, "Resources");
    });

    test("is VersionOverrides V1_0 for Workbook", () => {
      expect(attr(overrides, "xsi:type")).toBe("VersionOverridesV1_0");
      expect(attr(overrides, "xmlns")).toBe("http://schemas.microsoft.com/office/taskpaneappversionoverrides");
      expect(attr(at(overrides, "Hosts", "Host"), "xsi:type")).toBe("Workbook");
    });

    test("has one button on the Home tab that shows the task pane", () => {
      const form = at(overrides, "Hosts", "Host", "DesktopFormFactor");
      const point = at(form, "ExtensionPoint");
      expect(attr(point, "xsi:type")).toBe("PrimaryCommandSurface");
      const tab = at(point, "OfficeTab");
      expect(attr(tab, "id")).toBe("TabHome");
      const controls = kids(at(tab, "Group"), "Control");
      expect(controls).toHaveLength(1);
      const button = controls[0] as XmlNode;
      expect(attr(button, "xsi:type")).toBe("Button");
      const action = at(button, "Action");
      expect(attr(action, "xsi:type")).toBe("ShowTaskpane");
      const urlId = attr(at(action, "SourceLocation"), "resid") as string;
      expect(resource("bt:Urls", urlId)).toBe(`${DEV_ORIGIN}/taskpane.html`);
      expect(resource("bt:ShortStrings", attr(at(button, "Label"), "resid") as string)).toBe("Outturn");
      expect(resource("bt:ShortStrings", attr(at(button, "Supertip", "Title"), "resid") as string)?.length).toBeGreaterThan(0);
      const tooltipId = attr(at(button, "Supertip", "Description"), "resid") as string;
      expect(resource("bt:LongStrings", tooltipId)?.length).toBeGreaterThan(0);
    });

    test("every resid refers to a defined resource, within Office's length limits", () => {
      const defined = new Map<string, string>();
      for (const [group, item, limit] of [
        ["bt:Images", "bt:Image", 2048],
        ["bt:Urls", "bt:Url", 2048],
        ["bt:ShortStrings", "bt:String", 125],
        ["bt:LongStrings", "bt:String", 250],
      ] as const) {
        for (const r of kids(at(resources, group), item)) {
          const id = attr(r, "id") as string;
          const value = attr(r, "DefaultValue") as string;
          expect(id.length).toBeLessThanOrEqual(32);
          expect(defined.has(id)).toBe(false);
          expect(value.length).toBeGreaterThan(0);
          expect(value.length).toBeLessThanOrEqual(limit);
          defined.set(id, value);
        }
      }
      const used = descendants(overrides)
        .map(([, node]) => attr(node, "resid"))
        .filter((id): id is string => id !== undefined);
      expect(used.length).toBeGreaterThan(0);
      for (const id of used) expect([id, defined.has(id)]).toEqual([id, true]);
    });

    test("the function file and other URLs point at pages the build produces", () => {
      const functionFile = attr(at(overrides, "Hosts", "Host", "DesktopFormFactor", "FunctionFile"), "resid") as string;
      expect(resource("bt:Urls", functionFile)).toBe(`${DEV_ORIGIN}/commands.html`);
      for (const r of kids(at(resources, "bt:Urls"), "bt:Url")) {
        const file = fileForUrl(attr(r, "DefaultValue") as string);
        expect([file, fs.existsSync(file)]).toEqual([file, true]);
      }
    });
  });

  test("every icon URL is a PNG in assets/ of the size Office expects", () => {
    const expected: Array<{ url: string; size: number }> = [
      { url: attr(at(app, "IconUrl"), "DefaultValue") as string, size: 32 },
      { url: attr(at(app, "HighResolutionIconUrl"), "DefaultValue") as string, size: 64 },
    ];
    const images = kids(at(app, "VersionOverrides", "Resources", "bt:Images"), "bt:Image");
    const imageUrl = new Map(images.map((i) => [attr(i, "id") as string, attr(i, "DefaultValue") as string]));
    // Each ribbon <bt:Image size="N" resid="..."> must resolve to an N x N picture.
    for (const [name, node] of descendants(at(app, "VersionOverrides", "Hosts"))) {
      if (name !== "bt:Image") continue;
      const url = imageUrl.get(attr(node, "resid") as string);
      expect(url).toBeDefined();
      expected.push({ url: url as string, size: Number(attr(node, "size")) });
    }
    expect(expected.map((e) => e.size).sort((a, b) => a - b)).toEqual(expect.arrayContaining([16, 32, 64, 80]));

    for (const { url, size } of expected) {
      expect(url).toMatch(new RegExp(`^${DEV_ORIGIN}/assets/[\\w.-]+\\.png$`));
      const file = fileForUrl(url);
      expect([file, fs.existsSync(file)]).toEqual([file, true]);
      expect([url, pngSize(file)]).toEqual([url, { width: size, height: size }]);
    }
  });

  test("uses https://localhost:3000 for every address", () => {
    const xml = fs.readFileSync(MANIFEST, "utf8").replace(/<!--[\s\S]*?-->/g, "");
    const urls = xml.match(/https?:\/\/[^"'<\s]+/g) ?? [];
    const ownUrls = urls.filter((u) => !u.startsWith("http://schemas.microsoft.com/") && !u.startsWith("http://www.w3.org/"));
    expect(ownUrls.length).toBeGreaterThan(5);
    for (const u of ownUrls) expect(u.startsWith(DEV_ORIGIN)).toBe(true);
  });
});
