import { detectGrid, classifyLabel, normaliseLabel } from "../../src/grid/read";
import type { CellValue, SheetSnapshot } from "../../src/sheet";
import { unitInFormat, unitInText } from "../../src/grid/read/units";

describe("units stated in cells", () => {
  test.each([
    ["Net cost to council (£000s)", "£000s"],
    ["£000", "£000s"],
    ["£'000", "£000s"],
    ["Figures in £'000s", "£000s"],
    ["(£k)", "£k"],
    ["£k", "£k"],
    ["All figures £ thousands", "£k"],
  ])("%s -> %s", (text, unit) => {
    expect(unitInText(text)?.unit).toBe(unit);
  });

  test.each(["£1,234", "Saving of £1k a month", "Investment from SMBC", "£", "2022/23"])(
    "%s states no unit",
    (text) => {
      expect(unitInText(text)).toBeNull();
    }
  );

  test("a literal k after the figure means thousands; a scaling comma means pounds shown as thousands", () => {
    expect(unitInFormat('#,##0"k";(#,##0"k")')).toEqual({ unit: "£k" });
    expect(unitInFormat("#,##0,;(#,##0,)")).toEqual({ scaledDisplay: true });
    expect(unitInFormat("#,##0;(#,##0)")).toBeNull();
    expect(unitInFormat(null)).toBeNull();
  });
});

describe("units found by the grid reader", () => {
  const values: CellValue[][] = [
    [null, "Apr-22", "May-22"],
    ["Investment", -10, null],
    ["Savings", 4, 8],
  ];
  const sheetWith = (formats?: (string | null)[][]): SheetSnapshot => ({
    sheetName: "Case",
    top: 0,
    left: 0,
    values,
    numberFormats: formats,
  });

  test("a k number format on the amounts gives £k and names the cell", () => {
    const k = '#,##0"k"';
    const model = detectGrid(
      sheetWith([
        [null, null, null],
        [null, k, k],
        [null, k, k],
      ])
    );
    expect(model.unit).toBe("£k");
    expect(model.unitSource).toBe('B2: number format #,##0"k"');
  });

  test("a scaling comma leaves the unit £ and says why", () => {
    const f = "#,##0,";
    const model = detectGrid(
      sheetWith([
        [null, null, null],
        [null, f, f],
        [null, f, f],
      ])
    );
    expect(model.unit).toBe("£");
    expect(model.warnings).toContain(
      "B2: the number format shows pounds as thousands; amounts are read in £ as stored."
    );
  });

  test("£m is reported, not taken as a unit", () => {
    const model = detectGrid({
      sheetName: "Case",
      top: 0,
      left: 0,
      values: [["Capital programme (£m)"], ...values],
    });
    expect(model.unit).toBe("£");
    expect(model.warnings.filter((w) => w.startsWith("A1 says £m"))).toHaveLength(1);
  });
});

describe("labels", () => {
  test.each([
    ["Investment from SMBC", { kind: "component", role: "investment" }],
    ["Capital", { kind: "component", role: "investment" }],
    ["Funding", { kind: "component", role: "investment" }],
    ["Spend on agency staff", { kind: "component", role: "investment", weak: true }],
    ["Staff costs", { kind: "component", role: "investment", weak: true }],
    ["Capital costs", { kind: "component", role: "investment" }],
    ["Cost reduction", { kind: "component", role: "return" }],
    ["Costs avoided", { kind: "component", role: "return" }],
    ["Income", { kind: "component", role: "return" }],
    ["Residential", { kind: "unknown" }],
    ["Total investment", { kind: "total", role: "investment" }],
    ["Total savings", { kind: "total", role: "return" }],
    ["Total", { kind: "total", role: null }],
    ["Total net", { kind: "net" }],
    ["In month (cost) / return", { kind: "net" }],
    ["Net (cost)/saving", { kind: "net" }],
    ["Cum (cost) / return", { kind: "cumulative" }],
    ["Cumulative net (saving)/cost", { kind: "cumulative" }],
    ["Notes", { kind: "ignored" }],
    ["Net ROI", { kind: "net" }],
    ["Return on investment", { kind: "net" }],
  ])("%s", (label, kind) => {
    expect(classifyLabel(normaliseLabel(label))).toEqual(kind);
  });

  test("keys ignore case, spacing and a trailing colon", () => {
    expect(normaliseLabel("  Investment   from\u00a0SMBC: ")).toBe("investment from smbc");
  });
});
