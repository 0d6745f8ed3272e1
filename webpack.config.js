/**
 * webpack configuration for the Outturn task-pane add-in.
 *
 *   npx webpack --mode production     -> dist/ (then scripts/bundle-size.js checks the initial load)
 *   npx webpack serve --mode development (or npm start) -> https://localhost:3000
 *
 * Entries: `taskpane` (the React pane) and `commands` (the ribbon's function file).
 * Third-party code used at start-up goes to a separate `vendor` chunk. Heavy libraries
 * (exceljs, pptxgenjs) must be loaded with dynamic import() so they land in lazy chunks;
 * bundle-report.json (written by BundleReportPlugin below) lets scripts/bundle-size.js prove it.
 *
 * Environment variables:
 *   OUTTURN_HTTP=1          serve plain http (e.g. for browser tests) instead of https.
 *   OUTTURN_PUBLIC_URL=...  production only: replaces https://localhost:3000/ in the copied
 *                           manifest.xml with the hosting address (must end with "/"), and gives it
 *                           the production Id and package.json's version (scripts/production-manifest.js;
 *                           OUTTURN_MANIFEST_ID / OUTTURN_MANIFEST_VERSION override them).
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { productionManifest } = require("./scripts/production-manifest");

const DEV_ORIGIN = "https://localhost:3000/";
const DEV_PORT = 3000;
const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");

/**
 * HTTPS options from the office-addin-dev-certs files, read directly.
 * (office-addin-dev-certs' getHttpsServerOptions() rejects on Linux, where the CA cannot be
 * trusted without sudo, even though the files exist.) Returns undefined when they are missing.
 */
function readDevCerts() {
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  try {
    const options = {};
    for (const [option, name] of Object.entries(files)) {
      options[option] = fs.readFileSync(path.join(CERT_DIR, name));
    }
    return options;
  } catch {
    return undefined;
  }
}

function devServerTransport() {
  if (process.env.OUTTURN_HTTP === "1") {
    return { type: "http" };
  }
  const options = readDevCerts();
  if (!options) {
    console.warn(
      `\n[outturn] WARNING: no development certificate in ${CERT_DIR}.\n` +
        "[outturn] Serving plain http://localhost:3000 instead. Office requires https for add-ins:\n" +
        "[outturn] run `npx office-addin-dev-certs install` (npm start tries this for you), then restart.\n",
    );
    return { type: "http" };
  }
  return { type: "https", options };
}

/** Node package name for a module path inside node_modules, or undefined. */
function packageOf(resource) {
  if (!resource) return undefined;
  const marker = `${path.sep}node_modules${path.sep}`;
  const at = resource.lastIndexOf(marker);
  if (at < 0) return undefined;
  const parts = resource.slice(at + marker.length).split(path.sep);
  return parts[0] && parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
}

/**
 * Writes bundle-report.json: every chunk with its files, whether it can be loaded initially,
 * and the npm packages it contains. Read by scripts/bundle-size.js.
 */
class BundleReportPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("BundleReportPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "BundleReportPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const chunks = [];
          for (const chunk of compilation.chunks) {
            const packages = new Set();
            for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
              const inner = module.modules ? module.modules : [module]; // concatenated modules
              for (const m of inner) {
                const name = packageOf(m.resource || (m.nameForCondition && m.nameForCondition()));
                if (name) packages.add(name);
              }
            }
            chunks.push({
              name: chunk.name || null,
              id: chunk.id,
              initial: chunk.canBeInitial(),
              files: [...chunk.files].filter((f) => f.endsWith(".js")),
              packages: [...packages].sort(),
            });
          }
          // Named import() groups (e.g. "excel-gateway") with every file they load, shared chunks included.
          const groups = {};
          for (const [name, group] of compilation.namedChunkGroups) {
            groups[name] = group.chunks.flatMap((c) => [...c.files].filter((f) => f.endsWith(".js")));
          }
          compilation.emitAsset("bundle-report.json", new sources.RawSource(JSON.stringify({ chunks, groups }, null, 2)));
        },
      );
    });
  }
}

/**
 * The pages' Content-Security-Policy (a <meta http-equiv> written by HtmlWebpackPlugin): scripts only from the
 * add-in's own origin and office.js's CDN, no plug-ins, no <base> or form posts elsewhere. What office.js needs
 * beyond its own origin, as found in OfficeDev/office-js#1005 (script and telemetry hosts) and #1687 (excel-web
 * applies inline styles, so style-src needs 'unsafe-inline'; Fluent UI's Griffel inserts style rules too).
 * Development adds 'unsafe-eval' (webpack's eval source maps) and the dev server's live-reload socket.
 * frame-ancestors cannot be set from a <meta> (Office frames the pane anyway).
 */
function contentSecurityPolicy(production) {
  const office = "https://appsforoffice.microsoft.com";
  return [
    "default-src 'self'",
    `script-src 'self' ${office} https://ajax.aspnetcdn.com${production ? "" : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${office} https://browser.pipe.aria.microsoft.com${production ? "" : " ws://localhost:* wss://localhost:*"}`,
    `frame-src 'self' ${office} https://*.oaspapps.com`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

module.exports = (env, argv) => {
  const production = argv.mode === "production";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const publicUrl = process.env.OUTTURN_PUBLIC_URL;

  return {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      // Relative addresses, so the build works from any folder on the hosting server.
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
      alias: {
        // The ledger import's Windows-1252 decoder: the browser's TextDecoder in the pane, not iconv-lite (Node's Buffer).
        [path.resolve(__dirname, "src/ledger/windows-1252")]: path.resolve(__dirname, "src/ledger/windows-1252.browser.ts"),
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Development rebuilds skip type checking (run `npm run typecheck`); production checks
              // only the files actually bundled, so unrelated work-in-progress elsewhere in src/ or
              // test/ does not break the add-in build.
              transpileOnly: !production,
              onlyCompileBundledFiles: true,
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // Third-party code the task pane needs at start-up (React, Fluent UI) in one cacheable
          // file. Only for the taskpane entry: the ribbon's function file stays self-contained.
          vendor: {
            test: /[\\/]node_modules[\\/]/,
            name: "vendor",
            chunks: (chunk) => chunk.name === "taskpane",
            priority: -10,
            reuseExistingChunk: true,
          },
          // Lazy chunks (dynamic import()) keep webpack's defaults: each heavy library gets its own.
        },
      },
    },
    performance: {
      // scripts/bundle-size.js enforces the real budget (200 KB gzipped initial task-pane load).
      hints: false,
    },
    plugins: [
      // pptxgenjs's ES build imports node:fs and node:https on a path it only takes under Node.
      // webpack refuses the node: scheme outright; without it, the package's "browser" field
      // (fs: false, https: false) applies and the imports become empty modules.
      new webpack.NormalModuleReplacementPlugin(/^node:(fs|https)$/, (resource) => {
        resource.request = resource.request.slice("node:".length);
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        meta: { csp: { "http-equiv": "Content-Security-Policy", content: contentSecurityPolicy(production) } },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        meta: { csp: { "http-equiv": "Content-Security-Policy", content: contentSecurityPolicy(production) } },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          { from: "src/support/support.html", to: "support.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              if (production && publicUrl) {
                // Hosting addresses, its own Id, the version from package.json (scripts/production-manifest.js).
                return productionManifest(content, {
                  publicUrl,
                  version: process.env.OUTTURN_MANIFEST_VERSION || require("./package.json").version,
                  id: process.env.OUTTURN_MANIFEST_ID || undefined,
                });
              }
              return content;
            },
          },
        ],
      }),
      new BundleReportPlugin(),
    ],
    devServer: {
      port: DEV_PORT,
      // Only worked out for `webpack serve`, so a production build prints no certificate warning.
      server: serving ? devServerTransport() : { type: "http" },
      headers: { "Access-Control-Allow-Origin": "*" },
      // Office loads the pane in its own frame; the host header is not always "localhost".
      allowedHosts: "all",
      hot: false,
      liveReload: true,
      client: { overlay: { warnings: false, errors: true } },
      static: false,
    },
  };
};
