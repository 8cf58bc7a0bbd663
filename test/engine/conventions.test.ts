/**
 * The four payback conventions of the design notes, on tables worked out by hand. Each expected
 * figure is derived in the comment above it from the cumulative position, not read from ITOS.
 */
import { analysePayback, measurePayback } from "../../src/engine/payback";
import { money } from "../../src/engine/money";
import { monthPeriod, fyLabelFromStartYear, yearPeriod } from "../../src/engine/periods";
import type { FlowLine, PaybackResult, Period } from "../../src/engine/types";

const months = (n: number): Period[] =>
  Array.from({ length: n }, (_, i) => monthPeriod(2022 + Math.floor((3 + i) / 12), ((3 + i) % 12) + 1));
/** An appraisal table headed Year 0, Year 1, ... */
const appraisalYears = (n: number): Period[] =>
  Array.from({ length: n }, (_, i) => ({ kind: "year", key: `Year ${i}`, label: `Year ${i}`, fy: null, yearNumber: i, timeZero: i === 0 }));
const fyYears = (n: number): Period[] =>
  Array.from({ length: n }, (_, i) => yearPeriod(fyLabelFromStartYear(2024 + i), fyLabelFromStartYear(2024 + i)));
const line = (label: string, role: FlowLine["role"], amounts: number[]): FlowLine => ({ label, role, amounts: amounts.map((a) => money(a)) });
const years = (r: Pick<PaybackResult, "paybackByConvention">) =>
  Object.fromEntries(Object.entries(r.paybackByConvention).map(([k, v]) => [k, v === null ? null : v.years.toDecimalPlaces(10).toNumber()]));

describe("payback conventions", () => {
  test("textbook Year 0 table: -100 then 30, 40, 50, 60", () => {
    // Cumulative: -100, -70, -30, +20, +80: zero is reached in Year 3, 30 short of it at the start.
    // time-zero: counted from the end of Year 0: Years 1 and 2 whole, then 30/50 of Year 3 = 2.6.
    // first-investment: from the start of Year 0: 3 + 30/50 = 3.6.  first-return: from Year 1 = 2.6.
    // simple: 100 recovered by returns 30, 70 (after two years), then 30 of Year 3's 50 = 2.6.
    const r = analysePayback({ periods: appraisalYears(5), lines: [line("Capital", "investment", [-100, 0, 0, 0, 0]), line("Net saving", "return", [0, 30, 40, 50, 60])] });
    expect(r.convention).toBe("time-zero");
    expect(years(r)).toEqual({ "first-investment": 3.6, "first-return": 2.6, simple: 2.6, "time-zero": 2.6 });
    expect(r.paybackYears!.toNumber()).toBe(2.6);
    expect(r.paybackMonths!.toNumber()).toBe(31.2);
    expect(r.paybackByConvention["time-zero"]!.months.toNumber()).toBe(31.2);
    // Year n is discounted by 1.035^n: -100 + 30/1.035 + 40/1.035^2 + 50/1.035^3 + 60/1.035^4.
    expect(r.npv.toDecimalPlaces(10).toString()).toBe("63.7096042063");
  });

  test("Year 0 table with a year's wait for the first return: time-zero and first-return part", () => {
    // Cumulative: -100, -100, -40, +20: zero in Year 3 with 40 of its 60 needed.
    // time-zero: Years 1, 2 whole + 40/60 = 2 2/3; first-return (Year 2): 1 + 40/60; first-investment: 3 + 40/60.
    const r = analysePayback({ periods: appraisalYears(4), lines: [line("Capital", "investment", [-100, 0, 0, 0]), line("Saving", "return", [0, 0, 60, 60])] });
    expect(years(r)).toEqual({ "first-investment": 3.6666666667, "first-return": 1.6666666667, simple: 1.6666666667, "time-zero": 2.6666666667 });
  });

  test('Year 0 table paying back in "3 years and 1 month"', () => {
    // Cumulative: -1000, -700, -400, -100, +1100: Years 1-3 whole, then 100/1200 of Year 4 = 1 month.
    const r = analysePayback({ periods: appraisalYears(5), lines: [line("Scheme", "investment", [-1000, 0, 0, 0, 0]), line("Saving", "return", [0, 300, 300, 300, 1200])] });
    expect(r.paybackByConvention["time-zero"]!.months.toNumber()).toBe(37);
  });

  test("cabinet paper's simple payback: cost 50,000, saving 29,070 a year from the year after", () => {
    // simple: the 50,000 is recovered in the second saving year: 1 + (50,000 - 29,070)/29,070 = 1.71999 ("payback 1.72 years").
    // first-investment counts the installation year too: 2.71999; first-return equals simple here.
    const r = analysePayback({ periods: fyYears(4), lines: [line("LED installation", "investment", [-50000, 0, 0, 0]), line("Energy saving", "return", [0, 29070, 29070, 29070])] }, { convention: "simple" });
    expect(r.convention).toBe("simple");
    expect(r.paybackYears!.toDecimalPlaces(2).toNumber()).toBe(1.72);
    expect(r.paybackYears!.toDecimalPlaces(10).toString()).toBe("1.7199862401");
    expect(r.paybackMonths!.toDecimalPlaces(10).toString()).toBe("20.6398348813");
    expect(r.paybackByConvention["first-investment"]!.years.toDecimalPlaces(10).toString()).toBe("2.7199862401");
    // An annual grid without a Year 0 headlines first-investment unless told otherwise.
    expect(analysePayback({ periods: fyYears(4), lines: [line("LED", "investment", [-50000, 0, 0, 0]), line("Saving", "return", [0, 29070, 29070, 29070])] }).convention).toBe("first-investment");
  });

  test("simple ignores when the investment is paid: a second phase after break-even", () => {
    // Months: investment -100 in month 0 and -120 in month 4; returns 50 a month from month 1.
    // Cumulative: -100, -50, 0, 50, -20, 30: first break-even in month 2: 2 + 50/50 = 3 months from the first investment,
    // 1 + 1 = 2 from the first return. simple: 220 to recover from 50 a month from month 1:
    // 200 after four months, then 20 of month 5's 50 = 4.4 months.
    const r = measurePayback({ periods: months(6), lines: [line("Inv", "investment", [-100, 0, 0, 0, -120, 0]), line("Saving", "return", [0, 50, 50, 50, 50, 50])] });
    expect(r.paybackByConvention["first-investment"]!.months.toNumber()).toBe(3);
    expect(r.paybackByConvention["first-return"]!.months.toNumber()).toBe(2);
    expect(r.paybackByConvention.simple!.months.toNumber()).toBe(4.4);
  });

  test("monthly grid where first-investment and first-return differ", () => {
    // Investment -60 in months 0 and 1; returns 50 a month from month 3.
    // Cumulative: -60, -120, -120, -70, -20, +30: zero in month 5 with 20 of its 50 needed.
    // first-investment: 5 + 0.4 = 5.4 months; first-return (month 3): 2.4; simple: 120 from 50, 100, then 20/50 = 2.4.
    const r = analysePayback({ periods: months(6), lines: [line("Posts", "investment", [-60, -60, 0, 0, 0, 0]), line("Placements", "return", [0, 0, 0, 50, 50, 50])] });
    expect(r.convention).toBe("first-investment");
    expect(r.basis).toBe("first-investment");
    const m = Object.fromEntries(Object.entries(r.paybackByConvention).map(([k, v]) => [k, v && v.months.toNumber()]));
    expect(m).toEqual({ "first-investment": 5.4, "first-return": 2.4, simple: 2.4, "time-zero": null });
    expect(r.paybackMonths!.toNumber()).toBe(5.4);
    expect(r.conventionNotes["time-zero"]).toMatch(/start at Year 0/);
    // The basis option still chooses the headline, and a convention option overrides the default.
    expect(analysePayback({ periods: r.periods, lines: [line("Posts", "investment", [-60, -60, 0, 0, 0, 0]), line("Placements", "return", [0, 0, 0, 50, 50, 50])] }, { basis: "first-return" }).paybackMonths!.toNumber()).toBe(2.4);
  });

  test("a convention that does not apply is null, with the reason", () => {
    // A cost of the new service (-10) in month 0, a return of 30 in month 1, investment -50 in month 2.
    // Cumulative: -10, +20, -30, -30: break-even in month 1, before the first investment (month 2),
    // so first-investment does not apply; first-return: 0 + 10/30 of month 1.
    // simple: 50 to recover; the returns counted from the first return (month 1) add up to 30: 20 short.
    const r = analysePayback({ periods: months(4), lines: [line("Inv", "investment", [0, 0, -50, 0]), line("Saving", "return", [-10, 30, 0, 0])] });
    expect(r.paybackByConvention["first-investment"]).toBeNull();
    expect(r.paybackMonths).toBeNull();
    expect(r.paybackByConvention["first-return"]!.months.toDecimalPlaces(10).toString()).toBe("0.3333333333");
    expect(r.paybackByConvention.simple).toBeNull();
    expect(r.paybackByConvention["time-zero"]).toBeNull();
    expect(r.messages.join(" ")).toMatch(/turns positive before the first investment/);
    expect(r.messages.join(" ")).toMatch(/simple payback: The returns never add up to the total investment within the horizon \(20 short\)/);
    expect(r.conventionNotes.simple).toMatch(/never add up/);
  });

  test("not paid back: every convention is null and the shortfall is said once", () => {
    const r = analysePayback({ periods: appraisalYears(3), lines: [line("Capital", "investment", [-100, 0, 0]), line("Saving", "return", [0, 20, 30])] });
    expect(Object.values(r.paybackByConvention)).toEqual([null, null, null, null]);
    expect(r.messages.filter((m) => /short/.test(m))).toHaveLength(1);
  });

  test("never negative: every convention pays back at once", () => {
    const r = analysePayback({ periods: months(3), lines: [line("Saving", "return", [5, 5, 5])] });
    expect(r.paybackByConvention["first-investment"]!.months.toNumber()).toBe(0);
    expect(r.paybackByConvention.simple!.months.toNumber()).toBe(0);
  });
});
