import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

/**
 * `npm test`: makes sure what the checks need is there (Debian's Chromium), then runs every
 * check — types, lint, build, unit + integration (vitest), end-to-end (Playwright in Chromium) —
 * and ends with one line summing them all: `N passed, N failed, N skipped`.
 *
 * Options: --skip-e2e (no build, no browser), --only=<typecheck|lint|unit|e2e>[,…]; other
 * arguments filter vitest's files (`npm test -- --only=unit lib/bank-files`).
 */
interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const report: string[] = [];
const args = process.argv.slice(2);
const only = args
  .find((a) => a.startsWith("--only="))
  ?.slice(7)
  .split(",");
const wants = (step: string) =>
  (!only || only.includes(step)) && !(step === "e2e" && args.includes("--skip-e2e"));
const vitestFilters = args.filter((a) => !a.startsWith("--"));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function run(command: string, commandArgs: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, commandArgs, {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  return result.status ?? 1;
}

function record(name: string, tally: Tally) {
  total.passed += tally.passed;
  total.failed += tally.failed;
  total.skipped += tally.skipped;
  report.push(
    `${name.padEnd(12)} ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`,
  );
}

function single(name: string, ok: boolean) {
  record(name, { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });
}

function header(title: string) {
  console.log(`\n━━━ ${title} ━━━`);
}

function ensureChromium(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `Chromium is missing at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium ` +
        "(or set CHROMIUM_PATH). End-to-end tests cannot run without it.",
    );
    return false;
  }
  console.log(
    "Installing Debian's Chromium for the end-to-end tests (apt-get install -y chromium)…",
  );
  run("apt-get", ["update", "-q"]);
  const status = run("apt-get", ["install", "-y", "-q", "chromium"], {
    DEBIAN_FRONTEND: "noninteractive",
  });
  return status === 0 && existsSync(CHROMIUM);
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

interface RunTally {
  files: number;
  finished: number;
  passed: number;
  failed: number;
  skipped: number;
  brokenFiles: number;
  unfinished: string[];
}

/** How long vitest may take to exit once every file has finished, and to finish its next file. */
const SHUTDOWN_GRACE_MS = Number(process.env.VITEST_SHUTDOWN_GRACE_MS ?? 120_000);
const FILE_STALL_MS = Number(process.env.VITEST_STALL_MS ?? 20 * 60_000);

/**
 * vitest, watched. vitest 4 can hang in its own shutdown after its last file on Linux CI (the last
 * file's line printed, then silence until the job's time limit: seen here twice, and upstream as
 * vitest-dev/vitest#10162). The tally reporter (tests/setup/run-tally-reporter.ts) writes how many
 * files have finished and what they gave. When all have and vitest has not exited within
 * SHUTDOWN_GRACE_MS, its process group (vitest, its workers and anything the tests started) is
 * stopped and the tally stands for the run, with a warning. When no file finishes for
 * FILE_STALL_MS, the run is stopped and counted as failed, naming the files still running.
 */
async function runVitest(
  args: string[],
  tallyFile: string,
): Promise<{ status: number; tally: RunTally | null; stopped: "shutdown" | "stall" | null }> {
  rmSync(tallyFile, { force: true });
  const child = spawn("npx", args, {
    stdio: "inherit",
    // Its own process group, so a stop reaches every process under it.
    detached: true,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", VITEST_TALLY_FILE: tallyFile },
  });
  const stopGroup = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  };
  const interrupt = () => {
    stopGroup();
    process.exit(130);
  };
  process.once("SIGINT", interrupt);
  process.once("SIGTERM", interrupt);
  let stopped: "shutdown" | "stall" | null = null;
  let lastFinished = -1;
  let progressAt = Date.now();
  let allDoneAt: number | null = null;
  const watch = setInterval(() => {
    const tally = readJson<RunTally>(tallyFile);
    const now = Date.now();
    if (tally && tally.finished !== lastFinished) {
      lastFinished = tally.finished;
      progressAt = now;
    }
    if (tally && tally.files > 0 && tally.finished >= tally.files) allDoneAt ??= now;
    if (allDoneAt !== null && now - allDoneAt > SHUTDOWN_GRACE_MS) stopped = "shutdown";
    else if (now - progressAt > FILE_STALL_MS) stopped = "stall";
    if (stopped) {
      clearInterval(watch);
      stopGroup();
    }
  }, 2_000);
  const status = await new Promise<number>((resolve) =>
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))),
  );
  clearInterval(watch);
  process.off("SIGINT", interrupt);
  process.off("SIGTERM", interrupt);
  // Whatever a test started and left behind goes with the group.
  stopGroup();
  return { status, tally: readJson<RunTally>(tallyFile), stopped };
}

mkdirSync("test-results", { recursive: true });

if (wants("typecheck")) {
  header("Types (tsc)");
  // A full check every time: an incremental cache once hid an error here that CI then found.
  single("typecheck", run("npx", ["tsc", "--noEmit", "-p", ".", "--incremental", "false"]) === 0);
}

if (wants("lint")) {
  header("Lint (biome)");
  single("lint", run("npx", ["biome", "check", "."]) === 0);
}

// The production build serves the end-to-end tests and the server-process integration test.
let built = existsSync(".next/BUILD_ID") && !!only && !only.includes("e2e");
if (wants("e2e")) {
  header("Build (next build)");
  built = run("npx", ["next", "build"], { NODE_ENV: "production" }) === 0;
  single("build", built);
}

if (wants("unit")) {
  header(
    `Unit + integration (vitest${process.env.TEST_DATABASE_URL ? ", PostgreSQL" : ", PGlite"})`,
  );
  const output = "test-results/vitest.json";
  rmSync(output, { force: true });
  const { status, tally, stopped } = await runVitest(
    [
      "vitest",
      "run",
      "--reporter=default",
      "--reporter=json",
      "--reporter=./tests/setup/run-tally-reporter.ts",
      `--outputFile.json=${output}`,
      ...vitestFilters,
    ],
    "test-results/vitest-tally.json",
  );
  const result = readJson<{
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numFailedTestSuites: number;
  }>(output);
  if (!result && stopped === "shutdown" && tally) {
    console.warn(
      `\nvitest had not exited ${SHUTDOWN_GRACE_MS / 1000} s after its last file (a hang in its own shutdown): it was stopped, and the results of its ${tally.files} files count.`,
    );
    record("unit", {
      passed: tally.passed,
      failed: tally.failed + tally.brokenFiles,
      skipped: tally.skipped,
    });
  } else if (!result) {
    if (stopped === "stall" && tally) {
      console.error(
        `\nNo test file finished for ${FILE_STALL_MS / 60_000} min: the run was stopped. Still running: ${tally.unfinished.join(", ")}`,
      );
    }
    record("unit", {
      passed: tally?.passed ?? 0,
      failed: (tally?.failed ?? 0) + (tally?.brokenFiles ?? 0) + 1,
      skipped: tally?.skipped ?? 0,
    });
  } else {
    // A file that fails to load has no failed test of its own: count it as a failure too.
    const brokenFiles =
      status !== 0 && result.numFailedTests === 0 ? Math.max(1, result.numFailedTestSuites) : 0;
    record("unit", {
      passed: result.numPassedTests,
      failed: result.numFailedTests + brokenFiles,
      skipped: result.numPendingTests + result.numTodoTests,
    });
  }
}

if (wants("e2e")) {
  header("End-to-end (Playwright, Chromium)");
  if (!built) {
    record("e2e", { passed: 0, failed: 1, skipped: 0 });
  } else if (!ensureChromium()) {
    record("e2e", { passed: 0, failed: 1, skipped: 0 });
  } else {
    const output = "test-results/playwright.json";
    rmSync(output, { force: true });
    const status = run("npx", ["playwright", "test"]);
    const result = readJson<{
      stats: { expected: number; unexpected: number; skipped: number; flaky: number };
    }>(output);
    if (!result) record("e2e", { passed: 0, failed: 1, skipped: 0 });
    else {
      const { expected, unexpected, skipped, flaky } = result.stats;
      const setupFailed = status !== 0 && unexpected === 0 ? 1 : 0;
      record("e2e", { passed: expected + flaky, failed: unexpected + setupFailed, skipped });
    }
  }
}

console.log(`\n━━━ Summary ━━━\n${report.join("\n")}\n`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
