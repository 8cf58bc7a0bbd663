/** The payback engine: pure TypeScript, decimal money, no Office and no files. */
export * from "./types";
export * from "./errors";
export * from "./messages";
export * from "./money";
export * from "./periods";
export * from "./discount";
export * from "./payback";
export * from "./reconcile";
export * from "./conventions";
export * from "./statedPayback";
export * from "./periodHeadings";
export * from "./monthNames";
export * from "./scenario";
export * from "./sensitivity";
export * from "./options";
export * from "./tracking";
