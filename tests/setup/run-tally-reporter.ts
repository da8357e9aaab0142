import { writeFileSync } from "node:fs";
import type { Reporter, TestModule, TestSpecification } from "vitest/node";

/**
 * Writes the run's tally to VITEST_TALLY_FILE after each test file: how many files there are,
 * how many have finished, and the tests passed, failed and skipped so far. scripts/test.ts reads
 * it to tell a run whose every file has finished from one still working — vitest 4 can hang in its
 * own shutdown after the last file on Linux CI (its summary never printed, the job killed at its
 * time limit), and then the results are already all here.
 */
export default class RunTallyReporter implements Reporter {
  private readonly file = process.env.VITEST_TALLY_FILE;
  private files = 0;
  private finished = 0;
  private passed = 0;
  private failed = 0;
  private skipped = 0;
  /** Files that failed without a failed test of their own (a file that did not load). */
  private brokenFiles = 0;
  private readonly unfinished = new Set<string>();

  onTestRunStart(specifications: ReadonlyArray<TestSpecification>) {
    this.files = specifications.length;
    for (const specification of specifications) this.unfinished.add(specification.moduleId);
    this.write();
  }

  onTestModuleEnd(testModule: TestModule) {
    this.finished += 1;
    this.unfinished.delete(testModule.moduleId);
    let failedHere = 0;
    for (const test of testModule.children.allTests()) {
      const { state } = test.result();
      if (state === "passed") this.passed += 1;
      else if (state === "failed") failedHere += 1;
      else this.skipped += 1;
    }
    this.failed += failedHere;
    if (failedHere === 0 && (testModule.state() === "failed" || testModule.errors().length > 0)) {
      this.brokenFiles += 1;
    }
    this.write();
  }

  private write() {
    if (!this.file) return;
    writeFileSync(
      this.file,
      JSON.stringify({
        files: this.files,
        finished: this.finished,
        passed: this.passed,
        failed: this.failed,
        skipped: this.skipped,
        brokenFiles: this.brokenFiles,
        unfinished: [...this.unfinished].slice(0, 20),
        at: new Date().toISOString(),
      }),
    );
  }
}
