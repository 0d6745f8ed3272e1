/**
 * Suites that need a real engine (LibreOffice, pdftoppm, Chromium). On a developer's machine without it they
 * are skipped with a note; in CI (CI=true) a missing engine fails the run instead of silently skipping it.
 */
export function describeWithEngines(engines: Record<string, boolean>): jest.Describe {
  const missing = Object.entries(engines).filter(([, ok]) => !ok).map(([name]) => name);
  if (missing.length === 0) return describe;
  if (process.env.CI) {
    return ((name: string) => describe(name, () => {
      test(`needs ${missing.join(", ")}`, () => {
        throw new Error(`${missing.join(", ")} not found; CI must install it (see .ci/run)`);
      });
    })) as unknown as jest.Describe;
  }
  process.stderr.write(`Skipping tests that need ${missing.join(", ")} (not installed here; CI runs them).\n`);
  return describe.skip;
}
