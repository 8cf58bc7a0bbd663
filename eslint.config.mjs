/**
 * ESLint for `npm run lint` (office-addin-lint check reads this file, eslint.config.mjs, in place of
 * its built-in one): the Office add-ins plugin's recommended rules, which include Prettier with
 * office-addin-prettier-config (package.json "prettier").
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
];
