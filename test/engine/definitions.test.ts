/**
 * One named test per definition of the design notes, on small series worked out by hand.
 */
import {
  analysePayback,
  findBreakEven,
  money,
  monthPeriod,
  yearPeriod,
  fyLabelFromStartYear,
  npv,
  type FlowLine,
  type Period,
} from "../../src/engine";

const months = (n: number, fromYear = 2022, fromMonth = 4, fyStart = 4): Period[] =>
  Array.from({ length: n }, (_, i) => {
    const m = fromMonth - 1 + i;
    return monthPeriod(fromYear + Math.floor(m / 12), (m % 12) + 1, fyStart);
  });
const line = (label: string, role: FlowLine["role"], amounts: number[]): FlowLine => ({
  label,
  role,
  amounts: amounts.map((a) => money(a)),
});
const nums = (ds: { toNumber(): number }[]) => ds.map((d) => d.toNumber());

describe("definitions", () => {
  test("net flow: returns plus investment, investment counted negative, from component lines", () => {
    const r = analysePayback({
      periods: months(3),
      lines: [
        line("Posts", "investment", [-100, -50, 0]),
        line("Placements", "return", [10, 60, 80]),
        line("New service cost", "return", [0, -5, -5]),
      ],
    });
    expect(nums(r.net)).toEqual([-90, 5, 75]);
    expect(nums(r.investmentByPeriod)).toEqual([-100, -50, 0]);
    expect(nums(r.returnByPeriod)).toEqual([10, 55, 75]);
  });

  test("cumulative position: running sum of net flow", () => {
    const r = analysePayback({
      periods: months(4),
      lines: [
        line("Inv", "investment", [-100, 0, 0, 0]),
        line("Saving", "return", [0, 30, 30, 50]),
      ],
    });
    expect(nums(r.cumulative)).toEqual([-100, -70, -40, 10]);
  });

  test("break-even: first period whose cumulative is >= 0 after being < 0 (zero counts as paid back)", () => {
    const r = analysePayback({
      periods: months(4),
      lines: [line("Inv", "investment", [-60, 0, 0, 0]), line("Saving", "return", [0, 30, 30, 30])],
    });
    expect(r.breakEven).toEqual({ status: "reached", index: 2, sustainedIndex: 2 });
  });

  test("sustained break-even: a later dip below zero moves the sustained point, not the first", () => {
    const be = findBreakEven([-10, 5, -3, -1, 2, 4].map((v) => money(v)));
    expect(be).toEqual({ status: "reached", index: 1, sustainedIndex: 4 });
  });

  test("sustained break-even is null when the position ends below zero after touching it", () => {
    expect(findBreakEven([-10, 5, -3].map((v) => money(v)))).toEqual({
      status: "reached",
      index: 1,
      sustainedIndex: null,
    });
  });

  test("never negative: break-even is immediate and payback is zero", () => {
    const r = analysePayback({
      periods: months(3),
      lines: [line("Inv", "investment", [0, 0, 0]), line("Saving", "return", [5, 5, 5])],
    });
    expect(r.breakEven.status).toBe("immediate");
    expect(r.paybackMonths!.toNumber()).toBe(0);
  });

  test("never reaches zero: not within the horizon, with the shortfall", () => {
    const r = analysePayback({
      periods: months(3),
      lines: [line("Inv", "investment", [-100, 0, 0]), line("Saving", "return", [0, 20, 30])],
    });
    expect(r.breakEven.status).toBe("not-reached");
    if (r.breakEven.status === "not-reached") expect(r.breakEven.shortfall.toNumber()).toBe(50);
    expect(r.paybackMonths).toBeNull();
    expect(r.messages.join(" ")).toMatch(/not paid back within the horizon.*50 short/i);
  });

  test("payback period: elapsed whole periods plus -cumBefore / netFlowOfPeriod", () => {
    // cum: -100, -100, -60, -20, +20 -> break-even in period 4; elapsed from the start of period 0 = 4, fraction 20/40.
    const r = analysePayback({
      periods: months(5),
      lines: [
        line("Inv", "investment", [-100, 0, 0, 0, 0]),
        line("Saving", "return", [0, 0, 40, 40, 40]),
      ],
    });
    expect(r.paybackMonths!.toNumber()).toBe(4.5);
    expect(r.paybackYears!.toNumber()).toBeCloseTo(4.5 / 12, 12);
  });

  test("payback basis first-return: measured from the first period with a return", () => {
    const input = {
      periods: months(5),
      lines: [
        line("Inv", "investment", [-100, 0, 0, 0, 0]),
        line("Saving", "return", [0, 0, 40, 40, 40]),
      ],
    };
    expect(analysePayback(input, { basis: "first-return" }).paybackMonths!.toNumber()).toBe(2.5);
    expect(analysePayback(input, { basis: "first-return" }).basis).toBe("first-return");
  });

  test("crossover: first period whose net flow is > 0", () => {
    const r = analysePayback({
      periods: months(4),
      lines: [
        line("Inv", "investment", [-50, -20, -20, 0]),
        line("Saving", "return", [0, 20, 25, 30]),
      ],
    });
    expect(r.crossover).toBe(2);
  });

  test("financial year: April to March, labelled 2022/23; the start month is a setting", () => {
    expect(months(13, 2022, 3).map((p) => p.fy)).toEqual([
      "2021/22",
      ...new Array(12).fill("2022/23"),
    ]);
    const jan = months(2, 2022, 12, 1);
    expect(jan.map((p) => p.fy)).toEqual(["2022", "2023"]);
    expect(fyLabelFromStartYear(1999)).toBe("1999/00");
  });

  test("year summary: investment, return, net and cumulative at year end per financial year", () => {
    const r = analysePayback({
      periods: months(4, 2023, 2),
      lines: [
        line("Inv", "investment", [-10, -10, -10, 0]),
        line("Saving", "return", [0, 5, 20, 20]),
      ],
    });
    expect(
      r.years.map((y) => [
        y.fy,
        y.investment.toNumber(),
        y.return.toNumber(),
        y.net.toNumber(),
        y.cumulative.toNumber(),
      ])
    ).toEqual([
      ["2022/23", -20, 5, -15, -15],
      ["2023/24", -10, 40, 30, 15],
    ]);
  });

  test("annual grids: each year is a period and payback is given in months (years x 12)", () => {
    const periods = [2016, 2017, 2018].map((y) =>
      yearPeriod(fyLabelFromStartYear(y), fyLabelFromStartYear(y))
    );
    const r = analysePayback({
      periods,
      lines: [line("Capital", "investment", [-100, 0, 0]), line("Saving", "return", [0, 80, 80])],
    });
    expect(r.periodicity).toBe("annual");
    // cum -100, -20, +60: break-even in year 3; 2 whole years + 20/80.
    expect(r.paybackMonths!.toNumber()).toBe(27);
    expect(r.paybackYears!.toNumber()).toBe(2.25);
    expect(r.years.map((y) => y.fy)).toEqual(["2016/17", "2017/18", "2018/19"]);
  });

  test("gaps: blank months are zero and do not break the series", () => {
    const r = analysePayback({
      periods: months(5),
      lines: [
        line("Inv", "investment", [-30, 0, 0, 0, 0]),
        line("Saving", "return", [0, 0, 0, 0, 30]),
      ],
    });
    expect(r.breakEven).toEqual({ status: "reached", index: 4, sustainedIndex: 4 });
    expect(r.crossover).toBe(4);
  });

  test("discounting: NPV uses (1+r)^(t/12) for monthly flows, the first period undiscounted", () => {
    const flows = [-1000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1035].map((v) => money(v));
    expect(npv(flows, "0.035", 12).toNumber()).toBeCloseTo(0, 20);
    const annual = [-100, 103.5].map((v) => money(v));
    expect(npv(annual, "0.035", 1).toNumber()).toBeCloseTo(0, 20);
  });

  test("discounted payback: the break-even of the discounted cumulative position", () => {
    const r = analysePayback(
      {
        periods: months(3),
        lines: [line("Inv", "investment", [-100, 0, 0]), line("Saving", "return", [0, 100, 100])],
      },
      { discountRate: 0.12 }
    );
    // Undiscounted: cum -100, 0 -> paid back at the end of period 1, two months from the start.
    expect(r.paybackMonths!.toNumber()).toBe(2);
    expect(r.discountedPaybackMonths!.toNumber()).toBeGreaterThan(2);
    expect(r.discountedPaybackMonths!.toNumber()).toBeLessThan(3);
  });

  test("ROI: net over the investment's size; none without investment", () => {
    const r = analysePayback({
      periods: months(2),
      lines: [line("Inv", "investment", [-200, 0]), line("Saving", "return", [0, 250])],
    });
    expect(r.roi!.toNumber()).toBe(0.25);
    const none = analysePayback({
      periods: months(2),
      lines: [line("Saving", "return", [10, 10])],
    });
    expect(none.roi).toBeNull();
    expect(none.messages.join(" ")).toMatch(/no investment found/i);
  });

  test("no periods is a typed error a finance user can read", () => {
    expect(() => analysePayback({ periods: [], lines: [] })).toThrow(/No periods found/);
  });
});
