/**
 * A minimal stand-in for the CustomFunctions global that Excel provides to custom functions: just
 * the Error class and the error codes the functions use.
 */
export class MockCustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}

export function installCustomFunctionsMock(): void {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: MockCustomFunctionsError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
    },
  };
}

export function removeCustomFunctionsMock(): void {
  delete (globalThis as Record<string, unknown>).CustomFunctions;
}
