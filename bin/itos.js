#!/usr/bin/env node
"use strict";
// The `itos` command: a shim over the compiled CLI (`npm run build:cli` writes dist/). Straight
// after `npm ci`, before any build, it runs the TypeScript sources through tsx instead.
const path = require("path");

// V8 optimises a function once it has run about 66 KB of bytecode: right for a page that runs for
// minutes, costly for a command that reads hundreds of small workbooks in seconds, where compiling
// code that then ran a few times took 40% of the CPU. Fifteen times that budget optimises only
// code that stays hot: 500 workbooks one at a time in 3.3 s of CPU instead of 5.0, no slower
// (README, "The `itos` command"). Set before the command's code loads; worker threads share it.
require("v8").setFlagsFromString("--interrupt-budget=1000000");

const root = path.join(__dirname, "..");
const compiled = path.join(root, "dist", "cli", "main.js");

function isMissing(e, file) {
  return e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes(file);
}

function loadCli() {
  if (process.env.ITOS_FROM_SOURCE !== "1") {
    try {
      return require(compiled);
    } catch (e) {
      if (!isMissing(e, compiled)) throw e;
    }
  }
  try {
    require("tsx/cjs");
  } catch {
    process.stderr.write("itos: the command is not built yet: run `npm run build:cli` first.\n");
    process.exit(3);
  }
  return require(path.join(root, "src", "cli", "main.ts"));
}

// A reader that stops early (`itos analyse ... | head`) is not an error: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e && e.code === "EPIPE") process.exit(process.exitCode || 0);
    throw e;
  });
}

loadCli()
  .run(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
