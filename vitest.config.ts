import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: [
      "lib/**/*.test.ts",
      "components/**/*.test.{ts,tsx}",
      "app/**/*.test.{ts,tsx}",
      "tests/integration/**/*.test.ts",
    ],
    environment: "node",
    globalSetup: ["tests/setup/global-setup.ts"],
    // Whatever the code under test writes to its data folder (the mail outbox …) stays out of ./data.
    env: { DATA_DIR: path.join(os.tmpdir(), "nota-vitest-data") },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: one worker per core, files isolated in their own process.
    pool: "forks",
    maxWorkers: 2,
  },
});
