/**
 * A real browser for tests, with no network: Debian's Chromium driven by playwright-core, a static server for a
 * built folder, and office.js served from @microsoft/office-js in place of Microsoft's CDN.
 *
 * Never run `npx playwright install`: the browser is /usr/bin/chromium (or $CHROMIUM_PATH).
 */
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { chromium, type BrowserContext, type Page, type Route } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Where office.js is loaded from in production (manifest and taskpane.html). */
export const OFFICE_JS_CDN_PREFIX = "https://appsforoffice.microsoft.com/lib/1/hosted/";

/** The folder of @microsoft/office-js that mirrors the CDN's /lib/1/hosted/ folder. */
export const OFFICE_JS_DIST = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

export function chromiumAvailable(): boolean {
  try {
    fs.accessSync(CHROMIUM_PATH, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".cjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".otf": "font/otf",
  ".wasm": "application/wasm",
  ".pdf": "application/pdf",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

/**
 * Resolves a URL path (already stripped of its prefix) inside `root`, refusing to leave it. Returns the file to
 * serve (a folder gives its index.html) or undefined.
 */
function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  const base = path.resolve(root);
  const file = path.resolve(base, "." + path.posix.normalize("/" + decoded));
  if (file !== base && !file.startsWith(base + path.sep)) return undefined;
  try {
    const stat = fs.statSync(file);
    if (stat.isFile()) return file;
    if (stat.isDirectory()) {
      const index = path.join(file, "index.html");
      return fs.statSync(index).isFile() ? index : undefined;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Static server.

export interface StaticServer {
  /** e.g. "http://127.0.0.1:41234" (no trailing slash). */
  origin: string;
  port: number;
  /** origin + "/" + relative path. */
  url(relativePath?: string): string;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 (a random free port unless `port` is given). GET and HEAD only; no caching. */
export function serveDirectory(dir: string, port = 0): Promise<StaticServer> {
  const root = path.resolve(dir);
  if (!fs.statSync(root).isDirectory()) throw new Error(`serveDirectory: not a folder: ${root}`);

  const server = http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    const file = resolveInside(root, pathname);
    if (!file) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`Not found: ${pathname}`);
      return;
    }
    const body = fs.readFileSync(file);
    res.writeHead(200, {
      "Content-Type": contentTypeFor(file),
      "Content-Length": body.length,
      "Cache-Control": "no-store",
    });
    res.end(req.method === "HEAD" ? undefined : body);
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const actual = (server.address() as AddressInfo).port;
      const origin = `http://127.0.0.1:${actual}`;
      resolve({
        origin,
        port: actual,
        url: (relativePath = "") => `${origin}/${relativePath.replace(/^\/+/, "")}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Request routing: office.js from the package, everything else off-machine blocked.

export interface NetworkLog {
  /** CDN URLs answered from node_modules/@microsoft/office-js/dist. */
  officeJsServed: string[];
  /** CDN URLs under the office.js prefix with no matching file (answered 404). */
  officeJsMissing: string[];
  /** Requests to anywhere but localhost that were aborted. */
  blocked: string[];
}

function isLocalUrl(url: URL): boolean {
  if (url.protocol === "data:" || url.protocol === "blob:" || url.protocol === "about:") return true;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host === "127.0.0.1" || host === "::1" || host.endsWith(".localhost");
}

/**
 * Routes every request of `context`: https://appsforoffice.microsoft.com/lib/1/hosted/** is answered from
 * @microsoft/office-js/dist (404 when the package has no such file), localhost goes through, everything else is
 * aborted. Returns a live log of what happened, for assertions and debugging.
 */
export async function routeOfficeJs(context: BrowserContext, officeJs?: string): Promise<NetworkLog> {
  const log: NetworkLog = { officeJsServed: [], officeJsMissing: [], blocked: [] };
  await context.route("**/*", async (route: Route) => {
    const raw = route.request().url();
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      log.blocked.push(raw);
      await route.abort("blockedbyclient");
      return;
    }
    if (officeJs !== undefined && raw.startsWith(`${OFFICE_JS_CDN_PREFIX}office.js`)) {
      // A stand-in for office.js (the e2e's recording fake of Excel), served where the pane loads office.js from.
      log.officeJsServed.push(raw);
      await route.fulfill({ status: 200, contentType: "text/javascript", body: officeJs, headers: { "Access-Control-Allow-Origin": "*" } });
      return;
    }
    if (raw.startsWith(OFFICE_JS_CDN_PREFIX)) {
      const relative = url.pathname.slice(new URL(OFFICE_JS_CDN_PREFIX).pathname.length);
      const file = resolveInside(OFFICE_JS_DIST, relative) ?? resolveInside(OFFICE_JS_DIST, relative.toLowerCase());
      if (file) {
        log.officeJsServed.push(raw);
        await route.fulfill({
          status: 200,
          contentType: contentTypeFor(file),
          body: fs.readFileSync(file),
          headers: { "Access-Control-Allow-Origin": "*" },
        });
      } else {
        log.officeJsMissing.push(raw);
        await route.fulfill({ status: 404, contentType: "text/plain", body: `Not in @microsoft/office-js: ${relative}` });
      }
      return;
    }
    if (isLocalUrl(url)) {
      await route.continue();
      return;
    }
    log.blocked.push(raw);
    await route.abort("blockedbyclient");
  });
  return log;
}

// ---------------------------------------------------------------------------------------------------------------
// Browser.

export interface LaunchOptions {
  /** Default true: routeOfficeJs is applied, so nothing leaves the machine. */
  offline?: boolean;
  viewport?: { width: number; height: number };
  /** Extra Chromium arguments. */
  args?: string[];
  /** A script served in place of office.js (e.g. test/e2e/fake-office.ts bundled: the pane then runs "inside Excel"). */
  officeJs?: string;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  page: Page;
  /** Set when `offline` (the default): what routeOfficeJs served and blocked. */
  network: NetworkLog | undefined;
  /** Messages the page logged and uncaught page errors, for failure messages. */
  consoleMessages: string[];
  /** Closes the browser and removes its temporary profile. Safe to call twice. */
  close(): Promise<void>;
}

/** Launches headless Chromium with a fresh temporary profile (persistent context) and one page. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "outturn-chromium-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
      viewport: options.viewport ?? { width: 1280, height: 800 },
      serviceWorkers: "block",
      timeout: 30_000,
    });
  } catch (err) {
    fs.rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    try {
      await context.close();
    } finally {
      fs.rmSync(userDataDir, { recursive: true, force: true });
    }
  };
  try {
    const network = options.offline === false ? undefined : await routeOfficeJs(context, options.officeJs);
    const page = context.pages()[0] ?? (await context.newPage());
    const consoleMessages: string[] = [];
    page.on("console", (m) => consoleMessages.push(`[${m.type()}] ${m.text()}`));
    page.on("pageerror", (e) => consoleMessages.push(`[pageerror] ${e.message}`));
    return { context, page, network, consoleMessages, close };
  } catch (err) {
    await close();
    throw err;
  }
}
