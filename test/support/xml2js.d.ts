/**
 * Minimal typings for xml2js (installed as a dependency of office-addin-manifest; no @types package
 * here). Only what test/manifest.test.ts uses.
 */
declare module "xml2js" {
  export interface ParserOptions {
    strict?: boolean;
    explicitArray?: boolean;
    explicitCharkey?: boolean;
    explicitRoot?: boolean;
    trim?: boolean;
  }
  export function parseStringPromise(xml: string, options?: ParserOptions): Promise<unknown>;
}
