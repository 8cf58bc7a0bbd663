/**
 * docs/accuracy.md's table of what ITOS reports is the table `npm run accuracy` prints, so it
 * cannot go stale; and on every published case ITOS agrees with the hand-worked answer.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { accuracyRows, accuracyTable } from "../support/accuracyTable";

const DOC = path.join(__dirname, "..", "..", "docs", "accuracy.md");

test("the doc's table is the script's output", async () => {
  const doc = await fs.readFile(DOC, "utf8");
  const copy = /<!-- accuracy-table:start -->\n([\s\S]*?)\n<!-- accuracy-table:end -->/.exec(doc);
  expect(copy).not.toBeNull();
  expect(copy![1]).toBe(await accuracyTable());
}, 60000);

test("ITOS agrees with the hand answer on every case", async () => {
  const rows = await accuracyRows();
  expect(rows.filter((r) => r.agrees !== "agree").map((r) => `${r.case}: ${r.agrees}`)).toEqual([]);
}, 60000);
