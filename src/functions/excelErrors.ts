/**
 * The error values the =ITOS.* functions return. Every function returns an Excel error value for a
 * bad argument instead of throwing: a thrown error would show a bare #VALUE! with no explanation.
 */
import { isItosError } from "../engine";

/** The Excel error codes these functions return; only these two carry a message. */
export type ExcelErrorCode = "#VALUE!" | "#N/A";

/** What a function returns in place of a value when its arguments are unusable. */
export type ExcelError = CustomFunctions.Error | { code: ExcelErrorCode; message: string };

/** A bad argument, in a finance user's words; becomes #VALUE! (or #N/A for "no answer"). */
export class ArgumentProblem extends Error {
  constructor(
    message: string,
    readonly code: ExcelErrorCode = "#VALUE!"
  ) {
    super(message);
  }
}

/**
 * Builds the Excel error value. Inside Excel the CustomFunctions global exists; elsewhere (Node
 * scripts) a plain object with the same code and message stands in for it.
 */
export function excelError(code: ExcelErrorCode, message: string): ExcelError {
  if (typeof CustomFunctions !== "undefined" && CustomFunctions.Error) {
    const errorCode =
      code === "#N/A"
        ? CustomFunctions.ErrorCode.notAvailable
        : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(errorCode, message);
  }
  return { code, message };
}

/** Runs a function body and turns every failure into an Excel error value (never a throw). */
export function answerOrError<T>(body: () => T): T | ExcelError {
  try {
    return body();
  } catch (failure) {
    if (failure instanceof ArgumentProblem) return excelError(failure.code, failure.message);
    if (isItosError(failure)) return excelError("#VALUE!", failure.message);
    return excelError("#VALUE!", "ITOS could not work this out from the arguments given.");
  }
}
