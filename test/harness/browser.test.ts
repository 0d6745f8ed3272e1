/**
 * Proves the browser harness (test/support/browser.ts): a page that loads office.js from Microsoft's CDN address
 * gets it from @microsoft/office-js with no network, Office.onReady resolves (host null outside Office), other
 * off-machine requests are blocked, and screenshots work.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { chromiumAvailable, launchBrowser, serveDirectory, type LaunchedBrowser, type StaticServer } from "../support/browser";
import { describeWithEngines } from "../support/engines";

const OUTPUT_DIR = path.resolve(__dirname, "..", "..", "test-output", "harness");

const INDEX_HTML = `<!doctype html>
<html>
<head>
  <meta charset="utf-8">
  <title>office.js harness</title>
  <script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>
  <link rel="stylesheet" href="style.css">
</head>
<body>
  <h1>office.js harness</h1>
  <pre id="out">waiting</pre>
  <img id="remote" src="https://example.com/should-be-blocked.png" alt="">
  <script>
    const out = document.getElementById("out");
    if (typeof Office === "undefined") {
      out.textContent = "Office undefined";
    } else {
      Office.onReady().then(function (info) {
        out.textContent = JSON.stringify({ ready: true, host: info.host, platform: info.platform });
      });
    }
  </script>
</body>
</html>`;

const describeIfChromium = describeWithEngines({ Chromium: chromiumAvailable() });

describeIfChromium("browser harness", () => {
  let site: string;
  let server: StaticServer;
  let browser: LaunchedBrowser | undefined;

  beforeAll(async () => {
    site = fs.mkdtempSync(path.join(os.tmpdir(), "outturn-site-"));
    fs.writeFileSync(path.join(site, "index.html"), INDEX_HTML);
    fs.writeFileSync(path.join(site, "style.css"), "body { font-family: sans-serif; background: #eef; }");
    fs.mkdirSync(OUTPUT_DIR, { recursive: true });
    server = await serveDirectory(site);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(site, { recursive: true, force: true });
  });

  it("serves files with content types, and 404s outside the folder", async () => {
    const html = await fetch(server.url("/"));
    expect(html.status).toBe(200);
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const css = await fetch(server.url("style.css"));
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect((await fetch(server.url("missing.js"))).status).toBe(404);
    expect((await fetch(server.url("%2e%2e/%2e%2e/etc/passwd"))).status).toBe(404);
  });

  it("loads office.js from the CDN address offline and Office.onReady resolves with host null", async () => {
    const started = Date.now();
    browser = await launchBrowser();
    const { page, network } = browser;
    await page.goto(server.url("index.html"));
    await page.waitForFunction(() => document.getElementById("out")?.textContent !== "waiting", undefined, {
      timeout: 5_000,
    });
    const text = (await page.textContent("#out")) ?? "";
    expect({ text, console: browser.consoleMessages }).toMatchObject({ text: expect.stringMatching(/^\{/) });
    const info = JSON.parse(text) as { ready: boolean; host: unknown; platform: unknown };
    expect(info).toEqual({ ready: true, host: null, platform: null });

    expect(network?.officeJsServed).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(network?.officeJsServed).toContain(
      "https://appsforoffice.microsoft.com/lib/1/hosted/o15apptofilemappingtable.js",
    );
    expect(network?.blocked).toContain("https://example.com/should-be-blocked.png");

    const screenshot = path.join(OUTPUT_DIR, "browser-office-ready.png");
    await page.screenshot({ path: screenshot });
    expect(fs.statSync(screenshot).size).toBeGreaterThan(1000);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
