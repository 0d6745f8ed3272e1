/**
 * Writing an output file without ever losing one: the bytes go to a temporary file in the same folder, which is
 * flushed to disk and then renamed over the target (a rename within a folder is atomic, so a full disk, a crash
 * or Ctrl+C leaves the old file whole, never truncated). An existing file is replaced only with --force, and
 * never when it is one of the command's inputs: files are compared by identity (device and inode, after following
 * links; and their real paths), not by name, so a symbolic link, a hard link or a name differing only in case
 * (on Windows and macOS) cannot lead Outturn to write over what it reads.
 */
import { randomBytes } from "node:crypto";
import { type Stats } from "node:fs";
import { mkdir, open, realpath, rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { UserError } from "./user-error";
import { errorCode, writeFailure } from "./system-errors";

export interface OutputTarget {
  /** The file to write. */
  out: string;
  /** The files the command reads: never written over, whatever name reaches them. */
  inputs: string[];
  /** --force: replace an existing output file. */
  force: boolean;
  /** The command's name, for messages ("workbook"). */
  command: string;
}

async function statOrNull(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch (e) {
    if (errorCode(e) === "ENOENT" || errorCode(e) === "ENOTDIR") return null;
    throw new UserError(writeFailure(path, e));
  }
}

async function realOrNull(path: string): Promise<string | null> {
  try {
    return await realpath(path);
  } catch {
    return null;
  }
}

/** Same file: same device and inode (what a link or another spelling of the name cannot hide), or same real path. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([statOrNull(a), statOrNull(b)]);
  if (!sa || !sb) return false;
  if (sa.dev === sb.dev && sa.ino === sb.ino && sa.ino !== 0) return true;
  const [ra, rb] = await Promise.all([realOrNull(a), realOrNull(b)]);
  return ra !== null && ra === rb;
}

/**
 * Refuses a target that is an input, a folder, or an existing file without --force. Called before the work (so
 * a refusal is quick) and again just before the rename.
 */
export async function checkTarget(t: OutputTarget): Promise<void> {
  const existing = await statOrNull(t.out);
  if (!existing) return;
  for (const input of t.inputs) {
    if (await sameFile(t.out, input)) {
      throw new UserError(`${t.command}: ${t.out} is the file being read (${input}${resolve(input) === resolve(t.out) ? "" : ", reached through a link or another spelling of its name"}); write to another file`);
    }
  }
  if (existing.isDirectory()) throw new UserError(`${t.command}: ${t.out} is a folder, not a file; give a file name, e.g. ${join(t.out, "report.xlsx")}`);
  if (!t.force) throw new UserError(`${t.command}: ${t.out} already exists; Outturn does not replace a file unless asked: add --force to replace it, or choose another name`);
}

/** Writes the bytes (or lets `write` write a file at the temporary path), then renames it into place. */
export async function writeSafely(t: OutputTarget, content: Uint8Array | ((tempPath: string) => Promise<void>)): Promise<void> {
  await checkTarget(t);
  const dir = dirname(resolve(t.out));
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new UserError(`${t.command}: ${writeFailure(dir, e)}`);
  }
  const temp = join(dir, `.${basename(t.out)}.${process.pid}-${randomBytes(4).toString("hex")}.outturn-tmp`);
  const removeTemp = () => unlink(temp).catch(() => undefined);
  const onSignal = (signal: NodeJS.Signals) => {
    void removeTemp().finally(() => process.kill(process.pid, signal));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    if (typeof content === "function") await content(temp);
    else await writeFile(temp, content, { flag: "wx" });
    // Flushed before the rename, so the name never points at bytes still in the cache when the power goes.
    const handle = await open(temp, "r+");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await checkTarget(t);
    await rename(temp, t.out);
  } catch (e) {
    await removeTemp();
    if (e instanceof UserError) throw e;
    throw new UserError(`${t.command}: ${writeFailure(t.out, e)}`);
  } finally {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  }
}
