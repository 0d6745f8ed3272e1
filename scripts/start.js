#!/usr/bin/env node
/**
 * npm start: serve the add-in for development and, where there is a desktop Excel, sideload it.
 *
 *   1. Make sure there is a development certificate (office-addin-dev-certs install; non-fatal).
 *   2. Build in development mode and serve on https://localhost:3000 (webpack serve).
 *   3. Windows or macOS: sideload manifest.xml into desktop Excel (office-addin-debugging start
 *      manifest.xml desktop). Linux has no desktop Excel: keep serving and print how to add the
 *      add-in to Excel on the web.
 *
 * Options: --no-sideload (just serve), --http (serve plain http, e.g. for browser tests).
 * Ctrl+C stops the server (and, after a desktop sideload, unregisters the add-in).
 */
"use strict";

const { spawn, spawnSync } = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const http = require("http");
const https = require("https");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");
const CERT_FILES = ["localhost.crt", "localhost.key", "ca.crt"];
const PORT = 3000;
const DESKTOP = process.platform === "win32" || process.platform === "darwin";

const args = new Set(process.argv.slice(2));
const forceHttp = args.has("--http") || process.env.OUTTURN_HTTP === "1";
const sideload = DESKTOP && !args.has("--no-sideload");

const log = (message = "") => console.log(message ? `[outturn] ${message}` : "");

/** A local package's CLI, run with this Node (npx needs executable bin files, which an install may lack). */
function cli(pkg, file = "cli.js") {
  const local = path.join(ROOT, "node_modules", pkg, file);
  if (fs.existsSync(local)) return { command: process.execPath, prefix: [local] };
  return { command: process.platform === "win32" ? "npx.cmd" : "npx", prefix: ["--no-install", pkg] };
}

function runTool(pkg, toolArgs, options = {}) {
  const { command, prefix } = cli(pkg);
  return spawnSync(command, [...prefix, ...toolArgs], { cwd: ROOT, stdio: "inherit", timeout: 120000, ...options });
}

/** True when the certificate files exist and localhost.crt is valid for at least another day. */
function certificatesUsable() {
  try {
    for (const name of CERT_FILES) fs.accessSync(path.join(CERT_DIR, name), fs.constants.R_OK);
    const cert = new crypto.X509Certificate(fs.readFileSync(path.join(CERT_DIR, "localhost.crt")));
    return new Date(cert.validTo).getTime() > Date.now() + 24 * 60 * 60 * 1000;
  } catch {
    return false;
  }
}

/**
 * Step 1. On Windows and macOS `install` also makes the system trust the CA. On Linux it cannot
 * without sudo, and each run that fails to verify the trust regenerates the CA, which would undo a
 * CA the developer has imported into a browser by hand, so there it only runs when the files are
 * missing or expiring.
 */
function ensureCertificates() {
  if (forceHttp) return false;
  if (!DESKTOP && certificatesUsable()) {
    log(`Using the development certificate in ${CERT_DIR}.`);
    return true;
  }
  log("Checking the development certificate (office-addin-dev-certs install)...");
  const result = runTool("office-addin-dev-certs", ["install"]);
  if (result.error || result.status !== 0) {
    log(`office-addin-dev-certs install did not succeed (${result.error ? result.error.message : `exit ${result.status}`}); carrying on.`);
  }
  const usable = certificatesUsable();
  if (!usable) {
    log(`WARNING: no usable certificate in ${CERT_DIR}; serving plain http. Office only loads https add-ins.`);
  }
  return usable;
}

/** Resolves when the page answers, rejects if the server process ends first or after the timeout. */
function waitForServer(url, server, timeoutMs = 180000) {
  const client = url.startsWith("https:") ? https : http;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    let exited = false;
    server.once("exit", (code) => {
      exited = true;
      reject(new Error(`the dev server stopped (exit ${code}) before it was ready`));
    });
    const attempt = () => {
      if (exited) return;
      const request = client.get(url, { rejectUnauthorized: false, timeout: 5000 }, (response) => {
        response.resume();
        if (response.statusCode === 200) resolve();
        else retry();
      });
      request.on("error", retry);
      request.on("timeout", () => request.destroy());
    };
    const retry = () => {
      if (exited) return;
      if (Date.now() - started > timeoutMs) reject(new Error(`no answer from ${url} after ${timeoutMs / 1000} s`));
      else setTimeout(attempt, 750);
    };
    attempt();
  });
}

function printWebInstructions(origin, secure) {
  const manifest = path.relative(process.cwd(), MANIFEST) || "manifest.xml";
  const lines = [
    "",
    "================================================================================",
    ` Outturn is being served at ${origin}/taskpane.html`,
    "================================================================================",
  ];
  if (DESKTOP && !sideload) lines.push(" Sideloading into desktop Excel was skipped (--no-sideload).");
  if (!DESKTOP) lines.push(" There is no desktop Excel on this system: use Excel on the web.");
  lines.push("");
  if (secure) {
    lines.push(
      " 1. Make the browser trust the development certificate (on Linux, office-addin-dev-certs",
      "    install cannot do this without sudo). Either:",
      `    - import ${path.join(CERT_DIR, "ca.crt")} as a certificate authority trusted`,
      "      for websites (Chrome/Edge: Settings > Privacy and security > Security > Manage",
      "      certificates > Authorities > Import; Firefox: Settings > Privacy & Security >",
      "      Certificates > View Certificates > Authorities > Import), or",
      "    - run `sudo npx office-addin-dev-certs install` to trust it system-wide.",
      `    Check: ${origin}/taskpane.html must open in that browser with no certificate warning.`,
    );
  } else {
    lines.push(
      " 1. WARNING: serving plain http. Excel on the web will not load an http add-in.",
      "    Run `npx office-addin-dev-certs install`, then `npm start` again.",
    );
  }
  lines.push(
    " 2. Open a workbook in Excel on the web (https://www.office.com).",
    " 3. Home > Add-ins > More add-ins > My Add-ins > Upload My Add-in,",
    `    then choose ${path.resolve(MANIFEST)} (${manifest}).`,
    " 4. Choose Outturn on the Home tab to open the task pane.",
    "",
    " The server rebuilds and reloads the pane when files change. Press Ctrl+C to stop.",
    "================================================================================",
    "",
  );
  console.log(lines.join("\n"));
}

async function main() {
  const secure = ensureCertificates();
  const origin = `${secure ? "https" : "http"}://localhost:${PORT}`;

  log(`Building (development) and starting the dev server on ${origin} ...`);
  const webpack = cli("webpack-cli", path.join("bin", "cli.js"));
  const server = spawn(webpack.command, [...webpack.prefix, "serve", "--mode", "development"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, ...(secure ? {} : { OUTTURN_HTTP: "1" }) },
  });

  let sideloaded = false;
  let stopping = false;
  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    if (sideloaded) {
      log("Removing the sideloaded add-in (office-addin-debugging stop)...");
      runTool("office-addin-debugging", ["stop", MANIFEST]);
    }
    if (server.exitCode === null && server.signalCode === null) server.kill("SIGTERM");
    process.exitCode = code;
  };
  process.on("SIGINT", () => stop(0));
  process.on("SIGTERM", () => stop(0));
  server.on("exit", (code, signal) => {
    if (!stopping) {
      log(`The dev server stopped (${signal || `exit ${code}`}).`);
      stop(code === null ? 1 : code);
    }
  });

  try {
    await waitForServer(`${origin}/taskpane.html`, server);
  } catch (error) {
    log(`ERROR: ${error.message}. Is port ${PORT} already in use?`);
    stop(1);
    return;
  }
  log(`The dev server is ready: ${origin}/taskpane.html`);

  if (sideload) {
    log("Sideloading into desktop Excel (office-addin-debugging start manifest.xml desktop)...");
    const result = runTool("office-addin-debugging", ["start", MANIFEST, "desktop", "--app", "excel"], {
      timeout: 300000,
    });
    if (result.status === 0) {
      sideloaded = true;
      log("Excel should open with the Outturn button on the Home tab. Press Ctrl+C to stop.");
      return;
    }
    log("Sideloading did not succeed; the server keeps running. You can add the add-in by hand:");
  }
  printWebInstructions(origin, secure);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
