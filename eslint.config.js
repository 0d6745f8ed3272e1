/**
 * ESLint 9 flat config: typescript-eslint's recommended rules for src/ and test/, plus the
 * Office add-in rules from eslint-plugin-office-addins (its bundled "recommended" config also
 * turns on Prettier formatting, which this project does not use, so the plugin is registered
 * and its Excel API rules are enabled one by one).
 */
"use strict";

const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");
const importPlugin = require("eslint-plugin-import");
const reactHooks = require("eslint-plugin-react-hooks");

/**
 * The flow of the code, left to right: each folder may import only from the folders before it (and itself).
 * Folders on one step are siblings and do not import each other.
 *   model <- ledger <- engine <- narrative <- {plans, slides, report} <- workbook <- {excel, xlsx} <- {taskpane, cli, commands}
 */
const FLOW = [["model"], ["ledger"], ["engine"], ["narrative"], ["plans", "slides", "report"], ["workbook"], ["excel", "xlsx"], ["taskpane", "cli", "commands"]];

/** One no-restricted-paths zone per folder: it may not import the folders on its own step or after it. */
function flowZones() {
  const zones = [];
  FLOW.forEach((step, i) => {
    const later = FLOW.slice(i + 1).flat();
    for (const folder of step) {
      const forbidden = [...later, ...step.filter((s) => s !== folder)];
      if (forbidden.length === 0) continue;
      zones.push({
        target: `./src/${folder}`,
        from: forbidden.map((f) => `./src/${f}`),
        message: `src/${folder} may import only from ${FLOW.slice(0, i).flat().map((f) => `src/${f}`).join(", ") || "itself"} (the flow: ${FLOW.map((s) => s.join("/")).join(" <- ")}). Move the code to where it belongs.`,
      });
    }
  });
  return zones;
}

module.exports = tseslint.config(
  {
    ignores: ["dist/**", "node_modules/**", "out/**", "test-output/**", "coverage/**"],
  },
  {
    files: ["src/**/*.{ts,tsx}", "test/**/*.{ts,tsx}", "bench/**/*.ts"],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    plugins: { "office-addins": officeAddins, import: importPlugin },
    settings: { "import/resolver": { node: { extensions: [".ts", ".tsx", ".js", ".json"] } } },
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      // The flow of the code (see FLOW above).
      "import/no-restricted-paths": ["error", { zones: flowZones() }],
      // Excel JavaScript API usage (eslint-plugin-office-addins).
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      // TypeScript already reports undefined names, and knows the Office/Excel globals.
      "no-undef": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // All the product code: typescript-eslint's type-aware rules (floating promises, unsafe any, unbound methods...).
    files: ["src/**/*.{ts,tsx}"],
    extends: [...tseslint.configs.recommendedTypeChecked],
    // The product code's own program (tsconfig.src.json), not tsconfig.json's with the tests: half the files to build.
    languageOptions: { parserOptions: { project: "./tsconfig.src.json", tsconfigRootDir: __dirname } },
  },
  {
    // The task pane: React's rules of hooks (and the React Compiler's checks of the rules of React).
    files: ["src/taskpane/**/*.{ts,tsx}"],
    extends: [reactHooks.configs.flat.recommended],
    rules: {
      // A missing dependency is a stale value shown to the user: an error, not a warning.
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    // Only src/excel touches Office.js: elsewhere the Office globals are out of bounds.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/excel/**"],
    rules: {
      "no-restricted-globals": ["error",
        ...["Office", "Excel", "OfficeExtension"].map((name) => ({ name, message: `Only src/excel touches Office.js: move the use of ${name} into src/excel.` })),
      ],
    },
  },
  {
    // Node scripts and configuration files (CommonJS).
    files: ["*.js", "scripts/**/*.js", "test/**/*.js"],
    extends: [js.configs.recommended],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        exports: "writable",
        process: "readonly",
        console: "readonly",
        __dirname: "readonly",
        __filename: "readonly",
        Buffer: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        URL: "readonly",
      },
    },
  },
);
