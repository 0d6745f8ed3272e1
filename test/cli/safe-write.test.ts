/** The shared safe-write module: atomic replacement, no clobbering, files compared by identity; errors in words. */
import { existsSync, linkSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkTarget, sameFile, writeSafely } from "../../src/cli/safe-write";
import { UserError } from "../../src/cli/user-error";
import { readFailure, writeFailure } from "../../src/cli/system-errors";

const dir = mkdtempSync(join(tmpdir(), "outturn-safe-write-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const target = (out: string, extra: Partial<Parameters<typeof checkTarget>[0]> = {}) => ({ out: join(dir, out), inputs: [join(dir, "in.json")], force: false, command: "test", ...extra });

beforeAll(() => writeFileSync(join(dir, "in.json"), "input"));

test("a write that fails half way leaves the old file whole and no temporary file", async () => {
  writeFileSync(join(dir, "old.xlsx"), "the old workbook");
  const failing = writeSafely(target("old.xlsx", { force: true }), async (temp) => {
    writeFileSync(temp, "half a wor");
    const e = new Error("no space left on device") as NodeJS.ErrnoException;
    e.code = "ENOSPC";
    throw e;
  });
  await expect(failing).rejects.toThrow(/old\.xlsx: cannot be written: the disk is full/);
  expect(readFileSync(join(dir, "old.xlsx"), "utf8")).toBe("the old workbook");
  expect(readdirSync(dir).filter((n) => n.includes("outturn-tmp"))).toEqual([]);
});

test("an existing file is replaced only with force", async () => {
  writeFileSync(join(dir, "keep.xlsx"), "keep");
  await expect(writeSafely(target("keep.xlsx"), new Uint8Array([1]))).rejects.toThrow(/already exists.*--force/);
  expect(readFileSync(join(dir, "keep.xlsx"), "utf8")).toBe("keep");
  await writeSafely(target("keep.xlsx", { force: true }), Buffer.from("new"));
  expect(readFileSync(join(dir, "keep.xlsx"), "utf8")).toBe("new");
});

test("files are compared by identity: a symbolic or hard link to the input is the input", async () => {
  symlinkSync(join(dir, "in.json"), join(dir, "soft.pptx"));
  linkSync(join(dir, "in.json"), join(dir, "hard.pptx"));
  expect(await sameFile(join(dir, "soft.pptx"), join(dir, "in.json"))).toBe(true);
  expect(await sameFile(join(dir, "hard.pptx"), join(dir, "in.json"))).toBe(true);
  expect(await sameFile(join(dir, "keep.xlsx"), join(dir, "in.json"))).toBe(false);
  for (const name of ["soft.pptx", "hard.pptx"]) {
    await expect(writeSafely(target(name, { force: true }), Buffer.from("x"))).rejects.toThrow(/is the file being read/);
  }
  expect(readFileSync(join(dir, "in.json"), "utf8")).toBe("input");
});

test("a new file in a new folder is written", async () => {
  await writeSafely(target(join("a", "b", "new.xlsx")), Buffer.from("ok"));
  expect(existsSync(join(dir, "a", "b", "new.xlsx"))).toBe(true);
});

test("refusals are UserErrors (words, no stack trace)", async () => {
  await expect(checkTarget(target("keep.xlsx"))).rejects.toBeInstanceOf(UserError);
});

test("system errors in words", () => {
  const err = (code: string) => Object.assign(new Error(code), { code });
  expect(readFailure("x.json", err("EISDIR"))).toBe("x.json: is a folder, not a file");
  expect(readFailure("x.json", err("EACCES"))).toBe("x.json: cannot be read: permission denied");
  expect(readFailure("x.json", err("ENOENT"))).toBe("x.json: no such file");
  expect(writeFailure("x.xlsx", err("EROFS"))).toBe("x.xlsx: cannot be written: the disk is read-only");
  expect(readFailure("x.json", err("EWHATEVER"))).toBe("x.json: cannot be read (EWHATEVER)");
});
