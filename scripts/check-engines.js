#!/usr/bin/env node
/**
 * Checks that package.json's engines.node tells the truth about the installed tree: every Node
 * version it admits is one that every package in package-lock.json supports (engines.node), and
 * each of its lower bounds is needed (the version just below it is refused by some package).
 *   node scripts/check-engines.js            the check; lists the packages that set the bounds
 *   node scripts/check-engines.js --lowest   prints the lowest Node version admitted
 */
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");

/**
 * semver 7 (for subset()): the project's hoisted copy may be an older major that another package
 * pulled in, so fall back to the copy npm itself ships.
 */
function loadSemver() {
  try {
    const hoisted = require("semver");
    if (typeof hoisted.subset === "function") return hoisted;
  } catch {
    // not installed at the top level
  }
  const npmCli =
    process.env.npm_execpath ||
    fs.realpathSync(execFileSync("sh", ["-c", "command -v npm"], { encoding: "utf8" }).trim());
  let dir = path.dirname(npmCli);
  while (!fs.existsSync(path.join(dir, "node_modules", "semver")) && dir !== path.dirname(dir))
    dir = path.dirname(dir);
  return require(path.join(dir, "node_modules", "semver"));
}
const semver = loadSemver();

const ROOT = path.join(__dirname, "..");

function readJson(name) {
  return JSON.parse(fs.readFileSync(path.join(ROOT, name), "utf8"));
}

/** [package path, engines.node range] for every package in the lockfile that states one. */
function packageRanges(lock) {
  return Object.entries(lock.packages)
    .filter(
      ([where, meta]) => where !== "" && meta.engines && typeof meta.engines.node === "string"
    )
    .map(([where, meta]) => [where.replace(/^.*node_modules\//, ""), meta.engines.node]);
}

/** The version just below a comparator's lower bound (20.17.0 -> 20.16.999999). */
function justBelow(version) {
  const v = semver.parse(version);
  if (v.patch > 0) return `${v.major}.${v.minor}.${v.patch - 1}`;
  if (v.minor > 0) return `${v.major}.${v.minor - 1}.999999`;
  return v.major > 0 ? `${v.major - 1}.999999.999999` : null;
}

function check() {
  const declared = readJson("package.json").engines?.node;
  if (!declared || !semver.validRange(declared))
    throw new Error("package.json has no valid engines.node");
  const ranges = packageRanges(readJson("package-lock.json"));
  const problems = [];
  const tooWide = ranges.filter(([, range]) => !semver.subset(declared, range));
  for (const [name, range] of tooWide)
    problems.push(
      `engines.node "${declared}" admits versions ${name} refuses (it needs "${range}")`
    );
  const bounds = [];
  for (const set of new semver.Range(declared).set) {
    const lower = set.find((c) => c.operator === ">=" || c.operator === "");
    if (!lower || lower.semver === semver.Comparator.ANY) continue;
    const below = justBelow(lower.semver.version);
    const binding = below ? ranges.filter(([, r]) => !semver.satisfies(below, r)) : [];
    if (below && binding.length === 0)
      problems.push(
        `lower bound ${lower.semver.version} is needed by no package: engines.node is narrower than the tree`
      );
    bounds.push([lower.semver.version, binding.slice(0, 3).map(([n, r]) => `${n} (${r})`)]);
  }
  return { declared, count: ranges.length, problems, bounds };
}

if (require.main === module) {
  try {
    const result = check();
    if (process.argv.includes("--lowest")) {
      process.stdout.write(semver.minVersion(result.declared).version + "\n");
    } else {
      console.log(
        `engines.node "${result.declared}" against ${result.count} packages' engines.node`
      );
      for (const [bound, binding] of result.bounds)
        console.log(`  from ${bound}: set by ${binding.join(", ") || "(nothing below it)"}`);
      for (const problem of result.problems.slice(0, 10)) console.error(`  PROBLEM: ${problem}`);
      if (result.problems.length > 10)
        console.error(`  ... and ${result.problems.length - 10} more`);
      if (result.problems.length > 0) process.exit(1);
      console.log("  every admitted version is supported by every package");
    }
  } catch (error) {
    console.error(`check-engines: ${error.message}`);
    process.exit(1);
  }
}

module.exports = { check };
