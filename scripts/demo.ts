import { spawn } from "node:child_process";
import { closeDatabase, getDatabase } from "@/lib/db/client";
import { parsePostgresUrl } from "@/lib/db/database";
import { ensureDemoApiKeys } from "@/lib/demo/demo-api-keys";
import { DEMO_ORGANIZATIONS, DEMO_STAFF, DEMO_STAFF_PASSWORD } from "@/lib/demo/demo-catalogue";
import { ensureDemoLinks, saveDemoLinks } from "@/lib/demo/demo-links";
import { seedClock } from "@/lib/demo/seed-clock";
import { seedDemo } from "@/lib/demo/seed-demo";
import { EnvError, getEnv } from "@/lib/env";
import { withJobWriter } from "@/lib/jobs/job-engine";
import { buildIfNeeded } from "./next-build";

/**
 * `npm run demo`: build when the sources are newer than the last build, migrate, seed if empty,
 * start the production server and print what to try.
 */
async function prepareData() {
  const env = getEnv();
  const database = await getDatabase();
  // The seed writes jobs (collection letters and messages); the server's workers take them.
  const result = await withJobWriter(database, schemaOf(env.DATABASE_URL), () =>
    seedDemo({ db: database.prisma, now: seedClock(), log: (line) => console.log(line) }),
  );
  if (result.seeded) saveDemoLinks(env.DATA_DIR, result.links);
  const links = await ensureDemoLinks(database.prisma, env.DATA_DIR);
  const apiKeys = await ensureDemoApiKeys(database.prisma, env.DATA_DIR);
  // The server opens the database itself; PGlite allows one process at a time.
  await closeDatabase();
  return { links, apiKeys };
}

async function waitForHealth(url: string, child: ReturnType<typeof spawn>) {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (child.exitCode !== null) return false;
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

async function main() {
  // The demo asks for demo payments (a real deployment never gets them unasked); with Stripe keys
  // it uses Stripe instead.
  if (!process.env.STRIPE_SECRET_KEY) process.env.DEMO_PAYMENTS ??= "on";
  let env: ReturnType<typeof getEnv>;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`\nNota cannot start.\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  buildIfNeeded();
  const { links, apiKeys } = await prepareData();
  const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => server.kill(signal));
  }
  server.on("exit", (code) => process.exit(code ?? 0));
  if (!(await waitForHealth(`http://127.0.0.1:${env.PORT}`, server))) return;

  const lines = [
    "",
    `Nota demo is running on ${env.appUrl}`,
    "",
    "Customer invoice links (each is a private link, as a customer would receive it):",
    // The open, overdue, paid and credited showcase per company.
    ...links.map(
      (link) =>
        `  ${link.organization} — ${link.kind.padEnd(8)} (${link.customerName}): ${env.appUrl}/i/${link.token}`,
    ),
    "",
    `Staff sign-in at ${env.appUrl}/signin — password for all: ${DEMO_STAFF_PASSWORD}`,
    ...DEMO_ORGANIZATIONS.flatMap((org) =>
      DEMO_STAFF.map(
        (staff) =>
          `  ${org.name.padEnd(22)} ${staff.role.padEnd(8)} ${staff.key}@${org.emailDomain}`,
      ),
    ),
    "",
    `Test API keys (every scope; the API reference is at ${env.appUrl}/api/docs):`,
    ...apiKeys.flatMap((entry) => [
      `  ${entry.organization}: ${entry.key}`,
      `    curl -H "Authorization: Bearer ${entry.key}" "${env.appUrl}/api/v1/invoices?limit=3"`,
    ]),
    "",
    "Things to try:",
    "  - open a customer link, ask a question in its chat, and answer it as the agent (a second browser)",
    `  - ${env.appUrl}/agent: the support inbox (some customers are already waiting), invoice search, live edits`,
    `  - ${env.appUrl}/marketing: published content blocks, targeting, preview as a customer, analytics`,
    `  - ${env.appUrl}/admin/api-keys and /admin/webhooks: the billing system's keys and webhook endpoints`,
    `  - ${env.appUrl}/finance/collections (as finance): reminder policies, the forecast, letters to print; an overdue link shows "Behöver du mer tid?"`,
    "",
    "Stop with Ctrl+C.",
    "",
  ];
  console.log(lines.join("\n"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

function schemaOf(url: string | undefined): string | undefined {
  return url ? parsePostgresUrl(url).schema : undefined;
}
