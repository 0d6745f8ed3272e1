/**
 * Sign-off of a period: the treasurer, then the board, record that they have reviewed its figures, with a fingerprint
 * (SHA-256) of every input and setting as they stood. Pure: no workbook, no clock, no Office.
 *
 * The fingerprint is of a canonical text of the inputs, not of a file: each input is one entry, keyed by where it is
 * in the period (sheet, logical row, field: "Revenue|line:0:2|forecastOutturn", never a cell address, so inserting a
 * row elsewhere does not change it), with its value as exact text (amounts as decimal strings from decimal.js, never
 * binary floating point; blanks left out). The entries come from the sheet plans (src/plans/sheets/signoff/inputs.ts),
 * so "every input" means every cell the user types in, settings and the period's identity included.
 *
 * The sign-off keeps that canonical text beside the fingerprint, so a later change can be listed cell by cell (a hash
 * alone says only that something changed); the fingerprint then also proves the kept text was not edited.
 */

/** One input as signed: where it is in the period, and its value as exact text. */
export interface InputEntry {
  key: string;
  value: string;
}

/** An input of the period as it is now: its entry, the cell holding it and what it is, in words. */
export interface LocatedInput extends InputEntry {
  /** The cell, e.g. "Revenue!E9"; null when it cannot be placed. */
  where: string | null;
  /** e.g. "Revenue, Pay & Employment costs, forecast outturn". */
  what: string;
}

export const SIGNOFF_ROLES = ["Treasurer", "Board"] as const;
export type SignOffRole = (typeof SIGNOFF_ROLES)[number];

export interface SignOffRecord {
  role: SignOffRole;
  name: string;
  /** ISO 8601 date and time in UTC, e.g. 2026-11-30T05:10:00Z. */
  at: string;
  /** SHA-256 of the canonical inputs, 64 hex digits. */
  fingerprint: string;
}

/** What a workbook holds of its sign-offs: the records, oldest first, and the canonical inputs of the latest. */
export interface SignOffBook {
  records: SignOffRecord[];
  /** The canonical text of the inputs the latest record signed (see canonicalText). */
  snapshot: string;
}

/** Version tag of the canonical form: a later change to the form must change it, so old fingerprints are not misread. */
const CANONICAL_TAG = "outturn-inputs-v1";

/** Entries sorted by key, one per line as a JSON array, after the tag: unambiguous whatever the text holds. */
export function canonicalText(entries: readonly InputEntry[]): string {
  const sorted = entries.filter((e) => e.value !== "").sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return [CANONICAL_TAG, ...sorted.map((e) => JSON.stringify([e.key, e.value]))].join("\n");
}

/** The entries of a canonical text; null when it is not one (edited by hand, cut short). */
export function parseCanonical(text: string): InputEntry[] | null {
  const [tag, ...lines] = text.split("\n");
  if (tag !== CANONICAL_TAG) return null;
  const out: InputEntry[] = [];
  for (const line of lines) {
    try {
      const pair: unknown = JSON.parse(line);
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== "string" || typeof pair[1] !== "string") return null;
      out.push({ key: pair[0], value: pair[1] });
    } catch {
      return null;
    }
  }
  return out;
}

/**
 * The hash function: SHA-256 (./sha256.ts sha256Hex), passed in so the pane loads it only for a signed workbook, and a
 * test can see what is hashed.
 */
export type Hash = (text: string) => string;

export function fingerprintOf(entries: readonly InputEntry[], hash: Hash): string {
  return hash(canonicalText(entries));
}

/** An input changed since sign-off: its key, the cell now (null when the line is gone), and the values before and after ("" for blank). */
export interface InputChange {
  key: string;
  where: string | null;
  what: string;
  before: string;
  after: string;
}

/** Every input whose value differs between the signed entries and the inputs now, in the order of the inputs now, then those gone. */
export function changedInputs(signed: readonly InputEntry[], now: readonly LocatedInput[]): InputChange[] {
  const before = new Map(signed.map((e) => [e.key, e.value]));
  const out: InputChange[] = [];
  const seen = new Set<string>();
  for (const e of now) {
    seen.add(e.key);
    const old = before.get(e.key) ?? "";
    if (old !== e.value) out.push({ key: e.key, where: e.where, what: e.what, before: old, after: e.value });
  }
  for (const e of signed) {
    if (!seen.has(e.key) && e.value !== "") out.push({ key: e.key, where: null, what: e.key.split("|").join(", "), before: e.value, after: "" });
  }
  return out;
}

export type SignOffState = "not-signed" | "signed" | "changed" | "record-altered";

export interface SignOffStatus {
  state: SignOffState;
  /** Every sign-off, oldest first. */
  records: SignOffRecord[];
  /** The fingerprint of the inputs now. */
  fingerprint: string;
  /** The inputs changed since the latest sign-off (empty unless state is "changed"). */
  changes: InputChange[];
}

/** Where the period stands against its sign-offs. */
export function signOffStatus(book: SignOffBook | null, now: readonly LocatedInput[], hash: Hash): SignOffStatus {
  const fingerprint = fingerprintOf(now, hash);
  const records = book?.records ?? [];
  const latest = records[records.length - 1];
  if (!book || !latest) return { state: "not-signed", records, fingerprint, changes: [] };
  const signed = parseCanonical(book.snapshot);
  // The kept inputs must be the ones the latest record signed: otherwise the Sign-off sheet was edited.
  if (!signed || hash(book.snapshot) !== latest.fingerprint) return { state: "record-altered", records, fingerprint, changes: [] };
  if (latest.fingerprint === fingerprint) return { state: "signed", records, fingerprint, changes: [] };
  return { state: "changed", records, fingerprint, changes: changedInputs(signed, now) };
}

/** A sign-off refused, in words. */
export class SignOffRefused extends Error {}

/**
 * The records after `role` signs the inputs now. The board signs after the treasurer: a board sign-off needs the
 * treasurer's of the same figures (the same fingerprint). A period with errors is not signed: its figures are incomplete.
 */
export function signOff(status: SignOffStatus, entries: readonly InputEntry[], who: { role: SignOffRole; name: string; at: string }, errors: number, hash: Hash): SignOffBook {
  const name = who.name.trim();
  if (!name) throw new SignOffRefused("give the name of the person signing off");
  if (errors > 0) throw new SignOffRefused(`the period has ${errors} error(s), so its figures are incomplete; correct them, then sign off`);
  if (status.state === "record-altered") throw new SignOffRefused("the Sign-off sheet has been edited by hand, so its record cannot be trusted; restore it (undo, or an earlier copy of the workbook) before signing off again");
  const snapshot = canonicalText(entries);
  const fingerprint = hash(snapshot);
  if (fingerprint !== status.fingerprint) throw new SignOffRefused("the inputs changed while signing off; read the workbook again");
  if (who.role === "Board" && !status.records.some((r) => r.role === "Treasurer" && r.fingerprint === fingerprint)) {
    throw new SignOffRefused("the treasurer signs off these figures first, then the board");
  }
  if (status.records.some((r) => r.role === who.role && r.fingerprint === fingerprint && r.name === name)) {
    throw new SignOffRefused(`${name} has already signed off these figures as ${who.role.toLowerCase()}`);
  }
  return { records: [...status.records, { role: who.role, name, at: who.at, fingerprint }], snapshot };
}

/** "Treasurer A. Smith, 2026-11-30 05:10 UTC" */
export function describeRecord(r: SignOffRecord): string {
  return `${r.role} ${r.name}, ${r.at.replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, " UTC")}`;
}

/** The status in one sentence, for the report, the pane and the Summary sheet. */
export function describeStatus(s: SignOffStatus): string {
  const latest = s.records[s.records.length - 1];
  const signedNow = s.records.filter((r) => r.fingerprint === s.fingerprint).map(describeRecord);
  switch (s.state) {
    case "not-signed":
      return "Not signed off.";
    case "signed":
      return `Signed off: ${signedNow.join("; ")} (fingerprint ${s.fingerprint.slice(0, 12)}).`;
    case "changed":
      return `CHANGED SINCE SIGN-OFF: ${s.changes.length} input(s) changed since ${latest ? describeRecord(latest) : "the sign-off"} signed off (fingerprint ${latest?.fingerprint.slice(0, 12) ?? ""}; now ${s.fingerprint.slice(0, 12)}).`;
    case "record-altered":
      return "The Sign-off sheet has been edited by hand: its record no longer matches its fingerprint, so the sign-off cannot be trusted.";
  }
}
