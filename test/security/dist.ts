/** The built add-in (dist/) for the security tests: they inspect what ships, so they need a build. */
import * as fs from "fs";
import * as path from "path";

export const DIST = path.resolve(__dirname, "../../dist");

/** Files in dist/ with the given extension; fails with the fix when dist/ has not been built. */
export function distFiles(ext: ".js" | ".html"): string[] {
  if (!fs.existsSync(path.join(DIST, "taskpane.js"))) {
    throw new Error(
      "dist/taskpane.js not found: run npm run build first (the security tests inspect the built bundles)."
    );
  }
  return fs
    .readdirSync(DIST)
    .filter((f) => f.endsWith(ext))
    .map((f) => path.join(DIST, f));
}

export function readDist(file: string): string {
  return fs.readFileSync(file, "utf8");
}
