/** Reading the Sign-off sheet back: its records and the kept inputs of the latest (src/engine/signoff.ts checks both). */
import { SIGNOFF_ROLES, type SignOffBook, type SignOffRecord, type SignOffRole } from "../../../engine/signoff";
import type { Reader, SheetView } from "../../read/reader";
import { COMMON_MARKERS } from "../markers";
import { SIGNOFF_COLS as C, SIGNOFF_MARKERS, SIGNOFF_ROWS } from "./markers";

export function readSignoff(s: SheetView, r: Reader): SignOffBook {
  const keys = r.keys("Signoff");
  const records: SignOffRecord[] = [];
  let snapshot = "";
  for (let row = 1; row <= s.sheet.maxRow; row++) {
    const m = s.marker(row);
    if (([COMMON_MARKERS.title, COMMON_MARKERS.subtitle, COMMON_MARKERS.header, COMMON_MARKERS.note] as string[]).includes(m)) { keys[m] = row; continue; }
    if (m === SIGNOFF_MARKERS.snapshot) {
      keys[SIGNOFF_ROWS.snapshot(Object.keys(keys).filter((k) => k.startsWith("snapshot:")).length)] = row;
      // The chunk as written: not trimmed (r.text trims nothing, but treats blank as null).
      const v = s.value(row, C.snapshot);
      snapshot += typeof v === "string" ? v : "";
      continue;
    }
    if (m !== SIGNOFF_MARKERS.record) continue;
    keys[SIGNOFF_ROWS.record(records.length)] = row;
    const text = (col: string) => r.text(s, row, col, "sign-off")?.trim() ?? "";
    const role = SIGNOFF_ROLES.find((x) => x.toLowerCase() === text(C.role).toLowerCase());
    const record = { role: (role ?? text(C.role)) as SignOffRole, name: text(C.name), at: text(C.at), fingerprint: text(C.fingerprint).toLowerCase() };
    if (!role || !record.name || !/^[0-9a-f]{64}$/.test(record.fingerprint)) {
      r.add("signoff-record", "error", s.where(row, C.role), `${s.where(row, C.role)}: this sign-off record is incomplete or edited (role ${record.role || "blank"}, name ${record.name || "blank"}, fingerprint of ${record.fingerprint.length} characters); restore the Sign-off sheet from an earlier copy.`);
    }
    records.push(record);
  }
  return { records, snapshot };
}
