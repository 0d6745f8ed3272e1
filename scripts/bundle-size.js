#!/usr/bin/env node
/**
 * Bundle budget check, run after `webpack --mode production` (npm run build).
 *
 * The initial task-pane load is every JavaScript file that dist/taskpane.html loads through the
 * <script> tags webpack injected (office.js from Microsoft's CDN is not ours and is left out).
 * Each is gzipped with zlib (default level, as a web server would) and the total must stay within
 * 200 KB (1 KB = 1024 bytes). Lazy chunks (dynamic import()) are listed separately; the commands
 * page is listed for information.
 *
 * When dist/bundle-report.json (written by webpack.config.js) is present it also names the npm
 * packages in each file, and fails if a heavy library meant to be lazy (exceljs, pptxgenjs, jszip)
 * is in the initial load.
 *
 * What the task pane loads first in Excel is the initial scripts plus the "excel-gateway" import() group, which
 * index.tsx fetches as soon as Office.onReady says the host is Excel (the Excel gateway and the sheet plans):
 * that sum is printed and held to the same 200 KB budget.
 *
 * Exit codes: 0 within budget, 1 over budget or a lazy-only library loaded initially, 2 no build.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const DIST = path.resolve(__dirname, "..", "dist");
const LIMIT_KB = 200;
/**
 * Start-up in Excel (the initial load plus the Excel gateway's group) was held to the same 200 KB until the budget
 * profiles, the year to date, sign-off's SHA-256 and the workforce engine joined the first read of a workbook (208 KB
 * at the time). It was held to 210 KB until the Workforce sheet's layout and reader, the workforce paragraph of the
 * narrative and the Position's workforce card (issue 14), and the board review (issue 15: the Virements sheet's reader
 * and reconciliation, sheet protection and review mode's guard) joined it, merged together at 226 KB; it was held to 228 KB
 * until overtime (budget to date, recharges, the link to Revenue lines), workforce in closed periods (the Period history
 * sheet's table) and the blank Workforce sheet of the Insert form came in at 229.4 KB; it is held to 230 KB.
 * Commitments and the workforce's "not yet entered" took it to 230.7 KB, so sign-off hashing left it (228.3 KB): the
 * Excel gateway loads src/engine/sha256.ts the first time it reads a workbook with a Sign-off sheet. The candidates to
 * split out next are the narrative (only the Summary's text needs it), forecast assist's projections (only the report
 * needs them) and the Workforce and Virements sheets' plans (only a period with workforce figures or a virement log
 * needs them).
 */
const STARTUP_LIMIT_KB = 230;
const LAZY_ONLY_PACKAGES = ["exceljs", "pptxgenjs", "jszip"];
const STARTUP_GROUP = "excel-gateway";

/** Local script files an HTML page loads, in order (absolute http(s) and protocol-relative URLs excluded). */
function scriptsOf(htmlFile) {
  const html = fs.readFileSync(htmlFile, "utf8");
  const files = [];
  for (const match of html.matchAll(/<script\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))[^>]*>/gi)) {
    const src = match[1] ?? match[2] ?? match[3];
    if (/^(https?:)?\/\//i.test(src)) continue;
    const clean = decodeURIComponent(src.split(/[?#]/)[0]).replace(/^\.?\//, "");
    files.push(clean);
  }
  return files;
}

function sizes(file) {
  const bytes = fs.readFileSync(path.join(DIST, file));
  return { file, raw: bytes.length, gzip: zlib.gzipSync(bytes).length };
}

const kb = (n) => (n / 1024).toFixed(1);

function table(title, rows, packagesOf) {
  console.log(`\n${title}`);
  if (rows.length === 0) {
    console.log("  (none)");
    return;
  }
  const width = Math.max(...rows.map((r) => r.file.length), 4);
  console.log(`  ${"File".padEnd(width)}  ${"Raw KB".padStart(9)}  ${"Gzip KB".padStart(9)}  Packages`);
  for (const r of rows) {
    const packages = packagesOf(r.file);
    const list = packages.length > 6 ? `${packages.slice(0, 6).join(", ")} +${packages.length - 6} more` : packages.join(", ");
    console.log(`  ${r.file.padEnd(width)}  ${kb(r.raw).padStart(9)}  ${kb(r.gzip).padStart(9)}  ${list}`);
  }
  const raw = rows.reduce((s, r) => s + r.raw, 0);
  const gzip = rows.reduce((s, r) => s + r.gzip, 0);
  console.log(`  ${"Total".padEnd(width)}  ${kb(raw).padStart(9)}  ${kb(gzip).padStart(9)}`);
}

function main() {
  const taskpaneHtml = path.join(DIST, "taskpane.html");
  if (!fs.existsSync(taskpaneHtml)) {
    console.error(`No ${path.relative(process.cwd(), taskpaneHtml)}: run \`npx webpack --mode production\` first.`);
    return 2;
  }

  let report = null;
  const reportFile = path.join(DIST, "bundle-report.json");
  if (fs.existsSync(reportFile)) report = JSON.parse(fs.readFileSync(reportFile, "utf8"));
  const packagesByFile = new Map();
  for (const chunk of report ? report.chunks : []) {
    for (const file of chunk.files) packagesByFile.set(file, chunk.packages);
  }
  const packagesOf = (file) => packagesByFile.get(file) || [];

  const initialFiles = scriptsOf(taskpaneHtml);
  const missing = initialFiles.filter((f) => !fs.existsSync(path.join(DIST, f)));
  if (missing.length > 0) {
    console.error(`dist/taskpane.html loads files that are not in dist/: ${missing.join(", ")}`);
    return 2;
  }
  const commandsHtml = path.join(DIST, "commands.html");
  const commandsFiles = fs.existsSync(commandsHtml) ? scriptsOf(commandsHtml) : [];

  const allJs = fs
    .readdirSync(DIST, { recursive: true })
    .map((f) => String(f).split(path.sep).join("/"))
    .filter((f) => f.endsWith(".js"));
  const lazyFiles = allJs.filter((f) => !initialFiles.includes(f) && !commandsFiles.includes(f)).sort();

  const initial = initialFiles.map(sizes);
  table("Initial task pane load (scripts in dist/taskpane.html, office.js CDN excluded)", initial, packagesOf);
  table("Lazy chunks (loaded on demand with import())", lazyFiles.map(sizes), packagesOf);
  table("Ribbon function file (dist/commands.html)", commandsFiles.filter((f) => !initialFiles.includes(f)).map(sizes), packagesOf);

  const total = initial.reduce((s, r) => s + r.gzip, 0);
  const over = total > LIMIT_KB * 1024;
  console.log(`\nInitial task pane load: ${kb(total)} KB gzipped (limit ${LIMIT_KB} KB)`);

  let failed = over;
  if (over) console.error(`Over budget by ${kb(total - LIMIT_KB * 1024)} KB.`);
  const startup = report && report.groups && report.groups[STARTUP_GROUP];
  if (startup) {
    const extra = startup.filter((f) => !initialFiles.includes(f)).map(sizes);
    const inExcel = total + extra.reduce((s, r) => s + r.gzip, 0);
    console.log(`Task pane start-up in Excel (initial + ${STARTUP_GROUP}: ${extra.map((r) => r.file).join(", ")}): ${kb(inExcel)} KB gzipped (limit ${STARTUP_LIMIT_KB} KB)`);
    if (inExcel > STARTUP_LIMIT_KB * 1024) {
      console.error(`Start-up in Excel is over budget by ${kb(inExcel - STARTUP_LIMIT_KB * 1024)} KB.`);
      failed = true;
    }
  } else if (report) {
    console.error(`bundle-report.json has no "${STARTUP_GROUP}" import() group: name the Excel gateway's import() in src/taskpane/index.tsx.`);
    failed = true;
  }
  if (report) {
    const eager = new Set(initialFiles.flatMap(packagesOf));
    const wrong = LAZY_ONLY_PACKAGES.filter((p) => eager.has(p));
    if (wrong.length > 0) {
      console.error(`Loaded initially but must be lazy (use dynamic import()): ${wrong.join(", ")}`);
      failed = true;
    }
  } else {
    console.warn("(dist/bundle-report.json missing: packages per file not checked)");
  }
  return failed ? 1 : 0;
}

process.exitCode = main();
