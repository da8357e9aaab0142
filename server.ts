import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import next from "next";
import { resolveAuthSecret } from "@/lib/auth/auth-secret";
import { closeDatabase, getDatabase, getDb } from "@/lib/db/client";
import { EnvError, getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors/app-error";
import { CLIENT_ADDRESS_HEADER, trustedClientAddress } from "@/lib/http/client-address";
import { markOverdueInvoices } from "@/lib/invoices/mark-overdue-invoices";
import { startRealtime } from "@/lib/realtime/socket-server";

/**
 * The whole product in one process: Next.js and socket.io on one port. Configuration is parsed
 * and the database opened and migrated before the port opens, so a bad setting stops start-up
 * with its message instead of failing the first request.
 */
const version = JSON.parse(
  readFileSync(new URL("./package.json", import.meta.url), "utf8"),
).version;

function fail(message: string): never {
  console.error(`\nNota cannot start.\n${message}\n`);
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
    console.log(`Applied migrations: ${database.migration.applied.join(", ")}`);
  }
  for (const name of database.migration?.unknownInDatabase ?? []) {
    console.warn(`Warning: the database has migration ${name}, which this version does not know.`);
  }

  const app = next({ dev, hostname: env.HOST, port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  const httpServer = createServer((req, res) => {
    stampTrustedHeaders(req, env.TRUST_PROXY);
    handle(req, res).catch((error) => {
      console.error("request failed", req.method, redactPath(req.url), error);
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
  });

  const overdueTimer = setInterval(() => {
    getDb()
      .then((db) => markOverdueInvoices({ db }))
      .catch((error) => console.error("overdue check failed", error));
  }, 60 * 60_000);
  overdueTimer.unref();
  await markOverdueInvoices({ db: database.prisma }).catch((error) =>
    console.error("overdue check failed", error),
  );

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
  console.log(
    `Nota ${version} ready on ${env.appUrl} (${dev ? "development" : "production"}, database: ${database.kind}, realtime: ${realtime.kind})`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    clearInterval(overdueTimer);
    // Stop accepting first, then end live connections, then the database they were using.
    const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    await realtime.close();
    httpServer.closeAllConnections();
    await closed;
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
  req.headers[CLIENT_ADDRESS_HEADER] = trustedClientAddress(
    req.headers["x-forwarded-for"],
    req.socket.remoteAddress,
    trustProxy,
  );
  delete req.headers["x-nota-pathname"];
}

/** Invoice links are secrets: logged paths keep the route, not the token. */
function redactPath(url: string | undefined): string {
  return (url ?? "").replace(/^\/i\/[^/?#]+/, "/i/[token]");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
