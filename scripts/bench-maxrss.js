// Preloaded (node -r) into an `itos` run by the portfolio benchmark: reports the process's peak
// resident memory, its CPU time (worker threads included) and, where Linux's /proc shows it, the
// main thread's share of that time, as the last line on stderr. The share tells how much of a
// one-at-a-time run V8's own threads (optimising compiler, collector) do beside the main thread.
"use strict";
const fs = require("fs");

/** utime + stime, in clock ticks, from a /proc stat line (fields 14 and 15). */
function ticksOf(statFile) {
  const stat = fs.readFileSync(statFile, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

process.on("exit", () => {
  const u = process.resourceUsage();
  const cpuMs = Math.round((u.userCPUTime + u.systemCPUTime) / 1000);
  let main = "";
  try {
    // Both counts are in the same ticks, so their ratio needs no tick length.
    const share = ticksOf(`/proc/self/task/${process.pid}/stat`) / ticksOf("/proc/self/stat");
    if (share > 0 && share <= 1) main = ` main-cpu-ms=${Math.round(cpuMs * share)}`;
  } catch {
    // No /proc here: the main thread's share is not reported.
  }
  process.stderr.write(`\nitos-bench maxrss-kb=${u.maxRSS} cpu-ms=${cpuMs}${main}\n`);
});
