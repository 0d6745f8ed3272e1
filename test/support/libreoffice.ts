/**
 * LibreOffice as a real spreadsheet engine for tests.
 *
 * - recalculateXlsx: round-trips an .xlsx through headless Calc, which recalculates every formula, so the
 *   result can be read back with ExcelJS (readCellValues). The profile used sets
 *   /org.openoffice.Office.Calc/Formula/Load/OOXMLRecalcMode = 0 ("always recalculate"); without it Calc trusts
 *   the cached results stored in the file (proved by test/harness/libreoffice.test.ts).
 * - convertToPdf (.xlsx via Calc, .pptx via Impress) and pdfToPngs (poppler's pdftoppm) for visual checks.
 *
 * LibreOffice's start-up is most of a small conversion's time (about 1.7 s of CPU, against about 0.3 s to convert
 * once it runs), so under jest one LibreOffice serves the whole run: jest's globalSetup names a private folder
 * (OUTTURN_SOFFICE_DIR), the first conversion starts LibreOffice there with its own profile and a document kept open,
 * and every later `soffice --convert-to` with that profile is handed to it over its pipe and waits for the result
 * (see startSharedOffice). Without that folder (outside jest) and for the "file-default" control, each call starts a
 * LibreOffice of its own with a fresh profile. Only one conversion per process runs at a time (one promise queue);
 * the shared LibreOffice takes the two workers' requests in turn. Converting many files in one call
 * (recalculateManyXlsx, convertManyToPdf) still saves a round trip each.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ExcelJS from "exceljs";

/** Exact registrymodifications.xcu item that makes Calc recalculate every formula of an OOXML file on load. */
export const OOXML_ALWAYS_RECALC_ITEM =
  '<item oor:path="/org.openoffice.Office.Calc/Formula/Load">' +
  '<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>';

/**
 * "always": the profile forces recalculation on load (the default, and what tests should use).
 * "file-default": a profile without the setting (LibreOffice's own default: trust cached results of .xlsx files).
 *   Only useful as a negative control.
 */
export type RecalcMode = "always" | "file-default";

export interface SofficeOptions {
  /** Milliseconds before soffice is killed and the call rejects. Default 120 000. */
  timeoutMs?: number;
}

export interface RecalculateOptions extends SofficeOptions {
  recalcMode?: RecalcMode;
}

const DEFAULT_TIMEOUT_MS = 120_000;

function sofficeCommand(): string {
  return process.env.SOFFICE_PATH ?? "soffice";
}

function findOnPath(command: string): string | undefined {
  if (command.includes(path.sep)) {
    return isExecutable(command) ? command : undefined;
  }
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** True when a soffice executable is on PATH (or at $SOFFICE_PATH). Use with `describe.skip` when it is not. */
export function sofficeAvailable(): boolean {
  return findOnPath(sofficeCommand()) !== undefined;
}

/** True when pdftoppm (poppler-utils) is on PATH. */
export function pdftoppmAvailable(): boolean {
  return findOnPath("pdftoppm") !== undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Profiles: a fresh directory per call (about 0.1 s dearer than reusing one, and nothing can leak between calls),
// removed afterwards.

function registrymodifications(mode: RecalcMode): string {
  const items = mode === "always" ? OOXML_ALWAYS_RECALC_ITEM + "\n" : "";
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
    items +
    "</oor:items>\n"
  );
}

function createProfile(mode: RecalcMode): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `outturn-lo-profile-${mode}-`));
  fs.mkdirSync(path.join(dir, "user"), { recursive: true });
  fs.writeFileSync(path.join(dir, "user", "registrymodifications.xcu"), registrymodifications(mode), "utf8");
  return dir;
}

/** file:// URL of a directory, as soffice's -env:UserInstallation wants it. */
function fileUrl(dir: string): string {
  return "file://" + path.resolve(dir).split(path.sep).map(encodeURIComponent).join("/");
}

// ---------------------------------------------------------------------------------------------------------------
// One soffice at a time.

let queue: Promise<unknown> = Promise.resolve();

function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

interface RunResult {
  stdout: string;
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

function runProcess(command: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // detached: soffice is a shell script -> oosplash -> soffice.bin; a process group lets a timeout kill them all.
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${command}: ${err.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(
          new Error(
            `${command} ${args.join(" ")} timed out after ${timeoutMs} ms and was killed.\n` +
              `stderr:\n${stderr}\nstdout:\n${stdout}`,
          ),
        );
      } else {
        resolve({ stdout, stderr, code, signal });
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// One LibreOffice for a whole jest run.

/** The folder jest's globalSetup makes for the shared LibreOffice (test/support/global-setup.mjs), if any. */
export const SHARED_OFFICE_DIR_ENV = "OUTTURN_SOFFICE_DIR";
/** The jest process that owns that folder: the LibreOffice started for it stops when that process is gone. */
export const SHARED_OFFICE_OWNER_ENV = "OUTTURN_SOFFICE_OWNER";

/**
 * A one-sheet flat ODF spreadsheet the shared LibreOffice keeps open. LibreOffice ends itself after a handed-over
 * conversion when no document is open (desktop/source/app/dispatchwatcher.cxx); a plain text or CSV file would not
 * stay open in headless mode (its import asks for options), this does.
 */
const KEEP_OPEN_DOCUMENT =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"' +
  ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2"' +
  ' office:mimetype="application/vnd.oasis.opendocument.spreadsheet">' +
  '<office:body><office:spreadsheet><table:table table:name="Keep"/></office:spreadsheet></office:body></office:document>\n';

const SHARED_START_TIMEOUT_MS = 60_000;

interface SharedOfficeFiles {
  profile: string;
  keep: string;
  /** LibreOffice writes this lock file when it has opened the kept document: it is then ready to take conversions. */
  keepLock: string;
  pid: string;
  log: string;
  starting: string;
}

/**
 * The socket a LibreOffice with this profile listens on for other soffice calls: /tmp/OSL_PIPE_<uid>_SingleOfficeIPC_
 * and the MD5 of the profile's URL in UTF-16, each byte in hex without leading zeros (desktop/source/app/
 * officeipcthread.cxx, sal/osl/unx/pipe.cxx). LibreOffice leaves it behind when stopped by a signal; the teardown
 * removes it.
 */
export function officePipePath(profile: string): string {
  const digest = createHash("md5").update(Buffer.from(fileUrl(profile), "utf16le")).digest();
  const hex = Array.from(digest, (byte) => byte.toString(16)).join("");
  return path.join("/tmp", `OSL_PIPE_${process.getuid?.() ?? 0}_SingleOfficeIPC_${hex}`);
}

export function sharedOfficeFiles(dir: string): SharedOfficeFiles {
  return {
    profile: path.join(dir, "profile"),
    keep: path.join(dir, "keep.fods"),
    keepLock: path.join(dir, ".~lock.keep.fods#"),
    pid: path.join(dir, "soffice.pid"),
    log: path.join(dir, "soffice.log"),
    starting: path.join(dir, "starting"),
  };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the shared LibreOffice (in its own process group, so the teardown can stop oosplash and soffice.bin
 * together), with a watchdog that stops it and removes its folder if the jest process dies without its teardown.
 * Called by the one worker that created the `starting` folder first.
 */
function startSharedOffice(files: SharedOfficeFiles): void {
  fs.mkdirSync(path.join(files.profile, "user"), { recursive: true });
  fs.writeFileSync(path.join(files.profile, "user", "registrymodifications.xcu"), registrymodifications("always"), "utf8");
  fs.writeFileSync(files.keep, KEEP_OPEN_DOCUMENT, "utf8");
  const log = fs.openSync(files.log, "a");
  const args = [
    `-env:UserInstallation=${fileUrl(files.profile)}`,
    "--headless",
    "--norestore",
    "--nologo",
    "--nolockcheck",
    files.keep,
  ];
  const office = spawn(sofficeCommand(), args, { stdio: ["ignore", log, log], detached: true });
  fs.closeSync(log);
  if (office.pid === undefined) throw new Error(`could not start ${sofficeCommand()} for the shared LibreOffice (see ${files.log})`);
  office.unref();
  fs.writeFileSync(files.pid, String(office.pid), "utf8");
  const owner = process.env[SHARED_OFFICE_OWNER_ENV];
  if (owner) {
    const watchdog = spawn(
      "sh",
      [
        "-c",
        'while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 2; done; ' +
          'kill -0 "$1" 2>/dev/null && exit 0; kill -TERM -"$2" 2>/dev/null; i=0; ' +
          'while kill -0 -"$2" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.2; i=$((i+1)); done; ' +
          'kill -KILL -"$2" 2>/dev/null; rm -rf "$3" "$4"',
        "sh",
        owner,
        String(office.pid),
        path.dirname(files.profile),
        officePipePath(files.profile),
      ],
      { stdio: "ignore", detached: true },
    );
    watchdog.unref();
  }
}

let sharedProfile: Promise<string> | undefined;

/**
 * The profile of the shared LibreOffice, started if no worker has yet, once it is ready; undefined outside jest (no
 * folder named) or when it has stopped, so the caller starts a LibreOffice of its own.
 */
async function sharedOfficeProfile(): Promise<string | undefined> {
  const dir = process.env[SHARED_OFFICE_DIR_ENV];
  if (!dir || !fs.existsSync(dir)) return undefined;
  const files = sharedOfficeFiles(dir);
  sharedProfile ??= (async () => {
    try {
      fs.mkdirSync(files.starting); // atomic: exactly one worker starts it
      startSharedOffice(files);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const deadline = Date.now() + SHARED_START_TIMEOUT_MS;
    while (!fs.existsSync(files.keepLock)) {
      if (Date.now() > deadline) {
        const log = fs.existsSync(files.log) ? fs.readFileSync(files.log, "utf8") : "(no log)";
        throw new Error(`the shared LibreOffice was not ready after ${SHARED_START_TIMEOUT_MS} ms.\nlog:\n${log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return files.profile;
  })();
  const profile = await sharedProfile;
  const pid = Number(fs.existsSync(files.pid) ? fs.readFileSync(files.pid, "utf8") : NaN);
  return Number.isInteger(pid) && processAlive(pid) ? profile : undefined;
}

/**
 * Runs one `soffice --headless --convert-to <target>` on every input (handed to the shared LibreOffice, or one started
 * for the call: once however many files) and returns the output paths in the inputs' order.
 * soffice exits 0 even when it cannot load a file, so success means: each expected output file was (re)written.
 */
async function sofficeConvert(
  inputPaths: string[],
  outDir: string,
  target: string,
  extension: string,
  mode: RecalcMode,
  timeoutMs: number,
): Promise<string[]> {
  const out = path.resolve(outDir);
  const inputs = inputPaths.map((p) => path.resolve(p));
  const outputs = inputs.map((input) => path.join(out, path.basename(input, path.extname(input)) + "." + extension));
  for (const input of inputs) {
    if (!fs.existsSync(input)) throw new Error(`soffice: input file does not exist: ${input}`);
    if (path.extname(input).toLowerCase() === "." + extension && path.dirname(input) === out) {
      throw new Error(`soffice: outDir must differ from the input's folder, or the input is overwritten: ${input}`);
    }
  }
  const clash = outputs.find((o, i) => outputs.indexOf(o) !== i);
  if (clash) throw new Error(`soffice: two inputs would both be converted to ${clash}: give them different names`);
  if (inputs.length === 0) return [];
  fs.mkdirSync(out, { recursive: true });

  return serialised(async () => {
    for (const o of outputs) fs.rmSync(o, { force: true });
    const shared = mode === "always" ? await sharedOfficeProfile() : undefined;
    const profile = shared ?? createProfile(mode);
    const args = [
      `-env:UserInstallation=${fileUrl(profile)}`,
      "--headless",
      "--norestore",
      "--nologo",
      "--nodefault",
      "--nolockcheck",
      "--convert-to",
      target,
      "--outdir",
      out,
      ...inputs,
    ];
    let result: RunResult;
    try {
      // A longer allowance for many files: each adds its own load and save to the one start-up.
      result = await runProcess(sofficeCommand(), args, timeoutMs + (inputs.length - 1) * 20_000);
    } finally {
      if (!shared) fs.rmSync(profile, { recursive: true, force: true });
    }
    const failed = inputs.filter((_, i) => !fs.existsSync(outputs[i] as string));
    if (result.code !== 0 || failed.length > 0) {
      throw new Error(
        `soffice failed to convert ${failed.length ? failed.join(", ") : inputs.join(", ")} to ${target} (exit ${result.code}${result.signal ? ", " + result.signal : ""}).\n` +
          `stderr:\n${result.stderr}\nstdout:\n${result.stdout}` +
          (shared ? `\n(the shared LibreOffice's own output is in ${sharedOfficeFiles(path.dirname(shared)).log})` : ""),
      );
    }
    return outputs;
  });
}

const XLSX_TARGET = "xlsx:Calc MS Excel 2007 XML";

/**
 * Opens `inputPath` (.xlsx) in headless Calc, recalculates every formula, saves it as .xlsx in `outDir` (same base
 * name) and returns the new file's path. Read it with readCellValues.
 */
export async function recalculateXlsx(inputPath: string, outDir: string, options: RecalculateOptions = {}): Promise<string> {
  const [output] = await recalculateManyXlsx([inputPath], outDir, options);
  return output as string;
}

/** recalculateXlsx for many files in one LibreOffice start (their base names must differ); paths in the same order. */
export function recalculateManyXlsx(inputPaths: string[], outDir: string, options: RecalculateOptions = {}): Promise<string[]> {
  return sofficeConvert(inputPaths, outDir, XLSX_TARGET, "xlsx", options.recalcMode ?? "always", options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
}

/** Converts an .xlsx (Calc) or .pptx (Impress) file to PDF in `outDir`; returns the PDF's path. */
export async function convertToPdf(inputPath: string, outDir: string, options: SofficeOptions = {}): Promise<string> {
  const [output] = await convertManyToPdf([inputPath], outDir, options);
  return output as string;
}

/** convertToPdf for many files in one LibreOffice start (their base names must differ); PDF paths in the same order. */
export function convertManyToPdf(inputPaths: string[], outDir: string, options: SofficeOptions = {}): Promise<string[]> {
  return sofficeConvert(inputPaths, outDir, "pdf", "pdf", "always", options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
}

/**
 * Renders every page of a PDF to `outDir/<prefix>-<n>.png` with pdftoppm (60 dpi unless `resolution` is given)
 * and returns the PNG paths in page order. Old PNGs with the same prefix are removed first.
 */
export async function pdfToPngs(
  pdfPath: string,
  outDir: string,
  prefix: string,
  options: { resolution?: number; timeoutMs?: number } = {},
): Promise<string[]> {
  const out = path.resolve(outDir);
  fs.mkdirSync(out, { recursive: true });
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-(\\d+)\\.png$`);
  const matching = (): string[] => fs.readdirSync(out).filter((f) => pattern.test(f));
  for (const f of matching()) fs.rmSync(path.join(out, f), { force: true });

  const args = ["-png", "-r", String(options.resolution ?? 60), path.resolve(pdfPath), path.join(out, prefix)];
  const result = await runProcess("pdftoppm", args, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  if (result.code !== 0) {
    throw new Error(`pdftoppm ${args.join(" ")} failed (exit ${result.code}).\nstderr:\n${result.stderr}`);
  }
  const pageOf = (f: string): number => Number(pattern.exec(f)?.[1] ?? 0);
  const files = matching().sort((a, b) => pageOf(a) - pageOf(b));
  if (files.length === 0) throw new Error(`pdftoppm produced no PNG for ${pdfPath}.\nstderr:\n${result.stderr}`);
  return files.map((f) => path.join(out, f));
}

// ---------------------------------------------------------------------------------------------------------------
// Reading values back.

/** An error result of a formula (or an error literal), e.g. { error: "#DIV/0!" }. */
export interface CellError {
  error: string;
}

export function isCellError(value: unknown): value is CellError {
  return typeof value === "object" && value !== null && typeof (value as { error?: unknown }).error === "string";
}

/** What readCellValues stores for a cell: a number, string, boolean, Date, CellError, or undefined for an empty result. */
export type CellValue = number | string | boolean | Date | CellError | undefined;

function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    const v = value as unknown as Record<string, unknown>;
    if (typeof v.error === "string") return { error: v.error };
    // Formula, shared formula or array formula: the (recalculated) result.
    if ("formula" in v || "sharedFormula" in v) {
      return plainValue((v.result ?? null) as ExcelJS.CellValue);
    }
    if (Array.isArray(v.richText)) {
      return (v.richText as Array<{ text: string }>).map((r) => r.text).join("");
    }
    if ("hyperlink" in v && "text" in v) return plainValue(v.text as ExcelJS.CellValue);
  }
  return String(value);
}

/**
 * Reads every non-empty cell of every sheet: sheet name -> address ("B7") -> value. Formula cells give their result
 * as stored in the file (after recalculateXlsx, the recalculated one); error results give { error: "#REF!" } etc.
 */
export async function readCellValues(xlsxPath: string): Promise<Map<string, Map<string, CellValue>>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxPath);
  const sheets = new Map<string, Map<string, CellValue>>();
  workbook.eachSheet((sheet) => {
    const cells = new Map<string, CellValue>();
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        // Cells of a merge other than its master repeat the master's value in ExcelJS; keep the master only.
        if (cell.isMerged && cell.master.address !== cell.address) return;
        // A formula's result of 0, "" or false is missing from ExcelJS's cell.value but present in cell.result.
        cells.set(cell.address, cell.formula ? plainValue((cell.result ?? null) as ExcelJS.CellValue) : plainValue(cell.value));
      });
    });
    sheets.set(sheet.name, cells);
  });
  return sheets;
}

/** Formulas as stored in the file: sheet name -> address -> formula text without "=". For checking what was written. */
export async function readFormulas(xlsxPath: string): Promise<Map<string, Map<string, string>>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxPath);
  const sheets = new Map<string, Map<string, string>>();
  workbook.eachSheet((sheet) => {
    const formulas = new Map<string, string>();
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const f = cell.formula;
        if (f) formulas.set(cell.address, f);
      });
    });
    sheets.set(sheet.name, formulas);
  });
  return sheets;
}
