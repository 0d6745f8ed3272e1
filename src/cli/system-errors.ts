/** Operating-system errors (Node's error codes) in words a person can act on. */

const READ_WORDS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "is a folder, not a file",
  EACCES: "cannot be read: permission denied",
  EPERM: "cannot be read: permission denied",
  ENOTDIR: "no such file (a part of the path is a file, not a folder)",
  ENAMETOOLONG: "the name is too long for the file system",
  ELOOP: "cannot be read: the path goes round in a loop of symbolic links",
  EMFILE: "cannot be opened: too many files are open; close some programs and try again",
  EBUSY: "cannot be read: the file is in use by another program",
  EIO: "cannot be read: the disk reported an input/output error",
};

const WRITE_WORDS: Record<string, string> = {
  EISDIR: "is a folder, not a file; give a file name",
  EACCES: "cannot be written: permission denied",
  EPERM: "cannot be written: permission denied",
  ENOSPC: "cannot be written: the disk is full",
  EDQUOT: "cannot be written: the disk quota is used up",
  EROFS: "cannot be written: the disk is read-only",
  ENOTDIR: "cannot be written: a part of the path is a file, not a folder",
  ENAMETOOLONG: "cannot be written: the name is too long for the file system",
  EBUSY: "cannot be written: the file is open in another program (close it in Excel or PowerPoint first)",
  EIO: "cannot be written: the disk reported an input/output error",
  EXDEV: "cannot be written: the temporary file and the target are on different disks",
};

export function errorCode(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** "<path>: is a folder, not a file". Unknown codes are still shown, after words saying what failed. */
export function readFailure(path: string, e: unknown): string {
  const code = errorCode(e);
  return `${path}: ${(code && READ_WORDS[code]) ?? `cannot be read (${code ?? (e as Error)?.message ?? String(e)})`}`;
}

export function writeFailure(path: string, e: unknown): string {
  const code = errorCode(e);
  return `${path}: ${(code && WRITE_WORDS[code]) ?? `cannot be written (${code ?? (e as Error)?.message ?? String(e)})`}`;
}
