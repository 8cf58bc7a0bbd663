/**
 * What the payback result says about its own axis and counting, at the edges: months, quarters
 * and years (cadence and periodicity), the basis a convention counts from, a crossover in the
 * very first period, the headline's own reason said plainly, and the failure codes the pane and
 * the command tell apart.
 */
import { ItosError } from "../../src/engine/errors";
import { money } from "../../src/engine/money";
import { cadenceOf, findCrossover, measurePayback } from "../../src/engine/payback";
import { monthPeriod, yearPeriod } from "../../src/engine/periods";
import { quarterPeriod } from "../../src/engine/periodHeadings";
import type { FlowLine, Period } from "../../src/engine/types";

const line = (label: string, role: FlowLine["role"], amounts: number[]): FlowLine => ({
  label,
  role,
  amounts: amounts.map((a) => money(a)),
});
const lines = [
  line("Investment", "investment", [-100, 0, 0]),
  line("Saving", "return", [0, 60, 60]),
];
const months = [monthPeriod(2024, 4), monthPeriod(2024, 5), monthPeriod(2024, 6)];
const quarters = [quarterPeriod(2024, 4), quarterPeriod(2024, 7), quarterPeriod(2024, 10)];
const years = [
  yearPeriod("2024/25", "2024/25"),
  yearPeriod("2025/26", "2025/26"),
  yearPeriod("2026/27", "2026/27"),
];

/** The failure an action throws, as the caller sees it. */
function failure(action: () => unknown): ItosError {
  try {
    action();
  } catch (e) {
    if (e instanceof ItosError) return e;
    throw e;
  }
  throw new Error("expected a failure");
}

describe("cadence and periodicity", () => {
  test("months, quarters and years, and the periodicity older readers see", () => {
    // Cumulative -100, -40, +20: break-even in the third period, 2 + 40/60 periods = 2 2/3.
    const m = measurePayback({ periods: months, lines });
    expect([m.cadence, m.periodicity]).toEqual(["monthly", "monthly"]);
    expect(m.paybackMonths!.toDecimalPlaces(6).toNumber()).toBe(2.666667);
    const q = measurePayback({ periods: quarters, lines });
    // A quarter is 3 months: 2 2/3 quarters = 8 months; quarters read as "monthly" periodicity.
    expect([q.cadence, q.periodicity]).toEqual(["quarterly", "monthly"]);
    expect(q.paybackMonths!.toNumber()).toBe(8);
    const y = measurePayback({ periods: years, lines });
    // 2 2/3 years = 32 months.
    expect([y.cadence, y.periodicity]).toEqual(["annual", "annual"]);
    expect(y.paybackMonths!.toNumber()).toBe(32);
  });

  test("no periods, or months with a year among them, count as months", () => {
    expect(cadenceOf([])).toBe("monthly");
    const mixed: Period[] = [monthPeriod(2024, 4), yearPeriod("2025/26", "2025/26")];
    expect(cadenceOf(mixed)).toBe("monthly");
  });

  test("quarters mixed with months are refused, with a code the callers tell apart", () => {
    const e = failure(() => cadenceOf([quarterPeriod(2024, 4), monthPeriod(2024, 7)]));
    expect(e.code).toBe("bad-period");
    expect(e.message).toBe(
      "The periods mix quarters with months or years: use one kind of period across the grid."
    );
    const none = failure(() => measurePayback({ periods: [], lines: [] }));
    expect(none.code).toBe("no-periods");
    expect(none.message).toBe("No periods found: the grid needs month or year headers.");
  });
});

describe("the basis a convention counts from", () => {
  test("first-return and simple count from the first return; the others from the first investment", () => {
    const basis = (convention: "first-investment" | "first-return" | "simple" | "time-zero") =>
      measurePayback({ periods: months, lines }, { convention }).basis;
    expect(basis("first-return")).toBe("first-return");
    expect(basis("simple")).toBe("first-return");
    expect(basis("first-investment")).toBe("first-investment");
    expect(basis("time-zero")).toBe("first-investment");
    // A basis given by the user is kept as given.
    expect(
      measurePayback(
        { periods: months, lines },
        { convention: "simple", basis: "first-investment" }
      ).basis
    ).toBe("first-investment");
  });
});

describe("crossover and messages", () => {
  test("a net inflow in the very first period is a crossover at period 0, not none", () => {
    expect(findCrossover([money(5), money(-1)])).toBe(0);
    expect(findCrossover([money(0), money(-1)])).toBeNull();
  });

  test("a month table that pays back says nothing more: no word of Year 0 or of missing investment", () => {
    // -100, +60, +60: every convention but time-zero has a figure, and a month table is not
    // expected to have a Year 0, so there is nothing to tell the user.
    const m = measurePayback({ periods: months, lines });
    expect(m.paybackByConvention["time-zero"]).toBeNull();
    expect(m.messages).toEqual([]);
  });

  test("the headline's own reason is said plainly, without the convention's name before it", () => {
    // A month table has no Year 0: asked for the time-zero headline, the reason is said as it is.
    const m = measurePayback({ periods: months, lines }, { convention: "time-zero" });
    expect(m.paybackMonths).toBeNull();
    expect(m.messages).toContain(
      "The time-zero payback applies to appraisal tables that start at Year 0; this one has no Year 0."
    );
  });
});
