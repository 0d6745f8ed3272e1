/**
 * The command line's exit codes, for scripts (documented in the usage text and the README):
 * 0 clean: the output was made and the period has no error check;
 * 1 refused: nothing was made (bad input, bad arguments, a file that would be replaced without --force...);
 * 2 with errors: the period was computed but has error checks, so its figures are incomplete (the report says
 *   which cells; a workbook is still written, a deck only with --draft).
 */
export const EXIT = { clean: 0, refused: 1, withErrors: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
