/**
 * The workbook vocabulary every layer shares: sheet snapshots, cell and range references, and the
 * ITOS_ names that tag what ITOS wrote. Pure: no Office, no files.
 */
export * from "./snapshot";
export * from "./reference";
export * from "./itosNames";
export * from "./formula";
