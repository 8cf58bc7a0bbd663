/**
 * The workbook vocabulary every layer shares: sheet snapshots, cell and range references, and the
 * ITOS_ names that tag what ITOS wrote. Pure: no Office, no files.
 */
export * from "./snapshot";
export * from "./reference";
export * from "./itosNames";
export * from "./sectionMemo";
export {
  type RefCorner,
  type FormulaRef,
  MAX_ROWS,
  MAX_COLS,
  quoteSheet,
  refToA1,
  refBounds,
  refCovers,
  sameSheet,
} from "./formulaRef";
export { type Token, tokenize } from "./formulaTokenizer";
export { references, externalWorkbooks, errorLiterals } from "./formulaContents";
export { refToR1C1, toR1C1, tokensToR1C1 } from "./formulaR1C1";
export { type SignedRef, signedSum, signedSumOf } from "./formulaSum";
export { PlainSumAreas } from "./formulaPlainSum";
export { translateFormula } from "./formulaFill";
