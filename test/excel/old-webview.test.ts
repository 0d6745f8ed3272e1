/**
 * The message for Internet Explorer 11 and old Edge webviews (assets/old-webview.js), in Chromium: the real
 * taskpane.html with a stand-in for the deferred bundle, opened as a Trident webview (user-agent override), with the
 * check forced (?webview=old), and as an ordinary browser. The script itself must parse as ES5.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "acorn";
import { chromiumAvailable, launchBrowser, serveDirectory, type LaunchedBrowser, type StaticServer } from "../support/browser";
import { describeWithEngines } from "../support/engines";

const ROOT = path.resolve(__dirname, "..", "..");
const SCRIPT = path.join(ROOT, "assets", "old-webview.js");
const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko";
/** Stands in for the bundle: deferred in <head> as html-webpack-plugin injects it, mounting into #root. */
const BUNDLE = "var r = document.getElementById('root'); if (r) { r.textContent = 'PANE MOUNTED'; }";

it("is ES5, so Internet Explorer 11 can run it", () => {
  expect(() => parse(fs.readFileSync(SCRIPT, "utf8"), { ecmaVersion: 5 })).not.toThrow();
});

describeWithEngines({ Chromium: chromiumAvailable() })("the old-webview message in the task pane page", () => {
  let site: string;
  let server: StaticServer;
  /** One Chromium for the pages opened as an ordinary browser (each in a page of its own); the IE11 one has its own. */
  let ordinary: Promise<LaunchedBrowser> | undefined;

  beforeAll(async () => {
    site = fs.mkdtempSync(path.join(os.tmpdir(), "outturn-oldwebview-"));
    const html = fs.readFileSync(path.join(ROOT, "src", "taskpane", "taskpane.html"), "utf8")
      .replace("</head>", '<script defer src="bundle.js"></script></head>');
    fs.writeFileSync(path.join(site, "taskpane.html"), html);
    fs.writeFileSync(path.join(site, "bundle.js"), BUNDLE);
    fs.mkdirSync(path.join(site, "assets"));
    fs.copyFileSync(SCRIPT, path.join(site, "assets", "old-webview.js"));
    server = await serveDirectory(site);
  });
  afterAll(async () => {
    await (await ordinary)?.close();
    await server?.close();
    fs.rmSync(site, { recursive: true, force: true });
  });

  async function open(query: string, userAgent?: string, screenshot?: string) {
    const launch = () => launchBrowser({ args: userAgent ? [`--user-agent=${userAgent}`] : [], viewport: { width: 350, height: 600 } });
    const browser = userAgent ? await launch() : await (ordinary ??= launch());
    const page = userAgent ? browser.page : await browser.context.newPage();
    try {
      await page.goto(server.url(`taskpane.html${query}`));
      await page.waitForLoadState("load");
      const shown = page.locator("[role=alert]:visible");
      const alert = (await shown.count()) > 0 ? await shown.allInnerTexts() : [];
      const body = await page.innerText("body");
      if (screenshot) {
        fs.mkdirSync(path.dirname(screenshot), { recursive: true });
        await page.screenshot({ path: screenshot });
      }
      return { alert: alert.join("\n"), body, ua: await page.evaluate(() => navigator.userAgent) };
    } finally {
      if (userAgent) await browser.close();
      else await page.close();
    }
  }

  it("shows the message in words, and not the pane, in an Internet Explorer 11 (Trident) webview", async () => {
    const { alert, body, ua } = await open("", IE11, path.join(ROOT, "test-output", "old-webview.png"));
    expect(ua).toContain("Trident");
    expect(alert).toMatch(/Outturn cannot run in this version of Excel/);
    expect(alert).toMatch(/Excel for Microsoft 365/);
    expect(alert).toMatch(/Excel on the web/);
    expect(body).not.toMatch(/PANE MOUNTED/);
  });

  it("shows it when forced with ?webview=old", async () => {
    const { alert, body } = await open("?webview=old");
    expect(alert).toMatch(/Internet Explorer 11 or the original Microsoft Edge/);
    expect(alert).toMatch(/What works instead: Excel for Microsoft 365 \(Windows or Mac\), or Excel on the web/);
    expect(body).not.toMatch(/PANE MOUNTED/);
  });

  it("stays out of the way in a current browser: the pane mounts", async () => {
    const { alert, body } = await open("");
    expect(alert).toBe("");
    expect(body).toMatch(/PANE MOUNTED/);
  });
});
