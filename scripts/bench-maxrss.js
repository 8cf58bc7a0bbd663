// Preloaded (node -r) into an `itos` run by the portfolio benchmark: reports the process's peak
// resident memory and its CPU time, worker threads included, as the last line on stderr.
"use strict";
process.on("exit", () => {
  const u = process.resourceUsage();
  const cpuMs = Math.round((u.userCPUTime + u.systemCPUTime) / 1000);
  process.stderr.write(`\nitos-bench maxrss-kb=${u.maxRSS} cpu-ms=${cpuMs}\n`);
});
