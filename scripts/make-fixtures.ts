/**
 * Writes the test layouts (test/support/layouts.ts) as .xlsx workbooks into test/fixtures/.
 * Run with `npx tsx scripts/make-fixtures.ts`; the Sandwell fixture is not touched.
 */
import * as path from "path";
import { buildLayoutWorkbook, LAYOUTS } from "../test/support/layouts";

async function main(): Promise<void> {
  const dir = path.join(__dirname, "..", "test", "fixtures");
  for (const layout of LAYOUTS) {
    const file = path.join(dir, layout.file);
    await buildLayoutWorkbook(layout).xlsx.writeFile(file);
    console.log(`wrote ${path.relative(process.cwd(), file)}: ${layout.description}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
