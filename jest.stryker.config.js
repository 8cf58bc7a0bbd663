/**
 * Jest as StrykerJS runs it: only the engine and reconciliation suites (the code it mutates),
 * compiled without type-checking (a mutant need not type-check to be tested).
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/engine", "<rootDir>/test/reconcile"],
  testMatch: ["**/*.test.ts"],
  testTimeout: 60000,
  transform: { "^.+\\.tsx?$": ["ts-jest", { diagnostics: false, isolatedModules: true }] },
};
