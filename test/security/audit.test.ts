/**
 * `npm audit --omit=dev`: the dependencies that ship (decimal.js in the add-in; exceljs and its
 * tree in the command) have no high or critical advisories. When the registry's advisory endpoint
 * cannot be reached the test says so; set ITOS_REQUIRE_AUDIT=1 to make that a failure (see
 * docs/security.md).
 */
import { execFile } from "child_process";
import * as path from "path";

interface AuditReport {
  metadata?: {
    vulnerabilities?: Record<"info" | "low" | "moderate" | "high" | "critical" | "total", number>;
  };
  vulnerabilities?: Record<string, { severity: string; via: unknown[] }>;
  message?: string;
  statusCode?: number;
  error?: unknown;
}

function npmAudit(): Promise<{ report: AuditReport | null; raw: string }> {
  return new Promise((resolve) => {
    // npm audit exits non-zero when it finds anything; the JSON on stdout is what counts.
    execFile(
      "npm",
      ["audit", "--omit=dev", "--json"],
      { cwd: path.resolve(__dirname, "../.."), timeout: 120_000, maxBuffer: 32 * 1024 * 1024 },
      (_error, stdout) => {
        const raw = String(stdout);
        try {
          resolve({ report: JSON.parse(raw) as AuditReport, raw });
        } catch {
          resolve({ report: null, raw });
        }
      }
    );
  });
}

it("production dependencies have no high or critical advisories (npm audit --omit=dev)", async () => {
  const { report, raw } = await npmAudit();
  expect(report).not.toBeNull();
  const counts = report!.metadata?.vulnerabilities;
  if (!counts) {
    // No audit result: the advisory endpoint refused or could not be reached. Only that is excused.
    const reason = report!.message ?? JSON.stringify(report!.error ?? raw.slice(0, 200));
    expect(report!.error ?? report!.statusCode ?? report!.message).toBeDefined();
    if (process.env.ITOS_REQUIRE_AUDIT === "1")
      throw new Error(`npm audit could not run: ${reason}`);
    console.warn(
      `npm audit could not reach the advisory endpoint (${reason}); audit not performed here. See docs/security.md.`
    );
    return;
  }
  const serious = Object.entries(report!.vulnerabilities ?? {})
    .filter(([, v]) => v.severity === "high" || v.severity === "critical")
    .map(([name, v]) => `${name} (${v.severity})`);
  console.log(`npm audit --omit=dev: ${JSON.stringify(counts)}`);
  expect(serious).toEqual([]);
  expect(counts.high + counts.critical).toBe(0);
}, 180_000);

/**
 * Offline, always: the lockfile resolves the production tree's packages with published high
 * advisories at versions past them (advisories as cited in exceljs's issue tracker; see
 * docs/security.md). This keeps a re-lock from quietly bringing them back where npm audit
 * cannot run.
 */
const PATCHED_AT_LEAST: { name: string; major: number; atLeast: string; advisory: string }[] = [
  { name: "tmp", major: 0, atLeast: "0.2.4", advisory: "GHSA-52f5-9888-hmc6 (tmp <= 0.2.3)" },
  { name: "minimatch", major: 3, atLeast: "3.1.4", advisory: "minimatch ReDoS (3.x <= 3.1.3)" },
  {
    name: "minimatch",
    major: 5,
    atLeast: "5.1.9",
    advisory: "minimatch ReDoS (5.x before 5.1.9 at the latest)",
  },
];

function versionParts(v: string): number[] {
  return v.split("-")[0].split(".").map(Number);
}

function atLeast(v: string, min: string): boolean {
  const [a, b] = [versionParts(v), versionParts(min)];
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

it("the lockfile resolves advisory-prone production packages at patched versions", () => {
  const lock = require(path.resolve(__dirname, "../../package-lock.json")) as {
    packages: Record<string, { version?: string; dev?: boolean; devOptional?: boolean }>;
  };
  const production = Object.entries(lock.packages)
    .filter(([key, p]) => key !== "" && !p.dev && !p.devOptional && p.version)
    .map(([key, p]) => ({
      name: key.replace(/^.*node_modules\//, ""),
      version: p.version as string,
    }));
  expect(production.some((p) => p.name === "exceljs")).toBe(true);
  const stale = PATCHED_AT_LEAST.flatMap((rule) =>
    production
      .filter(
        (p) =>
          p.name === rule.name &&
          versionParts(p.version)[0] === rule.major &&
          !atLeast(p.version, rule.atLeast)
      )
      .map((p) => `${p.name}@${p.version}: ${rule.advisory}`)
  );
  expect(stale).toEqual([]);
});
