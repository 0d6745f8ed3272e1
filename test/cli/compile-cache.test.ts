/**
 * The command's code cache (src/cli/compile-cache.ts): entries are made once and used after, a damaged entry is
 * refused and made again, a changed file never runs an old entry's code, the folder is private or not used, and
 * "off" turns it off. Every run gives the same output as a run without the cache.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { compileCacheFolder } from "../../src/cli/compile-cache";
import { CLI, ROOT, builtFile } from "../support/cli";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "outturn-compile-cache-"));
});
/** Copies of the command made by the tests, removed after them. */
const copies: string[] = [];
afterAll(() => {
  for (const d of [dir, ...copies]) fs.rmSync(d, { recursive: true, force: true });
});

interface Run { status: number | null; stdout: string; stderr: string; cache: string[] }

/** Runs the command with the cache in `folder` ("off" turns it off) and OUTTURN_DEBUG on; `cache` is what it said. */
function run(folder: string, args: string[], cli = CLI, env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(process.execPath, [builtFile(cli), ...args], {
    cwd: ROOT, encoding: "utf8", env: { ...process.env, OUTTURN_COMPILE_CACHE: folder, OUTTURN_DEBUG: "1", NODE_DISABLE_COMPILE_CACHE: "", ...env },
  });
  const lines = r.stderr.split("\n");
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: lines.filter((l) => l && !l.startsWith("outturn: compile cache: ")).join("\n"),
    cache: lines.filter((l) => l.startsWith("outturn: compile cache: ")).map((l) => l.slice("outturn: compile cache: ".length)),
  };
}

const entries = (folder: string) => (fs.existsSync(folder) ? fs.readdirSync(folder).sort() : []);
const REPORT = ["report", "seeds/q2-2024-25.json", "--json"];
/** The report without the cache, run once for the tests to compare with. */
let without: Run;
beforeAll(() => {
  without = run("off", REPORT);
});

test("made once by the first run, used by the next, with the same output as without it", () => {
  const folder = path.join(dir, "first");
  expect(without.status).toBe(0);
  expect(without.cache).toEqual([]);

  const first = run(folder, REPORT);
  expect(first.cache).toEqual(["outturn-main.cjs: no entry yet"]);
  expect([first.status, first.stdout, first.stderr]).toEqual([without.status, without.stdout, without.stderr]);
  expect(entries(folder)).toEqual([expect.stringMatching(/^outturn-main\.cjs-[0-9a-f]{40}\.v8$/)]);
  if (process.platform !== "win32") {
    expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(folder, entries(folder)[0]!)).mode & 0o777).toBe(0o600);
  }

  const second = run(folder, REPORT);
  expect(second.cache).toEqual(["outturn-main.cjs: entry used"]);
  expect([second.status, second.stdout, second.stderr]).toEqual([without.status, without.stdout, without.stderr]);
});

test("ExcelJS, beside the command, is cached too when a command loads it", () => {
  const folder = path.join(dir, "exceljs");
  const out = path.join(dir, "cached.xlsx");
  const args = ["workbook", "seeds/q2-2024-25.json", "--out", out, "--force"];
  expect(run(folder, args).cache).toEqual(["outturn-main.cjs: no entry yet", "exceljs.cjs: no entry yet"]);
  const again = run(folder, args);
  expect(again.status).toBe(0);
  expect(again.cache).toEqual(["outturn-main.cjs: entry used", "exceljs.cjs: entry used"]);
  const report = run(folder, ["report", out, "--json"]);
  expect(report.cache).toEqual(["outturn-main.cjs: entry used", "exceljs.cjs: entry used"]);
  expect(JSON.parse(report.stdout)).toEqual(JSON.parse(run("off", ["report", out, "--json"]).stdout));
});

test("a damaged entry is refused, the command runs as without it, and the entry is made again", () => {
  const folder = path.join(dir, "damaged");
  run(folder, REPORT);
  const [entry] = entries(folder);
  fs.writeFileSync(path.join(folder, entry!), Buffer.alloc(4096, 7));
  const damaged = run(folder, REPORT);
  expect(damaged.cache).toEqual(["outturn-main.cjs: entry refused by V8, written again"]);
  expect([damaged.status, damaged.stdout]).toEqual([0, without.stdout]);
  expect(run(folder, REPORT).cache).toEqual(["outturn-main.cjs: entry used"]);
});

test("a changed file never runs an old entry's code, even at the same length; the old entry is removed", () => {
  // A copy of the command whose help text is changed letter for letter: V8 alone would take the old entry (it checks
  // the text's length, not the text). Under the project's node_modules, where the command finds ajv's runtime.
  fs.mkdirSync(path.join(ROOT, "node_modules", ".cache"), { recursive: true });
  const copy = fs.mkdtempSync(path.join(ROOT, "node_modules", ".cache", "outturn-cli-copy-"));
  copies.push(copy);
  fs.cpSync(path.join(ROOT, "dist-cli"), copy, { recursive: true });
  const folder = path.join(dir, "changed");
  const before = run(folder, ["--help"], path.join(copy, "outturn.cjs"));
  expect(before.stdout).toContain("outturn");
  const [oldEntry] = entries(folder);
  const main = path.join(copy, "outturn-main.cjs");
  const text = fs.readFileSync(main, "utf8");
  const changed = text.replace(/Usage:/g, "USAGE:");
  expect(changed).not.toBe(text);
  expect(changed.length).toBe(text.length);
  fs.writeFileSync(main, changed);
  const after = run(folder, ["--help"], path.join(copy, "outturn.cjs"));
  expect(after.cache).toEqual(["outturn-main.cjs: no entry yet"]);
  expect(after.stdout).toBe(before.stdout.replace(/Usage:/g, "USAGE:"));
  expect(entries(folder)).toHaveLength(1);
  expect(entries(folder)).not.toContain(oldEntry);
});

const posixOnly = process.platform === "win32" ? test.skip : test;
posixOnly("a folder others can write to is not used: the command runs without the cache", () => {
  const folder = path.join(dir, "shared");
  fs.mkdirSync(folder);
  fs.chmodSync(folder, 0o777);
  const r = run(folder, REPORT);
  expect(r.status).toBe(0);
  expect(r.cache).toEqual([`not used: ${folder} is not a private folder of this user`]);
  expect(entries(folder)).toEqual([]);
});

test("off (or Node's NODE_DISABLE_COMPILE_CACHE) writes nothing", () => {
  const folder = path.join(dir, "never");
  const node = run("", REPORT, CLI, { NODE_DISABLE_COMPILE_CACHE: "1", XDG_CACHE_HOME: folder, HOME: folder });
  expect([node.status, node.cache]).toEqual([0, []]);
  expect(fs.existsSync(folder)).toBe(false);
});

test("the folder follows each platform's place for a user's caches", () => {
  const home = "/home/treasurer";
  expect(compileCacheFolder({}, "linux", home)).toBe(path.join(home, ".cache", "outturn", "compile-cache"));
  expect(compileCacheFolder({ XDG_CACHE_HOME: "/var/cache/u" }, "linux", home)).toBe(path.join("/var/cache/u", "outturn", "compile-cache"));
  expect(compileCacheFolder({}, "darwin", home)).toBe(path.join(home, "Library", "Caches", "Outturn", "compile-cache"));
  expect(compileCacheFolder({ LOCALAPPDATA: "C:\\Users\\t\\AppData\\Local" }, "win32", home)).toBe(path.join("C:\\Users\\t\\AppData\\Local", "Outturn", "compile-cache"));
  expect(compileCacheFolder({ OUTTURN_COMPILE_CACHE: "off" }, "linux", home)).toBeNull();
  expect(compileCacheFolder({ NODE_DISABLE_COMPILE_CACHE: "1" }, "linux", home)).toBeNull();
  expect(compileCacheFolder({ OUTTURN_COMPILE_CACHE: "/tmp/c" }, "linux", home)).toBe(path.resolve("/tmp/c"));
});
