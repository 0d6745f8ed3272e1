/** Types of scripts/build-cli.mjs, for the TypeScript that imports it (bench/cli-start.bench.ts). */
export declare const OUT_DIR: string;
export declare const CLI: string;
/** Builds dist-cli/outturn.cjs; resolves to its path. */
export declare function buildCli(): Promise<string>;
