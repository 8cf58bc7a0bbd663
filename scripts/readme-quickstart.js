#!/usr/bin/env node
/**
 * Prints one of the README's Quick start commands, read from the first fenced block under the
 * "## Quick start" heading, so CI runs what a new user reads:
 *   node scripts/readme-quickstart.js main   the command that runs the main job (first line)
 *   node scripts/readme-quickstart.js test   the command that sets up and runs the tests (second)
 * Fails unless the block holds exactly two commands.
 */
const fs = require("fs");
const path = require("path");

function quickStartCommands(readme) {
  const lines = readme.split(/\r?\n/);
  const heading = lines.findIndex((l) => /^##\s+Quick start\s*$/i.test(l));
  if (heading < 0) throw new Error('README.md has no "## Quick start" heading');
  const open = lines.findIndex((l, i) => i > heading && /^```/.test(l));
  const nextHeading = lines.findIndex((l, i) => i > heading && /^#{1,2}\s/.test(l));
  if (open < 0 || (nextHeading >= 0 && open > nextHeading))
    throw new Error("README.md's Quick start has no fenced command block");
  const close = lines.findIndex((l, i) => i > open && /^```/.test(l));
  if (close < 0) throw new Error("README.md's Quick start block is not closed");
  const commands = lines
    .slice(open + 1, close)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
  if (commands.length !== 2)
    throw new Error(
      `README.md's Quick start block should hold exactly two commands, found ${commands.length}`
    );
  return { main: commands[0], test: commands[1] };
}

if (require.main === module) {
  const which = process.argv[2];
  try {
    const commands = quickStartCommands(
      fs.readFileSync(path.join(__dirname, "..", "README.md"), "utf8")
    );
    if (!(which in commands)) throw new Error("usage: readme-quickstart.js main|test");
    process.stdout.write(commands[which] + "\n");
  } catch (error) {
    console.error(`readme-quickstart: ${error.message}`);
    process.exit(1);
  }
}

module.exports = { quickStartCommands };
