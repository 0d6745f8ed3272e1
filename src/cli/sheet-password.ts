/**
 * The password the sheets are protected with: OUTTURN_SHEET_PASSWORD when set (an environment variable rather than
 * an option, so it stays out of the shell's history and the process list); none otherwise. Never written anywhere.
 */
export const sheetPassword = (): string | undefined => process.env.OUTTURN_SHEET_PASSWORD || undefined;
