/** The payback engine: pure TypeScript, decimal money, no Office and no files. */
export * from "./types";
export * from "./errors";
export * from "./money";
export * from "./periods";
export * from "./discount";
export * from "./payback";
export * from "./reconcile";
