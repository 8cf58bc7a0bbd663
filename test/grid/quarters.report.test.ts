/**
 * Quarterly grids in the reports and the KPI block: a quarter is reported by its key, the JSON
 * says "quarterly", and the NPV formula discounts by the quarterly rate (1+r)^(1/4)-1, checked
 * by recalculating the formula with HyperFormula against an NPV worked by hand.
 */
import { HyperFormula } from "hyperformula";
import {
  analysePayback,
  Money,
  quarterPeriod,
  yearNumberPeriod,
  type FlowLine,
} from "../../src/engine";
import { kpiRows } from "../../src/grid/plan/planKpis";
import { periodKey } from "../../src/grid/report";

const line = (label: string, role: FlowLine["role"], amounts: number[]): FlowLine => ({
  label,
  role,
  amounts: amounts.map((a) => new Money(a)),
});

// Apr-Jun 24 .. Jan-Mar 25: investment 1,000 in the first quarter, 300 saved in each of the next four.
const periods = [
  quarterPeriod(2024, 4),
  quarterPeriod(2024, 7),
  quarterPeriod(2024, 10),
  quarterPeriod(2025, 1),
  quarterPeriod(2025, 4),
];
const result = analysePayback(
  {
    periods,
    lines: [
      line("Investment", "investment", [-1000, 0, 0, 0, 0]),
      line("Savings", "return", [0, 300, 300, 300, 300]),
    ],
  },
  { discountRate: 0.1 }
);

test("a quarter is reported by its key, a year of an appraisal table by its label", () => {
  expect(periods.map(periodKey)).toEqual(["2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2"]);
  expect(periodKey(yearNumberPeriod(1))).toBe("Year 1");
  expect(result.cadence).toBe("quarterly");
});

test("the KPI block's NPV formula discounts each quarter by (1.1)^(1/4) and gives the hand NPV", () => {
  const npv = kpiRows(
    result,
    { investment: "B1:B5", return: "C1:C5", net: "A1:A5" },
    "0",
    false
  ).find((r) => r.label.startsWith("NPV"))!;
  expect(npv.formula).toContain("^(1/4)");
  // By hand: -1000 + 300 (1.1^-0.25 + 1.1^-0.5 + 1.1^-0.75 + 1.1^-1)
  //   = -1000 + 300 (0.976454 + 0.953463 + 0.931012 + 0.909091) = 131.006
  const hand = -1000 + 300 * [0.25, 0.5, 0.75, 1].reduce((s, t) => s + Math.pow(1.1, -t), 0);
  expect(hand).toBeCloseTo(131.006, 2);
  const hf = HyperFormula.buildFromArray(
    [
      [-1000, -1000, 0, npv.formula as string],
      [300, 0, 300],
      [300, 0, 300],
      [300, 0, 300],
      [300, 0, 300],
    ],
    { licenseKey: "gpl-v3" }
  );
  expect(hf.getCellValue({ sheet: 0, row: 0, col: 3 }) as number).toBeCloseTo(hand, 6);
  expect(npv.value as number).toBeCloseTo(hand, 6);
});
