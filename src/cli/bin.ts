/**
 * The `outturn` command's entry (dist-cli/outturn.cjs): turns on the code cache for the command's own files
 * (src/cli/compile-cache.ts), then runs the command (src/cli/main.ts, bundled beside it as outturn-main.cjs).
 */
import * as path from "node:path";
import { useCompileCache } from "./compile-cache";
import { keepHeapNearLive } from "./heap";

// V8 refuses a cached entry made under other flags, and the command sets one as it starts (src/cli/heap.ts): set it
// before any of the command's code is compiled, so entries are made and used under the same flags.
keepHeapNearLive();
useCompileCache(__dirname);
// A path worked out at run time, so the bundler leaves the command's bundle as the separate file it is.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require(path.join(__dirname, "outturn-main.cjs"));
