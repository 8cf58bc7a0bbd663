/**
 * Writes the test layouts (test/support/layouts.ts) as .xlsx workbooks into test/fixtures/.
 * Run with `npx tsx scripts/make-fixtures.ts`; the Sandwell fixture is not touched. A fixture
 * whose cells already match its layout is left alone (zip timestamps would otherwise change it).
 */
import { existsSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { snapshotFromWorkbook } from "../src/file";
import { buildLayoutWorkbook, LAYOUTS } from "../test/support/layouts";

async function sameCells(file: string, built: ExcelJS.Workbook): Promise<boolean> {
  if (!existsSync(file)) return false;
  const existing = new ExcelJS.Workbook();
  await existing.xlsx.readFile(file);
  return (
    JSON.stringify(snapshotFromWorkbook(existing)) === JSON.stringify(snapshotFromWorkbook(built))
  );
}

async function main(): Promise<void> {
  const dir = path.join(__dirname, "..", "test", "fixtures");
  for (const layout of LAYOUTS) {
    const file = path.join(dir, layout.file);
    const workbook = buildLayoutWorkbook(layout);
    // Compare through a written copy, so both sides are read back the same way.
    const written = new ExcelJS.Workbook();
    await written.xlsx.load((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    if (await sameCells(file, written)) {
      console.log(`unchanged ${layout.file}`);
      continue;
    }
    await workbook.xlsx.writeFile(file);
    console.log(`wrote ${path.relative(process.cwd(), file)}: ${layout.description}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
