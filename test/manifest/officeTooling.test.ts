/**
 * The Office tooling behind `npm start`, `npm run stop`, `npm run validate`, `npm run lint` and
 * the dev certificates loads from a plain `npm ci`. The install leaves out the Microsoft 365
 * Agents Toolkit chain (.npmrc: legacy-peer-deps), so nothing may depend on what that chain used
 * to bring in; a module missing from the tree shows here, offline, instead of on a developer's
 * first `npm start`.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";

const ROOT = path.join(__dirname, "..", "..");
const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

/** Each npm script that runs an Office tool, and the module it starts. */
const toolScripts: Record<string, string> = {
  stop: "office-addin-debugging/lib/cli.js",
  validate: "office-addin-manifest/lib/cli.js",
  lint: "office-addin-lint/lib/cli.js",
};

describe("the Office tooling loads without the agents toolkit", () => {
  test.each(Object.entries(toolScripts))("npm run %s starts %s", (script, cli) => {
    expect(packageJson.scripts[script]).toContain(`node_modules/${cli}`);
  });

  test.each([
    ["office-addin-debugging (npm start, npm run stop)", "office-addin-debugging/lib/main.js"],
    ["office-addin-dev-settings (sideloading)", "office-addin-dev-settings/lib/main.js"],
    ["office-addin-manifest (npm run validate)", "office-addin-manifest/lib/main.js"],
    ["office-addin-dev-certs (https dev server)", "office-addin-dev-certs/lib/main.js"],
    ["office-addin-lint (npm run lint)", "office-addin-lint/lib/main.js"],
  ])("%s", (_name, entry) => {
    // Loaded by plain Node, as npm scripts run them (jest's module loader differs from Node's).
    const exported = execFileSync(
      process.execPath,
      ["-e", `process.stdout.write(String(Object.keys(require(${JSON.stringify(entry)})).length))`],
      { cwd: ROOT, encoding: "utf8" }
    );
    expect(Number(exported)).toBeGreaterThan(0);
  });

  test("the toolkit itself is not installed (it is fetched by npx only for JSON manifests and Outlook)", () => {
    expect(() => require.resolve("@microsoft/m365agentstoolkit-cli/package.json")).toThrow();
  });
});
