/**
 * A V8 code cache for the command's own files (the bundle and ExcelJS beside it), so a command that reads or writes a
 * workbook does not compile the same 4 MB of JavaScript again on every run: about a fifth of its CPU
 * (bench/cli-start.bench.ts). Node 22 has this built in (module.enableCompileCache); Node 20, which Outturn supports,
 * does not, so the command's entry (src/cli/bin.ts) loads its files through vm.Script with V8's cached data.
 *
 * Safety first, as the cache holds code the command will run:
 * - it lives in the user's own cache folder (made private, 0700, and used only if it is theirs and not writable by
 *   others), never a shared temporary folder;
 * - each entry is named by the SHA-256 of the file's text and the Node version, so a changed file never meets an old
 *   entry (V8 itself checks only the text's length, its version and its flags, and says when it refuses an entry);
 * - entries are written whole (a temporary file renamed into place), once, when none was usable, and replace the
 *   entries of the file's earlier versions;
 * - anything that goes wrong with the cache only costs the speed: the command runs as without it. OUTTURN_DEBUG=1
 *   says what the cache did; OUTTURN_COMPILE_CACHE names another folder, or "off" (as does Node's own
 *   NODE_DISABLE_COMPILE_CACHE=1) turns it off.
 *
 * The entry is written as the process exits, after the command ran, so it holds the functions the command compiled
 * (an entry made before running would hold only the files' top level and save little). Code run from an entry
 * cannot import(): the build turns the command's import() calls into require() (scripts/build-cli.mjs).
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import Module from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import * as vm from "node:vm";

/** A file this run found no usable entry for (none, or V8 refused it): one is written for it at exit. */
interface Entry {
  file: string;
  script: vm.Script;
  cacheFile: string;
}

/** The folder for the cache, by the platform's convention for a user's caches; null when turned off. */
export function compileCacheFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string | null {
  const named = env.OUTTURN_COMPILE_CACHE;
  if (named !== undefined && named !== "") return /^(off|0|false|no)$/i.test(named) ? null : path.resolve(named);
  if (env.NODE_DISABLE_COMPILE_CACHE) return null;
  if (platform === "win32") return path.join(env.LOCALAPPDATA || path.join(home, "AppData", "Local"), "Outturn", "compile-cache");
  if (platform === "darwin") return path.join(home, "Library", "Caches", "Outturn", "compile-cache");
  return path.join(env.XDG_CACHE_HOME || path.join(home, ".cache"), "outturn", "compile-cache");
}

/** Makes the folder if need be; true when it is a folder only this user can write to (where a POSIX system says so). */
function privateFolder(folder: string): boolean {
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const stat = fs.statSync(folder);
  if (!stat.isDirectory()) return false;
  if (process.platform === "win32" || typeof process.getuid !== "function") return true;
  return stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
}

const debug = (message: string): void => {
  if (process.env.OUTTURN_DEBUG) process.stderr.write(`outturn: compile cache: ${message}\n`);
};

/**
 * Loads the CommonJS files under `ownFolder` (the command's own) through the code cache in `folder` from now on.
 * Returns false, changing nothing, when the folder cannot be used.
 */
export function useCompileCache(ownFolder: string, folder: string | null = compileCacheFolder()): boolean {
  if (!folder) return false;
  try {
    if (!privateFolder(folder)) {
      debug(`not used: ${folder} is not a private folder of this user`);
      return false;
    }
  } catch (e) {
    debug(`not used: ${(e as Error).message}`);
    return false;
  }
  const own = path.resolve(ownFolder) + path.sep;
  const toWrite: Entry[] = [];
  const proto = Module.prototype as unknown as { _compile: (this: Module, content: string, filename: string) => unknown };
  const compile = proto._compile;
  proto._compile = function (this: Module, content: string, filename: string): unknown {
    if (!filename.startsWith(own)) return compile.call(this, content, filename);
    const name = createHash("sha256").update(process.version).update("\0").update(content).digest("hex").slice(0, 40);
    const cacheFile = path.join(folder, `${path.basename(filename)}-${name}.v8`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
    // The text as Node would compile it: a first line starting #! is a comment to Node, not to V8.
    const source = content.startsWith("#!") ? "//" + content : content;
    const script = new vm.Script(Module.wrap(source), {
      filename,
      ...(cachedData ? { cachedData } : {}),
    });
    const refused = cachedData !== undefined && script.cachedDataRejected === true;
    debug(`${path.basename(filename)}: ${cachedData ? (refused ? "entry refused by V8, written again" : "entry used") : "no entry yet"}`);
    if (cachedData === undefined || refused) toWrite.push({ file: filename, script, cacheFile });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, Module.createRequire(filename), this, filename, path.dirname(filename));
  };
  process.once("exit", () => {
    for (const entry of toWrite) {
      const temporary = `${entry.cacheFile}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(temporary, entry.script.createCachedData(), { mode: 0o600 });
        fs.renameSync(temporary, entry.cacheFile);
        removeOlderEntries(entry.cacheFile);
      } catch (e) {
        fs.rmSync(temporary, { force: true });
        debug(`${path.basename(entry.file)}: not written (${(e as Error).message})`);
      }
    }
  });
  return true;
}

/** Entries of earlier versions of the same file (another text, another Node): each new version would add one. */
function removeOlderEntries(cacheFile: string): void {
  const folder = path.dirname(cacheFile);
  const name = path.basename(cacheFile);
  const sameFile = name.slice(0, name.lastIndexOf("-") + 1);
  for (const other of fs.readdirSync(folder)) {
    if (other !== name && other.startsWith(sameFile) && /^[0-9a-f]{40}\.v8$/.test(other.slice(sameFile.length))) {
      fs.rmSync(path.join(folder, other), { force: true });
    }
  }
}
