import {
  parseAmount,
  formatMoney,
  displayedDecimals,
  formatUsesBrackets,
  sum,
  money,
} from "../../src/engine";

describe("money as councils write it", () => {
  test.each([
    ["(11,667)", "-11667"],
    ["-11667", "-11667"],
    ["£1,234.56", "1234.56"],
    ["-£1,234", "-1234"],
    ["£(500)", "-500"],
    ["1.2k", "1200"],
    ["£0.5m", "500000"],
    ["-", "0"],
    ["n/a", "0"],
    ["", "0"],
    ["  2,098 ", "2098"],
  ])("%s reads as %s", (text, expected) => {
    expect(parseAmount(text)!.toString()).toBe(expected);
  });

  test("blank cells and numbers", () => {
    expect(parseAmount(null)!.toString()).toBe("0");
    expect(parseAmount(0.1)!.plus(parseAmount(0.2)!).toString()).toBe("0.3");
  });

  test.each(["Residential", "tbc", "12,34", "1.2.3", "see note"])("%s is not an amount", (text) => {
    expect(parseAmount(text)).toBeNull();
  });

  test("formats with thousands separators and brackets for negatives", () => {
    expect(formatMoney(money(-11667))).toBe("(11,667)");
    expect(formatMoney(money(333529.4))).toBe("333,529");
    expect(formatMoney(money(1234.5), 2)).toBe("1,234.50");
  });

  test("reads the displayed precision and bracket style of Excel number formats", () => {
    expect(displayedDecimals("#,##0;(#,##0)")).toBe(0);
    expect(displayedDecimals("#,##0.00")).toBe(2);
    expect(displayedDecimals("General")).toBeNull();
    expect(formatUsesBrackets("#,##0;(#,##0)")).toBe(true);
    expect(formatUsesBrackets("#,##0")).toBe(false);
  });

  test("sums are exact decimals", () => {
    expect(sum([money("0.1"), money("0.2"), money("-0.3")]).isZero()).toBe(true);
  });
});
