/**
 * The options a user can set, with their defaults, in one place. Every layer reads its defaults
 * from here: the payback engine, the grid reader, the planner, the custom functions, the pane and
 * the command.
 */
import { DEFAULT_DISCOUNT_RATE } from "./discount";
import { DEFAULT_FY_START_MONTH } from "./periods";
import type { Basis } from "./types";

/** Where the analysis section goes: below the grid when there is room, or on a sheet of its own. */
export type Placement = "below-grid" | "new-sheet";

export interface ItosOptions {
  /** First month of the financial year, 1-12. Default 4 (April, the UK financial year). */
  fyStartMonth: number;
  /** Annual discount rate for NPV and discounted payback, as text. Default "0.035" (HM Treasury Green Book). */
  discountRate: string;
  /** Where payback is counted from. Default "first-investment" (the first period with money out). */
  basis: Basis;
  /**
   * Where the analysis is written. Default "below-grid": under the grid, with a blank row between,
   * when every cell there is free, else on a sheet of its own ("ITOS Analysis").
   */
  placement: Placement;
}

export const DEFAULT_OPTIONS: Readonly<ItosOptions> = Object.freeze({
  fyStartMonth: DEFAULT_FY_START_MONTH,
  discountRate: DEFAULT_DISCOUNT_RATE,
  basis: "first-investment",
  placement: "below-grid",
});
