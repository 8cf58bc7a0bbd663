/**
 * `apply` edits the .xlsx package surgically: every part it does not name in its edit list comes
 * out byte for byte as it went in, over every fixture, a LibreOffice workbook with a chart, and a
 * workbook with a sparkline group, a custom XML part and printer settings.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { applyToFile } from "../../src/file";
import { cellsOf } from "./cells";
import {
  libreOfficeChartWorkbook,
  PRINTER_SETTINGS,
  SPARKLINE_EXT,
  sparklineCustomXmlWorkbook,
} from "../support/packageFixtures";
import { recalculateToCsv } from "../support/libreoffice";

const FIXTURES = path.join(__dirname, "..", "fixtures");

async function parts(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const out = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(zip.files))
    if (!entry.dir) out.set(name, await entry.async("nodebuffer"));
  return out;
}

interface Comparison {
  compared: number;
  identical: number;
  /** Parts that differ but are not in the edit list: must be none. */
  unlisted: string[];
}

/** Compares the parts of input and output against apply's own edit list. */
async function compare(
  input: string,
  output: string,
  edits: { changed: string[]; removed: string[] }
): Promise<Comparison> {
  const before = await parts(input);
  const after = await parts(output);
  const listed = new Set([...edits.changed, ...edits.removed]);
  const unlisted: string[] = [];
  let identical = 0;
  for (const [name, bytes] of before) {
    const now = after.get(name);
    if (now && now.equals(bytes)) identical++;
    else if (!listed.has(name)) unlisted.push(name);
  }
  for (const name of after.keys()) if (!before.has(name) && !listed.has(name)) unlisted.push(name);
  return { compared: before.size, identical, unlisted };
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "itos-package-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const fixtures = require("fs")
  .readdirSync(FIXTURES)
  .filter((f: string) => f.endsWith(".xlsx"))
  .sort() as string[];
/** Fixtures apply refuses (no grid; lines whose roles it cannot tell without the user). */
const REFUSED = new Set(["layout-no-grid.xlsx", "reconcile-base-pressure.xlsx"]);

const totals = { files: 0, compared: 0, identical: 0 };
afterAll(() =>
  console.log(
    `zip parts: ${totals.files} workbooks, ${totals.compared} parts compared, ${totals.identical} byte-identical, the rest in apply's edit list`
  )
);

describe.each(fixtures)("apply on %s", (fixture) => {
  if (REFUSED.has(fixture)) {
    test("is refused and leaves no output file", async () => {
      const out = path.join(dir, `refused-${fixture}`);
      // No grid at all is thrown; a sheet that cannot be paid back is reported as its outcome.
      const refusal = await applyToFile(path.join(FIXTURES, fixture), out).then(
        (r) => r.outcomes.map((o) => o.error?.message ?? "").join(" "),
        (e: Error) => e.message
      );
      expect(refusal).toMatch(/no (payback grid|investment or return lines)/i);
      await expect(fs.access(out)).rejects.toThrow();
    });
    return;
  }
  test("changes only the parts in its edit list, and those only where the plan writes", async () => {
    const input = path.join(FIXTURES, fixture);
    const out = path.join(dir, `out-${fixture}`);
    const result = await applyToFile(input, out);
    const c = await compare(input, out, result.edits);
    expect(c.unlisted).toEqual([]);
    // The edit list names only what the plan needs: the sheets it writes or marks, the styles,
    // the workbook's names, and for notes the sheet's relationships, comments, drawing and types.
    const allowed =
      /^(xl\/worksheets\/sheet\d+\.xml|xl\/worksheets\/_rels\/sheet\d+\.xml\.rels|xl\/styles\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|\[Content_Types\]\.xml|xl\/comments\d+\.xml|xl\/drawings\/vmlDrawing\d+\.vml)$/;
    expect(result.edits.changed.filter((p) => !allowed.test(p))).toEqual([]);
    expect(result.edits.removed).toEqual([]);
    // Untouched: the theme, shared strings (ITOS writes inline strings), document properties.
    for (const kept of [
      "xl/theme/theme1.xml",
      "xl/sharedStrings.xml",
      "docProps/app.xml",
      "docProps/core.xml",
    ])
      expect(result.edits.changed).not.toContain(kept);
    totals.files++;
    totals.compared += c.compared;
    totals.identical += c.identical;
  }, 60_000);
});

test("the Sandwell fixture: exactly the grid sheet, the marked Summary sheet with its new notes, styles, names and content types", async () => {
  const input = path.join(FIXTURES, "sandwell-invest-to-save.xlsx");
  const out = path.join(dir, "sandwell-edits.xlsx");
  const { edits } = await applyToFile(input, out);
  // Hand-derived: the section goes below Appendix 1's grid (sheet1); five marks on Summary (sheet2)
  // carry notes, which need a comments part, a VML drawing, sheet2's relationships and two content types.
  expect(edits).toEqual({
    changed: [
      "[Content_Types].xml",
      "xl/comments1.xml",
      "xl/drawings/vmlDrawing1.vml",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/_rels/sheet2.xml.rels",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
    ],
    removed: [],
  });
  const before = await parts(input);
  const after = await parts(out);
  // Styles are appended, never rewritten: the original stylesheet's lists are all still there.
  const styles = after.get("xl/styles.xml")!.toString("utf8");
  for (const font of before
    .get("xl/styles.xml")!
    .toString("utf8")
    .match(/<font>.*?<\/font>/g) ?? [])
    expect(styles).toContain(font);
  expect(after.get("xl/sharedStrings.xml")!.equals(before.get("xl/sharedStrings.xml")!)).toBe(true);
});

describe("a LibreOffice workbook with a chart", () => {
  let input: string;
  beforeAll(async () => {
    input = await libreOfficeChartWorkbook(dir);
  }, 200_000);

  test("keeps the chart and its drawing byte for byte, and LibreOffice opens the output", async () => {
    const before = await parts(input);
    expect(before.has("xl/charts/chart1.xml")).toBe(true);
    const out = path.join(dir, "chart-analysed.xlsx");
    const result = await applyToFile(input, out);
    const c = await compare(input, out, result.edits);
    expect(c.unlisted).toEqual([]);
    const after = await parts(out);
    for (const part of [
      "xl/charts/chart1.xml",
      "xl/drawings/drawing1.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/worksheets/_rels/sheet1.xml.rels",
    ])
      expect({ part, same: after.get(part)?.equals(before.get(part)!) }).toEqual({
        part,
        same: true,
      });
    // The sheet keeps its drawing reference.
    expect(after.get("xl/worksheets/sheet1.xml")!.toString("utf8")).toContain(
      '<drawing r:id="rId1"/>'
    );
    // Every cell of the input is unchanged, and LibreOffice reads the written file.
    const cellsBefore = await cellsOf(input);
    const cellsAfter = await cellsOf(out);
    for (const [key, state] of cellsBefore)
      expect({ key, state: cellsAfter.get(key) }).toEqual({ key, state });
    const csv = await recalculateToCsv(out);
    expect(csv.Case[1][1]).toBe("-1000");
    totals.files++;
    totals.compared += c.compared;
    totals.identical += c.identical;
  }, 300_000);
});

describe("a workbook with a sparkline group, custom XML and printer settings", () => {
  test("keeps the custom XML and printer parts byte for byte, and the sparkline group in the edited sheet", async () => {
    const input = await sparklineCustomXmlWorkbook(dir);
    const out = path.join(dir, "sparkline-analysed.xlsx");
    const result = await applyToFile(input, out);
    const c = await compare(input, out, result.edits);
    expect(c.unlisted).toEqual([]);
    const before = await parts(input);
    const after = await parts(out);
    for (const part of [
      "customXml/item1.xml",
      "customXml/itemProps1.xml",
      "customXml/_rels/item1.xml.rels",
      "xl/printerSettings/printerSettings1.bin",
      "xl/_rels/workbook.xml.rels",
      "xl/worksheets/_rels/sheet1.xml.rels",
    ])
      expect({ part, same: after.get(part)?.equals(before.get(part)!) }).toEqual({
        part,
        same: true,
      });
    expect(after.get("xl/printerSettings/printerSettings1.bin")!.equals(PRINTER_SETTINGS)).toBe(
      true
    );
    const sheet = after.get("xl/worksheets/sheet1.xml")!.toString("utf8");
    expect(sheet).toContain(SPARKLINE_EXT);
    // extLst stays the sheet's last element, after the highlight ITOS added.
    expect(sheet.indexOf("<conditionalFormatting")).toBeLessThan(sheet.indexOf(SPARKLINE_EXT));
    expect(sheet.endsWith(`${SPARKLINE_EXT}</worksheet>`)).toBe(true);
    totals.files++;
    totals.compared += c.compared;
    totals.identical += c.identical;
  }, 60_000);
});
