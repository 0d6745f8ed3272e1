/** The sign-off in the report: one line of status, then each input changed since sign-off (text), or an object (JSON). */
import { type SignOffStatus, describeStatus } from "../engine/signoff";

const inLine = (s: string) => s.replace(/\r\n|[\r\n\u2028\u2029]/g, " / ");
const shown = (v: string) => (v === "" ? "blank" : inLine(v));

export function signoffText(s: SignOffStatus | null): string[] {
  if (!s) return [];
  return [
    `Sign-off: ${describeStatus(s)}`,
    ...s.changes.map((c) => `  ${c.where ?? "(no longer in the workbook)"}  ${inLine(c.what)}: ${shown(c.before)} -> ${shown(c.after)}`),
    "",
  ];
}

export interface SignOffJson {
  state: SignOffStatus["state"];
  /** SHA-256 of every input and setting now. */
  fingerprint: string;
  records: Array<{ role: string; name: string; at: string; fingerprint: string }>;
  /** Every input changed since the latest sign-off: the cell now (null when gone), what it is, the value signed and now ("" blank). */
  changes: Array<{ where: string | null; what: string; key: string; before: string; after: string }>;
}

export function signoffJson(s: SignOffStatus): SignOffJson {
  return {
    state: s.state, fingerprint: s.fingerprint, records: s.records.map((r) => ({ ...r })),
    changes: s.changes.map((c) => ({ where: c.where, what: c.what, key: c.key, before: c.before, after: c.after })),
  };
}
