/**
 * The custom functions as Excel gets them: webpack builds the functions entry with the same config
 * as `npm run build` (metadata plugin included), then the bundle runs in a bare JavaScript context
 * with only a stand-in CustomFunctions global, the way the shared runtime page runs it. This proves
 * that the build registers every function functions.json lists, that the bundle needs nothing from
 * Node, and that the registered PAYBACK gives the Sandwell answer.
 */
import fs from "fs";
import os from "os";
import path from "path";
import vm from "vm";
import zlib from "zlib";
import webpack from "webpack";
import { MockCustomFunctionsError } from "./customFunctionsMock";
import { readSandwellFlows } from "./sandwellFlows";

const ROOT = path.join(__dirname, "..", "..");
type Registered = Record<string, (...args: unknown[]) => unknown>;

let outDir: string;
let registered: Registered;
let metadataIds: string[];
let bundleText: string;

async function build(): Promise<void> {
  const makeConfig = require(path.join(ROOT, "webpack.config.js"));
  const config = await makeConfig({}, { mode: "production" });
  const functionsOnly = {
    ...config,
    context: ROOT,
    entry: { functions: config.entry.functions },
    output: { ...config.output, path: outDir },
    plugins: config.plugins.filter(
      (p: object) => p.constructor.name === "CustomFunctionsMetadataPlugin"
    ),
    devServer: undefined,
  };
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(functionsOnly, (err, result) => (err || !result ? reject(err) : resolve(result)))
  );
  expect(stats.compilation.errors.map((e) => e.message)).toEqual([]);
}

/** Runs the built scripts in a context that has only what a browser page and Excel provide. */
function runBundle(files: string[]): Registered {
  const functions: Registered = {};
  const context = vm.createContext({
    CustomFunctions: {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => {
        functions[id] = fn;
      },
      Error: MockCustomFunctionsError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    },
  });
  context.self = context;
  context.window = context;
  for (const file of files)
    vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
  return functions;
}

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "itos-functions-bundle-"));
  await build();
  const scripts = ["shared.js", "functions.js"]
    .map((f) => path.join(outDir, f))
    .filter(fs.existsSync);
  bundleText = scripts.map((f) => fs.readFileSync(f, "utf8")).join("\n");
  registered = runBundle(scripts);
  metadataIds = JSON.parse(
    fs.readFileSync(path.join(outDir, "functions.json"), "utf8")
  ).functions.map((f: { id: string }) => f.id);
}, 120000);

afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

test("the bundle registers exactly the functions functions.json lists", () => {
  expect(metadataIds).toHaveLength(10);
  expect(Object.keys(registered).sort()).toEqual([...metadataIds].sort());
});

test("the registered PAYBACK and BREAKEVEN give the Sandwell answers", async () => {
  const s = await readSandwellFlows();
  expect(registered.PAYBACK([s.net], null, null)).toBeCloseTo(24.48, 1);
  expect(registered.BREAKEVEN(s.block, [s.dates])).toBe(45292);
  const error = registered.FY("someday", null) as MockCustomFunctionsError;
  expect(error).toBeInstanceOf(MockCustomFunctionsError);
  expect(error.code).toBe("#VALUE!");
});

test("the functions' scripts stay small and use no eval", () => {
  expect(bundleText).not.toMatch(/\beval\(|new Function\(/);
  const gzipKb = zlib.gzipSync(bundleText, { level: 9 }).length / 1024;
  expect(gzipKb).toBeLessThan(60);
});
