/**
 * Progress goes to stderr: a bar on a terminal, one plain line per workbook elsewhere, and
 * nothing of it on stdout. A fake stream stands in for the terminal (readline writes its cursor
 * moves into it like any other text).
 */
import { Writable } from "stream";
import { startProgress } from "../../../src/cli/portfolio/progress";

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let text = "";
  const w = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  }) as unknown as NodeJS.WriteStream & { isTTY: boolean; columns: number };
  w.isTTY = isTTY;
  w.columns = 120;
  return { stream: w, text: () => text };
}

test("not a terminal: one plain line per workbook, counted", () => {
  const { stream, text } = fakeStream(false);
  const p = startProgress(3, stream);
  p.done("a.xlsx");
  p.done("b/c.xlsx");
  p.stop();
  expect(text()).toBe("itos: read 1/3: a.xlsx\nitos: read 2/3: b/c.xlsx\n");
});

test("a terminal: a bar redrawn in place with the count and the workbook", () => {
  const { stream, text } = fakeStream(true);
  const p = startProgress(4, stream);
  p.done("first.xlsx");
  p.done("second.xlsx");
  p.stop();
  // The bar is drawn at least once with the total, and never as a plain line.
  expect(text()).toMatch(/itos portfolio \[[^\]]*\] \d\/4 workbooks/);
  expect(text()).not.toContain("itos: read");
});
