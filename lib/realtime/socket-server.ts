import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { getToken } from "next-auth/jwt";
import { createClient } from "redis";
import { type Socket, Server as SocketServer } from "socket.io";
import { z } from "zod";
import type { Db } from "@/lib/db/database";
import { clientKey, trustedClientAddress } from "@/lib/http/client-address";
import { linkLimiter } from "@/lib/invoice-page/link-limiter";
import { findCustomerInvoiceByNumber } from "@/lib/invoices/customer-invoice-by-number";
import { findInvoiceIdByToken } from "@/lib/invoices/find-invoice-by-token";
import { registerSocketServer } from "./invoice-cues";

/**
 * socket.io on the HTTP server Next uses. A connection proves who it is in the handshake and the
 * server derives its rooms from that; clients never name a room. Events sent to rooms are cues
 * ({ invoiceId, version, kind }): the server stays the source of truth.
 */
export const rooms = {
  invoice: (invoiceId: string) => `invoice:${invoiceId}`,
  organization: (organizationId: string) => `org:${organizationId}`,
};

const handshakeSchema = z
  .object({
    invoiceToken: z.string().min(1).max(200),
    /** Set when the page shows one of the customer's earlier invoices, reached via this link. */
    invoiceNumber: z.number().int().positive().max(999_999_999).nullable(),
  })
  .partial();

export type SocketIdentity =
  | { kind: "customer"; invoiceId: string }
  | { kind: "staff"; staffId: string; organizationId: string; role: string };

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
}): Promise<RealtimeServer> {
  let redis: ReturnType<typeof createClient> | undefined;
  const io = new SocketServer(options.httpServer, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
  });
  if (options.redisUrl) {
    redis = createClient({ url: options.redisUrl });
    redis.on("error", (error) => console.error("redis:", error.message));
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

  io.on("connection", (socket) => {
    const identity = socket.data.identity as SocketIdentity;
    if (identity.kind === "customer") socket.join(rooms.invoice(identity.invoiceId));
    else socket.join(rooms.organization(identity.organizationId));
    // Unknown or malformed events get an error reply through their ack, if any, and nothing else.
    socket.onAny((_event, ...args) => {
      const ack = args.at(-1);
      if (typeof ack === "function") ack({ ok: false, error: "unknown event" });
    });
  });

  registerSocketServer(io);
  return {
    io,
    kind: redis ? "redis" : "local",
    async close() {
      registerSocketServer(null);
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      if (redis?.isOpen) await redis.quit().catch(() => {});
    },
  };
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
    if (!auth.invoiceNumber) return { kind: "customer", invoiceId: tokenInvoiceId };
    // An earlier invoice of the same customer and organisation, as the page allows.
    const sibling = await findCustomerInvoiceByNumber(db, tokenInvoiceId, auth.invoiceNumber);
    if (!sibling) throw new Error("unknown invoice");
    return { kind: "customer", invoiceId: sibling };
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
    select: { organizationId: true, role: true, disabledAt: true },
  });
  if (!staff || staff.disabledAt) throw new Error("not signed in");
  return {
    kind: "staff",
    staffId: token.staffId,
    organizationId: staff.organizationId,
    role: staff.role,
  };
}
