import { detectGrid } from "./src/grid/detect";
import { reconcileSheet } from "./src/grid/reconcileGrid";
import { largeSheet } from "./scripts/bench-data";
const rows = Number(process.argv[2]); const cols = Number(process.argv[3] ?? rows);
const sheet = largeSheet(rows, cols);
const t = performance.now();
const r = reconcileSheet(detectGrid(sheet), sheet);
console.error("ms", performance.now() - t);
process.stdout.write(JSON.stringify(r));
