/** Jest globalTeardown: stops the LibreOffice the run's conversions shared, if one started, and removes its folder. */
import * as fs from "node:fs";
import { SHARED_OFFICE_DIR_ENV, officePipePath, sharedOfficeFiles } from "./libreoffice";

const STOP_WAIT_MS = 10_000;

export default async function globalTeardown(): Promise<void> {
  const dir = process.env[SHARED_OFFICE_DIR_ENV];
  if (!dir) return;
  const files = sharedOfficeFiles(dir);
  const pid = fs.existsSync(files.pid) ? Number(fs.readFileSync(files.pid, "utf8")) : NaN;
  if (Number.isInteger(pid)) {
    const group = -pid; // oosplash and soffice.bin: started in a process group of their own
    const signal = (s: NodeJS.Signals | 0): boolean => {
      try {
        process.kill(group, s);
        return true;
      } catch {
        return false;
      }
    };
    // TERM lets LibreOffice close its documents and remove its pipe; KILL if it has not gone in time.
    if (signal("SIGTERM")) {
      const deadline = Date.now() + STOP_WAIT_MS;
      while (signal(0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      signal("SIGKILL");
    }
    fs.rmSync(officePipePath(files.profile), { force: true });
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
