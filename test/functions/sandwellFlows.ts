/**
 * The Sandwell appendix's monthly component lines (Oct-21 .. Mar-25), read straight from the
 * fixture workbook with exceljs: the two investment lines and the five return lines of each of
 * the four stacked year blocks, laid end to end. Stated total rows are left out on purpose.
 */
import ExcelJS from "exceljs";
import path from "path";
import { dateToSerial } from "../../src/engine";

export interface SandwellFlows {
  /** Excel date serial of each month. */
  dates: number[];
  investmentLines: number[][];
  returnLines: number[][];
  /** All seven component lines, investment first: rows are lines, columns are months. */
  block: number[][];
  /** Net flow of each month: the component lines added up. */
  net: number[];
  /** The Summary sheet's stated 2024/25 saving (E5) and the appendix's 2024/25 total return (N55). */
  summarySaving2024: number;
  appendixReturn2024: number;
  /** The appendix's 2024/25 Total return row, month by month (row 55, B..M). */
  totalReturn2024: number[];
}

const FIXTURE = path.join(__dirname, "..", "fixtures", "sandwell-invest-to-save.xlsx");
const HEADER_ROWS = [3, 17, 31, 45];
const INVESTMENT_OFFSETS = [1, 2]; // Investment from SMBC, Investment from Trust
const RETURN_OFFSETS = [5, 6, 7, 8, 9]; // Residential .. Adoption Support

function numberIn(cell: ExcelJS.Cell): number {
  const v = cell.value;
  if (v === null || v === undefined || v === "") return 0;
  if (typeof v === "number") return v;
  if (typeof v === "object" && "result" in v && typeof v.result === "number") return v.result;
  throw new Error(`Unexpected value in ${cell.address}: ${JSON.stringify(v)}`);
}

export async function readSandwellFlows(): Promise<SandwellFlows> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(FIXTURE);
  const sheet = workbook.getWorksheet("Appendix 1");
  const summary = workbook.getWorksheet("Summary");
  if (!sheet || !summary) throw new Error("The fixture lacks its Appendix 1 or Summary sheet.");

  const dates: number[] = [];
  const investmentLines: number[][] = INVESTMENT_OFFSETS.map(() => []);
  const returnLines: number[][] = RETURN_OFFSETS.map(() => []);
  for (const header of HEADER_ROWS) {
    for (let col = 2; ; col++) {
      const v = sheet.getRow(header).getCell(col).value;
      if (!(v instanceof Date)) break;
      dates.push(dateToSerial(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()));
      INVESTMENT_OFFSETS.forEach((offset, i) =>
        investmentLines[i].push(numberIn(sheet.getRow(header + offset).getCell(col)))
      );
      RETURN_OFFSETS.forEach((offset, i) =>
        returnLines[i].push(numberIn(sheet.getRow(header + offset).getCell(col)))
      );
    }
  }
  const block = [...investmentLines, ...returnLines];
  const net = dates.map((_, i) => block.reduce((acc, line) => acc + line[i], 0));
  const totalReturn2024 = Array.from({ length: 12 }, (_, i) =>
    numberIn(sheet.getRow(55).getCell(2 + i))
  );
  return {
    dates,
    investmentLines,
    returnLines,
    block,
    net,
    summarySaving2024: numberIn(summary.getCell("E5")),
    appendixReturn2024: numberIn(sheet.getCell("N55")),
    totalReturn2024,
  };
}
