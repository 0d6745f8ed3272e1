/**
 * SHA-256 of a text, as lower-case hex: the sign-off fingerprint's hash (./signoff.ts). By @noble/hashes, synchronous
 * in Node and the pane alike. Its own module so the pane loads it only for a workbook with a Sign-off sheet (the hash
 * is 2.6 KB of the start-up's gzipped bytes): src/excel/gateway.ts imports it when a read finds that sheet.
 */
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import type { Hash } from "./signoff";

export const sha256Hex: Hash = (text) => bytesToHex(sha256(utf8ToBytes(text)));
