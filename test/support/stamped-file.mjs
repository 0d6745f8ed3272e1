/**
 * Files jest's globalSetup makes for the tests and keeps in node_modules/.cache from run to run: each starts with a
 * stamp line naming what it was made from, and is made again only when that changes.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Writes `stamp` followed by what `make` gives into `file`, unless the file there starts with the same stamp. Written
 * whole under a name of this process, then put in place: another jest run may be reading or writing it meanwhile.
 */
export async function keepStamped(file, stamp, make) {
  if (fs.existsSync(file) && fs.readFileSync(file, "utf8").startsWith(stamp)) return file;
  const text = await make();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(partial, stamp + text);
  fs.renameSync(partial, file);
  return file;
}
