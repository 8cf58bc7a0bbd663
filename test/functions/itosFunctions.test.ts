/**
 * The =ITOS.* functions called as plain functions on the Sandwell appendix's figures, checked
 * against the paper's stated answers and against the engine itself.
 */
import Decimal from "decimal.js";
import {
  analysePayback,
  dateToSerial,
  fromNumber,
  monthPeriod,
  npv as engineNpv,
  serialToDate,
  toNumber,
  type FlowLine,
} from "../../src/engine";
import {
  breakEven,
  cumulative,
  discountedPayback,
  financialYear,
  netPresentValue,
  payback,
  reconcile,
  yearSummary,
} from "../../src/functions/itosFunctions";
import {
  installCustomFunctionsMock,
  MockCustomFunctionsError,
  removeCustomFunctionsMock,
} from "./customFunctionsMock";
import { readSandwellFlows, type SandwellFlows } from "./sandwellFlows";

let s: SandwellFlows;
let netRow: number[][];
let netColumn: number[][];
let dateRow: number[][];

/** The engine's own analysis with the true roles of the lines (what the task pane and CLI compute). */
function engineAnalysis(basis: "first-investment" | "first-return" = "first-investment") {
  const periods = s.dates.map((serial) => {
    const d = serialToDate(serial);
    return monthPeriod(d.year, d.month);
  });
  const toDecimals = (line: number[]) => line.map(fromNumber);
  const lines: FlowLine[] = [
    ...s.investmentLines.map((l, i) => ({
      label: `investment ${i}`,
      role: "investment" as const,
      amounts: toDecimals(l),
    })),
    ...s.returnLines.map((l, i) => ({
      label: `return ${i}`,
      role: "return" as const,
      amounts: toDecimals(l),
    })),
  ];
  return analysePayback({ periods, lines }, { basis });
}

beforeAll(async () => {
  installCustomFunctionsMock();
  s = await readSandwellFlows();
  netRow = [s.net];
  netColumn = s.net.map((v) => [v]);
  dateRow = [s.dates];
});

afterAll(() => removeCustomFunctionsMock());

/**
 * How far a sum of the printed whole-pound cells can honestly drift from the paper's figure:
 * half a pound for each non-blank component cell in months [from, to).
 */
function roundingAllowance(from: number, to: number): number {
  return (
    0.5 * s.block.reduce((n, line) => n + line.slice(from, to).filter((v) => v !== 0).length, 0)
  );
}

test("the fixture gives 42 months, Oct-21 to Mar-25, with investment from Jan-22", () => {
  expect(s.dates).toHaveLength(42);
  expect(serialToDate(s.dates[0])).toEqual({ year: 2021, month: 10, day: 1 });
  expect(serialToDate(s.dates[41])).toEqual({ year: 2025, month: 3, day: 1 });
  expect(s.net.findIndex((v) => v < 0)).toBe(3);
});

describe("ITOS.PAYBACK", () => {
  test("about 24.5 months from the first investment (the paper: invest from Jan-22, paid back Jan-24)", () => {
    const months = payback(netRow, null, null) as number;
    expect(typeof months).toBe("number");
    expect(months).toBeGreaterThan(24);
    expect(months).toBeLessThan(25);
    expect(months).toBeCloseTo(24.48, 1);
  });

  test("a row, a column and the block of component lines give the same answer", () => {
    const fromRow = payback(netRow) as number;
    expect(payback(netColumn, null, "first-investment")).toBeCloseTo(fromRow, 10);
    expect(payback(s.block, dateRow, null)).toBeCloseTo(fromRow, 10);
  });

  test("agrees with the engine on both bases when given the component lines", () => {
    expect(payback(s.block, dateRow)).toBeCloseTo(
      toNumber(engineAnalysis().paybackMonths as Decimal),
      10
    );
    const firstReturn = payback(s.block, dateRow, "first-return") as number;
    expect(firstReturn).toBeCloseTo(
      toNumber(engineAnalysis("first-return").paybackMonths as Decimal),
      10
    );
    // Returns start in Apr-22, three months after the investment: the payback is three months shorter.
    expect((payback(s.block, dateRow) as number) - firstReturn).toBeCloseTo(3, 10);
  });

  test("amounts written as text, as councils do, read the same as numbers", () => {
    const asText = [
      s.net.map((v) =>
        v < 0 ? `(${Math.abs(v).toLocaleString("en-GB")})` : v === 0 ? "-" : `£${v}`
      ),
    ];
    expect(payback(asText)).toBeCloseTo(payback(netRow) as number, 10);
  });

  test("annual flows with financial-year labels give months (years x 12)", () => {
    // Invest 100 in 2021/22, 50 back in each later year: the position reaches zero at the end of 2023/24.
    const months = payback([[-100, 50, 50, 50]], [["2021/22", "2022/23", "2023/24", "2024/25"]]);
    expect(months).toBe(36);
  });

  test("flows that never pay back give #N/A saying how far short", () => {
    const result = payback([[-100, 10, 10]]) as MockCustomFunctionsError;
    expect(result).toBeInstanceOf(MockCustomFunctionsError);
    expect(result.code).toBe("#N/A");
    expect(result.message).toMatch(/80 short/);
  });
});

describe("ITOS.BREAKEVEN", () => {
  test("is January 2024 as an Excel date serial", () => {
    expect(breakEven(netRow, dateRow)).toBe(dateToSerial(2024, 1, 1));
    expect(
      breakEven(
        netColumn,
        s.dates.map((d) => [d])
      )
    ).toBe(45292);
  });

  test("month labels as text work as dates", () => {
    const labels = [
      s.dates.map((d) => monthPeriod(serialToDate(d).year, serialToDate(d).month).label),
    ];
    expect(labels[0][27]).toBe("Jan-24");
    expect(breakEven(s.block, labels)).toBe(dateToSerial(2024, 1, 1));
  });
});

describe("ITOS.CUMULATIVE", () => {
  test("ends at Mar-25 within rounding of the paper's 333,529, in the shape of the flows", () => {
    const row = cumulative(netRow) as number[][];
    expect(row).toHaveLength(1);
    expect(row[0]).toHaveLength(42);
    expect(Math.abs(row[0][41] - 333529)).toBeLessThanOrEqual(roundingAllowance(0, 42));
    expect(Math.abs(row[0][41] - 333529)).toBeLessThan(100);
    expect(row[0][41]).toBe(s.net.reduce((a, b) => a + b, 0));

    const column = cumulative(netColumn) as number[][];
    expect(column).toHaveLength(42);
    expect(column.every((r) => r.length === 1)).toBe(true);
    expect(column.map((r) => r[0])).toEqual(row[0]);
  });

  test("a block of lines gives one row of the running net position, matching the engine", () => {
    const fromBlock = cumulative(s.block) as number[][];
    expect(fromBlock[0]).toEqual(engineAnalysis().cumulative.map(toNumber));
    // The cumulative turns positive in Jan-24 (index 27) and not before.
    expect(fromBlock[0].findIndex((v, i) => i > 0 && v >= 0 && fromBlock[0][i - 1] < 0)).toBe(27);
  });
});

describe("ITOS.YEARSUMMARY", () => {
  test("four financial years with nets within rounding of the paper's", () => {
    const table = yearSummary(s.block, dateRow, null) as (string | number)[][];
    expect(table.map((r) => r[0])).toEqual(["2021/22", "2022/23", "2023/24", "2024/25"]);
    const paper = [-35000, -46646, 129431, 285744];
    const yearStarts = [0, 6, 18, 30, 42];
    table.forEach((r, i) =>
      expect(Math.abs((r[1] as number) - paper[i])).toBeLessThanOrEqual(
        roundingAllowance(yearStarts[i], yearStarts[i + 1])
      )
    );
    expect(table[3][2]).toBe((cumulative(netRow) as number[][])[0][41]);
  });

  test("a calendar-year start groups by calendar year", () => {
    const table = yearSummary(netRow, dateRow, 1) as (string | number)[][];
    expect(table.map((r) => r[0])).toEqual(["2021", "2022", "2023", "2024", "2025"]);
  });
});

describe("ITOS.NPV and ITOS.DPAYBACK", () => {
  test("NPV at the Green Book 3.5% default agrees with the engine", () => {
    const expected = toNumber(engineNpv(s.net.map(fromNumber), "0.035", 12));
    expect(netPresentValue(netRow, null, null)).toBeCloseTo(expected, 6);
    expect(netPresentValue(netRow)).toBeCloseTo(toNumber(engineAnalysis().npv), 6);
    expect(netPresentValue(netRow, 0.035, 12)).toBeCloseTo(expected, 6);
    // Discounting shrinks the later returns: NPV is below the undiscounted 333.5k but still positive.
    expect(expected).toBeGreaterThan(250000);
    expect(expected).toBeLessThan(333529);
  });

  test("a zero rate gives the plain sum; rates written as text percentages are read", () => {
    expect(netPresentValue(netRow, 0)).toBe(s.net.reduce((a, b) => a + b, 0));
    expect(netPresentValue(netRow, "3.5%" as unknown as number)).toBeCloseTo(
      netPresentValue(netRow) as number,
      6
    );
  });

  test("discounted payback agrees with the engine and is later than the plain payback", () => {
    const dp = discountedPayback(netRow, null, null) as number;
    expect(dp).toBeCloseTo(toNumber(engineAnalysis().discountedPaybackMonths as Decimal), 6);
    expect(dp).toBeGreaterThan(payback(netRow) as number);
    expect(dp).toBeLessThan(26);
  });

  test("annual flows: periods_per_year 1 discounts a year per period", () => {
    expect(netPresentValue([[-100, 103.5]], 0.035, 1)).toBeCloseTo(0, 10);
    // Paid back, in discounted terms, exactly at the end of the second year.
    expect(discountedPayback([[-100, 103.5]], 0.035, 1)).toBeCloseTo(24, 10);
  });
});

describe("ITOS.FY", () => {
  test("April starts the financial year", () => {
    expect(financialYear(dateToSerial(2022, 4, 1))).toBe("2022/23");
    expect(financialYear(dateToSerial(2022, 3, 31), null)).toBe("2021/22");
    expect(financialYear([[dateToSerial(2024, 1, 1)]])).toBe("2023/24");
  });

  test("the start month is a setting", () => {
    expect(financialYear(dateToSerial(2022, 8, 1), 9)).toBe("2021/22");
    expect(financialYear(dateToSerial(2022, 9, 1), 9)).toBe("2022/23");
    expect(financialYear(dateToSerial(2022, 9, 1), 1)).toBe("2022");
  });
});

describe("ITOS.RECONCILE", () => {
  test("3 x 11,667 against a stated 35,000 adds up within rounding", () => {
    expect(reconcile([s.investmentLines[0].slice(3, 6)], -35000)).toBe(0);
  });

  test("the appendix's 2024/25 total return adds up; the Summary's 411,823 does not", () => {
    expect(reconcile([s.totalReturn2024], s.appendixReturn2024)).toBe(0);
    const difference = reconcile([s.totalReturn2024], s.summarySaving2024) as number;
    expect(difference).toBe(s.summarySaving2024 - s.totalReturn2024.reduce((a, b) => a + b, 0));
    // The 13,921 gap between the two stated figures, give or take the months' rounding.
    expect(Math.abs(difference - (411823 - 425744))).toBeLessThanOrEqual(1);
  });

  test("the rounding allowance is half a unit per written figure: pennies earn less slack than pounds", () => {
    expect(reconcile([[100, 200]], 301)).toBe(0); // 1.5 allowed for three whole-pound figures
    expect(reconcile([[100, 200]], 302)).toBe(2);
    expect(reconcile([[0.1, 0.2]], 0.3)).toBe(0); // exact in decimals, whatever binary floats say
    expect(reconcile([[10.25, 10.25]], 20.6)).toBe(0.1); // 0.015 allowed for three penny figures
  });

  test("blank parts count as zero and a column of parts works", () => {
    expect(reconcile([[100], [""], [200]], 300)).toBe(0);
    expect(reconcile([[100], [""], [200]], 310)).toBe(10);
  });
});

describe("bad arguments return Excel errors with a message, never throw", () => {
  const expectValueError = (result: unknown, pattern: RegExp) => {
    expect(result).toBeInstanceOf(MockCustomFunctionsError);
    expect((result as MockCustomFunctionsError).code).toBe("#VALUE!");
    expect((result as MockCustomFunctionsError).message).toMatch(pattern);
  };

  test("text where an amount is expected names the place", () => {
    expectValueError(payback([[-100, "tbc", 200]]), /flows \(cell 2\) holds the text 'tbc'/);
    expectValueError(
      cumulative([
        [-100, 5],
        [true, 1],
      ]),
      /row 2, column 1.*TRUE\/FALSE/
    );
    expectValueError(reconcile([[1, "x"]], 1), /parts \(cell 2\) holds the text 'x'/);
  });

  test("dates that do not match the flows, or are not consecutive months", () => {
    expectValueError(
      breakEven(netRow, [s.dates.slice(1)]),
      /dates has 41 cells but flows has 42 periods/
    );
    expectValueError(breakEven([[-1, 2, 3]], [[44562, 44593, 44562]]), /not the period after/);
    expectValueError(breakEven([[-1, 2]], [["soon", "later"]]), /'soon'.*not a date/);
    expectValueError(breakEven([[-1, 2]], null as unknown as number[][]), /dates is needed/);
  });

  test("unknown basis, month or rate", () => {
    expectValueError(payback(netRow, null, "eventually"), /basis must be/);
    expectValueError(financialYear(dateToSerial(2022, 4, 1), 13), /fy_start_month/);
    expectValueError(financialYear("someday"), /date must be a date/);
    expectValueError(netPresentValue(netRow, -1.5), /rate must be/);
    expectValueError(discountedPayback(netRow, null, 0), /periods_per_year/);
    expectValueError(payback(null as unknown as number[][]), /flows is empty/);
  });

  test("a position that is never negative has no break-even date (#N/A)", () => {
    const result = breakEven([[5, 5]], [[44562, 44593]]) as MockCustomFunctionsError;
    expect(result.code).toBe("#N/A");
    expect(result.message).toMatch(/never negative/);
  });

  test("without the CustomFunctions global (Node), a plain error value comes back instead", () => {
    removeCustomFunctionsMock();
    try {
      expect(payback([["x"]])).toEqual({ code: "#VALUE!", message: expect.stringMatching(/'x'/) });
    } finally {
      installCustomFunctionsMock();
    }
  });
});
