import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3217);
// The e2e server's fixture endpoint (tests/helpers/e2e-fixture-server.ts), loopback only.
process.env.E2E_FIXTURE_PORT ??= String(port + 1);
export const E2E_DATA_DIR = path.resolve("test-results/e2e-data");

// Debian's Chromium; Playwright's own browser download does not work on these machines.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/playwright",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: chromium,
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: chromium } },
    {
      // Mobile first: the customer's pages also run on a 360 px wide phone.
      name: "phone",
      testMatch: /(^|[\\/])invoice-[^\\/]*\.spec\.ts$/,
      use: {
        // A phone's own browser (Chromium's headless default would be counted as a bot).
        userAgent: devices["Pixel 7"].userAgent,
        viewport: { width: 360, height: 780 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
        launchOptions: chromium,
      },
    },
  ],
  webServer: {
    command: "node --import tsx scripts/e2e-server.ts",
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: E2E_DATA_DIR,
      DEMO_PAYMENTS: "on",
      // The webhook console's test sends a test event to a receiver of its own on 127.0.0.1
      // (tests/e2e/admin-integration.spec.ts); outside tests, private addresses are refused.
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true",
      E2E_FIXTURE_PORT: process.env.E2E_FIXTURE_PORT,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
