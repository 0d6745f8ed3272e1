/**
 * The workbook rules both gateways run (src/excel/gateway.ts on Excel, ./memory.ts in memory): inserting (./insert.ts),
 * saving settings (./settings.ts), closing and reopening (./closing.ts), and sheet names as Excel treats them
 * (./names.ts). The gateways import them from here only, so the bundle keeps them together as one module.
 */
export * from "./names";
export * from "./insert";
export * from "./settings";
export * from "./closing";
