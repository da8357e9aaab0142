import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import next from "next";
import { resolveAuthSecret } from "@/lib/auth/auth-secret";
import { closeDatabase, getDatabase, getDb } from "@/lib/db/client";
import { parsePostgresUrl } from "@/lib/db/database";
import { EnvError, getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors/app-error";
import {
  CLIENT_ADDRESS_HEADER,
  trustedClientAddress,
  warnOnceAboutForwarding,
} from "@/lib/http/client-address";
import { bodyLimitFor, guardRequestBody } from "@/lib/http/request-guard";
import { flushHeldViews } from "@/lib/invoice-page/view-buffer";
import { jobHandlers } from "@/lib/job-handlers/job-handlers";
import { startJobEngine } from "@/lib/jobs/job-engine";
import { createLogger, redactText } from "@/lib/log";
import { demoPaymentsStartWarning } from "@/lib/payments/demo-payments-warning";
import { startRealtime } from "@/lib/realtime/socket-server";
import { strictTransportSecurity } from "@/lib/security/content-security-policy";

/**
 * The whole product in one process: Next.js and socket.io on one port, and the job engine's
 * workers. Configuration is parsed and the database opened and migrated before the port opens, so
 * a bad setting stops start-up with its message instead of failing the first request.
 */
const version = JSON.parse(
  readFileSync(new URL("./package.json", import.meta.url), "utf8"),
).version;
const log = createLogger("server");

function fail(message: string): never {
  // Said plainly on the terminal (as well as logged): the person starting it needs to read it.
  process.stderr.write(`\nNota cannot start.\n${message}\n\n`);
  log.error("cannot start", { reason: message });
  process.exit(1);
}

async function main() {
  let env: ReturnType<typeof getEnv>;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }
  const dev = env.NODE_ENV !== "production";
  process.env.NEXTAUTH_URL ??= env.appUrl;
  process.env.NEXTAUTH_SECRET ??= resolveAuthSecret();
  process.env.NOTA_VERSION = version;
  process.env.NOTA_REALTIME = env.realtimeKind;

  const database = await getDatabase().catch((error) => {
    if (isAppError(error)) fail(`${error.message}`);
    fail(`The database could not be opened: ${(error as Error).message}`);
  });
  if (database.migration?.applied.length) {
    log.info("applied migrations", { migrations: database.migration.applied });
  }
  for (const name of database.migration?.unknownInDatabase ?? []) {
    log.warn("the database has a migration this version does not know", { migration: name });
  }
  const jobs = await startJobEngine({
    database,
    databaseSchema: env.DATABASE_URL ? parsePostgresUrl(env.DATABASE_URL).schema : undefined,
    handlers: jobHandlers(getDb),
  });
  // Whatever fell due while no process was running is marked now, not at the next hour.
  await jobs.boss.send("invoices.mark-overdue", {});

  const app = next({ dev, hostname: env.HOST, port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  // Over https, every response (pages, API, static files) tells browsers to stay on https.
  const hsts = strictTransportSecurity(env.APP_URL);
  const httpServer = createServer((req, res) => {
    if (hsts) res.setHeader("strict-transport-security", hsts);
    stampTrustedHeaders(req, env.TRUST_PROXY);
    if (!guardRequestBody(req, res, bodyLimitFor(req.url ?? "", env))) return;
    handle(req, res).catch((error) => {
      log.error("request failed", { method: req.method, path: redactText(req.url ?? ""), error });
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("Something went wrong on our side.");
    });
  });
  const realtime = await startRealtime({
    httpServer,
    db: getDb,
    authSecret: process.env.NEXTAUTH_SECRET,
    redisUrl: env.REDIS_URL,
    trustProxy: env.TRUST_PROXY,
    appUrl: env.appUrl,
    limits: {
      socketsPerLink: env.SOCKETS_PER_LINK,
      socketsPerAddress: env.SOCKETS_PER_ADDRESS,
    },
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(env.PORT, env.HOST, () => resolve());
  }).catch((error: NodeJS.ErrnoException) =>
    fail(
      error.code === "EADDRINUSE"
        ? `Port ${env.PORT} is in use: set PORT to another port.`
        : error.message,
    ),
  );
  log.info(
    `Nota ${version} ready on ${env.appUrl} (${dev ? "development" : "production"}, database: ${database.kind}, realtime: ${realtime.kind})`,
  );
  const demoWarning = demoPaymentsStartWarning(env);
  if (demoWarning) log.warn(demoWarning);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    // Stop accepting first, then end live connections, let running jobs finish (none new are
    // taken), then close the database they were all using.
    const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    await realtime.close();
    httpServer.closeAllConnections();
    await closed;
    // Views the pages saw in the last moment go to the job queue before the engine stops.
    await flushHeldViews();
    await jobs.stop();
    await app.close?.().catch(() => {});
    await closeDatabase();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

/**
 * Headers the app trusts are set here, never taken from the client: the client's address (see
 * trustedClientAddress) and no client-sent path header (proxy.ts sets it for invoice pages).
 */
function stampTrustedHeaders(req: IncomingMessage, trustProxy: boolean) {
  warnOnceAboutForwarding(req.headers["x-forwarded-for"], trustProxy, (message) =>
    log.warn(message),
  );
  req.headers[CLIENT_ADDRESS_HEADER] = trustedClientAddress(
    req.headers["x-forwarded-for"],
    req.socket.remoteAddress,
    trustProxy,
  );
  delete req.headers["x-nota-pathname"];
}

main().catch((error) => {
  log.error("start-up failed", { error });
  process.exit(1);
});
