import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { getToken } from "next-auth/jwt";
import { createClient } from "redis";
import { type Socket, Server as SocketServer } from "socket.io";
import { z } from "zod";
import type { Db } from "@/lib/db/database";
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

const handshakeSchema = z.object({ invoiceToken: z.string().min(1).max(200) }).partial();

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
  options: { db: () => Promise<Db>; authSecret: string },
): Promise<SocketIdentity> {
  const auth = handshakeSchema.parse(socket.handshake.auth ?? {});
  if (auth.invoiceToken) {
    const invoiceId = await findInvoiceIdByToken(await options.db(), auth.invoiceToken);
    if (!invoiceId) throw new Error("unknown invoice");
    return { kind: "customer", invoiceId };
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
  return {
    kind: "staff",
    staffId: token.staffId,
    organizationId: token.organizationId,
    role: token.role,
  };
}
