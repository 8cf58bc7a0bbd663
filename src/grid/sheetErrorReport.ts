/** A sheet that could not be read, as the command reports it: the error, its cells, and what to type. */
import type { ItosError } from "../engine";

/** A sheet that could not be read: what is wrong, and the cells it concerns. */
export interface SheetErrorJson {
  sheet: string;
  error: { message: string; cells: string[] };
}

/** The cells an unreadable sheet's error concerns: the lines to choose roles for, or the cell named. */
export function sheetErrorCells(error: ItosError): string[] {
  if (error.candidates.length > 0)
    return error.candidates.map((c) => {
      const i = c.indexOf(": ");
      return i >= 0 ? c.slice(0, i) : c;
    });
  return error.cell ? [error.cell] : [];
}

export function sheetErrorJson(sheet: string, error: ItosError): SheetErrorJson {
  return { sheet, error: { message: error.message, cells: sheetErrorCells(error) } };
}

/** One shell word: single-quoted unless plain, since "!" and spaces mean something to a shell. */
function shellWord(text: string): string {
  return /^[A-Za-z0-9_.:=/-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

/**
 * What to type to resolve an unreadable sheet, when it is a question of roles: the command again
 * with one --role per line (`command` is "itos analyse book.xlsx"); null for other failures.
 */
export function roleHint(error: ItosError, command: string): string | null {
  if (error.code !== "ambiguous-layout" || error.candidates.length === 0) return null;
  const roles = sheetErrorCells(error)
    .map((cell) => `--role ${shellWord(`${cell}=ROLE`)}`)
    .join(" ");
  return `To say what each line is, run: ${command} ${roles} (ROLE is investment, return, cost, net, total or ignore).`;
}

/** The text report of a sheet that could not be read, with what to type where there is a fix. */
export function sheetErrorText(sheet: string, error: ItosError, command: string): string {
  const hint = roleHint(error, command);
  return [`${sheet}: cannot be read. ${error.message}`, ...(hint ? [`  ${hint}`] : [])].join("\n");
}
