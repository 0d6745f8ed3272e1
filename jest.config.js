/** Unit and integration tests. The browser end-to-end run is separate: test/e2e/run.js. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx" }, diagnostics: false }],
  },
  moduleNameMapper: {
    // office-addin-mock pulls in office-addin-manifest, an ESM dependency jest cannot load.
    "^office-addin-manifest$": "<rootDir>/test/support/office-addin-manifest-stub.js",
    // The schema validator ajv generates ahead of time for the compiled command line, instead of compiling the schema
    // again in every test file (test/model/schema-validators.test.ts checks both agree).
    "^(.*/)?schema-validator$": "<rootDir>/test/support/schema-validator-standalone.ts",
    // Packages jest would otherwise load file by file in every test file that uses them, as one file each, built by
    // globalSetup: the pane's components (test/support/fluent-for-tests.mjs, about 2 s of CPU a file saved), and
    // ExcelJS as the command line ships it (scripts/build-cli.mjs, about 0.3 s).
    "^@fluentui/react-components$": "<rootDir>/node_modules/.cache/outturn-test/fluent-react-components.cjs",
    "^exceljs$": "<rootDir>/dist-cli/node_modules/exceljs.cjs",
  },
  // Every core (jest's default leaves one free): much of the suite waits on LibreOffice, a child process, so a second
  // worker runs other files meanwhile. 196 s against 337 s with one worker on the 2-core development machine.
  maxWorkers: "100%",
  // The compiled `outturn` command the command-line tests run (test/support/cli.ts) and its code cache's folder, the
  // report schema's validator, and the shared LibreOffice's folder (test/support/global-setup.mjs).
  globalSetup: "<rootDir>/test/support/global-setup.mjs",
  // Stops the LibreOffice the run shared (test/support/libreoffice.ts).
  globalTeardown: "<rootDir>/test/support/global-teardown.ts",
  testTimeout: 60000,
};
