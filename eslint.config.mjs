/**
 * ESLint for `npm run lint` (office-addin-lint check reads this file, eslint.config.mjs, in place of
 * its built-in one): the Office add-ins plugin's recommended rules, which include Prettier with
 * office-addin-prettier-config (package.json "prettier"), and the layering rules of
 * docs/architecture.md (no-restricted-imports, no-restricted-globals), reported as errors.
 */
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

const officeGlobals = {
  Office: "readonly",
  Excel: "readonly",
  CustomFunctions: "readonly",
  OfficeRuntime: "readonly",
};
const nodeGlobals = {
  require: "readonly",
  module: "writable",
  __dirname: "readonly",
  process: "readonly",
  console: "readonly",
  Buffer: "readonly",
};

/**
 * The layout (docs/architecture.md): each folder of src is entered only through its index.ts, so a
 * deep import across folders ("../grid/read/detect", "../../sheet/reference") is an error; src/grid's
 * read, reconcile and plan are reached from outside src/grid only through src/grid/index.ts.
 * "./read/detect" from src/grid, "../plan/plan" from src/grid/read and so on all match these.
 */
const DEEP_IMPORTS = {
  // After the leading ./ and ../ steps, a folder and then something inside it.
  regex: "^(\\.\\.?/)+[^./][^/]*/.+",
  message: "Import another folder through its index.ts (the folder itself), not one of its files.",
};

/** What the pure layers (src/engine, src/sheet, src/grid) must not use: Office, exceljs, files. */
const ADAPTER_ONLY_MODULES = [
  "exceljs",
  "fs",
  "fs/promises",
  "path",
  "os",
  "child_process",
  "jszip",
]
  .flatMap((name) => [name, `node:${name}`])
  .map((name) => ({
    name,
    message:
      "The engine, sheet and grid layers are pure: files and workbooks belong to src/file and src/excel.",
  }));
const OFFICE_GLOBALS = ["Office", "Excel", "CustomFunctions", "OfficeRuntime"].map((name) => ({
  name,
  message: "Office.js belongs to src/excel, src/taskpane, src/commands and src/functions.",
}));

/** Layers below a folder may not import the layers above it (engine and sheet know no grid, and so on). */
function upward(...folders) {
  return {
    regex: `^(\\.\\./)+(${folders.join("|")})(/|$)`,
    message: "A pure layer may not import the layers built on it (see docs/architecture.md).",
  };
}

const pureLayer = (files, ...above) => ({
  files,
  rules: {
    "no-restricted-imports": [
      "error",
      {
        paths: ADAPTER_ONLY_MODULES,
        patterns: [DEEP_IMPORTS, ...(above.length ? [upward(...above)] : [])],
      },
    ],
    "no-restricted-globals": ["error", ...OFFICE_GLOBALS],
  },
});

const APPS = ["excel", "file", "functions", "taskpane", "commands", "cli"];

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "out/**", ".tmp/**"] },
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser, ecmaVersion: 2022, globals: officeGlobals },
  },
  {
    // TypeScript itself reports undefined and redeclared names (a type and a value may share one).
    files: ["**/*.ts"],
    rules: { "no-undef": "off", "no-redeclare": "off" },
  },
  {
    // Formatting is reported, not failed: `npm run prettier` fixes it in one go.
    rules: { "prettier/prettier": ["warn", { endOfLine: "auto" }] },
  },
  {
    // The load/sync rules are for Office.js proxy objects; elsewhere (exceljs cells, the engine's
    // own objects) they mistake plain property reads for unsynced proxy reads.
    files: [
      "src/engine/**",
      "src/grid/**",
      "src/file/**",
      "src/cli/**",
      "src/functions/**",
      "scripts/**",
      "test/**",
    ],
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-context-sync-in-loop": "off",
      "office-addins/no-empty-load": "off",
      "office-addins/no-navigational-load": "off",
      "office-addins/test-for-null-using-isNullObject": "off",
    },
  },
  {
    files: ["*.js", "scripts/**/*.js", "bin/**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: nodeGlobals },
  },
  {
    // Adapters and apps: every other folder through its index.ts. The ribbon commands share the
    // pane's pure view state (src/taskpane/index.ts is the pane's entry point, not a library door).
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { ...DEEP_IMPORTS, regex: "^(?!\\.\\./taskpane/state$)(\\.\\.?/)+[^./][^/]*/.+" },
          ],
        },
      ],
    },
  },
  pureLayer(["src/engine/**/*.ts"], "grid", ...APPS),
  pureLayer(["src/sheet/**/*.ts"], "engine", "grid", ...APPS),
  pureLayer(["src/grid/**/*.ts"], ...APPS),
];
