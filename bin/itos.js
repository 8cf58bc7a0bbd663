#!/usr/bin/env node
"use strict";
// The `itos` command: a shim over the compiled CLI (npm run build:cli writes dist/).
const path = require("path");

let cli;
try {
  cli = require(path.join(__dirname, "..", "dist", "cli", "main.js"));
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND") {
    process.stderr.write("itos: the command is not built yet: run `npm run build:cli` first.\n");
    process.exit(3);
  }
  throw e;
}
cli.run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
