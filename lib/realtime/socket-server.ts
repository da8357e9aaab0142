import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { createClient } from "redis";
import { type Socket, Server as SocketServer } from "socket.io";
import { z } from "zod";
import { CONSOLE_ROLES } from "@/lib/auth/console-roles";
import { loadActiveStaff, sessionStaffId } from "@/lib/auth/staff-identity";
import type { Db } from "@/lib/db/database";
import { AppError } from "@/lib/errors/app-error";
import { errorReply, type Problem } from "@/lib/errors/error-reply";
import { clientKey, trustedClientAddress } from "@/lib/http/client-address";
import { siteOrigins } from "@/lib/http/same-origin";
import { resolveLinkScope } from "@/lib/invoices/link-scope";
import { createLogger } from "@/lib/log";
import { registerCustomerHandlers, registerStaffHandlers } from "@/lib/realtime/chat-handlers";
import {
  ADDRESS_EVENT_LIMITS,
  CONNECTION_LIMITS,
  ConnectionCounter,
  LINK_EVENT_LIMITS,
  SharedBuckets,
  type SharedEventBudgets,
} from "@/lib/realtime/connection-limiter";
import { registerSocketServer } from "@/lib/realtime/invoice-cues";
import { broadcastPresence, broadcastSupportStatus } from "@/lib/realtime/presence";
import { RECHECK_INTERVAL_MS, recheckIdentities } from "@/lib/realtime/recheck-identities";
import { rooms } from "@/lib/realtime/rooms";
import type { SocketIdentity } from "@/lib/realtime/socket-identity";

const log = createLogger("realtime");

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
  /** Open customer sockets per link and per address (0: no per-address limits). */
  limits?: { socketsPerLink: number; socketsPerAddress: number };
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
    redis.on("error", (error) => log.error("redis error", { error: error.message }));
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

  // Open sockets are counted per link and per client address, so one link (or one address)
  // cannot hold the server's sockets; the counts fall as sockets close.
  const limits = options.limits ?? {
    socketsPerLink: CONNECTION_LIMITS.perLink,
    socketsPerAddress: CONNECTION_LIMITS.perAddress,
  };
  const perLink = new ConnectionCounter(limits.socketsPerLink);
  const perAddress =
    limits.socketsPerAddress > 0 ? new ConnectionCounter(limits.socketsPerAddress) : null;
  // And every event takes from the budget its link and its address share.
  const budgets: SharedEventBudgets = {
    perLink: new SharedBuckets(LINK_EVENT_LIMITS),
    perAddress: perAddress ? new SharedBuckets(ADDRESS_EVENT_LIMITS) : null,
  };
  io.use(async (socket, next) => {
    let identity: SocketIdentity;
    try {
      identity = await identify(socket, options);
    } catch (error) {
      // The one error reply, as the handshake's refusal: a busy database is "unavailable" (the
      // client tries again), anything else is "unauthorized" (it does not). The problem rides
      // along as the error's data; what was refused is never said beyond it.
      const problem = errorReply(error, { where: "socket handshake" });
      const refusal = new Error(problem.status >= 500 ? "unavailable" : "unauthorized") as Error & {
        data?: Problem;
      };
      refusal.data = problem;
      return next(refusal);
    }
    socket.data.identity = identity;
    if (identity.kind !== "customer") return next();
    const addressKey = clientKey(
      trustedClientAddress(
        socket.handshake.headers["x-forwarded-for"],
        socket.handshake.address,
        Boolean(options.trustProxy),
      ),
    );
    if (!perLink.open(identity.tokenHash)) {
      return next(new Error("too many connections on this link"));
    }
    if (perAddress && !perAddress.open(addressKey)) {
      perLink.close(identity.tokenHash);
      return next(new Error("too many connections from this address"));
    }
    socket.data.addressKey = addressKey;
    socket.once("disconnect", () => {
      perLink.close(identity.tokenHash);
      perAddress?.close(addressKey);
    });
    next();
  });

  io.on("connection", async (socket) => {
    const identity = socket.data.identity as SocketIdentity;
    const db = await options.db();
    socket.on("error", (error) => log.warn("socket error", { error: error.message }));
    if (identity.kind === "customer") {
      registerCustomerHandlers(io, socket, identity, db, budgets);
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
      .catch((error) => log.warn("socket identity re-check failed", { error }));
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
    log.warn("redis write not done", { error: error.message });
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
  const db = await options.db();
  if (auth.invoiceToken) {
    // The same scope as the page: the link's invoice, or an earlier one of the same customer.
    const scope = await resolveLinkScope(db, {
      token: auth.invoiceToken,
      visitorKey: clientKey(
        trustedClientAddress(
          socket.handshake.headers["x-forwarded-for"],
          socket.handshake.address,
          Boolean(options.trustProxy),
        ),
      ),
      invoiceNumber: auth.invoiceNumber,
    });
    if (!scope) throw new AppError("NOT_FOUND", "No invoice at this link");
    return {
      kind: "customer",
      invoiceId: scope.invoiceId,
      organizationId: scope.organizationId,
      tokenHash: scope.tokenHash,
    };
  }
  // The staff socket is the support console's (chat, notes, presence): agents and admins only.
  const staff = await loadActiveStaff(
    db,
    await sessionStaffId(socket.handshake.headers.cookie, options.authSecret),
    CONSOLE_ROLES.agent,
  );
  return {
    kind: "staff",
    staffId: staff.id,
    organizationId: staff.organizationId,
    role: staff.role,
    name: staff.name,
  };
}
