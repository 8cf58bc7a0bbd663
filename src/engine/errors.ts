/**
 * Typed errors that speak a finance user's language. Every failure the user can cause (a wrong
 * file, an odd layout, a text cell) is one of these, with the cell named where there is one.
 */
export type ItosErrorCode =
  | "no-grid"
  | "no-investment"
  | "no-periods"
  | "ambiguous-layout"
  | "bad-amount"
  | "bad-period"
  | "bad-argument"
  | "bad-file"
  | "no-room";

export class ItosError extends Error {
  readonly code: ItosErrorCode;
  /** The cell the problem is in ("Appendix 1!E9"), when there is one. */
  readonly cell: string | null;
  /** Candidates to choose from when the layout is ambiguous. */
  readonly candidates: string[];

  constructor(
    code: ItosErrorCode,
    message: string,
    options: { cell?: string | null; candidates?: string[] } = {}
  ) {
    super(message);
    this.name = "ItosError";
    this.code = code;
    this.cell = options.cell ?? null;
    this.candidates = options.candidates ?? [];
  }
}

export function isItosError(e: unknown): e is ItosError {
  return e instanceof ItosError;
}
