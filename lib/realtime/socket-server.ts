import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { getToken } from "next-auth/jwt";
import { createClient } from "redis";
import { type Socket, Server as SocketServer } from "socket.io";
import { z } from "zod";
import { CONSOLE_ROLES } from "@/lib/auth/console-roles";
import type { Db } from "@/lib/db/database";
import { clientKey, trustedClientAddress } from "@/lib/http/client-address";
import { siteOrigins } from "@/lib/http/same-origin";
import { linkLimiter } from "@/lib/invoice-page/link-limiter";
import { hashAccessToken } from "@/lib/invoices/access-token";
import { findCustomerInvoiceByNumber } from "@/lib/invoices/customer-invoice-by-number";
import { findInvoiceIdByToken } from "@/lib/invoices/find-invoice-by-token";
import { registerCustomerHandlers, registerStaffHandlers } from "./chat-handlers";
import { registerSocketServer } from "./invoice-cues";
import { broadcastPresence, broadcastSupportStatus } from "./presence";
import { RECHECK_INTERVAL_MS, recheckIdentities } from "./recheck-identities";
import { rooms } from "./rooms";
import type { SocketIdentity } from "./socket-identity";

export type { SocketIdentity };
export { rooms };

/**
 * socket.io on the HTTP server Next uses. A connection proves who it is in the handshake and the
 * server derives its rooms from that; clients never name a room. Invoice events are cues
 * ({ invoiceId, version, kind }): the server stays the source of truth. Chat messages are stored
 * before they are sent, and every client resyncs from its last sequence number on (re)connect.
 */

const handshakeSchema = z
  .object({
    invoiceToken: z.string().min(1).max(200),
    /** Set when the page shows one of the customer's earlier invoices, reached via this link. */
    invoiceNumber: z.number().int().positive().max(999_999_999).nullable(),
  })
  .partial();

export interface RealtimeServer {
  io: SocketServer;
  kind: "local" | "redis";
  close(): Promise<void>;
}

export async function startRealtime(options: {
  httpServer: HttpServer;
  db: () => Promise<Db>;
  authSecret: string;
  redisUrl?: string;
  trustProxy?: boolean;
  /** The site's public origin (APP_URL), accepted besides the Host a request names. */
  appUrl?: string;
}): Promise<RealtimeServer> {
  let redis: ReturnType<typeof createAdapterClient> | undefined;
  const io = new SocketServer(options.httpServer, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    // A browser on another site must not open a socket that rides on a staff member's cookies.
    // Browsers always send Origin on websocket requests; other clients carry no one's cookies.
    allowRequest: (request, callback) => {
      const origin = request.headers.origin;
      if (!origin) return callback(null, true);
      const scheme = (request.socket as { encrypted?: boolean }).encrypted ? "https:" : "http:";
      const forwarded = options.trustProxy ? request.headers["x-forwarded-proto"] : undefined;
      const allowed = siteOrigins(
        request.headers.host,
        typeof forwarded === "string" ? `${forwarded.split(",")[0]?.trim()}:` : scheme,
        options.appUrl,
      );
      callback(allowed.has(origin) ? null : "cross-site socket refused", allowed.has(origin));
    },
  });
  if (options.redisUrl) {
    redis = createAdapterClient(options.redisUrl);
    redis.on("error", (error) => console.error("redis:", error.message));
    // Events from other processes were lost while Redis was away: once it is back, this process's
    // clients are told to resync (chat from their last sequence number, the invoice's version).
    let wasAway = false;
    redis.on("reconnecting", () => {
      wasAway = true;
    });
    redis.on("ready", () => {
      if (!wasAway) return;
      wasAway = false;
      io.local.emit("resync");
    });
    await redis.connect();
    io.adapter(createAdapter(redis));
  }

  io.use(async (socket, next) => {
    try {
      socket.data.identity = await identify(socket, options);
      next();
    } catch {
      next(new Error("unauthorized"));
    }
  });

  io.on("connection", async (socket) => {
    const identity = socket.data.identity as SocketIdentity;
    const db = await options.db();
    socket.on("error", (error) => console.warn("socket error:", error.message));
    if (identity.kind === "customer") {
      registerCustomerHandlers(io, socket, identity, db);
      socket.join([
        rooms.invoice(identity.invoiceId),
        rooms.organizationCustomers(identity.organizationId),
      ]);
      socket.on("disconnect", () => void broadcastPresence(io, identity.invoiceId));
      void broadcastPresence(io, identity.invoiceId);
    } else {
      registerStaffHandlers(io, socket, identity, db);
      socket.join(rooms.organization(identity.organizationId));
      // A recovered connection keeps the invoices it had open.
      for (const invoiceId of (socket.data.watching as string[] | undefined) ?? []) {
        socket.join(rooms.invoiceStaff(invoiceId));
      }
      socket.on("disconnect", () => {
        for (const invoiceId of (socket.data.watching as string[] | undefined) ?? []) {
          void broadcastPresence(io, invoiceId);
        }
        void broadcastSupportStatus(io, db, identity.organizationId);
      });
      void broadcastSupportStatus(io, db, identity.organizationId);
    }
  });

  registerSocketServer(io);
  const recheck = setInterval(() => {
    options
      .db()
      .then((db) => recheckIdentities(io, db))
      .catch((error) => console.warn("socket identity re-check failed:", (error as Error).message));
  }, RECHECK_INTERVAL_MS);
  recheck.unref();
  return {
    io,
    kind: redis ? "redis" : "local",
    async close() {
      clearInterval(recheck);
      registerSocketServer(null);
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      if (redis?.isOpen) await redis.quit().catch(() => {});
    },
  };
}

/**
 * The client the Redis adapter publishes with. While Redis is unreachable its commands fail at
 * once instead of queueing until the 5 s command timeout: the adapter then delivers to this
 * process's sockets without delay and presence lookups give up at once (chat is in the database;
 * clients resync). The adapter's stream reader and subscriber are duplicates of this client that
 * keep queueing, so they resume when Redis is back. Two writes the adapter fires without awaiting
 * (session records for connection recovery, ephemeral publishes) would otherwise reject unhandled.
 */
function createAdapterClient(url: string) {
  const client = createClient({ url, disableOfflineQueue: true });
  const duplicate = client.duplicate.bind(client);
  const set = client.set.bind(client);
  const publish = client.publish.bind(client);
  const logged = (error: Error) => {
    console.warn("redis write not done:", error.message);
    return null;
  };
  // Instance properties shadow the prototype's commands for the adapter, which calls them by name.
  return Object.assign(client, {
    duplicate: ((overrides) =>
      duplicate({ ...overrides, disableOfflineQueue: false })) as typeof client.duplicate,
    set: ((...args: Parameters<typeof set>) => set(...args).catch(logged)) as typeof set,
    publish: ((...args: Parameters<typeof publish>) =>
      publish(...args).catch(logged)) as typeof publish,
  });
}

async function identify(
  socket: Socket,
  options: { db: () => Promise<Db>; authSecret: string; trustProxy?: boolean },
): Promise<SocketIdentity> {
  const auth = handshakeSchema.parse(socket.handshake.auth ?? {});
  if (auth.invoiceToken) {
    // The same guard as the page: a client that keeps presenting unknown links is shut out.
    const visitor = clientKey(
      trustedClientAddress(
        socket.handshake.headers["x-forwarded-for"],
        socket.handshake.address,
        Boolean(options.trustProxy),
      ),
    );
    if (linkLimiter().isLimited(visitor)) throw new Error("rate limited");
    const db = await options.db();
    const tokenInvoiceId = await findInvoiceIdByToken(db, auth.invoiceToken);
    if (!tokenInvoiceId) {
      linkLimiter().hit(visitor);
      throw new Error("unknown invoice");
    }
    // An earlier invoice of the same customer and organisation, as the page allows.
    const invoiceId = auth.invoiceNumber
      ? await findCustomerInvoiceByNumber(db, tokenInvoiceId, auth.invoiceNumber)
      : tokenInvoiceId;
    if (!invoiceId) throw new Error("unknown invoice");
    const invoice = await db.invoice.findUnique({
      where: { id: invoiceId },
      select: { organizationId: true },
    });
    if (!invoice) throw new Error("unknown invoice");
    return {
      kind: "customer",
      invoiceId,
      organizationId: invoice.organizationId,
      tokenHash: hashAccessToken(auth.invoiceToken),
    };
  }
  const cookies = Object.fromEntries(
    (socket.handshake.headers.cookie ?? "").split(/;\s*/).flatMap((pair) => {
      const index = pair.indexOf("=");
      return index > 0 ? [[pair.slice(0, index), decodeURIComponent(pair.slice(index + 1))]] : [];
    }),
  );
  const token = await getToken({
    req: { headers: socket.handshake.headers, cookies } as never,
    secret: options.authSecret,
  });
  if (!token?.staffId) throw new Error("not signed in");
  // As requireStaff does for pages: the account must still exist, be enabled and keep its role.
  const staff = await (await options.db()).staffUser.findUnique({
    where: { id: token.staffId },
    select: { organizationId: true, role: true, disabledAt: true, name: true },
  });
  if (!staff || staff.disabledAt) throw new Error("not signed in");
  // The staff socket is the support console's (chat, notes, presence): agents and admins only.
  if (!(CONSOLE_ROLES.agent as readonly string[]).includes(staff.role)) {
    throw new Error("not a support role");
  }
  return {
    kind: "staff",
    staffId: token.staffId,
    organizationId: staff.organizationId,
    role: staff.role,
    name: staff.name,
  };
}
