#!/usr/bin/env node
"use strict";
// The `itos` command: a shim over the compiled CLI (`npm run build:cli` writes dist/). Straight
// after `npm ci`, before any build, it runs the TypeScript sources through tsx instead.
const path = require("path");

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
