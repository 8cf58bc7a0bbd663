/**
 * Removes the compiled command (dist/<folder> for each source folder tsconfig.cli.json compiles)
 * before tsc writes it again: tsc never deletes output whose source moved, and a stale
 * dist/grid/plan.js would shadow dist/grid/plan/index.js.
 */
const fs = require("fs");
const path = require("path");

const dist = path.join(__dirname, "..", "dist");
const src = path.join(__dirname, "..", "src");
for (const folder of fs.readdirSync(src)) {
  fs.rmSync(path.join(dist, folder), { recursive: true, force: true });
}
