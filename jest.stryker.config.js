/**
 * Jest as StrykerJS runs it: the engine's example-based suites and the reconciliation engine's
 * (the code it mutates), compiled without type-checking (a mutant need not type-check to be
 * tested). The property suites (thousands of generated cases, over a minute) and the suites that
 * read .xlsx fixtures stay in the full jest run: at one process, each surviving or looping mutant
 * would cost minutes there. Leaving them out can only lower the score, never raise it.
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/engine", "<rootDir>/test/reconcile"],
  testMatch: ["**/test/engine/*.test.ts", "**/test/reconcile/engine.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "properties\\.test\\.ts$"],
  testTimeout: 60000,
  transform: { "^.+\\.tsx?$": ["ts-jest", { diagnostics: false, isolatedModules: true }] },
};
