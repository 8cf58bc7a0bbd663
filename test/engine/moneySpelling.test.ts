/**
 * Amounts as council tables spell them, each with the value worked out by hand, and the near
 * misses that must not read as amounts at all.
 */
import {
  displayedDecimals,
  formatMoney,
  formatUsesBrackets,
  fromNumber,
  money,
  parseAmount,
  sum,
  toNumber,
} from "../../src/engine/money";

describe("parseAmount: every accepted spelling", () => {
  test.each([
    // Zero words, in any case.
    ["–", "0"],
    ["—", "0"],
    ["N/A", "0"],
    ["na", "0"],
    ["Nil", "0"],
    ["NONE", "0"],
    ["0", "0"],
    ["   ", "0"],
    // Thousands separators and plain digits.
    ["1,234,567", "1234567"],
    ["1234567", "1234567"],
    ["999", "999"],
    ["1,000", "1000"],
    [".5", "0.5"],
    ["0.25", "0.25"],
    ["12,345.678", "12345.678"],
    // Scales, with or without a space, in any case.
    ["1.2K", "1200"],
    ["2 m", "2000000"],
    ["1bn", "1000000000"],
    ["1.5 BN", "1500000000"],
    ["0.001k", "1"],
    // Signs: hyphen, minus sign, en dash; a space after the sign.
    ["-500", "-500"],
    ["−500", "-500"],
    ["–500", "-500"],
    ["- 500", "-500"],
    ["-0.5k", "-500"],
    // Brackets, with spaces inside, and signs that cancel.
    ["( 500 )", "-500"],
    ["((500))", "500"],
    ["-(500)", "500"],
    ["(-500)", "500"],
    // The pound sign and GBP, before or inside the brackets and sign, spaced or not.
    ["£ 500", "500"],
    ["GBP500", "500"],
    ["gbp 1,234", "1234"],
    ["(GBP 1.5m)", "-1500000"],
    ["-£0.5k", "-500"],
    ["£-500", "-500"],
    ["\u00a0£1,234\u00a0", "1234"],
    ["GBP\u00a0500", "500"],
  ])("%j reads as %s", (text, expected) => {
    expect(parseAmount(text)!.toString()).toBe(expected);
  });

  test.each([
    "k",
    "£",
    "()",
    "-",
    "1,23",
    "12,3456",
    ",123",
    "1,234,56",
    "5.",
    "x500",
    "500x",
    "500 pounds",
    "1.2kk",
    "1 000",
    "1.2b",
    "k500",
    "(500",
    "500)",
  ])("%j is not an amount", (text) => {
    if (text === "-") {
      // A lone dash is the zero word, not a sign without a number.
      expect(parseAmount(text)!.toString()).toBe("0");
      return;
    }
    expect(parseAmount(text)).toBeNull();
  });

  test("blanks and numbers from Excel", () => {
    expect(parseAmount(undefined)!.toString()).toBe("0");
    expect(parseAmount(null)!.toString()).toBe("0");
    expect(parseAmount(-11667)!.toString()).toBe("-11667");
    expect(parseAmount(0.1)!.toString()).toBe("0.1");
    expect(parseAmount(Number.POSITIVE_INFINITY)).toBeNull();
    expect(parseAmount(Number.NaN)).toBeNull();
  });
});

describe("formatMoney", () => {
  test.each([
    ["0", 0, "0"],
    ["-0", 0, "0"],
    ["999", 0, "999"],
    ["1000", 0, "1,000"],
    ["123456", 0, "123,456"],
    ["1234567", 0, "1,234,567"],
    ["-1234567", 0, "(1,234,567)"],
    ["1234567.891", 3, "1,234,567.891"],
    ["1234.5", 1, "1,234.5"],
    ["1234.5", 0, "1,235"],
    ["-2.5", 0, "(3)"],
    ["0.125", 2, "0.13"],
    ["-0.125", 2, "(0.13)"],
    ["1000000.5", 0, "1,000,001"],
  ])("%s to %i places is %s", (amount, dp, text) => {
    expect(formatMoney(money(amount), dp)).toBe(text);
  });

  test("prints whole units when no places are asked for", () => {
    expect(formatMoney(money("-11666.6"))).toBe("(11,667)");
  });
});

describe("displayedDecimals and formatUsesBrackets", () => {
  test.each([
    [null, null],
    [undefined, null],
    ["", null],
    ["general", null],
    ["GENERAL", null],
    ["@", null],
    ["0", 0],
    ["#", 0],
    ["0.000", 3],
    ["#,##0.0", 1],
    ["#,##0.00;(#,##0)", 2],
    ['"£"#,##0.0', 1],
    ['"0.00 "#,##0', 0],
    ['"Total: "@', null],
  ])("%j shows %j decimals", (format, dp) => {
    expect(displayedDecimals(format)).toBe(dp);
  });

  test.each([
    [null, false],
    ["", false],
    ["(#,##0)", false],
    ["#,##0;-#,##0", false],
    ["#,##0;[Red](#,##0)", true],
    ["#,##0;(#,##0);-", true],
  ])("%j shows negatives in brackets: %j", (format, brackets) => {
    expect(formatUsesBrackets(format)).toBe(brackets);
  });
});

describe("sum, fromNumber, toNumber", () => {
  test("an empty sum is zero; a sum is exact", () => {
    expect(sum([]).toString()).toBe("0");
    expect(sum([money("0.1"), money("0.2")]).toString()).toBe("0.3");
  });

  test("Excel numbers keep their shortest text", () => {
    expect(fromNumber(0.1).toString()).toBe("0.1");
    expect(fromNumber(1e21).toString()).toBe("1e+21");
    expect(toNumber(money("11667.5"))).toBe(11667.5);
  });
});
