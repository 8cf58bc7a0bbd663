/**
 * The Sandwell appendix's component lines, Oct-21 to Mar-25, entered by hand from the cabinet
 * paper's "Monthly Analysis of Investment and Returns" (test/fixtures/sandwell-invest-to-save.xlsx).
 * The engine tests use these plain arrays; reading the workbook is the grid layer's job.
 */
import { money, monthPeriod, type FlowLine, type Period } from "../../src/engine";

const repeat = (value: number, times: number): number[] => new Array(times).fill(value);
const zeros = (times: number): number[] => repeat(0, times);

/** 42 months from Oct-21. */
export const SANDWELL_PERIODS: Period[] = Array.from({ length: 42 }, (_, i) => {
  const m = 9 + i; // months since Jan-21, 0-based
  return monthPeriod(2021 + Math.floor(m / 12), (m % 12) + 1);
});

// Each year block as printed: FY 2021/22 holds Oct..Mar (6 months), the others Apr..Mar (12).
export const SANDWELL_RAW: Record<string, { role: "investment" | "return"; amounts: number[] }> = {
  "Investment from SMBC": {
    role: "investment",
    amounts: [...zeros(3), ...repeat(-11667, 3), ...repeat(-11667, 12), ...zeros(24)],
  },
  "Investment from Trust": { role: "investment", amounts: [...zeros(18), ...repeat(-11667, 24)] },
  Residential: {
    role: "return",
    amounts: [
      ...zeros(6),
      ...repeat(2098, 6),
      ...repeat(3148, 3),
      ...repeat(6295, 3),
      ...repeat(8394, 3),
      ...repeat(10072, 3),
      ...repeat(12591, 3),
      ...repeat(16787, 3),
      ...repeat(20984, 12),
    ],
  },
  "Mother and Baby Residential": {
    role: "return",
    amounts: [
      ...zeros(6),
      ...zeros(3),
      ...repeat(4004, 9),
      ...repeat(4084, 12),
      ...repeat(4165, 12),
    ],
  },
  "Internal Foster Care": { role: "return", amounts: [...zeros(30), ...repeat(-1314, 12)] },
  "External Foster Care": {
    role: "return",
    amounts: [
      ...zeros(6),
      ...zeros(3),
      ...repeat(1640, 6),
      ...repeat(2186, 3),
      ...repeat(4957, 3),
      ...repeat(6609, 3),
      ...repeat(9913, 3),
      ...repeat(13217, 3),
      ...repeat(14009, 7),
      ...repeat(21013, 5),
    ],
  },
  "Adoption Support": {
    role: "return",
    amounts: [
      ...zeros(18),
      ...repeat(-1295, 3),
      ...repeat(-1727, 3),
      ...repeat(-2590, 3),
      ...repeat(-3453, 3),
      ...repeat(-5284, 12),
    ],
  },
};

export function sandwellLines(): FlowLine[] {
  return Object.entries(SANDWELL_RAW).map(([label, { role, amounts }]) => ({
    label,
    role,
    amounts: amounts.map((a) => money(a)),
  }));
}

/** The paper's stated year nets ("In month (cost) / return" FY totals). */
export const SANDWELL_STATED_YEAR_NETS: Record<string, number> = {
  "2021/22": -35000,
  "2022/23": -46646,
  "2023/24": 129431,
  "2024/25": 285744,
};

/** Number of non-zero monthly figures in a financial year: each was rounded to the pound once. */
export function roundedTermsInYear(fy: string): number {
  let n = 0;
  SANDWELL_PERIODS.forEach((p, i) => {
    if (p.fy !== fy) return;
    for (const { amounts } of Object.values(SANDWELL_RAW)) if (amounts[i] !== 0) n++;
  });
  return n;
}
