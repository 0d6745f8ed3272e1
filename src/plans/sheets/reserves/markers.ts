/** The Reserves sheet's columns, row markers and logical row keys, shared by its layout and its reader. */
import type { ReserveColumn } from "../../../model/types";

export const RESERVES_COLS = { name: "A", openingBalance: "B", budgetedTransfer: "C", commitments: "D", actualTransfer: "E", forecastClosing: "F", commentary: "G", key: "H" } as const;
export const RESERVE_INPUTS: ReadonlyArray<[Exclude<ReserveColumn, "forecastClosing">, "B" | "C" | "D" | "E"]> = [
  ["openingBalance", "B"], ["budgetedTransfer", "C"], ["commitments", "D"], ["actualTransfer", "E"],
];
export const RESERVE_COLUMNS: ReadonlyArray<[ReserveColumn, string]> = [...RESERVE_INPUTS, ["forecastClosing", "F"]];

export const RESERVES_MARKERS = {
  earmarkedSection: "earmarked-section", reserve: "reserve", totalEarmarked: "total-earmarked", generalFund: "generalFund",
  totalRevenue: "total-revenue", capitalReceipts: "capitalReceipts", totalUsable: "total-usable", policySection: "policy-section",
  policy: (key: string) => `policy:${key}`, policyPrefix: "policy:", controlReserve: "control-reserve", controlNote: "control-note",
} as const;

export const RESERVES_ROWS = {
  earmarked: (i: number) => `earmarked:${i}`,
  capitalReceipts: (i: number) => `capitalReceipts:${i}`,
  controlReserve: (i: number) => `control-reserve:${i}`,
  earmarkedPrefix: "earmarked:",
  capitalReceiptsPrefix: "capitalReceipts:",
} as const;
