/**
 * The one validator of the =ITOS.* functions' arguments. Each function declares its parameters in
 * the table of parameters.ts (name, type, default, bounds), as HyperFormula's function plugins
 * declare theirs; this reads every argument by its declaration, so no function checks its own.
 */
import type Decimal from "decimal.js";
import { fromNumber, parseAmount } from "../engine";
import { dateSerialOf, readDateHeadings, type DateHeading } from "./dates";
import { answerOrError, ArgumentProblem, type ExcelError } from "./excelErrors";
import {
  amountOf,
  firstCell,
  isOmitted,
  readAmountCells,
  readFlows,
  refuseNonValue,
  type AmountCell,
  type FlowGrid,
} from "./ranges";

/** What each type of argument becomes once read. */
export interface ArgumentTypes {
  /** A row, a column, or a block whose rows are lines to add up: amounts by period. */
  flows: FlowGrid;
  /** Any range of amounts, cell by cell. */
  amounts: AmountCell[][];
  /** A row or column of month dates or financial years. */
  dates: DateHeading[];
  /** One amount, written as a number or as councils write it. */
  amount: Decimal;
  /** A rate as a fraction: a number (0.035) or a percentage written as text ("3.5%"). */
  rate: Decimal;
  /** A whole number. */
  whole: number;
  /** A date as an Excel serial: a date, or a month written as text. */
  date: number;
  /** One of a few words (see `choices`). */
  choice: string;
}

export type ArgumentType = keyof ArgumentTypes;

/** One row of the table: a parameter as Excel shows it and what it accepts. */
export interface ParameterSpec {
  /** The name in functions.json, and in the messages. */
  readonly name: string;
  readonly type: ArgumentType;
  /** Optional in Excel (in brackets); without a default an omitted one reads as null. */
  readonly optional?: boolean;
  /** What an omitted or blank optional argument stands for, written as a user would write it. */
  readonly default?: string | number;
  /** The message when a required range or cell is empty. */
  readonly missing?: string;
  /** Bounds of a number: at least `min`, at most `max`, more than `above`. */
  readonly min?: number;
  readonly max?: number;
  readonly above?: number;
  /** A good value in the user's words, for the message: "a date", "a month number from 1 to 12". */
  readonly expected?: string;
  /** The answers of a choice, each with the words that mean it (after trimming and lower case). */
  readonly choices?: Readonly<Record<string, readonly string[]>>;
}

/** The value a declared parameter reads as: a choice as one of its answers, null when omitted. */
type ValueOf<Spec> = Spec extends { type: "choice"; choices: infer Answers }
  ? Extract<keyof Answers, string>
  : Spec extends { type: infer Type extends ArgumentType }
    ? Spec extends { optional: true; default: string | number }
      ? ArgumentTypes[Type]
      : Spec extends { optional: true }
        ? ArgumentTypes[Type] | null
        : ArgumentTypes[Type]
    : never;

/** The values of a list of declared parameters, in order. */
export type ArgumentValues<Parameters extends readonly ParameterSpec[]> = {
  -readonly [Index in keyof Parameters]: ValueOf<Parameters[Index]>;
};

const RANGE_TYPES: ReadonlySet<ArgumentType> = new Set<ArgumentType>(["flows", "amounts", "dates"]);

function percentOrAmount(text: string): Decimal | null {
  const percent = /^\s*(-?\d+(?:\.\d+)?)\s*%\s*$/.exec(text);
  if (percent) return fromNumber(Number(percent[1])).dividedBy(100);
  return parseAmount(text);
}

function answerOf(choices: ParameterSpec["choices"], value: unknown): string | null {
  const words = String(value)
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
  const found = Object.entries(choices ?? {}).find(([, meaning]) => meaning.includes(words));
  return found ? found[0] : null;
}

/** A single value read by its type, or null when it is not of that type. */
function scalarOf(spec: ParameterSpec, value: unknown): Decimal | number | string | null {
  switch (spec.type) {
    case "amount":
      return amountOf(value, spec.name);
    case "rate":
      if (typeof value === "number") return fromNumber(value);
      return typeof value === "string" ? percentOrAmount(value) : null;
    case "whole":
      return typeof value === "number" && Number.isInteger(value) ? value : null;
    case "date":
      return dateSerialOf(value);
    default:
      return answerOf(spec.choices, value);
  }
}

function withinBounds(value: Decimal | number | string, spec: ParameterSpec): boolean {
  if (typeof value === "string") return true;
  const number = typeof value === "number" ? fromNumber(value) : value;
  return (
    (spec.min === undefined || number.greaterThanOrEqualTo(spec.min)) &&
    (spec.max === undefined || number.lessThanOrEqualTo(spec.max)) &&
    (spec.above === undefined || number.greaterThan(spec.above))
  );
}

function expectationOf(spec: ParameterSpec): string {
  if (spec.expected !== undefined) return spec.expected;
  return Object.keys(spec.choices ?? {})
    .map((answer) => `"${answer}"`)
    .join(" or ");
}

/** Reads a present argument by its type, or refuses it in words naming the parameter. */
function valueOf(spec: ParameterSpec, value: unknown): unknown {
  switch (spec.type) {
    case "flows":
      return readFlows(value, spec.name);
    case "amounts":
      return readAmountCells(value, spec.name);
    case "dates":
      return readDateHeadings(value, spec.name);
  }
  refuseNonValue(value, spec.name);
  const read = scalarOf(spec, value);
  if (read === null || !withinBounds(read, spec))
    throw new ArgumentProblem(
      `${spec.name} must be ${expectationOf(spec)}; got '${String(value)}'.`
    );
  return read;
}

/** One argument: a range as given, a single value from its first cell; omitted or blank as declared. */
function readArgument(spec: ParameterSpec, given: unknown): unknown {
  const range = RANGE_TYPES.has(spec.type);
  const value = range ? given : firstCell(given);
  const omitted = isOmitted(value) || (!range && value === "");
  if (omitted && spec.missing !== undefined) throw new ArgumentProblem(spec.missing);
  if (omitted && spec.default !== undefined) return valueOf(spec, spec.default);
  if (omitted && spec.optional) return null;
  return valueOf(spec, value);
}

/** Every argument read by its declaration, in order; the first bad one is refused. */
export function readArguments<const Parameters extends readonly ParameterSpec[]>(
  parameters: Parameters,
  given: readonly unknown[]
): ArgumentValues<Parameters> {
  // Each value is read by its row's type, which is what ArgumentValues says of it.
  return parameters.map((spec, index) => readArgument(spec, given[index])) as ArgumentValues<
    typeof parameters
  >;
}

/**
 * A custom function from its parameters and its body: the body gets the arguments read by their
 * declarations, and every refusal or failure comes back as an Excel error value, never a throw.
 */
export function withArguments<const Parameters extends readonly ParameterSpec[], Answer>(
  parameters: Parameters,
  body: (...values: ArgumentValues<Parameters>) => Answer
): (...given: unknown[]) => Answer | ExcelError {
  return (...given) => answerOrError(() => body(...readArguments(parameters, given)));
}
