/** Jest runs the TypeScript sources directly through ts-jest. */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testTimeout: 60000,
  reporters: ["default", "<rootDir>/test/support/plainSummaryReporter.js"],
};
