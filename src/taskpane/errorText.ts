/** Failures in plain words for a finance user, whether ITOS or Excel raised them. */
import { isItosError } from "../engine";

/** Any failure as a sentence for a finance user; ItosError messages already name the cell. */
export function errorText(error: unknown): string {
  if (isItosError(error)) return error.message;
  const e = error as { code?: string; message?: string } | null;
  if (e && e.code === "InvalidOperationInCellEditMode")
    return "Excel is busy editing a cell: press Enter or Esc in the sheet, then try again.";
  if (e && typeof e.message === "string" && e.message)
    return `Excel could not complete this: ${e.message}`;
  return "Something went wrong that ITOS did not expect. Nothing further was changed.";
}
