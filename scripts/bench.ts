/**
 * Benchmarks (`npm run bench`; `npm run bench -- --json` prints exactly one JSON object).
 * Medians over repeated runs, each against its budget. Budgets are reported, not enforced: the
 * exit code is non-zero only when a benchmark crashes.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import {
  benchAnalyse,
  benchHyperFormula,
  benchPaybackFunction,
  benchReconcile,
  benchSyncs,
  bundleSizes,
} from "./bench-tasks";
import { benchApplyMemory } from "./bench-apply-memory";
import { benchPortfolio } from "./bench-portfolio";

export const BUDGETS = {
  analyseMs: 50,
  reconcileMs: 1000,
  /** Reconciling a sheet whose totals are formulas, against the same sheet typed. */
  formulaReconcileRatio: 1.5,
  paybackFnMs: 1,
  hyperformulaRatio: 10,
  taskpaneKB: 150,
  functionsKB: 60,
  /** Portfolio throughput on all cores against one after another: at least 0.8 x the core count. */
  portfolioPerCore: 0.8,
  portfolioMemoryRatio: 1.5,
  /** Peak RSS of `itos apply` on a 4.8-million-cell workbook, and on one formatted cell at A1048576. */
  applyLargeMB: 1536,
  applyFormattedEdgeMB: 200,
};

interface Row {
  name: string;
  measured: string;
  budget: string;
  pass: boolean | null;
}

const withUnit = (v: number | null | undefined, unit: string, dp = 2): string =>
  v === null || v === undefined ? "not measured" : `${v.toFixed(dp)} ${unit}`;
const fmt = (v: number | null | undefined, dp = 2): string =>
  v === null || v === undefined ? "n/a" : v.toFixed(dp);
const within = (v: number | null, max: number): boolean | null => (v === null ? null : v <= max);
const atLeast = (v: number | null, min: number): boolean | null => (v === null ? null : v >= min);

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const analyse = benchAnalyse();
  const reconcile = await benchReconcile();
  // When the full size cannot be measured, smaller sheets show how the time grows.
  const reconcileScaling: { size: string; ms: number | null }[] = [];
  if (reconcile.value === null) {
    for (const n of [100, 200])
      reconcileScaling.push({ size: `${n} x ${n}`, ms: (await benchReconcile(n, n)).value });
  }
  const paybackFn = benchPaybackFunction();
  const hyper = benchHyperFormula(paybackFn.value);
  const syncs = await benchSyncs();
  const { taskpane, functions } = await bundleSizes();
  const portfolio = await benchPortfolio();
  const pf = portfolio.value;
  const portfolioGoal = BUDGETS.portfolioPerCore * portfolio.cores;
  const [applyLarge, applyEdge] = await benchApplyMemory();
  const applyRow = (r: typeof applyLarge): string =>
    r.maxRssMB === null
      ? `not measured (${r.error})`
      : `${fmt(r.maxRssMB, 0)} MB in ${fmt(r.seconds, 1)} s (${fmt(r.fileMB, 1)} MB file)`;

  const formulaRatio =
    reconcile.value === null || reconcile.formulaMs === null
      ? null
      : reconcile.formulaMs / reconcile.value;
  const syncsConstant = syncs.value === null ? null : syncs.value.rows10000 === syncs.value.rows10;
  const rows: Row[] = [
    {
      name: "Engine analysis, 600 months x 200 lines",
      measured: withUnit(analyse.value, "ms"),
      budget: `<= ${BUDGETS.analyseMs} ms`,
      pass: within(analyse.value, BUDGETS.analyseMs),
    },
    {
      name: "Reconciliation, 1,000 x 1,000 sheet",
      measured: withUnit(reconcile.value, "ms"),
      budget: `<= ${BUDGETS.reconcileMs} ms`,
      pass: within(reconcile.value, BUDGETS.reconcileMs),
    },
    {
      name: "Reconciliation, 1,000 x 1,000 sheet with formula totals (time / typed totals)",
      measured:
        formulaRatio === null
          ? "not measured"
          : `${formulaRatio.toFixed(2)}x (${fmt(reconcile.formulaMs, 0)} ms / ${fmt(reconcile.value, 0)} ms)`,
      budget: `<= ${BUDGETS.formulaReconcileRatio}x`,
      pass: within(formulaRatio, BUDGETS.formulaReconcileRatio),
    },
    {
      name: "=ITOS.PAYBACK on 600 flows",
      measured: withUnit(paybackFn.value, "ms", 3),
      budget: `<= ${BUDGETS.paybackFnMs} ms`,
      pass: within(paybackFn.value, BUDGETS.paybackFnMs),
    },
    {
      name: "Same job as HyperFormula formulas (time / ours)",
      measured: `${fmt(hyper.value, 0)}x (${fmt(hyper.buildMs)} ms)`,
      budget: `>= ${BUDGETS.hyperformulaRatio}x`,
      pass: atLeast(hyper.value, BUDGETS.hyperformulaRatio),
    },
    {
      name: "Excel syncs, 10-row / 10,000-row grid",
      measured: syncs.value ? `${syncs.value.rows10} / ${syncs.value.rows10000}` : "not measured",
      budget: "constant",
      pass: syncsConstant,
    },
    {
      name: `Task pane bundle (gzip: ${taskpane.files?.join(" + ") ?? "dist/ not built"})`,
      measured: withUnit(taskpane.value, "KB", 1),
      budget: `<= ${BUDGETS.taskpaneKB} KB`,
      pass: within(taskpane.value, BUDGETS.taskpaneKB),
    },
    {
      name: `Functions bundle (gzip: ${functions.files?.join(" + ") ?? "dist/ not built"})`,
      measured: withUnit(functions.value, "KB", 1),
      budget: `<= ${BUDGETS.functionsKB} KB`,
      pass: within(functions.value, BUDGETS.functionsKB),
    },
    {
      name: `Portfolio of 500 workbooks: --jobs ${portfolio.cores} against one after another (throughput)`,
      measured: pf
        ? `${fmt(portfolio.throughputRatio)}x (${fmt(pf.sequential.ms / 1000, 1)} s / ${fmt(pf.parallel.ms / 1000, 1)} s)`
        : "not measured",
      budget: `>= ${fmt(portfolioGoal, 1)}x`,
      pass: atLeast(portfolio.throughputRatio, portfolioGoal),
    },
    {
      name: `Portfolio of ${portfolio.largeCount.toLocaleString("en-GB")} workbooks: --jobs ${portfolio.cores} against one after another (throughput)`,
      measured: pf
        ? `${fmt(portfolio.largeRatio)}x (${fmt(pf.largeSequential.ms / 1000, 1)} s / ${fmt(pf.largeParallel.ms / 1000, 1)} s)`
        : "not measured",
      budget: `>= ${fmt(portfolioGoal, 1)}x`,
      pass: atLeast(portfolio.largeRatio, portfolioGoal),
    },
    {
      name: "Portfolio peak memory, 500 against 50 workbooks",
      measured: pf
        ? `${fmt(portfolio.memoryRatio)}x (${fmt(pf.parallel.maxRssMB, 0)} / ${fmt(pf.small.maxRssMB, 0)} MB)`
        : "not measured",
      budget: `<= ${BUDGETS.portfolioMemoryRatio}x`,
      pass: within(portfolio.memoryRatio, BUDGETS.portfolioMemoryRatio),
    },
    {
      name: "itos apply peak memory, 4.8M-cell workbook",
      measured: applyRow(applyLarge),
      budget: `<= ${BUDGETS.applyLargeMB} MB`,
      pass: within(applyLarge.maxRssMB, BUDGETS.applyLargeMB),
    },
    {
      name: "itos apply peak memory, formatted-edge workbook",
      measured: applyRow(applyEdge),
      budget: `<= ${BUDGETS.applyFormattedEdgeMB} MB`,
      pass: within(applyEdge.maxRssMB, BUDGETS.applyFormattedEdgeMB),
    },
  ];
  const pass = rows.every((r) => r.pass === true);
  const notes = [analyse, reconcile, paybackFn, syncs, taskpane, functions, portfolio]
    .map((m) => m.note)
    .filter((n): n is string => !!n);
  if (reconcileScaling.length > 0) {
    notes.push(
      `reconciliation of smaller sheets of the same layout: ${reconcileScaling.map((r) => `${r.size} ${withUnit(r.ms, "ms", 0)}`).join(", ")}`
    );
  }

  if (json) {
    const report = {
      analyseMs: analyse.value,
      reconcileMs: reconcile.value,
      formulaReconcileMs: reconcile.formulaMs,
      formulaReconcileRatio: formulaRatio,
      paybackFnMs: paybackFn.value,
      hyperformulaRatio: hyper.value,
      syncs: { rows10: syncs.value?.rows10 ?? null, rows10000: syncs.value?.rows10000 ?? null },
      bundleKB: { taskpane: taskpane.value, functions: functions.value },
      portfolio: {
        cores: portfolio.cores,
        throughputRatio: portfolio.throughputRatio,
        memoryRatio: portfolio.memoryRatio,
        sequentialCores: portfolio.sequentialCores,
        shareCeiling: portfolio.shareCeiling,
        separateProcessesRatio: portfolio.separateProcessesRatio,
        largeRatio: portfolio.largeRatio,
        runs: pf,
      },
      applyMemory: { large: applyLarge, formattedEdge: applyEdge },
      budgets: BUDGETS,
      pass,
      details: {
        reconcileDetectMs: reconcile.detectMs,
        reconcileChecks: reconcile.checks,
        reconcileMismatches: reconcile.mismatches,
        reconcileScaling,
        hyperformulaBuildMs: hyper.buildMs,
        hyperformulaEditMs: hyper.editMs,
        hyperformulaEditRatio: hyper.editRatio,
        paybackAnswers: { itos: paybackFn.result, hyperformula: hyper.result },
        node: process.version,
        notes,
      },
    };
    process.stdout.write(JSON.stringify(report) + "\n");
    return;
  }
  const table = markdownTable(rows);
  console.log(table);
  console.log("");
  console.log(
    `HyperFormula: full evaluation ${fmt(hyper.buildMs)} ms; recompute after editing one flow ${fmt(hyper.editMs)} ms (${fmt(hyper.editRatio, 0)}x ours).`
  );
  console.log(
    `Payback answers: ITOS.PAYBACK ${JSON.stringify(paybackFn.result)}, HyperFormula formulas ${JSON.stringify(hyper.result)}.`
  );
  if (reconcile.value !== null)
    console.log(
      `Reconciliation made ${reconcile.checks} checks (${reconcile.mismatches} mismatches from the planted wrong totals); reading the grid first (detectGrid) took ${fmt(reconcile.detectMs)} ms. With the totals as formulas (the planted wrong ones typed over them) it found ${reconcile.formulaFindings ?? "n/a"} formula findings.`
    );
  if (pf) {
    const note = portfolioCpuNote(portfolio);
    notes.push(note);
    console.log(`${note} Machine load average ${os.loadavg()[0].toFixed(1)}.`);
  }
  for (const n of notes) console.log(`Note: ${n}`);
  console.log(pass ? "All budgets met." : "Some budgets not met or not measured.");
  if (process.argv.includes("--update-docs"))
    await writeDocs(table, [
      `HyperFormula: full evaluation ${fmt(hyper.buildMs)} ms; recompute after editing one flow ${fmt(hyper.editMs)} ms.`,
      ...notes,
    ]);
}

/**
 * Where the portfolio's CPU time goes: the one-at-a-time run's main thread against V8's own
 * compiler and collector threads, which bound what more cores can give on this machine.
 */
function portfolioCpuNote(portfolio: Awaited<ReturnType<typeof benchPortfolio>>): string {
  const { sequential, parallel } = portfolio.value!;
  const s = (ms: number) => `${fmt(ms / 1000, 1)} s`;
  const split =
    sequential.mainCpuMs === null
      ? ""
      : `, ${s(sequential.mainCpuMs)} of it on the main thread and ${s(sequential.cpuMs - sequential.mainCpuMs)} on V8's compiler and collector threads`;
  const used = portfolio.sequentialCores;
  const ceiling =
    used === null
      ? ""
      : `: it keeps ${fmt(used)} cores busy, so on ${portfolio.cores} cores no run can be more than ${fmt(portfolio.cores / used)}x faster`;
  const { share } = portfolio.value!;
  const shareBound =
    portfolio.shareCeiling === null
      ? ""
      : ` One process reading one worker's share (${share.workbooks} workbooks) alone took ${s(share.ms)}: each worker starts as cold as that process, so the 500 cannot be read more than ${fmt(portfolio.shareCeiling)}x faster than one after another. ${portfolio.cores} such processes at once, with no pool, took ${s(portfolio.value!.sharesAtOnceMs)} (${fmt(portfolio.separateProcessesRatio)}x).`;
  return `Portfolio CPU time: one after another ${s(sequential.cpuMs)} in ${s(sequential.ms)}${split}${ceiling}; on ${portfolio.cores} workers ${s(parallel.cpuMs)} in ${s(parallel.ms)}.${shareBound}`;
}

/** docs/benchmarks.md: the latest table, with when and where it was measured. */
async function writeDocs(table: string, notes: string[]): Promise<void> {
  const os = await import("os");
  const file = path.resolve(__dirname, "../docs/benchmarks.md");
  const text = [
    "# Benchmarks",
    "",
    "`npm run bench` (medians over repeated runs; `npm run --silent bench -- --json` prints one JSON object;",
    "`npm run bench -- --update-docs` rewrites this page). Budgets are reported, not enforced.",
    "",
    table,
    "",
    ...notes.map((n) => `- ${n}`),
    "",
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version}.`,
    "",
  ].join("\n");
  await fs.writeFile(file, text, "utf8");
  console.log(`Wrote ${path.relative(process.cwd(), file)}.`);
}

export function markdownTable(rows: Row[]): string {
  const lines = ["| Benchmark | Measured (median) | Budget | Pass |", "|---|---|---|---|"];
  for (const r of rows)
    lines.push(
      `| ${r.name} | ${r.measured} | ${r.budget} | ${r.pass === null ? "not measured" : r.pass ? "yes" : "NO"} |`
    );
  return lines.join("\n");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
